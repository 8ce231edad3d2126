#compdef espflow

autoload -U is-at-least

_espflow() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_espflow_commands" \
"*::: :->espflow" \
&& ret=0
    case $state in
    (espflow)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-command-$line[1]:"
        case $line[1] in
            (board-info)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(read-flash)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size -- Bytes to read, or `all` for everything from ADDR to the end of the flash:_default' \
':file:_files' \
&& ret=0
;;
(write-flash)
_arguments "${_arguments_options[@]}" : \
'--flash-mode=[SPI flash mode written into the bootloader'\''s header\: qio, qout, dio, dout, keep]:MODE:_default' \
'--flash-freq=[SPI flash clock written into the bootloader'\''s header (80m, 40m, 26m, 20m, ... keep)]:FREQ:_default' \
'--flash-size=[Flash size written into the bootloader'\''s header (1MB .. 128MB, detect, keep)]:SIZE:_default' \
'*--encrypt-files=[ADDR FILE pairs the chip encrypts as it writes them (the other files go as they are)]:ADDR:_default:ADDR:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it)\: sectors already holding the ciphertext are skipped, and the write is verified against it. Without it an encrypted write is neither compared nor verified]:KEY:_files' \
'--monitor-baud=[The application'\''s baud rate]:BAUD:_default' \
'--elf=[Name the code addresses the application prints (backtraces), from the ELF it was built as (for \`flash --monitor\`, the ELF flashed unless this names another)]:FILE:_files' \
'--eol=[What the Enter key sends]:EOL:((crlf\:"Carriage return and line feed, as ESP-IDF'\''s console expects"
cr\:"Carriage return only"
lf\:"Line feed only"))' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--no-verify[Skip the MD5 comparison after writing]' \
'--no-compress[Send data uncompressed]' \
'--no-skip[Write every sector, even those that already hold the image]' \
'--resume[Resume an interrupted write of the same image (the default when a journal matches)]' \
'--no-resume[Ignore and discard the journal of an interrupted write; every sector is still compared with the image]' \
'--encrypt[Have the chip encrypt every file with its flash-encryption key as it writes it]' \
'--monitor[Then start the application and show its serial output (as \`espflow monitor\`)]' \
'--timestamps[Put the local time before each line]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::images -- ADDR FILE pairs, or @FILE\: an esptool arguments file such as ESP-IDF'\''s flash_args:_default' \
&& ret=0
;;
(flash)
_arguments "${_arguments_options[@]}" : \
'--idf-build=[An ESP-IDF build directory\: write what its flasher_args.json (or flash_args) lists]:DIR:_files' \
'--partition-table=[Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)]:FILE:_files' \
'--table-offset=[Flash address of the partition table]:OFF:_default' \
'--bootloader=[Second-stage bootloader to use instead of the bundled ESP-IDF one]:FILE:_files' \
'--target-app-partition=[App partition to build for, instead of factory (or the first app partition)]:NAME:_default' \
'--flash-mode=[SPI flash mode written into the bootloader'\''s header\: qio, qout, dio, dout, keep]:MODE:_default' \
'--flash-freq=[SPI flash clock written into the bootloader'\''s header (80m, 40m, 26m, 20m, ... keep)]:FREQ:_default' \
'--flash-size=[Flash size written into the bootloader'\''s header (1MB .. 128MB, detect, keep)]:SIZE:_default' \
'--monitor-baud=[The application'\''s baud rate]:BAUD:_default' \
'--elf=[Name the code addresses the application prints (backtraces), from the ELF it was built as (for \`flash --monitor\`, the ELF flashed unless this names another)]:FILE:_files' \
'--eol=[What the Enter key sends]:EOL:((crlf\:"Carriage return and line feed, as ESP-IDF'\''s console expects"
cr\:"Carriage return only"
lf\:"Line feed only"))' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--no-verify[Skip the MD5 comparison after writing]' \
'--no-compress[Send data uncompressed]' \
'--no-skip[Write every sector, even those that already hold the image]' \
'--resume[Resume an interrupted write of the same image (the default when a journal matches)]' \
'--no-resume[Ignore and discard the journal of an interrupted write; every sector is still compared with the image]' \
'--monitor[Then start the application and show its serial output (as \`espflow monitor\`)]' \
'--timestamps[Put the local time before each line]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::elf -- The app'\''s ELF file:_files' \
&& ret=0
;;
(save-image)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory app at 0x10000)]:FILE:_files' \
'--table-offset=[Flash address of the partition table]:OFF:_default' \
'--bootloader=[Second-stage bootloader to use instead of the bundled ESP-IDF one]:FILE:_files' \
'--target-app-partition=[App partition to build for, instead of factory (or the first app partition)]:NAME:_default' \
'--flash-mode=[SPI flash mode written into the bootloader'\''s header\: qio, qout, dio, dout, keep]:MODE:_default' \
'--flash-freq=[SPI flash clock written into the bootloader'\''s header (80m, 40m, 26m, 20m, ... keep)]:FREQ:_default' \
'--flash-size=[Flash size written into the bootloader'\''s header (1MB .. 128MB, detect, keep)]:SIZE:_default' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--merge[Write one file for the whole flash from 0x0\: bootloader, table and app at their addresses, 0xFF between them]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':elf -- The app'\''s ELF file:_files' \
':out -- Where to write the image:_files' \
&& ret=0
;;
(image-info)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':file:_files' \
&& ret=0
;;
(erase-region)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size:_default' \
&& ret=0
;;
(erase-flash)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(checksum-md5)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size:_default' \
&& ret=0
;;
(partition-table)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_espflow__subcmd__partition-table_commands" \
"*::: :->partition-table" \
&& ret=0

    case $state in
    (partition-table)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-partition-table-command-$line[1]:"
        case $line[1] in
            (convert)
_arguments "${_arguments_options[@]}" : \
'-o+[Flash address of the partition table (decimal unless prefixed\: 0x, 0o, 0b)]:OFF:_default' \
'--offset=[Flash address of the partition table (decimal unless prefixed\: 0x, 0o, 0b)]:OFF:_default' \
'--primary-bootloader-offset=[Flash address of the primary bootloader; required by \`bootloader\` rows]:OFF:_default' \
'--recovery-bootloader-offset=[Flash address of the recovery bootloader; required by \`bootloader, recovery\` rows]:OFF:_default' \
'*--extra-partition-subtypes=[Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with \`--\`]::ENTRY:_default' \
'--flash-size=[Fail if the table does not fit in a flash chip of this size (checked even with --no-verify)]::SIZE:((1MB\:"1 MiB"
2MB\:"2 MiB"
4MB\:"4 MiB"
8MB\:"8 MiB"
16MB\:"16 MiB"
32MB\:"32 MiB"
64MB\:"64 MiB"
128MB\:"128 MiB"))' \
'--secure=[App sizes suitable for secure boot\: v1 (the default if no value is given) needs 64 KiB multiples]::SECURE:((v1\:"App sizes must be multiples of 64 KiB (the signature sits in the last 64 KiB block)"
v2\:"App sizes must be multiples of 4 KiB, as without secure boot"))' \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'-c+[]:CHIP:_default' \
'--chip=[]:CHIP:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--disable-md5sum[Write no MD5 entry, and read binary input without checking one]' \
'--no-verify[Skip validation (the --flash-size check still runs)]' \
'-q[Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway]' \
'--quiet[Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway]' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':input -- CSV or binary table ("-" reads stdin); binary if it starts with AA 50:_files' \
'::output -- Converted table ("-" writes stdout); missing directories are created:_files' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'--otadata=[Contents of the otadata partition (0x2000 bytes) to tell which app boots]:FILE:_files' \
'-o+[Flash address of the partition table (decimal unless prefixed\: 0x, 0o, 0b)]:OFF:_default' \
'--offset=[Flash address of the partition table (decimal unless prefixed\: 0x, 0o, 0b)]:OFF:_default' \
'--primary-bootloader-offset=[Flash address of the primary bootloader; required by \`bootloader\` rows]:OFF:_default' \
'--recovery-bootloader-offset=[Flash address of the recovery bootloader; required by \`bootloader, recovery\` rows]:OFF:_default' \
'*--extra-partition-subtypes=[Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with \`--\`]::ENTRY:_default' \
'()--encrypt-key=[The chip'\''s flash-encryption key file, to read the table and otadata of a chip whose flash encryption is on]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--disable-md5sum[Do not check the MD5 entry of a binary table]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::file -- CSV or binary table; without it the table is read from the device:_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__partition-table__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-partition-table-help-command-$line[1]:"
        case $line[1] in
            (convert)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(write-partition)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--no-verify[Skip the MD5 comparison after writing]' \
'--no-compress[Send data uncompressed]' \
'--no-skip[Write every sector, even those that already hold the image]' \
'--resume[Resume an interrupted write of the same image (the default when a journal matches)]' \
'--no-resume[Ignore and discard the journal of an interrupted write; every sector is still compared with the image]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':name:_espflow_partitions' \
':file:_files' \
&& ret=0
;;
(read-partition)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':name:_espflow_partitions' \
':file:_files' \
&& ret=0
;;
(erase-partition)
_arguments "${_arguments_options[@]}" : \
'--type=[Partitions of this type (app, data, or a number)]:TYPE:_default' \
'--subtype=[With --type\: only this subtype (name or number)]:SUBTYPE:_default' \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--data-parts[Every partition of type data]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::names:_espflow_partitions' \
&& ret=0
;;
(ota)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_espflow__subcmd__ota_commands" \
"*::: :->ota" \
&& ret=0

    case $state in
    (ota)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-ota-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(write)
_arguments "${_arguments_options[@]}" : \
'--slot=[ota_N, N, or next (the slot after the one that boots)]:SLOT:_default' \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--activate[Switch to the slot once the image is written and verified]' \
'--no-verify[Skip the MD5 comparison after writing]' \
'--no-compress[Send data uncompressed]' \
'--no-skip[Write every sector, even those that already hold the image]' \
'--resume[Resume an interrupted write of the same image (the default when a journal matches)]' \
'--no-resume[Ignore and discard the journal of an interrupted write; every sector is still compared with the image]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':file:_files' \
&& ret=0
;;
(activate)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':slot:_default' \
&& ret=0
;;
(erase-data)
_arguments "${_arguments_options[@]}" : \
'--partition-table=[Use this table (CSV or binary) instead of the one on the device]:FILE:_files' \
'--table-offset=[Flash address of the table on the device]:OFF:_default' \
'--encrypt-key=[The chip'\''s flash-encryption key file (as espsecure reads it), for a chip whose flash encryption is on\: the table and otadata are read through it, and what is written encrypted is compared and verified against its ciphertext]:KEY:_files' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__ota__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-ota-help-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(write)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(activate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(erase-data)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(efuse)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_espflow__subcmd__efuse_commands" \
"*::: :->efuse" \
&& ret=0

    case $state in
    (efuse)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-efuse-command-$line[1]:"
        case $line[1] in
            (summary)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__efuse__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-efuse-help-command-$line[1]:"
        case $line[1] in
            (summary)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(virtual-chip)
_arguments "${_arguments_options[@]}" : \
'--chip=[The chip to model\: any but esp32p4; espflow'\''s stub runs on it where espflow has one]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--flash=[Flash image file, written through on every change (created erased if absent)]:FLASH:_files' \
'--flash-size=[Flash size for a new image (2MB, 4MB, 8MB or 16MB; by default the chip'\''s usual size)]:FLASH_SIZE:_default' \
'(--pty)--listen=[Address to listen on for socket\:// clients]:LISTEN:_default' \
'--time-scale=[With --realtime, run the chip'\''s clock this many times faster than the wall clock]:TIME_SCALE:_default' \
'*--fault=[Inject a fault\: power-cut\:after-ops=N, power-cut\:erase=N, power-cut\:program=N, power-cut\:at-ms=T or line-drop\:after-bytes=N (each strikes once), or worn-cell\:addr=A (the flash byte at A no longer programs)]:FAULT:_default' \
'--efuse=[The chip'\''s eFuses as an image file (espefuse'\''s virtual eFuse file layout), read if it exists and created otherwise; what the chip burns stays in it]:FILE:_files' \
'--flash-encryption=[Turn flash encryption on\: burn this 32-byte XTS-AES-128 key into a read-protected key block and make the crypt counter odd]:KEY.bin:_files' \
'--secure-boot=[Turn secure boot v2 on\: burn this 32-byte public-key digest into a digest slot]:DIGEST:_files' \
'--bridge-max-baud=[The serial bridge'\''s highest rate\: a switch above it leaves the line garbage at that rate, as a bridge that cannot make the rate does]:BAUD:_default' \
'--bridge-errors=[The bridge'\''s byte errors\: probability P per byte at BAUD (such as 1e-4@3000000), rising linearly from none at --bridge-knee]:P@BAUD:_default' \
'--bridge-knee=[The rate up to which the bridge damages no byte]:BAUD:_default' \
'--seed=[Seed for what an injected fault leaves behind and for the bridge'\''s errors]:SEED:_default' \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--pty[Serve on a new pseudo-terminal instead of TCP]' \
'--realtime[Pace the UART at the baud rate and apply datasheet flash timings]' \
'--stay-on[A client leaving does not reset the chip\: whatever runs (espflow'\''s stub, busy or not) is what the next client finds, as behind a serial bridge without reset lines]' \
'--secure-download-mode[Burn ENABLE_SECURITY_DOWNLOAD\: the ROM loader allows only the Secure Download Mode commands]' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(encrypt-image)
_arguments "${_arguments_options[@]}" : \
'-c+[The chip whose flash the data is for\: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[The chip whose flash the data is for\: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-k+[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'--key=[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'--keyfile=[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'-a+[Flash address of the data\: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)]:ADDR:_default' \
'--address=[Flash address of the data\: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)]:ADDR:_default' \
'--flash-crypt-conf=[The ESP32'\''s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only \[default\: 0xF\]]:N:_default' \
'-o+[OUT given as an option, as espsecure takes it]:OUT:_files' \
'--output=[OUT given as an option, as espsecure takes it]:OUT:_files' \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'-x[Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it]' \
'--aes-xts[Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it]' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':input -- The data (a whole number of 16-byte blocks, 32-byte blocks on esp32):_files' \
'::output -- Where the result goes (replaced only once it is complete):_files' \
&& ret=0
;;
(decrypt-image)
_arguments "${_arguments_options[@]}" : \
'-c+[The chip whose flash the data is for\: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[The chip whose flash the data is for\: esp32 uses AES-256 with a key tweaked per 32-byte block, every other chip XTS-AES]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-k+[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'--key=[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'--keyfile=[Flash encryption key file\: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2'\''s key extended with SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)]:KEY:_files' \
'-a+[Flash address of the data\: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)]:ADDR:_default' \
'--address=[Flash address of the data\: where it is to be written, or where it was read from (a multiple of 16; of 32 on esp32)]:ADDR:_default' \
'--flash-crypt-conf=[The ESP32'\''s FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only \[default\: 0xF\]]:N:_default' \
'-o+[OUT given as an option, as espsecure takes it]:OUT:_files' \
'--output=[OUT given as an option, as espsecure takes it]:OUT:_files' \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'-x[Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it]' \
'--aes-xts[Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and esp32 refuses it]' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':input -- The data (a whole number of 16-byte blocks, 32-byte blocks on esp32):_files' \
'::output -- Where the result goes (replaced only once it is complete):_files' \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
":: :_espflow__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-config-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__config__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-config-help-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'-c+[]:CHIP:_default' \
'--chip=[]:CHIP:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell -- The shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'-c+[]:CHIP:_default' \
'--chip=[]:CHIP:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(monitor)
_arguments "${_arguments_options[@]}" : \
'--monitor-baud=[The application'\''s baud rate]:BAUD:_default' \
'--elf=[Name the code addresses the application prints (backtraces), from the ELF it was built as (for \`flash --monitor\`, the ELF flashed unless this names another)]:FILE:_files' \
'--eol=[What the Enter key sends]:EOL:((crlf\:"Carriage return and line feed, as ESP-IDF'\''s console expects"
cr\:"Carriage return only"
lf\:"Line feed only"))' \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--no-reset[Attach without resetting the chip first]' \
'--timestamps[Put the local time before each line]' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(list-ports)
_arguments "${_arguments_options[@]}" : \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'-c+[]:CHIP:_default' \
'--chip=[]:CHIP:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(reset)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(hold-in-reset)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(run)
_arguments "${_arguments_options[@]}" : \
'*-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'*--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE; given more than once, write-flash, flash, erase-* and ota write run on every board at once]:PORT:_espflow_ports' \
'--ports-from=[Also use the ports listed in FILE, one a line (\`#\` starts a comment)]:FILE:_files' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'-b+[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting (9600 to 5000000), or auto\: from 460800 up to the fastest rate the line sustains once espflow'\''s stub runs]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[Without --port\: use the attached port with this USB VID\:PID (303a\:1001) or serial number (may be given more than once)]:VID:PID|SERIAL:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[Use every attached known board (or every port passing --port-filter)]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'--force[Go ahead with what is refused as unsafe (a plaintext write to a chip with flash encryption on, erasing or overwriting the bootloader and partition table of a secure-boot chip, a file that is not an app image for the chip into an app partition), with a warning]' \
'--non-interactive[Never ask which port to use\: with several boards attached and no --port, fail]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(complete-values)
_arguments "${_arguments_options[@]}" : \
'-p+[]:PORT:_espflow_ports' \
'--port=[]:PORT:_espflow_ports' \
'--ports-from=[]:PORTS_FROM:_files' \
'-b+[]:BAUD:_default' \
'--baud=[]:BAUD:_default' \
'--before=[]:BEFORE:_default' \
'--after=[]:AFTER:_default' \
'--connect-attempts=[]:CONNECT_ATTEMPTS:_default' \
'*--port-filter=[]:PORT_FILTER:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:((esp32\:"ESP32 (Xtensa LX6, dual core)"
esp32s2\:"ESP32-S2 (Xtensa LX7, single core)"
esp32s3\:"ESP32-S3 (Xtensa LX7, dual core)"
esp32c2\:"ESP32-C2 (RISC-V)"
esp32c3\:"ESP32-C3 (RISC-V)"
esp32c5\:"ESP32-C5 (RISC-V)"
esp32c6\:"ESP32-C6 (RISC-V)"
esp32h2\:"ESP32-H2 (RISC-V)"
esp32p4\:"ESP32-P4 (RISC-V)"))' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:((text\:"Sentences and a progress bar (plain lines when stderr is not a terminal)"
json\:"JSON lines on stdout"))' \
'--all[]' \
'--no-stub[]' \
'--experimental-stub[]' \
'--non-interactive[]' \
'--force[]' \
'(-v --verbose)-q[Show no progress\: only results and errors]' \
'(-v --verbose)--quiet[Show no progress\: only results and errors]' \
'-v[Show more\: each stage'\''s time]' \
'--verbose[Show more\: each stage'\''s time]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':kind:((ports\:"The serial ports attached"
partitions\:"The partitions of \`--partition-table FILE\` among the words, else of \`partitions.csv\` in the current directory"))' \
'*::words -- The command line being completed:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-help-command-$line[1]:"
        case $line[1] in
            (board-info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(read-flash)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(write-flash)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(flash)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(save-image)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(image-info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(erase-region)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(erase-flash)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(checksum-md5)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(partition-table)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__help__subcmd__partition-table_commands" \
"*::: :->partition-table" \
&& ret=0

    case $state in
    (partition-table)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-help-partition-table-command-$line[1]:"
        case $line[1] in
            (convert)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(write-partition)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(read-partition)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(erase-partition)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(ota)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__help__subcmd__ota_commands" \
"*::: :->ota" \
&& ret=0

    case $state in
    (ota)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-help-ota-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(write)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(activate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(erase-data)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(efuse)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__help__subcmd__efuse_commands" \
"*::: :->efuse" \
&& ret=0

    case $state in
    (efuse)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-help-efuse-command-$line[1]:"
        case $line[1] in
            (summary)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(virtual-chip)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(encrypt-image)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(decrypt-image)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
":: :_espflow__subcmd__help__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:espflow-help-config-command-$line[1]:"
        case $line[1] in
            (show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(monitor)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list-ports)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(hold-in-reset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(run)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(complete-values)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_espflow_commands] )) ||
_espflow_commands() {
    local commands; commands=(
'board-info:Show the chip, its revision, MAC, flash and security state' \
'read-flash:Read flash into a file' \
'write-flash:Write files to flash at the given addresses (or as an esptool \`@flash_args\` file lists them), then verify them' \
'flash:Write an app'\''s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them' \
'save-image:Make the app image of an ELF (or with --merge one file for the whole flash); no port is used' \
'image-info:Show an app or bootloader image'\''s header, segments, checksum, SHA-256 and app descriptor; no port is used' \
'erase-region:Erase whole 4 KiB sectors' \
'erase-flash:Erase the whole flash' \
'checksum-md5:Print the MD5 of a flash region, computed on the chip' \
'partition-table:Partition tables\: convert and show' \
'write-partition:Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)' \
'read-partition:Read the partition NAME into FILE' \
'erase-partition:Erase partitions by name, or all data partitions, or by type and subtype' \
'ota:OTA slots\: status, write, activate, erase otadata' \
'efuse:eFuses\: every field of the chip'\''s table by name and value (read-only)' \
'virtual-chip:Serve a virtual chip over TCP or a pty for other programs (esptool included)' \
'encrypt-image:Encrypt an image as the chip'\''s flash encryption would, for writing to an encrypted device (espsecure'\''s encrypt-flash-data); no port is used' \
'decrypt-image:Decrypt data read from a chip'\''s encrypted flash (espsecure'\''s decrypt-flash-data); no port is used' \
'config:Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)' \
'completions:Print a shell completion script' \
'man:Print the man page (roff)' \
'monitor:Show the application'\''s serial output, after resetting the chip (Ctrl-\] exits, Ctrl-T R resets)' \
'list-ports:List the serial ports, marking the USB bridges Espressif boards carry' \
'reset:Reset the chip through EN, so that its application starts' \
'hold-in-reset:Hold the chip in reset (EN low) after espflow exits, until the port is opened again' \
'run:Start the application through the ROM loader (works without reset lines)' \
'complete-values:Values for the completion scripts\: port names, partition names' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow commands' commands "$@"
}
(( $+functions[_espflow__subcmd__board-info_commands] )) ||
_espflow__subcmd__board-info_commands() {
    local commands; commands=()
    _describe -t commands 'espflow board-info commands' commands "$@"
}
(( $+functions[_espflow__subcmd__checksum-md5_commands] )) ||
_espflow__subcmd__checksum-md5_commands() {
    local commands; commands=()
    _describe -t commands 'espflow checksum-md5 commands' commands "$@"
}
(( $+functions[_espflow__subcmd__complete-values_commands] )) ||
_espflow__subcmd__complete-values_commands() {
    local commands; commands=()
    _describe -t commands 'espflow complete-values commands' commands "$@"
}
(( $+functions[_espflow__subcmd__completions_commands] )) ||
_espflow__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'espflow completions commands' commands "$@"
}
(( $+functions[_espflow__subcmd__config_commands] )) ||
_espflow__subcmd__config_commands() {
    local commands; commands=(
'show:Print each setting, its value and its source' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow config commands' commands "$@"
}
(( $+functions[_espflow__subcmd__config__subcmd__help_commands] )) ||
_espflow__subcmd__config__subcmd__help_commands() {
    local commands; commands=(
'show:Print each setting, its value and its source' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow config help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__config__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__config__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow config help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__config__subcmd__help__subcmd__show_commands] )) ||
_espflow__subcmd__config__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow config help show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__config__subcmd__show_commands] )) ||
_espflow__subcmd__config__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow config show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__decrypt-image_commands] )) ||
_espflow__subcmd__decrypt-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow decrypt-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__efuse_commands] )) ||
_espflow__subcmd__efuse_commands() {
    local commands; commands=(
'summary:Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow efuse commands' commands "$@"
}
(( $+functions[_espflow__subcmd__efuse__subcmd__help_commands] )) ||
_espflow__subcmd__efuse__subcmd__help_commands() {
    local commands; commands=(
'summary:Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow efuse help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__efuse__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__efuse__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow efuse help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__efuse__subcmd__help__subcmd__summary_commands] )) ||
_espflow__subcmd__efuse__subcmd__help__subcmd__summary_commands() {
    local commands; commands=()
    _describe -t commands 'espflow efuse help summary commands' commands "$@"
}
(( $+functions[_espflow__subcmd__efuse__subcmd__summary_commands] )) ||
_espflow__subcmd__efuse__subcmd__summary_commands() {
    local commands; commands=()
    _describe -t commands 'espflow efuse summary commands' commands "$@"
}
(( $+functions[_espflow__subcmd__encrypt-image_commands] )) ||
_espflow__subcmd__encrypt-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow encrypt-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__erase-flash_commands] )) ||
_espflow__subcmd__erase-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow erase-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__erase-partition_commands] )) ||
_espflow__subcmd__erase-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow erase-partition commands' commands "$@"
}
(( $+functions[_espflow__subcmd__erase-region_commands] )) ||
_espflow__subcmd__erase-region_commands() {
    local commands; commands=()
    _describe -t commands 'espflow erase-region commands' commands "$@"
}
(( $+functions[_espflow__subcmd__flash_commands] )) ||
_espflow__subcmd__flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help_commands] )) ||
_espflow__subcmd__help_commands() {
    local commands; commands=(
'board-info:Show the chip, its revision, MAC, flash and security state' \
'read-flash:Read flash into a file' \
'write-flash:Write files to flash at the given addresses (or as an esptool \`@flash_args\` file lists them), then verify them' \
'flash:Write an app'\''s ELF as bootloader, partition table and app image (or an ESP-IDF build directory with --idf-build), then verify them' \
'save-image:Make the app image of an ELF (or with --merge one file for the whole flash); no port is used' \
'image-info:Show an app or bootloader image'\''s header, segments, checksum, SHA-256 and app descriptor; no port is used' \
'erase-region:Erase whole 4 KiB sectors' \
'erase-flash:Erase the whole flash' \
'checksum-md5:Print the MD5 of a flash region, computed on the chip' \
'partition-table:Partition tables\: convert and show' \
'write-partition:Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app partition and FILE is not an app image for the chip)' \
'read-partition:Read the partition NAME into FILE' \
'erase-partition:Erase partitions by name, or all data partitions, or by type and subtype' \
'ota:OTA slots\: status, write, activate, erase otadata' \
'efuse:eFuses\: every field of the chip'\''s table by name and value (read-only)' \
'virtual-chip:Serve a virtual chip over TCP or a pty for other programs (esptool included)' \
'encrypt-image:Encrypt an image as the chip'\''s flash encryption would, for writing to an encrypted device (espsecure'\''s encrypt-flash-data); no port is used' \
'decrypt-image:Decrypt data read from a chip'\''s encrypted flash (espsecure'\''s decrypt-flash-data); no port is used' \
'config:Show the connection settings in force and where each came from (flag, environment, espflow.toml, default)' \
'completions:Print a shell completion script' \
'man:Print the man page (roff)' \
'monitor:Show the application'\''s serial output, after resetting the chip (Ctrl-\] exits, Ctrl-T R resets)' \
'list-ports:List the serial ports, marking the USB bridges Espressif boards carry' \
'reset:Reset the chip through EN, so that its application starts' \
'hold-in-reset:Hold the chip in reset (EN low) after espflow exits, until the port is opened again' \
'run:Start the application through the ROM loader (works without reset lines)' \
'complete-values:Values for the completion scripts\: port names, partition names' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__board-info_commands] )) ||
_espflow__subcmd__help__subcmd__board-info_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help board-info commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__checksum-md5_commands] )) ||
_espflow__subcmd__help__subcmd__checksum-md5_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help checksum-md5 commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__complete-values_commands] )) ||
_espflow__subcmd__help__subcmd__complete-values_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help complete-values commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__completions_commands] )) ||
_espflow__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help completions commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__config_commands] )) ||
_espflow__subcmd__help__subcmd__config_commands() {
    local commands; commands=(
'show:Print each setting, its value and its source' \
    )
    _describe -t commands 'espflow help config commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__config__subcmd__show_commands] )) ||
_espflow__subcmd__help__subcmd__config__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help config show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__decrypt-image_commands] )) ||
_espflow__subcmd__help__subcmd__decrypt-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help decrypt-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__efuse_commands] )) ||
_espflow__subcmd__help__subcmd__efuse_commands() {
    local commands; commands=(
'summary:Print every eFuse field by name and value, its block, and whether it can still be read and burnt (R/W); nothing is burnt' \
    )
    _describe -t commands 'espflow help efuse commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__efuse__subcmd__summary_commands] )) ||
_espflow__subcmd__help__subcmd__efuse__subcmd__summary_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help efuse summary commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__encrypt-image_commands] )) ||
_espflow__subcmd__help__subcmd__encrypt-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help encrypt-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__erase-flash_commands] )) ||
_espflow__subcmd__help__subcmd__erase-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help erase-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__erase-partition_commands] )) ||
_espflow__subcmd__help__subcmd__erase-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help erase-partition commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__erase-region_commands] )) ||
_espflow__subcmd__help__subcmd__erase-region_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help erase-region commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__flash_commands] )) ||
_espflow__subcmd__help__subcmd__flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__hold-in-reset_commands] )) ||
_espflow__subcmd__help__subcmd__hold-in-reset_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help hold-in-reset commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__image-info_commands] )) ||
_espflow__subcmd__help__subcmd__image-info_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help image-info commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__list-ports_commands] )) ||
_espflow__subcmd__help__subcmd__list-ports_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help list-ports commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__man_commands] )) ||
_espflow__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help man commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__monitor_commands] )) ||
_espflow__subcmd__help__subcmd__monitor_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help monitor commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__ota_commands] )) ||
_espflow__subcmd__help__subcmd__ota_commands() {
    local commands; commands=(
'status:Show the OTA slots, which one boots, and the otadata copies' \
'write:Write an app image into an OTA slot (resumable like any write)' \
'activate:Make SLOT (ota_N or N) the one the bootloader picks' \
'erase-data:Erase otadata, so the bootloader falls back to the factory app (or ota_0)' \
    )
    _describe -t commands 'espflow help ota commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__ota__subcmd__activate_commands] )) ||
_espflow__subcmd__help__subcmd__ota__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help ota activate commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__ota__subcmd__erase-data_commands] )) ||
_espflow__subcmd__help__subcmd__ota__subcmd__erase-data_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help ota erase-data commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__ota__subcmd__status_commands] )) ||
_espflow__subcmd__help__subcmd__ota__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help ota status commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__ota__subcmd__write_commands] )) ||
_espflow__subcmd__help__subcmd__ota__subcmd__write_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help ota write commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__partition-table_commands] )) ||
_espflow__subcmd__help__subcmd__partition-table_commands() {
    local commands; commands=(
'convert:Convert between CSV and binary, byte for byte as ESP-IDF'\''s generator does' \
'show:Print a table readably (from FILE, or from the device at --offset)' \
    )
    _describe -t commands 'espflow help partition-table commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__partition-table__subcmd__convert_commands] )) ||
_espflow__subcmd__help__subcmd__partition-table__subcmd__convert_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help partition-table convert commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__partition-table__subcmd__show_commands] )) ||
_espflow__subcmd__help__subcmd__partition-table__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help partition-table show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__read-flash_commands] )) ||
_espflow__subcmd__help__subcmd__read-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help read-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__read-partition_commands] )) ||
_espflow__subcmd__help__subcmd__read-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help read-partition commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__reset_commands] )) ||
_espflow__subcmd__help__subcmd__reset_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help reset commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__run_commands] )) ||
_espflow__subcmd__help__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help run commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__save-image_commands] )) ||
_espflow__subcmd__help__subcmd__save-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help save-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__virtual-chip_commands] )) ||
_espflow__subcmd__help__subcmd__virtual-chip_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help virtual-chip commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__write-flash_commands] )) ||
_espflow__subcmd__help__subcmd__write-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help write-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__write-partition_commands] )) ||
_espflow__subcmd__help__subcmd__write-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help write-partition commands' commands "$@"
}
(( $+functions[_espflow__subcmd__hold-in-reset_commands] )) ||
_espflow__subcmd__hold-in-reset_commands() {
    local commands; commands=()
    _describe -t commands 'espflow hold-in-reset commands' commands "$@"
}
(( $+functions[_espflow__subcmd__image-info_commands] )) ||
_espflow__subcmd__image-info_commands() {
    local commands; commands=()
    _describe -t commands 'espflow image-info commands' commands "$@"
}
(( $+functions[_espflow__subcmd__list-ports_commands] )) ||
_espflow__subcmd__list-ports_commands() {
    local commands; commands=()
    _describe -t commands 'espflow list-ports commands' commands "$@"
}
(( $+functions[_espflow__subcmd__man_commands] )) ||
_espflow__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'espflow man commands' commands "$@"
}
(( $+functions[_espflow__subcmd__monitor_commands] )) ||
_espflow__subcmd__monitor_commands() {
    local commands; commands=()
    _describe -t commands 'espflow monitor commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota_commands] )) ||
_espflow__subcmd__ota_commands() {
    local commands; commands=(
'status:Show the OTA slots, which one boots, and the otadata copies' \
'write:Write an app image into an OTA slot (resumable like any write)' \
'activate:Make SLOT (ota_N or N) the one the bootloader picks' \
'erase-data:Erase otadata, so the bootloader falls back to the factory app (or ota_0)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow ota commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__activate_commands] )) ||
_espflow__subcmd__ota__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota activate commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__erase-data_commands] )) ||
_espflow__subcmd__ota__subcmd__erase-data_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota erase-data commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help_commands] )) ||
_espflow__subcmd__ota__subcmd__help_commands() {
    local commands; commands=(
'status:Show the OTA slots, which one boots, and the otadata copies' \
'write:Write an app image into an OTA slot (resumable like any write)' \
'activate:Make SLOT (ota_N or N) the one the bootloader picks' \
'erase-data:Erase otadata, so the bootloader falls back to the factory app (or ota_0)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow ota help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help__subcmd__activate_commands] )) ||
_espflow__subcmd__ota__subcmd__help__subcmd__activate_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota help activate commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help__subcmd__erase-data_commands] )) ||
_espflow__subcmd__ota__subcmd__help__subcmd__erase-data_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota help erase-data commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__ota__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help__subcmd__status_commands] )) ||
_espflow__subcmd__ota__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota help status commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__help__subcmd__write_commands] )) ||
_espflow__subcmd__ota__subcmd__help__subcmd__write_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota help write commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__status_commands] )) ||
_espflow__subcmd__ota__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota status commands' commands "$@"
}
(( $+functions[_espflow__subcmd__ota__subcmd__write_commands] )) ||
_espflow__subcmd__ota__subcmd__write_commands() {
    local commands; commands=()
    _describe -t commands 'espflow ota write commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table_commands] )) ||
_espflow__subcmd__partition-table_commands() {
    local commands; commands=(
'convert:Convert between CSV and binary, byte for byte as ESP-IDF'\''s generator does' \
'show:Print a table readably (from FILE, or from the device at --offset)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow partition-table commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__convert_commands] )) ||
_espflow__subcmd__partition-table__subcmd__convert_commands() {
    local commands; commands=()
    _describe -t commands 'espflow partition-table convert commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__help_commands] )) ||
_espflow__subcmd__partition-table__subcmd__help_commands() {
    local commands; commands=(
'convert:Convert between CSV and binary, byte for byte as ESP-IDF'\''s generator does' \
'show:Print a table readably (from FILE, or from the device at --offset)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'espflow partition-table help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__help__subcmd__convert_commands] )) ||
_espflow__subcmd__partition-table__subcmd__help__subcmd__convert_commands() {
    local commands; commands=()
    _describe -t commands 'espflow partition-table help convert commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__partition-table__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow partition-table help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__help__subcmd__show_commands] )) ||
_espflow__subcmd__partition-table__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow partition-table help show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__partition-table__subcmd__show_commands] )) ||
_espflow__subcmd__partition-table__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'espflow partition-table show commands' commands "$@"
}
(( $+functions[_espflow__subcmd__read-flash_commands] )) ||
_espflow__subcmd__read-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow read-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__read-partition_commands] )) ||
_espflow__subcmd__read-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow read-partition commands' commands "$@"
}
(( $+functions[_espflow__subcmd__reset_commands] )) ||
_espflow__subcmd__reset_commands() {
    local commands; commands=()
    _describe -t commands 'espflow reset commands' commands "$@"
}
(( $+functions[_espflow__subcmd__run_commands] )) ||
_espflow__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'espflow run commands' commands "$@"
}
(( $+functions[_espflow__subcmd__save-image_commands] )) ||
_espflow__subcmd__save-image_commands() {
    local commands; commands=()
    _describe -t commands 'espflow save-image commands' commands "$@"
}
(( $+functions[_espflow__subcmd__virtual-chip_commands] )) ||
_espflow__subcmd__virtual-chip_commands() {
    local commands; commands=()
    _describe -t commands 'espflow virtual-chip commands' commands "$@"
}
(( $+functions[_espflow__subcmd__write-flash_commands] )) ||
_espflow__subcmd__write-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow write-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__write-partition_commands] )) ||
_espflow__subcmd__write-partition_commands() {
    local commands; commands=()
    _describe -t commands 'espflow write-partition commands' commands "$@"
}

_espflow_ports() {
    local -a ports
    ports=(${(f)"$(espflow complete-values ports 2>/dev/null)"})
    compadd -a ports
}

_espflow_partitions() {
    local -a names
    names=(${(f)"$(espflow complete-values partitions -- ${words[@]} 2>/dev/null)"})
    compadd -a names
}

if [ "$funcstack[1]" = "_espflow" ]; then
    _espflow "$@"
else
    compdef _espflow espflow
fi
