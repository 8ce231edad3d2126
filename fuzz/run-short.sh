#!/usr/bin/env bash
# Runs every fuzz target briefly: ./run-short.sh [SECONDS_PER_TARGET] (default 20).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets a stable
# toolchain accept the nightly-only flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
export RUSTC_BOOTSTRAP=1
cargo fuzz build

# Seed with the stock tables when the shared reference files are present.
reference=../../shared/reference/partition-tables
if [ -d "$reference" ]; then
    mkdir -p corpus/csv_parser corpus/binary_parser
    cp -n "$reference"/*.csv corpus/csv_parser/ 2>/dev/null || true
    cp -n "$reference"/*.bin corpus/binary_parser/ 2>/dev/null || true
fi
for target in csv_parser binary_parser otadata_parser; do
    mkdir -p "corpus/$target"
    echo "== $target (${seconds}s)"
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds"
done
