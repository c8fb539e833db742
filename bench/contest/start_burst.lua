-- wrk script: every request starts the attempt of a different participant (POST
-- /api/v1/contests/1/attempts with the participant's bearer token). The tokens are the lines of
-- PARTICIPANTS (env) whose attempt id is 0, shared out between THREADS threads; once a thread's
-- share is sent it asks for /healthz until wrk's duration ends (wrk cannot stop early).
-- done() prints "burst_started=N burst_errors=N burst_seconds=N p99_ms=N": starts answered 201,
-- any other answer to a start, and the seconds from the first request to the last start answered.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  -- wrk calls request() of its first thread once before the run, to check what it returns
  -- (script_verify_request): that call must not use up a participant.
  tokens, started, errors = {}, 0, 0
  sent = id == 0 and -1 or 0
  first_at, last_at = os.time(), os.time()
  local i = 0
  for line in io.lines(os.getenv("PARTICIPANTS")) do
    local token, attempt = line:match("^(%S+) (%d+)$")
    if attempt == "0" then
      if i % tonumber(os.getenv("THREADS")) == id then table.insert(tokens, token) end
      i = i + 1
    end
  end
end

function request()
  sent = sent + 1
  if sent < 1 or sent > #tokens then return wrk.format("GET", "/healthz") end
  return wrk.format("POST", "/api/v1/contests/1/attempts", {["Authorization"] = "Bearer " .. tokens[sent]}, "")
end

function response(status, headers, body)
  if status == 201 then
    started = started + 1
    last_at = os.time()
  elseif status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total, errs, first, last = 0, 0, nil, 0
  for _, t in ipairs(threads) do
    total = total + t:get("started")
    errs = errs + t:get("errors")
    first = math.min(first or t:get("first_at"), t:get("first_at"))
    last = math.max(last, t:get("last_at"))
  end
  io.write(string.format("burst_started=%d burst_errors=%d burst_seconds=%d\n", total, errs, last - first))
end
