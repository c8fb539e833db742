#!/usr/bin/env bash
# /api/v1/search over HTTP against the in-process index, in one run on the same cores:
#   1. search_bench: every query once through search::Index in-process (and SQLite FTS5 beside it);
#   2. phobien serve with all of ../shared/data/legal imported, and wrk rotating through the same
#      queries (every request a different query; no response cache: /api/v1/search is no-store).
# Usage: bench/search_http.sh [BUILD_DIR]   (default build-bench; needs phobien and search_bench built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
data=${PHOBIEN_SHARED_DATA:-$root/../shared/data}
for f in "$build/phobien" "$build/bench/search_bench"; do [[ -x $f ]] || { echo "missing $f: build it (see docs/benchmarks.md)" >&2; exit 1; }; done
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps)" >&2; exit 1; }
[[ -d $data/legal && -d $data/queries ]] || { echo "no shared data at $data" >&2; exit 1; }

tmp=$(mktemp -d /tmp/phobien-search-bench.XXXXXX)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
unset PHOBIEN_DATABASE_URL PHOBIEN_DATA PHOBIEN_LISTEN

echo "== in-process (search_bench, one thread) =="
"$build/bench/search_bench" --queries "$data/queries/zalo-questions.json" --queries "$data/queries/vlsp2025-questions.json" \
  "$data/legal/alqac-law-corpus.json" "$data/legal/alqac2022/law.json" | tee "$tmp/inproc.txt"

# The server gets the same corpus as search_bench, so the ratio compares like with like; a second
# run (below) has all of ../shared/data/legal imported.
echo "== HTTP (/api/v1/search, wrk -t1 -c64, rotating queries), same corpus =="
"$build/phobien" import --data "$tmp/data" "$data/legal/alqac-law-corpus.json" "$data/legal/alqac2022/law.json" | tail -n 1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PHOBIEN_RATE_LIMIT=0 PHOBIEN_LOG_LEVEL=warn "$build/phobien" serve --data "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
# The same queries, URL-encoded, as a wrk script that takes the next one for every request.
python3 - "$data/queries/zalo-questions.json" "$data/queries/vlsp2025-questions.json" >"$tmp/rotate.lua" <<'PY'
import json, sys, urllib.parse
paths = []
for f in sys.argv[1:]:
    for q in json.load(open(f, encoding="utf-8")):
        text = q.get("text") or q.get("question") or ""
        if text.strip():
            paths.append("/api/v1/search?limit=10&q=" + urllib.parse.quote(text.strip()[:900]))
print("local paths = {")
for p in paths:
    print("  %s," % json.dumps(p))
print("}")
print("local i = 0")
print("request = function() i = (i % #paths) + 1; return wrk.format('GET', paths[i]) end")
print("done = function(summary, latency, requests) io.write(string.format('queries=%d non2xx=%d\\n', #paths, summary.errors.status)) end")
PY
wrk -t1 -c64 -d5s -s "$tmp/rotate.lua" "http://127.0.0.1:$port" >/dev/null  # warm-up
wrk -t1 -c64 -d10s --latency -s "$tmp/rotate.lua" "http://127.0.0.1:$port" | tee "$tmp/wrk.txt"
index_line=$(grep "search index" "$tmp/serve.log" | tail -1 || true)
echo "server: ${index_line#*] }"
http_rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")
inproc_rps=$(grep -m1 -oE 'search::Index[^0-9]*[0-9]+' "$tmp/inproc.txt" | grep -oE '[0-9]+$' || true)
kill "$server"; wait "$server" 2>/dev/null || true
echo "== HTTP, all of ../shared/data/legal imported =="
"$build/phobien" import --data "$tmp/data" "$data/legal" | tail -n 1
PHOBIEN_RATE_LIMIT=0 PHOBIEN_LOG_LEVEL=warn "$build/phobien" serve --data "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
wrk -t1 -c64 -d10s -s "$tmp/rotate.lua" "http://127.0.0.1:$port" | tee "$tmp/wrk-all.txt" | grep -E "Requests/sec|queries="
all_rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk-all.txt")
echo "== summary =="
echo "HTTP /api/v1/search, same corpus: $http_rps requests/s; all legal data: $all_rps requests/s"
[[ -n $inproc_rps ]] && python3 -c "print('HTTP / in-process (one thread), same corpus: %.0f%%' % (100 * $http_rps / $inproc_rps))"
