-- wrk script of the side-by-side benchmark (compare.sh, Compare/WrkRunner.cs): Teams-shaped personal-chat messages,
-- a unique activity id per request (bots de-duplicate ids), the same bytes for every target.
-- Environment: BENCH_TOKEN, BENCH_SERVICE_URL, BENCH_APP_ID, BENCH_TENANT_ID; BENCH_RUN (unique per wrk run);
-- BENCH_KIND (help, or submit: the daily report card's Action.Execute from liaison n % BENCH_POOL of
-- Compare/BenchWeek.cs, a new card id each time, as Compare/ReportSubmits.cs builds it); BENCH_POOL: > 0 rotates over that many known conversations (a:bench-conversation-0000 … as
-- TeamsMessages.cs builds them for the warm-up pass), 0 = every request from a conversation never seen, numbered
-- from BENCH_FIRST (unique per run). BENCH_THREADS = wrk -t. done() prints one line:
-- WRK requests seconds p50 p99 p99.9 max (ms) socket-errors non-2xx timeouts

local token = os.getenv("BENCH_TOKEN") or ""
local service_url = os.getenv("BENCH_SERVICE_URL") or ""
local app_id = os.getenv("BENCH_APP_ID") or ""
local tenant = os.getenv("BENCH_TENANT_ID") or ""
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local kind = os.getenv("BENCH_KIND") or "help"
local pool = tonumber(os.getenv("BENCH_POOL") or "2000")
local first = tonumber(os.getenv("BENCH_FIRST") or "0")
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")

local threads = {}
local counter = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }

-- The message head up to "from"; the order of fields is TeamsMessages.cs's.
local function message(id, user_id, user_name, aad, conversation, text)
  return '{"type":"message","id":"' .. id .. '","timestamp":"2024-05-14T01:30:00.000Z",'
    .. '"localTimestamp":"2024-05-14T09:30:00.000+08:00","serviceUrl":"' .. service_url .. '","channelId":"msteams",'
    .. '"from":{"id":"' .. user_id .. '","name":"' .. user_name .. '","aadObjectId":"' .. aad .. '"},'
    .. '"conversation":{"conversationType":"personal","tenantId":"' .. tenant .. '","id":"' .. conversation .. '"},'
    .. '"recipient":{"id":"28:' .. app_id .. '","name":"VocEdWeek"},"textFormat":"plain","text":"' .. text .. '",'
    .. '"entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai"}],'
    .. '"channelData":{"tenant":{"id":"' .. tenant .. '"}},"locale":"en-US"}'
end

-- Who sends request number n: a known conversation (rotating) or a new one.
local function sender(n)
  if pool > 0 then
    local u = n % pool
    local padded = string.format("%04d", u)
    return "29:bench-user-" .. padded, "Bench User " .. u, string.format("00000000-0000-4000-8000-%012d", u), "a:bench-conversation-" .. padded
  end
  local u = first + n
  return string.format("29:bench-first-%012d", u), "First User " .. u, string.format("00000000-0000-4000-9000-%012d", u),
    string.format("a:bench-first-%012d", u)
end

-- The daily report card's submit button from liaison u (BenchWeek.cs numbering); the card id is the activity id's letters
-- and digits, so every request is a new version (the bot keeps card ids as idempotency keys).
local function submit(id, u)
  local padded = string.format("%04d", u)
  return '{"type":"invoke","name":"adaptiveCard/action","id":"' .. id .. '","timestamp":"2024-05-14T01:30:00.000Z",'
    .. '"localTimestamp":"2024-05-14T09:30:00.000+08:00","serviceUrl":"' .. service_url .. '","channelId":"msteams",'
    .. '"from":{"id":"29:bench-liaison-' .. padded .. '","name":"联络员' .. padded .. '","aadObjectId":"'
    .. string.format("11a150a0-0000-4000-9000-%012d", u) .. '"},'
    .. '"conversation":{"conversationType":"personal","tenantId":"' .. tenant .. '","id":"a:bench-liaison-' .. padded .. '"},'
    .. '"recipient":{"id":"28:' .. app_id .. '","name":"VocEdWeek"},'
    .. '"entities":[{"type":"clientInfo","locale":"zh-CN","platform":"Web","timezone":"Asia/Shanghai"}],'
    .. '"channelData":{"tenant":{"id":"' .. tenant .. '"}},"locale":"zh-CN",'
    .. '"value":{"action":{"type":"Action.Execute","verb":"report.submit","data":{"verb":"report.submit","weekId":"2024-wuxi",'
    .. '"itemKey":"report:2024-05-14","cardId":"' .. id:gsub("[^%w]", "") .. '","newActivities":"智能制造实训中心开放日",'
    .. '"participants":"120","typicalCase":"基准 中小学生在师生指导下体验工业机器人编程。","story":"","featureReport":"","mediaLinks":""}},'
    .. '"trigger":"manual"}}'
end

local kinds = {
  help = function(id, n)
    local user_id, user_name, aad, conversation = sender(n)
    return message(id, user_id, user_name, aad, conversation, "help")
  end,
  submit = function(id, n)
    return submit(id, n % pool)
  end,
}

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function request()
  -- n is unique across this run's threads: thread t sends t, t + T, t + 2T, … (T threads).
  local n = counter * thread_count + thread_no
  counter = counter + 1
  local id = string.format("%s-%d", run, n)
  return wrk.format("POST", nil, headers, kinds[kind](id, n))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %d %.3f %.3f %.3f %.3f %.3f %d %d %d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect + e.read + e.write, e.status, e.timeout))
end
