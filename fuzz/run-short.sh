#!/usr/bin/env bash
# Runs every fuzz target briefly: ./run-short.sh [SECONDS_PER_TARGET] (default 20).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets a stable
# toolchain accept the nightly-only flags cargo-fuzz passes.
#
# The targets are built without a sanitizer: what they fuzz is safe Rust, whose bugs show
# up as panics (overflow checks and assertions stay on), and AddressSanitizer's cost on the
# virtual chip's multi-megabyte flash slows that target twentyfold.
#
# Each target's corpus grows in corpus/<target> (not committed) from the seeds committed in
# seeds/<target>; inputs that crash on real bugs live in regressions/<target> and are kept
# out of these runs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
export RUSTC_BOOTSTRAP=1
flags=(--sanitizer none)
cargo fuzz build "${flags[@]}"

targets=(
    csv_parser binary_parser otadata_parser
    slip_decoder host_answers stub_commands stream_writer virtual_chip journal stub_elf
)
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    if [ -d "seeds/$target" ]; then
        cp -n seeds/"$target"/* "corpus/$target/"
    fi
done
# The stock partition tables, and the stub images espflow ships.
cp -n ../tests/fixtures/partition-tables/*.csv corpus/csv_parser/
cp -n ../tests/fixtures/partition-tables/*.bin corpus/binary_parser/
cp -n ../firmware-stub/images/*.elf corpus/stub_elf/

for target in "${targets[@]}"; do
    echo "== $target (${seconds}s)"
    cargo fuzz run "${flags[@]}" "$target" "corpus/$target" -- -max_total_time="$seconds"
done
