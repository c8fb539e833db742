-- wrk script: every request submits the attempt of a different participant (POST
-- /api/v1/attempts/{id}/submit with the participant's bearer token), taking the lines of
-- PARTICIPANTS (env) from FIRST to LAST (1-based) whose attempt id is not 0, shared out between
-- THREADS threads. Each acknowledged submission (200) has its attempt id appended at once to
-- ACKED.<thread> (env), so that a crash test can check them after SIGKILL. done() prints
-- "submitted=N refused=N seconds=N p99_ms=N" (p99 over every request, refused ones too).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  pairs_, sent, ok, refused = {}, 0, 0, 0
  first_at, last_ok_at = os.time(), os.time()
  local first, last = tonumber(os.getenv("FIRST")), tonumber(os.getenv("LAST"))
  local n, i = 0, 0
  for line in io.lines(os.getenv("PARTICIPANTS")) do
    local token, attempt = line:match("^(%S+) (%d+)$")
    if attempt ~= "0" then
      n = n + 1
      if n >= first and n <= last then
        if i % tonumber(os.getenv("THREADS")) == id then table.insert(pairs_, {token, attempt}) end
        i = i + 1
      end
    end
  end
  acked = io.open(os.getenv("ACKED") .. "." .. id, "a")
end

function request()
  sent = sent + 1
  local p = pairs_[((sent - 1) % #pairs_) + 1]
  return wrk.format("POST", "/api/v1/attempts/" .. p[2] .. "/submit",
                    {["Authorization"] = "Bearer " .. p[1], ["Content-Type"] = "application/json"}, '{"prediction": 100}')
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    last_ok_at = os.time()
    acked:write(string.match(body, '"attempt_id":"(%d+)"') .. "\n")
    acked:flush()
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total, bad, first, last = 0, 0, nil, 0
  for _, t in ipairs(threads) do
    total = total + t:get("ok")
    bad = bad + t:get("refused")
    first = math.min(first or t:get("first_at"), t:get("first_at"))
    last = math.max(last, t:get("last_ok_at"))
  end
  -- When the prepared attempts ran out before the end, the rate is over the time they lasted.
  local seconds = summary.duration / 1e6
  if bad > 0 and last - first > 0 then seconds = last - first end
  io.write(string.format("submitted=%d refused=%d seconds=%.2f p99_ms=%.1f\n", total, bad, seconds,
                         latency:percentile(99) / 1000))
end
