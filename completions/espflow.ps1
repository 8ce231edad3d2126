
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'espflow' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'espflow'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'espflow' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('board-info', 'board-info', [CompletionResultType]::ParameterValue, 'Show the chip, its revision, MAC, flash and security state')
            [CompletionResult]::new('read-flash', 'read-flash', [CompletionResultType]::ParameterValue, 'Read flash into a file')
            [CompletionResult]::new('write-flash', 'write-flash', [CompletionResultType]::ParameterValue, 'Write files to flash at the given addresses (or as an esptool `@flash_args` file lists them), then verify them')
            [CompletionResult]::new('flash', 'flash', [CompletionResultType]::ParameterValue, 'Write an app''s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them')
            [CompletionResult]::new('save-image', 'save-image', [CompletionResultType]::ParameterValue, 'Make the app image of an ELF (or with --merge one file for the whole flash); no port is used')
            [CompletionResult]::new('image-info', 'image-info', [CompletionResultType]::ParameterValue, 'Show an app or bootloader image''s header, segments, checksum, SHA-256 and app descriptor; no port is used')
            [CompletionResult]::new('erase-region', 'erase-region', [CompletionResultType]::ParameterValue, 'Erase whole 4 KiB sectors')
            [CompletionResult]::new('erase-flash', 'erase-flash', [CompletionResultType]::ParameterValue, 'Erase the whole flash')
            [CompletionResult]::new('checksum-md5', 'checksum-md5', [CompletionResultType]::ParameterValue, 'Print the MD5 of a flash region, computed on the chip')
            [CompletionResult]::new('partition-table', 'partition-table', [CompletionResultType]::ParameterValue, 'Partition tables: convert and show')
            [CompletionResult]::new('write-partition', 'write-partition', [CompletionResultType]::ParameterValue, 'Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)')
            [CompletionResult]::new('read-partition', 'read-partition', [CompletionResultType]::ParameterValue, 'Read the partition NAME into FILE')
            [CompletionResult]::new('erase-partition', 'erase-partition', [CompletionResultType]::ParameterValue, 'Erase partitions by name, or all data partitions, or by type and subtype')
            [CompletionResult]::new('ota', 'ota', [CompletionResultType]::ParameterValue, 'OTA slots: status, write, activate, erase otadata')
            [CompletionResult]::new('efuse', 'efuse', [CompletionResultType]::ParameterValue, 'eFuses: every field of the chip''s table by name and value (read-only)')
            [CompletionResult]::new('virtual-chip', 'virtual-chip', [CompletionResultType]::ParameterValue, 'Serve a virtual chip over TCP or a pty for other programs (esptool included)')
            [CompletionResult]::new('encrypt-image', 'encrypt-image', [CompletionResultType]::ParameterValue, 'Encrypt an image as the chip''s flash encryption would, for writing to an encrypted device (espsecure''s encrypt-flash-data); no port is used')
            [CompletionResult]::new('decrypt-image', 'decrypt-image', [CompletionResultType]::ParameterValue, 'Decrypt data read from a chip''s encrypted flash (espsecure''s decrypt-flash-data); no port is used')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Show the application''s serial output, after resetting the chip (Ctrl-] exits, Ctrl-T R resets)')
            [CompletionResult]::new('list-ports', 'list-ports', [CompletionResultType]::ParameterValue, 'List the serial ports, marking the USB bridges Espressif boards carry')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset the chip through EN, so that its application starts')
            [CompletionResult]::new('hold-in-reset', 'hold-in-reset', [CompletionResultType]::ParameterValue, 'Hold the chip in reset (EN low) after espflow exits, until the port is opened again')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Start the application through the ROM loader (works without reset lines)')
            [CompletionResult]::new('complete-values', 'complete-values', [CompletionResultType]::ParameterValue, 'Values for the completion scripts: port names, partition names')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;board-info' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;read-flash' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;write-flash' {
            [CompletionResult]::new('--flash-mode', '--flash-mode', [CompletionResultType]::ParameterName, 'SPI flash mode written into the bootloader''s header: qio, qout, dio, dout, keep')
            [CompletionResult]::new('--flash-freq', '--flash-freq', [CompletionResultType]::ParameterName, 'SPI flash clock written into the bootloader''s header (80m, 40m, 26m, 20m, ... keep)')
            [CompletionResult]::new('--flash-size', '--flash-size', [CompletionResultType]::ParameterName, 'Flash size written into the bootloader''s header (1MB .. 128MB, detect, keep)')
            [CompletionResult]::new('--encrypt-files', '--encrypt-files', [CompletionResultType]::ParameterName, 'ADDR FILE pairs the chip encrypts as it writes them (the other files go as they are)')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it): sectors already holding the ciphertext are skipped, and the write is verified against it. Without it an encrypted write is neither compared nor verified')
            [CompletionResult]::new('--monitor-baud', '--monitor-baud', [CompletionResultType]::ParameterName, 'The application''s baud rate')
            [CompletionResult]::new('--elf', '--elf', [CompletionResultType]::ParameterName, 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)')
            [CompletionResult]::new('--eol', '--eol', [CompletionResultType]::ParameterName, 'What the Enter key sends')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Skip the MD5 comparison after writing')
            [CompletionResult]::new('--no-compress', '--no-compress', [CompletionResultType]::ParameterName, 'Send data uncompressed')
            [CompletionResult]::new('--no-skip', '--no-skip', [CompletionResultType]::ParameterName, 'Write every sector, even those that already hold the image')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Resume an interrupted write of the same image (the default when a journal matches)')
            [CompletionResult]::new('--no-resume', '--no-resume', [CompletionResultType]::ParameterName, 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'Have the chip encrypt every file with its flash-encryption key as it writes it')
            [CompletionResult]::new('--monitor', '--monitor', [CompletionResultType]::ParameterName, 'Then start the application and show its serial output (as `espflow monitor`)')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Put the local time before each line')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;flash' {
            [CompletionResult]::new('--idf-build', '--idf-build', [CompletionResultType]::ParameterName, 'An ESP-IDF build directory: write what its flasher_args.json (or flash_args) lists')
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the partition table')
            [CompletionResult]::new('--bootloader', '--bootloader', [CompletionResultType]::ParameterName, 'Second-stage bootloader to use instead of the bundled ESP-IDF one')
            [CompletionResult]::new('--target-app-partition', '--target-app-partition', [CompletionResultType]::ParameterName, 'App partition to build for, instead of factory (or the first app partition)')
            [CompletionResult]::new('--flash-mode', '--flash-mode', [CompletionResultType]::ParameterName, 'SPI flash mode written into the bootloader''s header: qio, qout, dio, dout, keep')
            [CompletionResult]::new('--flash-freq', '--flash-freq', [CompletionResultType]::ParameterName, 'SPI flash clock written into the bootloader''s header (80m, 40m, 26m, 20m, ... keep)')
            [CompletionResult]::new('--flash-size', '--flash-size', [CompletionResultType]::ParameterName, 'Flash size written into the bootloader''s header (1MB .. 128MB, detect, keep)')
            [CompletionResult]::new('--monitor-baud', '--monitor-baud', [CompletionResultType]::ParameterName, 'The application''s baud rate')
            [CompletionResult]::new('--elf', '--elf', [CompletionResultType]::ParameterName, 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)')
            [CompletionResult]::new('--eol', '--eol', [CompletionResultType]::ParameterName, 'What the Enter key sends')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Skip the MD5 comparison after writing')
            [CompletionResult]::new('--no-compress', '--no-compress', [CompletionResultType]::ParameterName, 'Send data uncompressed')
            [CompletionResult]::new('--no-skip', '--no-skip', [CompletionResultType]::ParameterName, 'Write every sector, even those that already hold the image')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Resume an interrupted write of the same image (the default when a journal matches)')
            [CompletionResult]::new('--no-resume', '--no-resume', [CompletionResultType]::ParameterName, 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image')
            [CompletionResult]::new('--monitor', '--monitor', [CompletionResultType]::ParameterName, 'Then start the application and show its serial output (as `espflow monitor`)')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Put the local time before each line')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;save-image' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the partition table')
            [CompletionResult]::new('--bootloader', '--bootloader', [CompletionResultType]::ParameterName, 'Second-stage bootloader to use instead of the bundled ESP-IDF one')
            [CompletionResult]::new('--target-app-partition', '--target-app-partition', [CompletionResultType]::ParameterName, 'App partition to build for, instead of factory (or the first app partition)')
            [CompletionResult]::new('--flash-mode', '--flash-mode', [CompletionResultType]::ParameterName, 'SPI flash mode written into the bootloader''s header: qio, qout, dio, dout, keep')
            [CompletionResult]::new('--flash-freq', '--flash-freq', [CompletionResultType]::ParameterName, 'SPI flash clock written into the bootloader''s header (80m, 40m, 26m, 20m, ... keep)')
            [CompletionResult]::new('--flash-size', '--flash-size', [CompletionResultType]::ParameterName, 'Flash size written into the bootloader''s header (1MB .. 128MB, detect, keep)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--merge', '--merge', [CompletionResultType]::ParameterName, 'Write one file for the whole flash from 0x0: bootloader, table and app at their addresses, 0xFF between them')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;image-info' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;erase-region' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;erase-flash' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;checksum-md5' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;partition-table' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert between CSV and binary, byte for byte as ESP-IDF''s generator does')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a table readably (from FILE, or from the device at --offset)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;partition-table;convert' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)')
            [CompletionResult]::new('--primary-bootloader-offset', '--primary-bootloader-offset', [CompletionResultType]::ParameterName, 'Flash address of the primary bootloader; required by `bootloader` rows')
            [CompletionResult]::new('--recovery-bootloader-offset', '--recovery-bootloader-offset', [CompletionResultType]::ParameterName, 'Flash address of the recovery bootloader; required by `bootloader, recovery` rows')
            [CompletionResult]::new('--extra-partition-subtypes', '--extra-partition-subtypes', [CompletionResultType]::ParameterName, 'Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with `--`')
            [CompletionResult]::new('--flash-size', '--flash-size', [CompletionResultType]::ParameterName, 'Fail if the table does not fit in a flash chip of this size (checked even with --no-verify)')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'App sizes suitable for secure boot: v1 (the default if no value is given) needs 64 KiB multiples')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'chip')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--disable-md5sum', '--disable-md5sum', [CompletionResultType]::ParameterName, 'Write no MD5 entry, and read binary input without checking one')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Skip validation (the --flash-size check still runs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;partition-table;show' {
            [CompletionResult]::new('--otadata', '--otadata', [CompletionResultType]::ParameterName, 'Contents of the otadata partition (0x2000 bytes) to tell which app boots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)')
            [CompletionResult]::new('--primary-bootloader-offset', '--primary-bootloader-offset', [CompletionResultType]::ParameterName, 'Flash address of the primary bootloader; required by `bootloader` rows')
            [CompletionResult]::new('--recovery-bootloader-offset', '--recovery-bootloader-offset', [CompletionResultType]::ParameterName, 'Flash address of the recovery bootloader; required by `bootloader, recovery` rows')
            [CompletionResult]::new('--extra-partition-subtypes', '--extra-partition-subtypes', [CompletionResultType]::ParameterName, 'Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with `--`')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file, to read the table and otadata of a chip whose flash encryption is on')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--disable-md5sum', '--disable-md5sum', [CompletionResultType]::ParameterName, 'Do not check the MD5 entry of a binary table')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;partition-table;help' {
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert between CSV and binary, byte for byte as ESP-IDF''s generator does')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a table readably (from FILE, or from the device at --offset)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;partition-table;help;convert' {
            break
        }
        'espflow;partition-table;help;show' {
            break
        }
        'espflow;partition-table;help;help' {
            break
        }
        'espflow;write-partition' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Skip the MD5 comparison after writing')
            [CompletionResult]::new('--no-compress', '--no-compress', [CompletionResultType]::ParameterName, 'Send data uncompressed')
            [CompletionResult]::new('--no-skip', '--no-skip', [CompletionResultType]::ParameterName, 'Write every sector, even those that already hold the image')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Resume an interrupted write of the same image (the default when a journal matches)')
            [CompletionResult]::new('--no-resume', '--no-resume', [CompletionResultType]::ParameterName, 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;read-partition' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;erase-partition' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Partitions of this type (app, data, or a number)')
            [CompletionResult]::new('--subtype', '--subtype', [CompletionResultType]::ParameterName, 'With --type: only this subtype (name or number)')
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--data-parts', '--data-parts', [CompletionResultType]::ParameterName, 'Every partition of type data')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;ota' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the OTA slots, which one boots, and the otadata copies')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write an app image into an OTA slot (resumable like any write)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make SLOT (ota_N or N) the one the bootloader picks')
            [CompletionResult]::new('erase-data', 'erase-data', [CompletionResultType]::ParameterValue, 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;ota;status' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;ota;write' {
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'ota_N, N, or next (the slot after the one that boots)')
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--activate', '--activate', [CompletionResultType]::ParameterName, 'Switch to the slot once the image is written and verified')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Skip the MD5 comparison after writing')
            [CompletionResult]::new('--no-compress', '--no-compress', [CompletionResultType]::ParameterName, 'Send data uncompressed')
            [CompletionResult]::new('--no-skip', '--no-skip', [CompletionResultType]::ParameterName, 'Write every sector, even those that already hold the image')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Resume an interrupted write of the same image (the default when a journal matches)')
            [CompletionResult]::new('--no-resume', '--no-resume', [CompletionResultType]::ParameterName, 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;ota;activate' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;ota;erase-data' {
            [CompletionResult]::new('--partition-table', '--partition-table', [CompletionResultType]::ParameterName, 'Use this table (CSV or binary) instead of the one on the device')
            [CompletionResult]::new('--table-offset', '--table-offset', [CompletionResultType]::ParameterName, 'Flash address of the table on the device')
            [CompletionResult]::new('--encrypt-key', '--encrypt-key', [CompletionResultType]::ParameterName, 'The chip''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;ota;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the OTA slots, which one boots, and the otadata copies')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write an app image into an OTA slot (resumable like any write)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make SLOT (ota_N or N) the one the bootloader picks')
            [CompletionResult]::new('erase-data', 'erase-data', [CompletionResultType]::ParameterValue, 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;ota;help;status' {
            break
        }
        'espflow;ota;help;write' {
            break
        }
        'espflow;ota;help;activate' {
            break
        }
        'espflow;ota;help;erase-data' {
            break
        }
        'espflow;ota;help;help' {
            break
        }
        'espflow;efuse' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;efuse;summary' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;efuse;help' {
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;efuse;help;summary' {
            break
        }
        'espflow;efuse;help;help' {
            break
        }
        'espflow;virtual-chip' {
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'The chip to model: any but esp32p4; espflow''s stub runs on it where espflow has one')
            [CompletionResult]::new('--flash', '--flash', [CompletionResultType]::ParameterName, 'Flash image file, written through on every change (created erased if absent)')
            [CompletionResult]::new('--flash-size', '--flash-size', [CompletionResultType]::ParameterName, 'Flash size for a new image (2MB, 4MB, 8MB or 16MB; by default the chip''s usual size)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on for socket:// clients')
            [CompletionResult]::new('--time-scale', '--time-scale', [CompletionResultType]::ParameterName, 'With --realtime, run the chip''s clock this many times faster than the wall clock')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault: power-cut:after-ops=N, power-cut:erase=N, power-cut:program=N, power-cut:at-ms=T or line-drop:after-bytes=N (each strikes once), or worn-cell:addr=A (the flash byte at A no longer programs)')
            [CompletionResult]::new('--efuse', '--efuse', [CompletionResultType]::ParameterName, 'The chip''s eFuses as an image file (espefuse''s virtual eFuse file layout), read if it exists and created otherwise; what the chip burns stays in it')
            [CompletionResult]::new('--flash-encryption', '--flash-encryption', [CompletionResultType]::ParameterName, 'Turn flash encryption on: burn this 32-byte XTS-AES-128 key into a read-protected key block and make the crypt counter odd')
            [CompletionResult]::new('--secure-boot', '--secure-boot', [CompletionResultType]::ParameterName, 'Turn secure boot v2 on: burn this 32-byte public-key digest into a digest slot')
            [CompletionResult]::new('--bridge-max-baud', '--bridge-max-baud', [CompletionResultType]::ParameterName, 'The serial bridge''s highest rate: a switch above it leaves the line garbage at that rate, as a bridge that cannot make the rate does')
            [CompletionResult]::new('--bridge-errors', '--bridge-errors', [CompletionResultType]::ParameterName, 'The bridge''s byte errors: probability P per byte at BAUD (such as 1e-4@3000000), rising linearly from none at --bridge-knee')
            [CompletionResult]::new('--bridge-knee', '--bridge-knee', [CompletionResultType]::ParameterName, 'The rate up to which the bridge damages no byte')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for what an injected fault leaves behind and for the bridge''s errors')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--pty', '--pty', [CompletionResultType]::ParameterName, 'Serve on a new pseudo-terminal instead of TCP')
            [CompletionResult]::new('--realtime', '--realtime', [CompletionResultType]::ParameterName, 'Pace the UART at the baud rate and apply datasheet flash timings')
            [CompletionResult]::new('--stay-on', '--stay-on', [CompletionResultType]::ParameterName, 'A client leaving does not reset the chip: whatever runs (espflow''s stub, busy or not) is what the next client finds, as behind a serial bridge without reset lines')
            [CompletionResult]::new('--secure-download-mode', '--secure-download-mode', [CompletionResultType]::ParameterName, 'Burn ENABLE_SECURITY_DOWNLOAD: the ROM loader allows only the Secure Download Mode commands')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;encrypt-image' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('--keyfile', '--keyfile', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)')
            [CompletionResult]::new('--flash-crypt-conf', '--flash-crypt-conf', [CompletionResultType]::ParameterName, 'The ESP32''s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only [default: 0xF]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'OUT given as an option, as espsecure takes it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'OUT given as an option, as espsecure takes it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it')
            [CompletionResult]::new('--aes-xts', '--aes-xts', [CompletionResultType]::ParameterName, 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;decrypt-image' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('--keyfile', '--keyfile', [CompletionResultType]::ParameterName, 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)')
            [CompletionResult]::new('--flash-crypt-conf', '--flash-crypt-conf', [CompletionResultType]::ParameterName, 'The ESP32''s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only [default: 0xF]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'OUT given as an option, as espsecure takes it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'OUT given as an option, as espsecure takes it')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it')
            [CompletionResult]::new('--aes-xts', '--aes-xts', [CompletionResultType]::ParameterName, 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;config' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each setting, its value and its source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;config;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each setting, its value and its source')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;config;help;show' {
            break
        }
        'espflow;config;help;help' {
            break
        }
        'espflow;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'chip')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;man' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'chip')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;monitor' {
            [CompletionResult]::new('--monitor-baud', '--monitor-baud', [CompletionResultType]::ParameterName, 'The application''s baud rate')
            [CompletionResult]::new('--elf', '--elf', [CompletionResultType]::ParameterName, 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)')
            [CompletionResult]::new('--eol', '--eol', [CompletionResultType]::ParameterName, 'What the Enter key sends')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--no-reset', '--no-reset', [CompletionResultType]::ParameterName, 'Attach without resetting the chip first')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Put the local time before each line')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;list-ports' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'chip')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;reset' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;hold-in-reset' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'Also use the ports listed in FILE, one a line (`#` starts a comment)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow''s stub runs')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'What to do with the chip when done')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'Connection attempts before giving up')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Use every attached known board (or every port passing --port-filter)')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'Use the ROM loader only, without uploading a stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'Use espflow''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask which port to use: with several boards attached and no --port, fail')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;complete-values' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'port')
            [CompletionResult]::new('--ports-from', '--ports-from', [CompletionResultType]::ParameterName, 'ports-from')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'b')
            [CompletionResult]::new('--baud', '--baud', [CompletionResultType]::ParameterName, 'baud')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'before')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'after')
            [CompletionResult]::new('--connect-attempts', '--connect-attempts', [CompletionResultType]::ParameterName, 'connect-attempts')
            [CompletionResult]::new('--port-filter', '--port-filter', [CompletionResultType]::ParameterName, 'port-filter')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--chip', '--chip', [CompletionResultType]::ParameterName, 'Expected chip; connecting to another one is an error')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report progress and results: text on the terminal, or JSON lines on stdout')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'all')
            [CompletionResult]::new('--no-stub', '--no-stub', [CompletionResultType]::ParameterName, 'no-stub')
            [CompletionResult]::new('--experimental-stub', '--experimental-stub', [CompletionResultType]::ParameterName, 'experimental-stub')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'non-interactive')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'force')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress: only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more: each stage''s time')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'espflow;help' {
            [CompletionResult]::new('board-info', 'board-info', [CompletionResultType]::ParameterValue, 'Show the chip, its revision, MAC, flash and security state')
            [CompletionResult]::new('read-flash', 'read-flash', [CompletionResultType]::ParameterValue, 'Read flash into a file')
            [CompletionResult]::new('write-flash', 'write-flash', [CompletionResultType]::ParameterValue, 'Write files to flash at the given addresses (or as an esptool `@flash_args` file lists them), then verify them')
            [CompletionResult]::new('flash', 'flash', [CompletionResultType]::ParameterValue, 'Write an app''s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them')
            [CompletionResult]::new('save-image', 'save-image', [CompletionResultType]::ParameterValue, 'Make the app image of an ELF (or with --merge one file for the whole flash); no port is used')
            [CompletionResult]::new('image-info', 'image-info', [CompletionResultType]::ParameterValue, 'Show an app or bootloader image''s header, segments, checksum, SHA-256 and app descriptor; no port is used')
            [CompletionResult]::new('erase-region', 'erase-region', [CompletionResultType]::ParameterValue, 'Erase whole 4 KiB sectors')
            [CompletionResult]::new('erase-flash', 'erase-flash', [CompletionResultType]::ParameterValue, 'Erase the whole flash')
            [CompletionResult]::new('checksum-md5', 'checksum-md5', [CompletionResultType]::ParameterValue, 'Print the MD5 of a flash region, computed on the chip')
            [CompletionResult]::new('partition-table', 'partition-table', [CompletionResultType]::ParameterValue, 'Partition tables: convert and show')
            [CompletionResult]::new('write-partition', 'write-partition', [CompletionResultType]::ParameterValue, 'Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)')
            [CompletionResult]::new('read-partition', 'read-partition', [CompletionResultType]::ParameterValue, 'Read the partition NAME into FILE')
            [CompletionResult]::new('erase-partition', 'erase-partition', [CompletionResultType]::ParameterValue, 'Erase partitions by name, or all data partitions, or by type and subtype')
            [CompletionResult]::new('ota', 'ota', [CompletionResultType]::ParameterValue, 'OTA slots: status, write, activate, erase otadata')
            [CompletionResult]::new('efuse', 'efuse', [CompletionResultType]::ParameterValue, 'eFuses: every field of the chip''s table by name and value (read-only)')
            [CompletionResult]::new('virtual-chip', 'virtual-chip', [CompletionResultType]::ParameterValue, 'Serve a virtual chip over TCP or a pty for other programs (esptool included)')
            [CompletionResult]::new('encrypt-image', 'encrypt-image', [CompletionResultType]::ParameterValue, 'Encrypt an image as the chip''s flash encryption would, for writing to an encrypted device (espsecure''s encrypt-flash-data); no port is used')
            [CompletionResult]::new('decrypt-image', 'decrypt-image', [CompletionResultType]::ParameterValue, 'Decrypt data read from a chip''s encrypted flash (espsecure''s decrypt-flash-data); no port is used')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Show the application''s serial output, after resetting the chip (Ctrl-] exits, Ctrl-T R resets)')
            [CompletionResult]::new('list-ports', 'list-ports', [CompletionResultType]::ParameterValue, 'List the serial ports, marking the USB bridges Espressif boards carry')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset the chip through EN, so that its application starts')
            [CompletionResult]::new('hold-in-reset', 'hold-in-reset', [CompletionResultType]::ParameterValue, 'Hold the chip in reset (EN low) after espflow exits, until the port is opened again')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Start the application through the ROM loader (works without reset lines)')
            [CompletionResult]::new('complete-values', 'complete-values', [CompletionResultType]::ParameterValue, 'Values for the completion scripts: port names, partition names')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'espflow;help;board-info' {
            break
        }
        'espflow;help;read-flash' {
            break
        }
        'espflow;help;write-flash' {
            break
        }
        'espflow;help;flash' {
            break
        }
        'espflow;help;save-image' {
            break
        }
        'espflow;help;image-info' {
            break
        }
        'espflow;help;erase-region' {
            break
        }
        'espflow;help;erase-flash' {
            break
        }
        'espflow;help;checksum-md5' {
            break
        }
        'espflow;help;partition-table' {
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert between CSV and binary, byte for byte as ESP-IDF''s generator does')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a table readably (from FILE, or from the device at --offset)')
            break
        }
        'espflow;help;partition-table;convert' {
            break
        }
        'espflow;help;partition-table;show' {
            break
        }
        'espflow;help;write-partition' {
            break
        }
        'espflow;help;read-partition' {
            break
        }
        'espflow;help;erase-partition' {
            break
        }
        'espflow;help;ota' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the OTA slots, which one boots, and the otadata copies')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write an app image into an OTA slot (resumable like any write)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Make SLOT (ota_N or N) the one the bootloader picks')
            [CompletionResult]::new('erase-data', 'erase-data', [CompletionResultType]::ParameterValue, 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)')
            break
        }
        'espflow;help;ota;status' {
            break
        }
        'espflow;help;ota;write' {
            break
        }
        'espflow;help;ota;activate' {
            break
        }
        'espflow;help;ota;erase-data' {
            break
        }
        'espflow;help;efuse' {
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt')
            break
        }
        'espflow;help;efuse;summary' {
            break
        }
        'espflow;help;virtual-chip' {
            break
        }
        'espflow;help;encrypt-image' {
            break
        }
        'espflow;help;decrypt-image' {
            break
        }
        'espflow;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each setting, its value and its source')
            break
        }
        'espflow;help;config;show' {
            break
        }
        'espflow;help;completions' {
            break
        }
        'espflow;help;man' {
            break
        }
        'espflow;help;monitor' {
            break
        }
        'espflow;help;list-ports' {
            break
        }
        'espflow;help;reset' {
            break
        }
        'espflow;help;hold-in-reset' {
            break
        }
        'espflow;help;run' {
            break
        }
        'espflow;help;complete-values' {
            break
        }
        'espflow;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
