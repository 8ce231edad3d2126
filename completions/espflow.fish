# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_espflow_global_optspecs
    string join \n p/port= ports-from= all c/chip= b/baud= before= after= no-stub experimental-stub force connect-attempts= port-filter= non-interactive format= q/quiet v/verbose h/help V/version
end

function __fish_espflow_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_espflow_global_optspecs) -- $cmd 2>/dev/null
    # An option before the command still waiting for its value (the word being
    # completed) fails the parse: there is no command yet.
    or return 0
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_espflow_using_subcommand
    set -l cmd (__fish_espflow_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c espflow -n "__fish_espflow_needs_command" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_needs_command" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_needs_command" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_needs_command" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_needs_command" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_needs_command" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_needs_command" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_needs_command" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_needs_command" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_needs_command" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_needs_command" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_needs_command" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_needs_command" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_needs_command" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_needs_command" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_needs_command" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_needs_command" -s V -l version -d 'Print version'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "board-info" -d 'Show the chip, its revision, MAC, flash and security state'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "read-flash" -d 'Read flash into a file'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "write-flash" -d 'Write files to flash at the given addresses (or as an esptool `@flash_args` file lists them), then verify them'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "flash" -d 'Write an app\'s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "save-image" -d 'Make the app image of an ELF (or with --merge one file for the whole flash); no port is used'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "image-info" -d 'Show an app or bootloader image\'s header, segments, checksum, SHA-256 and app descriptor; no port is used'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "erase-region" -d 'Erase whole 4 KiB sectors'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "erase-flash" -d 'Erase the whole flash'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "checksum-md5" -d 'Print the MD5 of a flash region, computed on the chip'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "partition-table" -d 'Partition tables: convert and show'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "write-partition" -d 'Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "read-partition" -d 'Read the partition NAME into FILE'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "erase-partition" -d 'Erase partitions by name, or all data partitions, or by type and subtype'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "ota" -d 'OTA slots: status, write, activate, erase otadata'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "efuse" -d 'eFuses: every field of the chip\'s table by name and value (read-only)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "virtual-chip" -d 'Serve a virtual chip over TCP or a pty for other programs (esptool included)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "encrypt-image" -d 'Encrypt an image as the chip\'s flash encryption would, for writing to an encrypted device (espsecure\'s encrypt-flash-data); no port is used'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "decrypt-image" -d 'Decrypt data read from a chip\'s encrypted flash (espsecure\'s decrypt-flash-data); no port is used'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "config" -d 'Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "monitor" -d 'Show the application\'s serial output, after resetting the chip (Ctrl-] exits, Ctrl-T R resets)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "list-ports" -d 'List the serial ports, marking the USB bridges Espressif boards carry'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "reset" -d 'Reset the chip through EN, so that its application starts'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "hold-in-reset" -d 'Hold the chip in reset (EN low) after espflow exits, until the port is opened again'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "run" -d 'Start the application through the ROM loader (works without reset lines)'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "complete-values" -d 'Values for the completion scripts: port names, partition names'
complete -c espflow -n "__fish_espflow_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand board-info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand read-flash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l flash-mode -d 'SPI flash mode written into the bootloader\'s header: qio, qout, dio, dout, keep' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l flash-freq -d 'SPI flash clock written into the bootloader\'s header (80m, 40m, 26m, 20m, ... keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l flash-size -d 'Flash size written into the bootloader\'s header (1MB .. 128MB, detect, keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l encrypt-files -d 'ADDR FILE pairs the chip encrypts as it writes them (the other files go as they are)' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it): sectors already holding the ciphertext are skipped, and the write is verified against it. Without it an encrypted write is neither compared nor verified' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l monitor-baud -d 'The application\'s baud rate' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l elf -d 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l eol -d 'What the Enter key sends' -r -f -a "crlf\t'Carriage return and line feed, as ESP-IDF\'s console expects'
cr\t'Carriage return only'
lf\t'Line feed only'"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l no-verify -d 'Skip the MD5 comparison after writing'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l no-compress -d 'Send data uncompressed'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l no-skip -d 'Write every sector, even those that already hold the image'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l resume -d 'Resume an interrupted write of the same image (the default when a journal matches)'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l no-resume -d 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l encrypt -d 'Have the chip encrypt every file with its flash-encryption key as it writes it'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l monitor -d 'Then start the application and show its serial output (as `espflow monitor`)'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l timestamps -d 'Put the local time before each line'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand write-flash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l idf-build -d 'An ESP-IDF build directory: write what its flasher_args.json (or flash_args) lists' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l partition-table -d 'Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l table-offset -d 'Flash address of the partition table' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l bootloader -d 'Second-stage bootloader to use instead of the bundled ESP-IDF one' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l target-app-partition -d 'App partition to build for, instead of factory (or the first app partition)' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l flash-mode -d 'SPI flash mode written into the bootloader\'s header: qio, qout, dio, dout, keep' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l flash-freq -d 'SPI flash clock written into the bootloader\'s header (80m, 40m, 26m, 20m, ... keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l flash-size -d 'Flash size written into the bootloader\'s header (1MB .. 128MB, detect, keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l monitor-baud -d 'The application\'s baud rate' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l elf -d 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l eol -d 'What the Enter key sends' -r -f -a "crlf\t'Carriage return and line feed, as ESP-IDF\'s console expects'
cr\t'Carriage return only'
lf\t'Line feed only'"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l no-verify -d 'Skip the MD5 comparison after writing'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l no-compress -d 'Send data uncompressed'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l no-skip -d 'Write every sector, even those that already hold the image'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l resume -d 'Resume an interrupted write of the same image (the default when a journal matches)'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l no-resume -d 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l monitor -d 'Then start the application and show its serial output (as `espflow monitor`)'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l timestamps -d 'Put the local time before each line'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand flash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l partition-table -d 'Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l table-offset -d 'Flash address of the partition table' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l bootloader -d 'Second-stage bootloader to use instead of the bundled ESP-IDF one' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l target-app-partition -d 'App partition to build for, instead of factory (or the first app partition)' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l flash-mode -d 'SPI flash mode written into the bootloader\'s header: qio, qout, dio, dout, keep' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l flash-freq -d 'SPI flash clock written into the bootloader\'s header (80m, 40m, 26m, 20m, ... keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l flash-size -d 'Flash size written into the bootloader\'s header (1MB .. 128MB, detect, keep)' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l merge -d 'Write one file for the whole flash from 0x0: bootloader, table and app at their addresses, 0xFF between them'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand save-image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand image-info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand erase-region" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand erase-flash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand checksum-md5" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -f -a "convert" -d 'Convert between CSV and binary, byte for byte as ESP-IDF\'s generator does'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -f -a "show" -d 'Print a table readably (from FILE, or from the device at --offset)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and not __fish_seen_subcommand_from convert show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -s o -l offset -d 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l primary-bootloader-offset -d 'Flash address of the primary bootloader; required by `bootloader` rows' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l recovery-bootloader-offset -d 'Flash address of the recovery bootloader; required by `bootloader, recovery` rows' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l extra-partition-subtypes -d 'Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with `--`' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l flash-size -d 'Fail if the table does not fit in a flash chip of this size (checked even with --no-verify)' -r -f -a "1MB\t'1 MiB'
2MB\t'2 MiB'
4MB\t'4 MiB'
8MB\t'8 MiB'
16MB\t'16 MiB'
32MB\t'32 MiB'
64MB\t'64 MiB'
128MB\t'128 MiB'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l secure -d 'App sizes suitable for secure boot: v1 (the default if no value is given) needs 64 KiB multiples' -r -f -a "v1\t'App sizes must be multiples of 64 KiB (the signature sits in the last 64 KiB block)'
v2\t'App sizes must be multiples of 4 KiB, as without secure boot'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l disable-md5sum -d 'Write no MD5 entry, and read binary input without checking one'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l no-verify -d 'Skip validation (the --flash-size check still runs)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -s q -l quiet -d 'Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l all
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -l force
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l otadata -d 'Contents of the otadata partition (0x2000 bytes) to tell which app boots' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s o -l offset -d 'Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l primary-bootloader-offset -d 'Flash address of the primary bootloader; required by `bootloader` rows' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l recovery-bootloader-offset -d 'Flash address of the recovery bootloader; required by `bootloader, recovery` rows' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l extra-partition-subtypes -d 'Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with `--`' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l encrypt-key -d 'The chip\'s flash-encryption key file, to read the table and otadata of a chip whose flash encryption is on' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l disable-md5sum -d 'Do not check the MD5 entry of a binary table'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from help" -f -a "convert" -d 'Convert between CSV and binary, byte for byte as ESP-IDF\'s generator does'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a table readably (from FILE, or from the device at --offset)'
complete -c espflow -n "__fish_espflow_using_subcommand partition-table; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l no-verify -d 'Skip the MD5 comparison after writing'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l no-compress -d 'Send data uncompressed'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l no-skip -d 'Write every sector, even those that already hold the image'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l resume -d 'Resume an interrupted write of the same image (the default when a journal matches)'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l no-resume -d 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l type -d 'Partitions of this type (app, data, or a number)' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l subtype -d 'With --type: only this subtype (name or number)' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l data-parts -d 'Every partition of type data'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -f -a "status" -d 'Show the OTA slots, which one boots, and the otadata copies'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -f -a "write" -d 'Write an app image into an OTA slot (resumable like any write)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -f -a "activate" -d 'Make SLOT (ota_N or N) the one the bootloader picks'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -f -a "erase-data" -d 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and not __fish_seen_subcommand_from status write activate erase-data help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l slot -d 'ota_N, N, or next (the slot after the one that boots)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l activate -d 'Switch to the slot once the image is written and verified'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l no-verify -d 'Skip the MD5 comparison after writing'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l no-compress -d 'Send data uncompressed'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l no-skip -d 'Write every sector, even those that already hold the image'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l resume -d 'Resume an interrupted write of the same image (the default when a journal matches)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l no-resume -d 'Ignore and discard the journal of an interrupted write; every sector is still compared with the image'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from write" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l partition-table -d 'Use this table (CSV or binary) instead of the one on the device' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l table-offset -d 'Flash address of the table on the device' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l encrypt-key -d 'The chip\'s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from erase-data" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the OTA slots, which one boots, and the otadata copies'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from help" -f -a "write" -d 'Write an app image into an OTA slot (resumable like any write)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Make SLOT (ota_N or N) the one the bootloader picks'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from help" -f -a "erase-data" -d 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)'
complete -c espflow -n "__fish_espflow_using_subcommand ota; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -f -a "summary" -d 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and not __fish_seen_subcommand_from summary help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from help" -f -a "summary" -d 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt'
complete -c espflow -n "__fish_espflow_using_subcommand efuse; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l chip -d 'The chip to model: any but esp32p4; espflow\'s stub runs on it where espflow has one' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l flash -d 'Flash image file, written through on every change (created erased if absent)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l flash-size -d 'Flash size for a new image (2MB, 4MB, 8MB or 16MB; by default the chip\'s usual size)' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l listen -d 'Address to listen on for socket:// clients' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l time-scale -d 'With --realtime, run the chip\'s clock this many times faster than the wall clock' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l fault -d 'Inject a fault: power-cut:after-ops=N, power-cut:erase=N, power-cut:program=N, power-cut:at-ms=T or line-drop:after-bytes=N (each strikes once), or worn-cell:addr=A (the flash byte at A no longer programs)' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l efuse -d 'The chip\'s eFuses as an image file (espefuse\'s virtual eFuse file layout), read if it exists and created otherwise; what the chip burns stays in it' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l flash-encryption -d 'Turn flash encryption on: burn this 32-byte XTS-AES-128 key into a read-protected key block and make the crypt counter odd' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l secure-boot -d 'Turn secure boot v2 on: burn this 32-byte public-key digest into a digest slot' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l bridge-max-baud -d 'The serial bridge\'s highest rate: a switch above it leaves the line garbage at that rate, as a bridge that cannot make the rate does' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l bridge-errors -d 'The bridge\'s byte errors: probability P per byte at BAUD (such as 1e-4@3000000), rising linearly from none at --bridge-knee' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l bridge-knee -d 'The rate up to which the bridge damages no byte' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l seed -d 'Seed for what an injected fault leaves behind and for the bridge\'s errors' -r
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l pty -d 'Serve on a new pseudo-terminal instead of TCP'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l realtime -d 'Pace the UART at the baud rate and apply datasheet flash timings'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l stay-on -d 'A client leaving does not reset the chip: whatever runs (espflow\'s stub, busy or not) is what the next client finds, as behind a serial bridge without reset lines'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l secure-download-mode -d 'Burn ENABLE_SECURITY_DOWNLOAD: the ROM loader allows only the Secure Download Mode commands'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l all
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -l force
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand virtual-chip" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s c -l chip -d 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s k -l key -l keyfile -d 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2\'s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s a -l address -d 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)' -r
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -l flash-crypt-conf -d 'The ESP32\'s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only [default: 0xF]' -r
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s o -l output -d 'OUT given as an option, as espsecure takes it' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s x -l aes-xts -d 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it'
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -l all
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -l force
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand encrypt-image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s c -l chip -d 'The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s k -l key -l keyfile -d 'Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2\'s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s a -l address -d 'Flash address of the data: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)' -r
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -l flash-crypt-conf -d 'The ESP32\'s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only [default: 0xF]' -r
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s o -l output -d 'OUT given as an option, as espsecure takes it' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s x -l aes-xts -d 'Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it'
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -l all
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -l force
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand decrypt-image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print each setting, its value and its source'
complete -c espflow -n "__fish_espflow_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print each setting, its value and its source'
complete -c espflow -n "__fish_espflow_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand completions" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand completions" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand completions" -l all
complete -c espflow -n "__fish_espflow_using_subcommand completions" -l force
complete -c espflow -n "__fish_espflow_using_subcommand completions" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand completions" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand man" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand man" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand man" -l all
complete -c espflow -n "__fish_espflow_using_subcommand man" -l force
complete -c espflow -n "__fish_espflow_using_subcommand man" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand man" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l monitor-baud -d 'The application\'s baud rate' -r
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l elf -d 'Name the code addresses the application prints (backtraces), from the ELF it was built as (for `flash --monitor`, the ELF flashed unless this names another)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l eol -d 'What the Enter key sends' -r -f -a "crlf\t'Carriage return and line feed, as ESP-IDF\'s console expects'
cr\t'Carriage return only'
lf\t'Line feed only'"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l no-reset -d 'Attach without resetting the chip first'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l timestamps -d 'Put the local time before each line'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand monitor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -l all
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -l force
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand list-ports" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand hold-in-reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand run" -s p -l port -d 'Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once' -r -f -a "(espflow complete-values ports)"
complete -c espflow -n "__fish_espflow_using_subcommand run" -l ports-from -d 'Also use the ports listed in FILE, one a line (`#` starts a comment)' -r -F
complete -c espflow -n "__fish_espflow_using_subcommand run" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand run" -s b -l baud -d 'Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up to the fastest rate the line sustains once espflow\'s stub runs' -r
complete -c espflow -n "__fish_espflow_using_subcommand run" -l before -d 'How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]' -r -f -a "default-reset\t'Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)'
usb-reset\t'The USB-JTAG-Serial peripheral\'s reset sequence'
no-reset\t'Just sync with a loader that is already waiting'
no-reset-no-sync\t'Neither reset nor sync: a stub is assumed to be running'"
complete -c espflow -n "__fish_espflow_using_subcommand run" -l after -d 'What to do with the chip when done' -r -f -a "hard-reset\t'Pulse EN so the application starts'
no-reset\t'Leave the chip in the loader'"
complete -c espflow -n "__fish_espflow_using_subcommand run" -l connect-attempts -d 'Connection attempts before giving up' -r
complete -c espflow -n "__fish_espflow_using_subcommand run" -l port-filter -d 'Without --port: use the attached port with this USB VID:PID (303a:1001) or serial number (may be given more than once)' -r
complete -c espflow -n "__fish_espflow_using_subcommand run" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand run" -l all -d 'Use every attached known board (or every port passing --port-filter)'
complete -c espflow -n "__fish_espflow_using_subcommand run" -l no-stub -d 'Use the ROM loader only, without uploading a stub'
complete -c espflow -n "__fish_espflow_using_subcommand run" -l experimental-stub -d 'Use espflow\'s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader'
complete -c espflow -n "__fish_espflow_using_subcommand run" -l force -d 'Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning'
complete -c espflow -n "__fish_espflow_using_subcommand run" -l non-interactive -d 'Never ask which port to use: with several boards attached and no --port, fail'
complete -c espflow -n "__fish_espflow_using_subcommand run" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand run" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -l ports-from -r -F
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -s c -l chip -d 'Expected chip; connecting to another one is an error' -r -f -a "esp32\t'ESP32 (Xtensa LX6, dual core)'
esp32s2\t'ESP32-S2 (Xtensa LX7, single core)'
esp32s3\t'ESP32-S3 (Xtensa LX7, dual core)'
esp32c2\t'ESP32-C2 (RISC-V)'
esp32c3\t'ESP32-C3 (RISC-V)'
esp32c5\t'ESP32-C5 (RISC-V)'
esp32c6\t'ESP32-C6 (RISC-V)'
esp32h2\t'ESP32-H2 (RISC-V)'
esp32p4\t'ESP32-P4 (RISC-V)'"
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -l format -d 'How to report progress and results: text on the terminal, or JSON lines on stdout' -r -f -a "text\t'Sentences and a progress bar (plain lines when stderr is not a terminal)'
json\t'JSON lines on stdout'"
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -l all
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -l force
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -s q -l quiet -d 'Show no progress: only results and errors'
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -s v -l verbose -d 'Show more: each stage\'s time'
complete -c espflow -n "__fish_espflow_using_subcommand complete-values" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "board-info" -d 'Show the chip, its revision, MAC, flash and security state'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "read-flash" -d 'Read flash into a file'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "write-flash" -d 'Write files to flash at the given addresses (or as an esptool `@flash_args` file lists them), then verify them'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "flash" -d 'Write an app\'s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "save-image" -d 'Make the app image of an ELF (or with --merge one file for the whole flash); no port is used'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "image-info" -d 'Show an app or bootloader image\'s header, segments, checksum, SHA-256 and app descriptor; no port is used'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "erase-region" -d 'Erase whole 4 KiB sectors'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "erase-flash" -d 'Erase the whole flash'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "checksum-md5" -d 'Print the MD5 of a flash region, computed on the chip'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "partition-table" -d 'Partition tables: convert and show'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "write-partition" -d 'Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "read-partition" -d 'Read the partition NAME into FILE'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "erase-partition" -d 'Erase partitions by name, or all data partitions, or by type and subtype'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "ota" -d 'OTA slots: status, write, activate, erase otadata'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "efuse" -d 'eFuses: every field of the chip\'s table by name and value (read-only)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "virtual-chip" -d 'Serve a virtual chip over TCP or a pty for other programs (esptool included)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "encrypt-image" -d 'Encrypt an image as the chip\'s flash encryption would, for writing to an encrypted device (espsecure\'s encrypt-flash-data); no port is used'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "decrypt-image" -d 'Decrypt data read from a chip\'s encrypted flash (espsecure\'s decrypt-flash-data); no port is used'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "config" -d 'Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "completions" -d 'Print a shell completion script'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "man" -d 'Print the man page (roff)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "monitor" -d 'Show the application\'s serial output, after resetting the chip (Ctrl-] exits, Ctrl-T R resets)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "list-ports" -d 'List the serial ports, marking the USB bridges Espressif boards carry'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "reset" -d 'Reset the chip through EN, so that its application starts'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "hold-in-reset" -d 'Hold the chip in reset (EN low) after espflow exits, until the port is opened again'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "run" -d 'Start the application through the ROM loader (works without reset lines)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "complete-values" -d 'Values for the completion scripts: port names, partition names'
complete -c espflow -n "__fish_espflow_using_subcommand help; and not __fish_seen_subcommand_from board-info read-flash write-flash flash save-image image-info erase-region erase-flash checksum-md5 partition-table write-partition read-partition erase-partition ota efuse virtual-chip encrypt-image decrypt-image config completions man monitor list-ports reset hold-in-reset run complete-values help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from partition-table" -f -a "convert" -d 'Convert between CSV and binary, byte for byte as ESP-IDF\'s generator does'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from partition-table" -f -a "show" -d 'Print a table readably (from FILE, or from the device at --offset)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from ota" -f -a "status" -d 'Show the OTA slots, which one boots, and the otadata copies'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from ota" -f -a "write" -d 'Write an app image into an OTA slot (resumable like any write)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from ota" -f -a "activate" -d 'Make SLOT (ota_N or N) the one the bootloader picks'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from ota" -f -a "erase-data" -d 'Erase otadata, so the bootloader falls back to the factory app (or ota_0)'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from efuse" -f -a "summary" -d 'Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt'
complete -c espflow -n "__fish_espflow_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print each setting, its value and its source'
complete -c espflow -n "__fish_espflow_using_subcommand write-partition" -a "(espflow complete-values partitions -- (commandline -opc))"
complete -c espflow -n "__fish_espflow_using_subcommand read-partition" -a "(espflow complete-values partitions -- (commandline -opc))"
complete -c espflow -n "__fish_espflow_using_subcommand erase-partition" -a "(espflow complete-values partitions -- (commandline -opc))"
