#!/usr/bin/env bash
# Builds every on-chip stub with Debian's rustc (rustc-web, with rust-web-src for
# -Zbuild-std) and the rustup toolchain's rust-lld, and copies the ELF images the host
# embeds to firmware-stub/images/. The same sources and compiler give the same bytes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
chips=(${CHIPS:-esp32c3 esp32c2 esp32c6 esp32h2 esp32c5})

RUSTC=/usr/bin/rustc
CARGO=/usr/bin/cargo
for tool in "$RUSTC" "$CARGO"; do
    [ -x "$tool" ] || { echo "missing $tool: apt-get install rustc-web cargo-web rust-web-src" >&2; exit 1; }
done
sysroot_rustup="$(rustup run stable rustc --print sysroot 2>/dev/null || true)"
lld="$(ls "$sysroot_rustup"/lib/rustlib/*/bin/rust-lld 2>/dev/null | head -n1 || true)"
[ -x "$lld" ] || { echo "rust-lld not found in the rustup toolchain" >&2; exit 1; }

# Cargo hashes where path dependencies live into symbol names, and the link layout
# follows those names, so the bytes would depend on where the checkout is. Building from
# one fixed place makes every checkout produce the same images.
stage=/tmp/espflow-stub-build
rm -rf "$stage/src"
mkdir -p "$stage/src"
cp "$root/Cargo.toml" "$stage/src/"
cp -r "$here" "$stage/src/firmware-stub"
rm -rf "$stage/src/firmware-stub/images"

export RUSTC RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$stage/target"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
src="$("$RUSTC" --print sysroot)/lib/rustlib/src/rust"
mkdir -p "$here/images"
for chip in "${chips[@]}"; do
    chips_dir="$stage/src/firmware-stub/chips"
    export RUSTFLAGS="-C linker=$lld -C link-arg=-T$chips_dir/$chip/link.x -C link-arg=-T$chips_dir/$chip/rom.x -C link-arg=--no-relax --remap-path-prefix=$stage/src=/espflow --remap-path-prefix=$src=/rust --remap-path-prefix=$CARGO_HOME=/cargo"
    (cd "$chips_dir" && "$CARGO" build --release --quiet --locked \
        -Zbuild-std=core -Zbuild-std-features= \
        --target riscv32imc-unknown-none-elf -p "espflow-stub-$chip")
    cp "$CARGO_TARGET_DIR/riscv32imc-unknown-none-elf/release/espflow-stub-$chip" "$here/images/$chip.elf"
    echo "$chip: $(stat -c %s "$here/images/$chip.elf") bytes of ELF"
done
