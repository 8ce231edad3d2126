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
# out of these runs. FUZZ_JOBS targets run at once (default 2), each on its own core.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
jobs="${FUZZ_JOBS:-2}"
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

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()
# Runs one batch of targets side by side; each one's output is shown when the batch ends.
run_batch() {
    local pids=() t
    for t in "$@"; do
        echo "== $t (${seconds}s)"
        cargo fuzz run "${flags[@]}" "$t" "corpus/$t" -- -max_total_time="$seconds" \
            >"$logs/$t" 2>&1 &
        pids+=($!)
    done
    local i=0
    for t in "$@"; do
        if wait "${pids[$i]}"; then
            grep -E '^(#[0-9]+[[:space:]]+DONE|Done )' "$logs/$t" | sed "s/^/$t: /" || true
        else
            echo "== $t FAILED"
            tail -n 80 "$logs/$t"
            failed+=("$t")
        fi
        i=$((i + 1))
    done
}
for ((start = 0; start < ${#targets[@]}; start += jobs)); do
    run_batch "${targets[@]:start:jobs}"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: ${failed[*]}" >&2
    exit 1
fi
