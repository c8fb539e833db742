#!/usr/bin/env bash
# Coverage-guided fuzzing of PhoBien's parsers (libFuzzer, clang; targets in fuzz/).
#
#   bench/fuzz.sh [-t SECONDS] [TARGET ...]
#
# Builds build-fuzz/ when needed (clang++, -DPHOBIEN_FUZZ=ON: every library compiled with
# -fsanitize=fuzzer-no-link,address,undefined), writes the seed corpora into
# build-fuzz/corpus/<target>/ the first time (fuzz/seeds.cpp: the unit tests' fixtures and a few
# small files of ../shared/data), then runs each target, or only the ones named (image_strip,
# pdf_strip, attachment, http_form, http_misc, http_router, json_body, library_import, structure,
# legal_refs, query_plan, markdown), one after another under nice -n 19, for SECONDS each (default
# 600) with -rss_limit_mb=2048 -timeout=10, its corpus and its dictionary (fuzz/*.dict).
# libFuzzer stops at the first crash; the script then starts the target again for the time left
# (at most 20 times), so one bug does not end the run. Crashing inputs (crash-*, timeout-*,
# oom-*, leak-*) are kept in build-fuzz/crashes/<target>/; reproduce one with
#   build-fuzz/fuzz/<target>_fuzz build-fuzz/crashes/<target>/crash-...
# Logs go to $FUZZ_LOGS (default build-fuzz/fuzz-logs): <target>.<n>.log per run and summary.txt,
# the table printed at the end: per target the seconds run, total executions, coverage (cov and ft
# from libFuzzer's last status line), corpus size and new crashing inputs.
#
# Environment: JOBS (build parallelism, default 2), FUZZ_LOGS, SHARED_DATA (default ../shared/data).
# Example: FUZZ_LOGS=/tmp/fuzz-runs bench/fuzz.sh -t 60 http_misc markdown
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build-fuzz
ALL_TARGETS=(image_strip pdf_strip attachment http_form http_misc http_router json_body library_import structure legal_refs query_plan markdown xlsx_reader)
SECONDS_EACH=600
JOBS=${JOBS:-2}
LOGS=${FUZZ_LOGS:-$BUILD/fuzz-logs}
SHARED=${SHARED_DATA:-$ROOT/../shared/data}

while getopts "t:h" opt; do
  case $opt in
    t) SECONDS_EACH=$OPTARG ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")

dict_of() {
  case $1 in
    image_strip | attachment) echo image ;;
    pdf_strip) echo pdf ;;
    http_*) echo http ;;
    json_body) echo json ;;
    library_import | structure | legal_refs | query_plan) echo legal ;;
    markdown) echo markdown ;;
    xlsx_reader) echo xlsx ;;
  esac
}

# ---- build ----------------------------------------------------------------------------------
if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang CXX=clang++ nice -n 19 cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHOBIEN_FUZZ=ON -DBUILD_TESTING=OFF
fi
nice -n 19 ninja -C "$BUILD" -j "$JOBS" phobien_fuzzers
if [ ! -d "$BUILD/corpus" ]; then
  nice -n 19 "$BUILD/fuzz/phobien_fuzz_seeds" "$BUILD/corpus" "$SHARED"
fi
mkdir -p "$LOGS"

# ---- run ------------------------------------------------------------------------------------
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
summary=$LOGS/summary.txt
printf '%-15s %8s %12s %8s %8s %8s %8s\n' target seconds execs cov ft corpus crashes | tee "$summary"
for target in "${TARGETS[@]}"; do
  bin=$BUILD/fuzz/${target}_fuzz
  [ -x "$bin" ] || { echo "no such target: $target" >&2; exit 2; }
  corpus=$BUILD/corpus/$target
  crashes=$BUILD/crashes/$target
  mkdir -p "$corpus" "$crashes"
  dict=$ROOT/fuzz/$(dict_of "$target").dict
  before=$(find "$crashes" -type f | wc -l)
  start=$(date +%s)
  execs=0 cov=- ft=- run=0
  while :; do
    left=$((SECONDS_EACH - ($(date +%s) - start)))
    [ "$left" -ge 1 ] && [ "$run" -lt 20 ] || break
    run=$((run + 1))
    log=$LOGS/$target.$run.log
    echo "== $target run $run: $left s" >&2
    set +e
    nice -n 19 "$bin" -max_total_time="$left" -rss_limit_mb=2048 -timeout=10 -dict="$dict" \
      -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1
    status=$?
    set -e
    # Executions: "Done N runs" when the time ran out, else the last "#N" status line.
    n=$(grep -oE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
    [ -n "$n" ] || n=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    execs=$((execs + ${n:-0}))
    line=$(grep -E '^#[0-9]+.* cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    if [ -n "$line" ]; then
      cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$line")
      ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$line")
    fi
    if [ "$status" -ne 0 ]; then
      echo "   $target exited with $status: $(grep -m1 -E 'ERROR: |FUZZ_CHECK|SUMMARY|runtime error' "$log" || echo see "$log")" >&2
    fi
    [ "$status" -eq 0 ] && break  # time is up
  done
  took=$(($(date +%s) - start))
  found=$(($(find "$crashes" -type f | wc -l) - before))
  printf '%-15s %8s %12s %8s %8s %8s %8s\n' "$target" "$took" "$execs" "$cov" "$ft" "$(find "$corpus" -type f | wc -l)" "$found" | tee -a "$summary"
done
echo "logs: $LOGS; crashing inputs: $BUILD/crashes/<target>/"
