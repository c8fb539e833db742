#!/usr/bin/env bash
# Clean build and test time of one or more revisions, one after the other on this machine, each in
# a fresh clone (no ccache): the figure of docs/benchmarks.md, "Clean build and tests".
#   bench/build_and_test_time.sh 6f65ef0 HEAD
# Prints one line per revision and step. The clones live under a temporary folder, removed at the end.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for rev in "$@"; do
  dir=$tmp/$rev
  git clone -q "$repo" "$dir" && git -C "$dir" checkout -q "$rev" || exit 1
  cmake -S "$dir" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$tmp/$rev.cmake.log" 2>&1 || exit 1
  start=$(date +%s.%N)
  CCACHE_DISABLE=1 cmake --build "$dir/build" -j 2 >"$tmp/$rev.build.log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  printf '%s build exit=%s seconds=%.0f steps=%s\n' "$rev" "$rc" "$(echo "$end - $start" | bc)" "$(grep -c '^\[' "$tmp/$rev.build.log")"
  start=$(date +%s.%N)
  (cd "$dir" && CCACHE_DISABLE=1 scripts/run-tests build >"$tmp/$rev.test.log" 2>&1)
  rc=$?
  end=$(date +%s.%N)
  printf '%s tests exit=%s seconds=%.0f %s\n' "$rev" "$rc" "$(echo "$end - $start" | bc)" "$(grep -E 'tests passed|tests failed' "$tmp/$rev.test.log" | tail -1)"
done
