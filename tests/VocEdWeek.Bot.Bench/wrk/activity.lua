-- wrk script for POST /api/messages: the same Teams-shaped personal-chat "help" message as the .NET
-- load generator (TeamsMessages.cs), with a new activity id on every request (the bot de-duplicates ids).
-- Reads from the environment: BENCH_TOKEN, BENCH_SERVICE_URL, BENCH_APP_ID, BENCH_TENANT_ID (written by
-- the bench's --serve mode), BENCH_RUN (unique per wrk invocation), BENCH_TARGET, BENCH_CONNECTIONS.
-- done() prints one line: WRK target connections requests req/s p50 p90 p99 max errors ok (ms).

local token = os.getenv("BENCH_TOKEN") or ""
local service_url = os.getenv("BENCH_SERVICE_URL") or ""
local app_id = os.getenv("BENCH_APP_ID") or ""
local tenant = os.getenv("BENCH_TENANT_ID") or ""
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = {}
local counter = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }

local template = '{"type":"message","id":"%s","timestamp":"2024-05-14T01:30:00.000Z",'
  .. '"localTimestamp":"2024-05-14T09:30:00.000+08:00","serviceUrl":"' .. service_url .. '","channelId":"msteams",'
  .. '"from":{"id":"29:bench-user-%s","name":"Bench User %d","aadObjectId":"00000000-0000-4000-8000-%012d"},'
  .. '"conversation":{"conversationType":"personal","tenantId":"' .. tenant .. '","id":"a:bench-conversation-%s"},'
  .. '"recipient":{"id":"28:' .. app_id .. '","name":"VocEdWeek"},"textFormat":"plain","text":"help",'
  .. '"entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai"}],'
  .. '"channelData":{"tenant":{"id":"' .. tenant .. '"}},"locale":"en-US"}'

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local user = (counter + thread_no) % 200
  local padded = string.format("%04d", user)
  local id = string.format("%s-%d-%d", run, thread_no, counter)
  return wrk.format("POST", nil, headers, string.format(template, id, padded, user, user, padded))
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK %s %s %d %.1f %.3f %.3f %.3f %.3f %d %d\n",
    os.getenv("BENCH_TARGET") or "?", os.getenv("BENCH_CONNECTIONS") or "?",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.requests - e.status))
end
