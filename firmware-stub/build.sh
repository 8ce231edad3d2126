#!/usr/bin/env bash
# Builds every on-chip stub with Debian's rustc (rustc-web, with rust-web-src for
# -Zbuild-std) and copies the ELF images the host embeds to firmware-stub/images/. The
# same sources and compiler give the same bytes.
#
# RISC-V stubs are linked by the rustup toolchain's rust-lld. Xtensa stubs (the ESP32,
# S2 and S3) use the Xtensa backend of the LLVM that rustc-web links, around four of its
# gaps: the target is a JSON spec with LLVM's data layout and no FPU; LLVM 22 knows no
# esp32s2 or esp32s3 CPU ("'esp32s2' is not a recognized processor for this target"; the
# generic CPU it falls back to rejects `entry`), so the S2 and S3 are built as the esp32
# CPU minus the options their LX7 cores lack, and llvm-mc is told the same so that it
# refuses any such instruction; rustc's own objects misplace literal pools, so it emits
# assembly, which llvm-mc (Debian's llvm-22) assembles; and lld has no Xtensa, so the GNU
# ld of binutils-xtensa-lx106 links (it only patches literal loads and 32-bit words, which
# the ESP8266's core and the ESP32's share).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
chips=(${CHIPS:-esp32c3 esp32c2 esp32c6 esp32h2 esp32c5 esp32 esp32s2 esp32s3})

RUSTC=/usr/bin/rustc
CARGO=/usr/bin/cargo
for tool in "$RUSTC" "$CARGO"; do
    [ -x "$tool" ] || { echo "missing $tool: apt-get install rustc-web cargo-web rust-web-src" >&2; exit 1; }
done
is_xtensa() { case "$1" in esp32 | esp32s2 | esp32s3) return 0 ;; *) return 1 ;; esac; }
need_riscv=0
need_xtensa=0
for chip in "${chips[@]}"; do
    if is_xtensa "$chip"; then need_xtensa=1; else need_riscv=1; fi
done
lld=
if [ $need_riscv = 1 ]; then
    sysroot_rustup="$(rustup run stable rustc --print sysroot 2>/dev/null || true)"
    lld="$(ls "$sysroot_rustup"/lib/rustlib/*/bin/rust-lld 2>/dev/null | head -n1 || true)"
    [ -x "$lld" ] || { echo "rust-lld not found in the rustup toolchain" >&2; exit 1; }
fi
MC=/usr/bin/llvm-mc-22
XLD=/usr/bin/xtensa-lx106-elf-ld
XSTRIP=/usr/bin/xtensa-lx106-elf-strip
if [ $need_xtensa = 1 ]; then
    [ -x "$MC" ] || { echo "missing $MC: apt-get install llvm-22" >&2; exit 1; }
    [ -x "$XLD" ] || { echo "missing $XLD: apt-get install binutils-xtensa-lx106" >&2; exit 1; }
fi

# Cargo hashes where path dependencies live into symbol names, and the link layout
# follows those names, so the bytes would depend on where the checkout is. Building from
# one fixed place makes every checkout produce the same images.
# Two builds at once would share it, so each waits for the other.
stage=/tmp/espflow-stub-build
exec 9>"$stage.lock"
flock 9
rm -rf "$stage/src"
mkdir -p "$stage/src"
cp "$root/Cargo.toml" "$stage/src/"
cp -r "$here" "$stage/src/firmware-stub"
rm -rf "$stage/src/firmware-stub/images"

export RUSTC RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$stage/target"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
src="$("$RUSTC" --print sysroot)/lib/rustlib/src/rust"
mkdir -p "$here/images"
chips_dir="$stage/src/firmware-stub/chips"
remap="--remap-path-prefix=$stage/src=/espflow --remap-path-prefix=$src=/rust --remap-path-prefix=$CARGO_HOME=/cargo"

build_riscv() {
    local chip=$1
    export RUSTFLAGS="-C linker=$lld -C link-arg=-T$chips_dir/$chip/link.x -C link-arg=-T$chips_dir/$chip/rom.x -C link-arg=--no-relax $remap"
    (cd "$chips_dir" && "$CARGO" build --release --quiet --locked \
        -Zbuild-std=core -Zbuild-std-features= \
        --target riscv32imc-unknown-none-elf -p "espflow-stub-$chip")
    cp "$CARGO_TARGET_DIR/riscv32imc-unknown-none-elf/release/espflow-stub-$chip" "$here/images/$chip.elf"
}

# The options of LLVM's esp32 CPU that a chip's core lacks, as its target spec turns them
# off (see chips/<chip>/xtensa-<chip>-espflow.json): the assembler refuses them too.
mc_attrs() {
    case "$1" in
    esp32s2) echo "-mattr=-fp,-dfpaccel,-loop,-mac16,-bool,-s32c1i" ;;
    esp32s3) echo "-mattr=-fp,-dfpaccel" ;;
    esac
}

# rustc emits one assembly file for the whole (fat LTO) stub plus one for
# compiler_builtins, which never takes part in LTO; its "linker" is /bin/true.
build_xtensa() {
    local chip=$1 spec="$chips_dir/$chip/xtensa-$chip-espflow.json"
    local triple="xtensa-$chip-espflow" crate="espflow_stub_$chip"
    local deps="$CARGO_TARGET_DIR/$triple/release/deps" objs="$stage/obj/$chip"
    export RUSTFLAGS="--emit=asm $remap"
    (cd "$chips_dir" && "$CARGO" build --release --quiet --locked \
        -Zbuild-std=core,compiler_builtins -Zbuild-std-features=compiler-builtins-mem \
        -Zjson-target-spec --target "$spec" -p "espflow-stub-$chip")
    rm -rf "$objs"
    mkdir -p "$objs"
    local asm
    for asm in "$chips_dir/common/src/xtensa.s" \
        "$(ls -t "$deps/$crate"-*.s | head -n1)" \
        "$(ls -t "$deps"/compiler_builtins-*.s | head -n1)"; do
        local name="$(basename "$asm" .s)"
        "$MC" -triple=xtensa -mcpu=esp32 $(mc_attrs "$chip") -filetype=obj "$asm" -o "$objs/${name%%-*}.o"
    done
    "$XLD" -T "$chips_dir/$chip/link.x" -T "$chips_dir/$chip/rom.x" --gc-sections \
        -o "$objs/$chip.elf" "$objs/xtensa.o" "$objs/$crate.o" "$objs/compiler_builtins.o"
    "$XSTRIP" -o "$here/images/$chip.elf" "$objs/$chip.elf"
}

for chip in "${chips[@]}"; do
    if is_xtensa "$chip"; then build_xtensa "$chip"; else build_riscv "$chip"; fi
    echo "$chip: $(stat -c %s "$here/images/$chip.elf") bytes of ELF"
done
