#!/usr/bin/env bash
# HTTP throughput of PhoBien's anonymous page cache against nginx serving the same bytes as static
# files. See docs/benchmarks.md for what it measures, the figures and how to read them.
#
#   bench/http_vs_nginx.sh [PATH/TO/phobien]
#
# Default binary: build-bench/phobien (Release build) if present, else build/phobien.
# Everything listens on 127.0.0.1 only; every load run is bounded by wrk -d; servers and temporary
# folders are removed on exit. Needs wrk, nginx (Debian nginx-light), curl; jq and sqlite3 for the
# functional checks (skipped with a message when absent).
#
# Knobs (environment): BENCH_DURATION (default 10s), BENCH_NOCACHE_DURATION (5s), BENCH_WARMUP (2s),
# BENCH_CONNECTIONS (64), BENCH_KEEP=DIR (copy raw wrk output and server logs there).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -ge 1 ]]; then
  phobien="$1"
elif [[ -x "$repo_root/build-bench/phobien" ]]; then
  phobien="$repo_root/build-bench/phobien"
else
  phobien="$repo_root/build/phobien"
fi
[[ $phobien == /* ]] || phobien="$PWD/$phobien"

duration="${BENCH_DURATION:-10s}"
nocache_duration="${BENCH_NOCACHE_DURATION:-5s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-64}"
nginx_bin="${NGINX:-/usr/sbin/nginx}"

die() { echo "http_vs_nginx: $*" >&2; exit 1; }

[[ -x $phobien ]] || die "no phobien binary at $phobien (build one: cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-bench phobien)"
command -v wrk >/dev/null || die "wrk not found (Debian package wrk; scripts/install-deps installs it)"
[[ -x $nginx_bin ]] || die "nginx not found at $nginx_bin (Debian package nginx-light; scripts/install-deps installs it)"
command -v curl >/dev/null || die "curl not found"
command -v pgrep >/dev/null || die "pgrep not found (Debian package procps)"
have_jq=1; command -v jq >/dev/null || have_jq=0
have_sqlite=1; command -v sqlite3 >/dev/null || have_sqlite=0

# ---------------------------------------------------------------------------------------------
# temporary state and cleanup

work="$(mktemp -d -t phobien-bench.XXXXXX)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n ${BENCH_KEEP:-} ]]; then
    mkdir -p "$BENCH_KEEP"
    cp -r "$work/wrk" "$work/logs" "$BENCH_KEEP/" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/data" "$work/www" "$work/nginx" "$work/wrk" "$work/logs"

# Stops one server we started and forgets its pid.
stop_pid() {
  local victim="$1" kept=() pid
  kill "$victim" 2>/dev/null || true
  wait "$victim" 2>/dev/null || true
  for pid in "${pids[@]+"${pids[@]}"}"; do [[ $pid == "$victim" ]] || kept+=("$pid"); done
  pids=("${kept[@]+"${kept[@]}"}")
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}

# wait_for URL PID NAME: up to 30 s for a 200, failing early if the process died.
wait_for() {
  local url="$1" pid="$2" name="$3"
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/logs/$name.log" >&2 || true; die "$name exited during start-up"; }
    sleep 0.1
  done
  die "$name did not answer $url within 30 s"
}

# Environment for phobien: SQLite in a fresh folder, no rate limits, no per-request log lines.
# PHOBIEN_* variables from the caller's shell (a PostgreSQL URL, say) must not leak in.
phobien_env=()
while IFS= read -r v; do phobien_env+=(-u "$v"); done < <(compgen -e | grep '^PHOBIEN_' || true)

start_phobien() {  # start_phobien NAME PORT [VAR=VALUE...]; sets phobien_pid
  local name="$1" port="$2"
  shift 2
  env "${phobien_env[@]+"${phobien_env[@]}"}" PHOBIEN_RATE_LIMIT=0 PHOBIEN_LOG_LEVEL=warn "$@" \
    "$phobien" serve --demo --data "$work/data" --listen "127.0.0.1:$port" >"$work/logs/$name.log" 2>&1 &
  phobien_pid=$!
  pids+=("$phobien_pid")
  wait_for "http://127.0.0.1:$port/healthz" "$phobien_pid" "$name"
}

# ---------------------------------------------------------------------------------------------
# wrk runs

# CPU time (user + system, all threads) a process has used, in clock ticks.
clk_tck="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

declare -A rps latency transfer errors cpu_us
run_wrk() {  # run_wrk KEY DURATION URL SERVER_PID
  local key="$1" dur="$2" url="$3" server="$4" out="$work/wrk/$1.txt" before after requests
  before="$(cpu_ticks "$server")"
  wrk -t1 -c"$connections" -d"$dur" --latency "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed for $url"; }
  after="$(cpu_ticks "$server")"
  requests="$(awk '/ requests in / {print $1; exit}' "$out")"
  # Server CPU per request: much less sensitive than requests/s to other load on the machine.
  cpu_us[$key]="$(awk -v t=$((after - before)) -v hz="$clk_tck" -v n="$requests" 'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "n/a" }')"
  rps[$key]="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  transfer[$key]="$(awk '/^Transfer\/sec:/ {print $2}' "$out")"
  latency[$key]="$(awk '$1 == "Latency" && NF >= 4 {print $2; exit}' "$out")"
  local bad sock
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
  sock="$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' "$out")"
  errors[$key]="${bad:+non-2xx=$bad }${sock:+socket: $sock}"
  [[ -n ${rps[$key]} ]] || { cat "$out" >&2; die "could not read Requests/sec for $url"; }
  servers_alive "$key"
}
# A server that died under load makes the figures meaningless: stop with its log.
servers_alive() {
  local pid status=0
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill -0 "$pid" 2>/dev/null && continue
    wait "$pid" || status=$?
    echo "a server (pid $pid) died during '$1' with exit status $status; wrk said:" >&2
    cat "$work/wrk/$1.txt" >&2
    tail -n 30 "$work/logs/"*.log >&2 || true
    die "server died under load"
  done
}
warm() { wrk -t1 -c"$connections" -d"$warmup" "$1" >/dev/null 2>&1 || die "warm-up failed for $1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }

# ---------------------------------------------------------------------------------------------
# 1. phobien with its page cache (the default, PHOBIEN_CACHE_TTL=60)

port_app="$(free_port)"
echo "phobien: $phobien (built $(date -r "$phobien" '+%F %T'); repository now at $(git -C "$repo_root" describe --always --dirty 2>/dev/null || echo '?'))"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null); $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2); $("$nginx_bin" -v 2>&1)"
echo "starting phobien serve --demo on 127.0.0.1:$port_app (PHOBIEN_RATE_LIMIT=0 PHOBIEN_LOG_LEVEL=warn) ..."
start_phobien phobien "$port_app"
app="http://127.0.0.1:$port_app"

curl -sf "$app/" -o "$work/www/index.html" || die "GET / failed"
post_path="$(grep -o 'href="/bai-viet/[^"?#]*"' "$work/www/index.html" | head -n 1 | sed 's/^href="//; s/"$//')"
[[ -n $post_path ]] || die "no /bai-viet/... link on the home page"
curl -sf "$app$post_path" -o "$work/www/post.html" || die "GET $post_path failed"
chmod 755 "$work" "$work/www"
chmod 644 "$work/www/index.html" "$work/www/post.html"

# The cached pages must be what nginx serves: same bytes, no session or CSRF cookie.
for pair in "/:index.html" "$post_path:post.html"; do
  path="${pair%%:*}" file="${pair##*:}"
  headers="$(curl -sf -D - -o "$work/check.html" "$app$path")"
  cmp -s "$work/check.html" "$work/www/$file" || die "$path changed between two requests; not a cacheable page?"
  grep -qi '^set-cookie:' <<<"$headers" && die "$path sets a cookie, so it would not be cached"
  grep -qi '^cache-control: public' <<<"$headers" || die "$path is not Cache-Control: public, so it is not cached"
done

# ---------------------------------------------------------------------------------------------
# 2. nginx serving the same two pages as static files

port_nginx="$(free_port)"
optional_temp_paths=""
for m in fastcgi uwsgi scgi; do
  "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_${m}_module" || optional_temp_paths+="  ${m}_temp_path $work/nginx/${m}_temp;"$'\n'
done
cat >"$work/nginx/nginx.conf" <<EOF
# Generated by bench/http_vs_nginx.sh: one worker (phobien serves from one I/O thread), no access
# log (phobien runs with PHOBIEN_LOG_LEVEL=warn), keep-alive on, Debian's default sendfile/tcp_nopush.
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  types { text/html html; }
  default_type application/octet-stream;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;  # like phobien, never close a busy keep-alive connection
  client_body_temp_path $work/nginx/client_body_temp;
  proxy_temp_path $work/nginx/proxy_temp;
$optional_temp_paths  server {
    listen 127.0.0.1:$port_nginx;
    root $work/www;
  }
}
EOF
echo "starting nginx (1 worker process) on 127.0.0.1:$port_nginx ..."
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" >"$work/logs/nginx.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
wait_for "http://127.0.0.1:$port_nginx/index.html" "$nginx_pid" nginx
ngx="http://127.0.0.1:$port_nginx"
nginx_worker="$(pgrep -P "$nginx_pid" | head -n 1)"
[[ -n $nginx_worker ]] || die "no nginx worker process under pid $nginx_pid"
{ curl -sf "$ngx/post.html" -o "$work/check.html" && cmp -s "$work/check.html" "$work/www/post.html"; } ||
  die "nginx does not serve post.html as written"

# ---------------------------------------------------------------------------------------------
# 3. timed runs

echo "home page: $(wc -c <"$work/www/index.html") bytes; post page $post_path: $(wc -c <"$work/www/post.html") bytes"
echo "warming up ($warmup each) ..."
for url in "$ngx/index.html" "$app/" "$ngx/post.html" "$app$post_path"; do warm "$url"; done

echo "measuring: wrk -t1 -c$connections -d$duration (keep-alive) ..."
run_wrk nginx_home "$duration" "$ngx/index.html" "$nginx_worker"
run_wrk app_home "$duration" "$app/" "$phobien_pid"
run_wrk nginx_post "$duration" "$ngx/post.html" "$nginx_worker"
run_wrk app_post "$duration" "$app$post_path" "$phobien_pid"

# ---------------------------------------------------------------------------------------------
# 4. functional checks (not timed): the cached home page is current, and invalidation works

check_titles="SKIP (jq not installed)"
if ((have_jq)); then
  curl -sf "$app/" -o "$work/check.html"
  total=0 found=0 missing=()
  while IFS= read -r title; do
    total=$((total + 1))
    if grep -qF -- "$title" "$work/check.html"; then found=$((found + 1)); else missing+=("$title"); fi
  done < <(curl -sf "$app/api/v1/posts?limit=100" | jq -r '.items[].title')
  if ((total > 0 && found == total)); then
    check_titles="OK (home page shows all $total published demo post titles)"
  else
    check_titles="FAIL ($found of $total published titles on the home page; missing: ${missing[*]-})"
  fi
fi

# Another node's write, simulated: change a post title straight in the SQLite file. Without a
# change_log row the cached home page must stay as it was (it is served from memory); after a
# change_log row the change-log poller (PHOBIEN_CHANGE_POLL_MS, 1 s) must clear the cache.
check_invalidation="SKIP (sqlite3 or jq not installed)"
if ((have_sqlite && have_jq)); then
  db="$work/data/phobien.db"
  sql() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }
  log_change() { sql "INSERT INTO change_log (topic, at) VALUES ('posts', CAST(strftime('%s','now') AS INTEGER));"; }
  marker="BENCH-$$-$RANDOM"
  post_id="$(sql "SELECT MIN(id) FROM posts WHERE status = 'published';")"
  log_change && sleep 1.5              # a fresh cache entry, far from its TTL
  curl -sf "$app/" -o /dev/null
  sql "UPDATE posts SET title = title || ' $marker' WHERE id = $post_id;"
  curl -sf "$app/" -o "$work/check.html"
  if grep -qF "$marker" "$work/check.html"; then
    check_invalidation="FAIL (the home page showed a database change at once: it was not served from the cache)"
  else
    log_change
    seen=0
    for i in $(seq 50); do
      sleep 0.1
      curl -sf "$app/" -o "$work/check.html"
      if grep -qF "$marker" "$work/check.html"; then seen=$i; break; fi
    done
    if ((seen)); then
      check_invalidation="OK (cached page stayed stale until a change_log row; then updated within $((seen * 100)) ms)"
    else
      check_invalidation="FAIL (home page still stale 5 s after a change_log row)"
    fi
  fi
  sql "UPDATE posts SET title = replace(title, ' $marker', '') WHERE id = $post_id;"
  log_change
fi
stop_pid "$phobien_pid"

# ---------------------------------------------------------------------------------------------
# 5. what the cache buys: the same home page rendered on every request (PHOBIEN_CACHE_TTL=0)

port_nocache="$(free_port)"
echo "starting phobien with PHOBIEN_CACHE_TTL=0 on 127.0.0.1:$port_nocache ..."
start_phobien phobien-nocache "$port_nocache" PHOBIEN_CACHE_TTL=0
nocache="http://127.0.0.1:$port_nocache"
curl -sf "$nocache/" -o "$work/check.html"
# Same page apart from the port in absolute URLs (og:url).
sed "s/127\.0\.0\.1:$port_nocache/127.0.0.1:$port_app/g" "$work/check.html" | cmp -s - "$work/www/index.html" ||
  echo "note: the uncached home page differs from the cached one"
warm "$nocache/"
echo "measuring: wrk -t1 -c$connections -d$nocache_duration, cache disabled ..."
run_wrk app_home_nocache "$nocache_duration" "$nocache/" "$phobien_pid"
stop_pid "$phobien_pid"
stop_pid "$nginx_pid"

# ---------------------------------------------------------------------------------------------
# report

echo
echo "wrk -t1 -c$connections -d$duration, keep-alive, 127.0.0.1; nginx 1 worker, phobien 1 I/O thread; $(nproc) CPUs shared with wrk"
echo "post page: $post_path"
printf '%-40s %12s %10s %12s %14s  %s\n' "case" "requests/s" "avg lat." "transfer/s" "server CPU/req" "errors"
row() { printf '%-40s %12s %10s %12s %12sus  %s\n' "$1" "${rps[$2]}" "${latency[$2]}" "${transfer[$2]}" "${cpu_us[$2]}" "${errors[$2]:-none}"; }
row "nginx  /index.html (static file)" nginx_home
row "phobien / (page cache)" app_home
row "nginx  /post.html (static file)" nginx_post
row "phobien /bai-viet/... (page cache)" app_post
row "phobien / with PHOBIEN_CACHE_TTL=0 ($nocache_duration)" app_home_nocache
echo
echo "ratio phobien / nginx, home page:  $(ratio "${rps[app_home]}" "${rps[nginx_home]}")"
echo "ratio phobien / nginx, post page:  $(ratio "${rps[app_post]}" "${rps[nginx_post]}")"
echo "server CPU per request, nginx / phobien: home $(ratio "${cpu_us[nginx_home]}" "${cpu_us[app_home]}"), post $(ratio "${cpu_us[nginx_post]}" "${cpu_us[app_post]}") (less noisy; 100% = as cheap as nginx)"
echo "page cache speed-up on /:          $(awk -v a="${rps[app_home]}" -v b="${rps[app_home_nocache]}" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }') (cached vs PHOBIEN_CACHE_TTL=0)"
echo "target: cached public pages at >= 50% of nginx's static throughput"
echo
echo "check: home page titles:  $check_titles"
echo "check: cache invalidation: $check_invalidation"
for key in "${!errors[@]}"; do
  [[ -z ${errors[$key]} ]] || echo "warning: wrk saw errors in '$key' (${errors[$key]}); its requests/s is not comparable"
done
[[ $check_titles != FAIL* && $check_invalidation != FAIL* ]] || exit 1
