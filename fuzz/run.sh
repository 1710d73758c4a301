#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) in
# ./build-asan (deploy/build-sanitized.sh) and runs each for a bounded time
# over its corpus.
#
#   fuzz/run.sh                 every target, 30 s each (what CI runs)
#   fuzz/run.sh 3600            every target, an hour each
#   fuzz/run.sh 600 glob        one target
#
# The seed corpus of each target is fuzz/corpus/<target> (in the repository);
# what a run finds new goes to build-asan/corpus/<target>. A crash, leak or
# timeout fails the run and leaves its input in build-asan/crashes/<target>/:
# fix the bug, then copy the input into fuzz/corpus/<target>/ so it stays a
# regression case. Prints, per target, executions and coverage reached.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frame_decoder resp_parser json_value glob key_codec amqp rdb)
fi
build="$root/build-asan"
"$root/deploy/build-sanitized.sh" fuzzers

# shellcheck source=../deploy/sanitizer-env.sh
. "$root/deploy/sanitizer-env.sh"
failed=0
for t in "${targets[@]}"; do
  seeds="$root/fuzz/corpus/$t"
  work="$build/corpus/$t"
  crashes="$build/crashes/$t"
  mkdir -p "$work" "$crashes"
  log="$build/$t.log"
  # -timeout: one input taking a second is a bug (the glob target exists to
  # catch exponential matching); -rss_limit_mb bounds a runaway allocation.
  if "$build/fuzz/fuzz_$t" "$work" "$seeds" -max_total_time="$seconds" -timeout=2 \
       -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$crashes/" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  echo "fuzz $t: $status, $runs executions, coverage $cov edges, $(ls "$work" | wc -l) corpus inputs"
  if [ "$status" = FAILED ]; then
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -20
  fi
done
exit "$failed"
