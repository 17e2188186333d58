#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser Inquest runs on untrusted input (see
# Sources/InquestFuzzing/FuzzTarget.swift for the targets).
#
#   Fuzz/run.sh                 every target for 600 s each (the long run)
#   Fuzz/run.sh all 20          every target for 20 s each (what .ci/run does)
#   Fuzz/run.sh logs 3600       one target for an hour
#
# It builds `inquest-fuzz` in release mode with AddressSanitizer and libFuzzer's coverage
# instrumentation into .build-fuzz/, seeds each target from Fuzz/Regressions/TARGET/ and, when
# present, from the public corpora in ../shared/corpora (or $INQUEST_CORPORA), and runs libFuzzer.
# A crash, a hang (> 10 s on one input) or an input that needs more than 2 GiB is written to
# Fuzz/Regressions/TARGET/ (keep it: InquestFuzzingTests replays every file there) and fails the
# run. The last lines print the executions each target ran.
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(logs documents filter bundle watch-config detect)
target="${1:-all}"
seconds="${2:-600}"
if [ "$target" = all ]; then targets=("${targets_all[@]}"); else targets=("$target"); fi

no_main="$(ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1 || true)"
if [ -z "$no_main" ]; then
  no_main="$(find "$(dirname "$(dirname "$(command -v swiftc)")")" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)"
fi
[ -n "$no_main" ] || { echo "fuzz: libclang_rt.fuzzer_no_main not found in the Swift toolchain" >&2; exit 2; }

echo "fuzz: building inquest-fuzz (release, AddressSanitizer, libFuzzer coverage)"
swift build -c release --scratch-path .build-fuzz --product inquest-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DFUZZING -Xlinker "$no_main" -Xlinker -lstdc++
binary=.build-fuzz/release/inquest-fuzz

corpora="${INQUEST_CORPORA:-../shared/corpora}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Seeds: up to 64 KiB of each file, prefixed with the selector byte that means "detect the
# format" (logs: after the 6 log formats, then a cut byte; documents: after the 9 document kinds).
seed() { # seed DIR PREFIX_HEX FILE...
  local dir="$1" prefix="$2"; shift 2
  local n=0
  for file in "$@"; do
    [ -f "$file" ] || continue
    n=$((n + 1))
    { printf "$prefix"; head -c "${SEED_BYTES:-65536}" "$file"; } > "$dir/seed-$n"
  done
}

declare -A executions
for t in "${targets[@]}"; do
  regressions="Fuzz/Regressions/$t"
  mkdir -p "$regressions"
  seeds="$work/seeds-$t"; live="$work/corpus-$t"
  mkdir -p "$seeds" "$live"
  if [ -d "$corpora" ]; then
    case "$t" in
      logs) seed "$seeds" '\x06\x80' $(find "$corpora/loghub" "$corpora/elastic-examples" "$corpora/filebeat" -type f \( -name '*.log' -o -name '*log*' \) ! -name '*.csv' ! -name '*.json' 2>/dev/null | sort | head -200) ;;
      documents) SEED_BYTES=16384 seed "$seeds" '\x09' $(find "$corpora/otlp" "$corpora/jaeger" "$corpora/zipkin" "$corpora/junit" "$corpora/github-actions" "$corpora/git-history" "$corpora/prometheus" -type f 2>/dev/null | sort | head -200) $(find "$corpora/nab" -name '*.csv' | sort | head -10) ;;
      detect) SEED_BYTES=16384 seed "$seeds" '' $(find "$corpora/nab" "$corpora/nezha" -name '*.csv' 2>/dev/null | sort | head -40) ;;
      *) ;;
    esac
  fi
  case "$t" in
    filter) printf '%s' 'service:checkout severity>=error since:2h' > "$seeds/a"; printf '%s' '(a OR b) -c "connection reset" latency_ms>1000 after:2026-11-20T10:00Z' > "$seeds/b"; printf '%s' 'tag:suspect is:starred host:web-* status:504 NOT time*' > "$seeds/c" ;;
    bundle) cp Tests/Fixtures/bundles/*.bundle "$seeds/" 2>/dev/null || true; cp examples/demo-investigation.json "$seeds/" 2>/dev/null || true ;;
    watch-config) cp examples/watch.yaml "$seeds/" 2>/dev/null || true ;;
  esac
  # Documents and metric series run the anomaly detector over every row (~70 µs a row under
  # AddressSanitizer), so their inputs are capped at 16 KiB to keep executions fast.
  case "$t" in documents|detect) max_len=16384 ;; *) max_len=65536 ;; esac
  log="$work/$t.log"
  echo "fuzz: $t for ${seconds}s ($(ls "$seeds" | wc -l) seeds, $(ls "$regressions" | wc -l) kept inputs)"
  status=0
  INQUEST_FUZZ_TARGET="$t" ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$max_len" \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$regressions/" \
    "$live" "$seeds" "$regressions" > "$log" 2>&1 || status=$?
  executions[$t]="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $t FOUND A PROBLEM (exit $status); the input is in $regressions/:"
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -20 || tail -40 "$log"
    exit 1
  fi
  echo "fuzz: $t ran ${executions[$t]} executions, no crash"
done
for t in "${targets[@]}"; do echo "fuzz summary: $t ${executions[$t]} executions in ${seconds}s"; done
