#!/usr/bin/env bash
# Load and durability of online contests (issue 12), in about two minutes on this machine:
#   1. burst: 5,000 participants start an attempt (wrk, every request a different participant);
#   2. sustained submissions: wrk submits attempts for 20 s, every request a different participant;
#   3. crash: submissions again, the server killed with SIGKILL in the middle, then every
#      acknowledged submission looked up in the database (submitted and scored).
# Usage: bench/contest_load.sh [BUILD_DIR] [--postgres URL]   (default build; needs phobien and wrk)
# The last line: submissions/s=N p99_ms=N burst_errors=N lost_after_kill=N
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[[ ${1:-} == --postgres ]] && build=$root/build
pg_url=""
for ((i = 1; i <= $#; i++)); do [[ ${!i} == --postgres ]] && { j=$((i + 1)); pg_url=${!j}; }; done
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps)" >&2; exit 1; }
[[ -x $build/phobien ]] || { echo "missing $build/phobien: build it first" >&2; exit 1; }
cmake --build "$build" --target contest_setup >/dev/null
here=$root/bench/contest
threads=2
burst=${BURST:-5000}
sustained=${SUSTAINED:-100000}
crash=${CRASH:-20000}

tmp=$(mktemp -d /tmp/phobien-contest-bench.XXXXXX)
server=""
cleanup() { [[ -n $server ]] && kill -9 "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
unset PHOBIEN_DATABASE_URL PHOBIEN_DATA PHOBIEN_LISTEN
export PHOBIEN_DATA=$tmp/data
if [[ -n $pg_url ]]; then
  export PHOBIEN_DATABASE_URL=$pg_url
  db_url=$pg_url
else
  db_url=sqlite:$tmp/data/phobien.db
fi

# A law of 40 articles, 200 questions on it (true/false and multiple choice), 34 provinces with
# two communes each, and a contest of 10 questions in 60 minutes whose one round is open now.
python3 - "$tmp" <<'PY'
import json, sys, datetime
tmp = sys.argv[1]
law = [{"id": "Luật Mẫu", "articles": [{"id": str(i), "text": f"Điều mẫu {i}\n\n1. Nội dung quy định số {i} của luật mẫu."} for i in range(1, 41)]}]
bank = []
for i in range(200):
    q = {"question_id": str(i), "text": f"Câu hỏi mẫu số {i} về quy định của luật?", "relevant_articles": [{"law_id": "Luật Mẫu", "article_id": str(i % 40 + 1)}]}
    if i % 2: q.update({"question_type": "Đúng/Sai", "answer": "Đúng" if i % 4 == 1 else "Sai"})
    else: q.update({"question_type": "Trắc nghiệm", "choices": {"A": "Một", "B": "Hai", "C": "Ba", "D": "Bốn"}, "answer": "ABCD"[i % 4]})
    bank.append(q)
units = [{"Code": f"{p:02}", "FullName": f"Tỉnh Mẫu {p}", "Wards": [{"Code": f"{p:03}{w:02}", "FullName": f"Xã Mẫu {p}-{w}", "ProvinceCode": f"{p:02}"} for w in (1, 2)]} for p in range(1, 35)]
vn = datetime.timezone(datetime.timedelta(hours=7))
now = datetime.datetime.now(vn)
fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M")
contest = {"title": "Cuộc thi đo tải", "time_limit_minutes": 60, "attempts_per_round": 1,
           "prediction_question": "Bao nhiêu người đúng tất cả?",
           "rounds": [{"opens_at": fmt(now - datetime.timedelta(hours=1)), "closes_at": fmt(now + datetime.timedelta(days=1))}],
           "quotas": [{"count": 10}]}
for name, value in [("law.json", law), ("bank.json", bank), ("units.json", units), ("contest.json", contest)]:
    json.dump(value, open(f"{tmp}/{name}", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$build/phobien" import "$tmp/law.json" | tail -n 1
"$build/phobien" import-bank --publish "$tmp/bank.json"
"$build/phobien" import-units "$tmp/units.json"
"$build/phobien" create-contest "$tmp/contest.json"
"$build/bench/contest_setup" "$db_url" --participants $((sustained + crash + burst)) --started $((sustained + crash)) \
  --out "$tmp/participants.txt"

# The number a COUNT(*) query returns, from either database.
db_count() {
  if [[ -n $pg_url ]]; then
    psql -At "$pg_url" -c "$1"
  else
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$tmp/data/phobien.db" "$1"
  fi
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_server() {
  PHOBIEN_RATE_LIMIT=0 PHOBIEN_LOG_LEVEL=warn "$build/phobien" serve --listen "127.0.0.1:$port" >>"$tmp/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the server did not start:" >&2
  cat "$tmp/serve.log" >&2
  exit 1
}
start_server
export PARTICIPANTS=$tmp/participants.txt THREADS=$threads

echo "== burst: $burst participants start an attempt (wrk -t$threads -c200) =="
burst_line=$(wrk -t$threads -c200 -d30s --timeout 10s -s "$here/start_burst.lua" "http://127.0.0.1:$port" | tee "$tmp/burst-wrk.txt" | tail -n 1)
grep -E "Latency|Socket|Non-2xx" "$tmp/burst-wrk.txt" || true
echo "$burst_line"

echo "== sustained: submissions for 20 s, every request a different participant (wrk -t$threads -c64) =="
sustained_line=$(FIRST=1 LAST=$sustained ACKED=$tmp/acked-sustained wrk -t$threads -c64 -d20s -s "$here/submit.lua" \
  "http://127.0.0.1:$port" | tail -n 1)
echo "$sustained_line"

echo "== crash: submissions, SIGKILL after 5 s, restart, every acknowledged one looked up =="
FIRST=$((sustained + 1)) LAST=$((sustained + crash)) ACKED=$tmp/acked-crash wrk -t$threads -c64 -d10s -s "$here/submit.lua" \
  "http://127.0.0.1:$port" >"$tmp/crash-wrk.txt" 2>&1 &
wrk_pid=$!
sleep 5
kill -9 "$server"
wait "$server" 2>/dev/null || true
server=""
wait "$wrk_pid" || true
start_server
cat "$tmp"/acked-crash.* 2>/dev/null | sort -u >"$tmp/acked.txt"
acked=$(wc -l <"$tmp/acked.txt")
ids=$(paste -sd, "$tmp/acked.txt")
query="SELECT COUNT(*) FROM contest_attempts WHERE id IN (${ids:-0}) AND status = 'submitted' AND time_ms IS NOT NULL"
found=$(db_count "$query")
lost=$((acked - found))
echo "acknowledged before the kill: $acked, found submitted and scored after the restart: $found"

if [[ $sustained_line != *"refused=0 "* ]]; then
  echo "warning: some submissions were refused (the $sustained prepared attempts ran out, or errors): the rate counts only 200s" >&2
fi
rate=$(echo "$sustained_line" | sed -E 's/.*submitted=([0-9]+).*seconds=([0-9.]+).*/\1 \2/' | awk '{printf "%d", $1 / $2}')
p99=$(echo "$sustained_line" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/')
# Errors of the burst: answers other than 201, requests that timed out, and starts missing from the
# database (the participants of the burst are the last $burst of contest_setup's list).
burst_errors=$(echo "$burst_line" | sed -E 's/.*burst_errors=([0-9]+).*/\1/')
timeouts=$(grep -oE 'timeout [0-9]+' "$tmp/burst-wrk.txt" | grep -oE '[0-9]+' || echo 0)
burst_stored=$(db_count "SELECT COUNT(*) FROM contest_attempts WHERE participant_id > $((sustained + crash))")
echo "burst: $burst_stored of $burst attempts stored, $burst_errors refused, ${timeouts:-0} timed out"
burst_errors=$((burst_errors + ${timeouts:-0} + burst - burst_stored))
echo "submissions/s=$rate p99_ms=$p99 burst_errors=$burst_errors lost_after_kill=$lost"
