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
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
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
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(read-flash)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size:_default' \
':file:_files' \
&& ret=0
;;
(write-flash)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-verify[Skip the MD5 comparison after writing]' \
'--no-compress[Send data uncompressed]' \
'--no-skip[Write every sector, even those that already hold the image]' \
'--resume[Resume an interrupted write of the same image (the default when a journal matches)]' \
'--no-resume[Ignore and discard the journal of an interrupted write; every sector is still compared with the image]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::images -- ADDR FILE pairs:_default' \
&& ret=0
;;
(erase-region)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size:_default' \
&& ret=0
;;
(erase-flash)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(checksum-md5)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':addr:_default' \
':size:_default' \
&& ret=0
;;
(virtual-chip)
_arguments "${_arguments_options[@]}" : \
'--chip=[]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--flash=[Flash image file, written through on every change (created erased if absent)]:FLASH:_files' \
'--flash-size=[Flash size for a new image (2MB, 4MB, 8MB or 16MB)]:FLASH_SIZE:_default' \
'(--pty)--listen=[Address to listen on for socket\:// clients]:LISTEN:_default' \
'--time-scale=[With --realtime, run the chip'\''s clock this many times faster than the wall clock]:TIME_SCALE:_default' \
'*--fault=[Inject a fault\: power-cut\:after-ops=N, power-cut\:erase=N, power-cut\:program=N, power-cut\:at-ms=T or line-drop\:after-bytes=N (each strikes once)]:FAULT:_default' \
'--seed=[Seed for what an injected fault leaves behind]:SEED:_default' \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--pty[Serve on a new pseudo-terminal instead of TCP]' \
'--realtime[Pace the UART at the baud rate and apply datasheet flash timings]' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'-p+[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'--port=[Serial device, socket\://HOST\:PORT, or virtual\:IMAGE]:PORT:_default' \
'-c+[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'--chip=[Expected chip; connecting to another one is an error]:CHIP:(esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32h2 esp32p4)' \
'-b+[Baud rate to switch to after connecting]:BAUD:_default' \
'--baud=[Baud rate to switch to after connecting]:BAUD:_default' \
'--before=[How to get the chip into its loader \[default\: default-reset, no-reset on socket\:// and virtual\:\]]:BEFORE:((default-reset\:"Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one)"
usb-reset\:"The USB-JTAG-Serial peripheral'\''s reset sequence"
no-reset\:"Just sync with a loader that is already waiting"
no-reset-no-sync\:"Neither reset nor sync\: a stub is assumed to be running"))' \
'--after=[What to do with the chip when done]:AFTER:((hard-reset\:"Pulse EN so the application starts"
no-reset\:"Leave the chip in the loader"))' \
'--connect-attempts=[Connection attempts before giving up]:CONNECT_ATTEMPTS:_default' \
'--format=[How to report progress and results\: text on the terminal, or JSON lines on stdout]:FORMAT:(text json)' \
'--no-stub[Use the ROM loader only, without uploading a stub]' \
'(--no-stub)--experimental-stub[Use espflow'\''s stub on chips where it has not yet been verified (ESP32-C2, C5, C6, H2); without this they use the ROM loader]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell:(bash elvish fish powershell zsh)' \
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
(virtual-chip)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
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
'write-flash:Write files to flash at the given addresses, then verify them' \
'erase-region:Erase whole 4 KiB sectors' \
'erase-flash:Erase the whole flash' \
'checksum-md5:Print the MD5 of a flash region, computed on the chip' \
'virtual-chip:Serve a virtual chip over TCP or a pty for other programs (esptool included)' \
'completions:Print a shell completion script' \
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
(( $+functions[_espflow__subcmd__completions_commands] )) ||
_espflow__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'espflow completions commands' commands "$@"
}
(( $+functions[_espflow__subcmd__erase-flash_commands] )) ||
_espflow__subcmd__erase-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow erase-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__erase-region_commands] )) ||
_espflow__subcmd__erase-region_commands() {
    local commands; commands=()
    _describe -t commands 'espflow erase-region commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help_commands] )) ||
_espflow__subcmd__help_commands() {
    local commands; commands=(
'board-info:Show the chip, its revision, MAC, flash and security state' \
'read-flash:Read flash into a file' \
'write-flash:Write files to flash at the given addresses, then verify them' \
'erase-region:Erase whole 4 KiB sectors' \
'erase-flash:Erase the whole flash' \
'checksum-md5:Print the MD5 of a flash region, computed on the chip' \
'virtual-chip:Serve a virtual chip over TCP or a pty for other programs (esptool included)' \
'completions:Print a shell completion script' \
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
(( $+functions[_espflow__subcmd__help__subcmd__completions_commands] )) ||
_espflow__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help completions commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__erase-flash_commands] )) ||
_espflow__subcmd__help__subcmd__erase-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help erase-flash commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__erase-region_commands] )) ||
_espflow__subcmd__help__subcmd__erase-region_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help erase-region commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__help_commands] )) ||
_espflow__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help help commands' commands "$@"
}
(( $+functions[_espflow__subcmd__help__subcmd__read-flash_commands] )) ||
_espflow__subcmd__help__subcmd__read-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow help read-flash commands' commands "$@"
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
(( $+functions[_espflow__subcmd__read-flash_commands] )) ||
_espflow__subcmd__read-flash_commands() {
    local commands; commands=()
    _describe -t commands 'espflow read-flash commands' commands "$@"
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

if [ "$funcstack[1]" = "_espflow" ]; then
    _espflow "$@"
else
    compdef _espflow espflow
fi
