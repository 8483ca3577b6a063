-- wrk script: unique, realistic decision requests across the six seed markets, shaped like
-- policy-engine/src/test/java/io/credence/benchmark/ApplicationMix.java (scaled to each market's
-- currency, limits and bureau scale, so every outcome and every stage of the policies is exercised).
-- Usage: wrk ... -s decisions.lua http://127.0.0.1:PORT/api/v1/decisions -- <api-key> <run-id>
-- With no path of its own wrk sends GET: the same script with "-- <api-key> <run-id> ping" only
-- counts answers, so both runs pay the same Lua costs.

local markets = {
  -- market, currency, minAmount, maxAmount, minTerm, maxTerm, scoreMin, scoreMax
  {"IN", "INR", 10000, 2500000, 3, 60, 300, 900},
  {"ID", "IDR", 1000000, 50000000, 3, 24, 250, 900},
  {"PH", "PHP", 5000, 1000000, 3, 36, 300, 850},
  {"BR", "BRL", 1000, 100000, 6, 60, 0, 1000},
  {"MX", "MXN", 3000, 300000, 3, 48, 300, 850},
  {"GB", "GBP", 1000, 25000, 12, 60, 0, 999},
}
local residences = {"OWNER", "RENTER", "FAMILY", "OTHER"}
local purposes = {"DEBT_CONSOLIDATION", "HOME_IMPROVEMENT", "EDUCATION", "MEDICAL", "OTHER"}
local channels = {"APP", "WEB", "PARTNER", "BRANCH"}

local threads = {}
local counter = 0
local api_key, run_id, mode
-- Globals: setup() sets thread_id in each thread, done() reads the counters back from each thread.
thread_id = 0
non2xx, ok = 0, 0
statuses = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  api_key = args[1] or "bench-api-key"
  run_id = args[2] or tostring(os.time())
  mode = args[3] or "decide"
  math.randomseed(1000 * thread_id + 17)
  if mode == "decide" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
  wrk.headers["X-Api-Key"] = api_key
end

local function money(x) return string.format("%d", math.floor(x + 0.5)) end

local function application()
  counter = counter + 1
  local m = markets[(counter % #markets) + 1]
  local market, currency, minA, maxA, minT, maxT, smin, smax = m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
  local income = minA * (1.5 + 13.5 * math.random())
  local amount = math.min(maxA * 1.1, math.max(minA, income * (0.5 + 3.5 * math.random())))
  local term = 6 * math.random(1, 10)
  if math.random() < 0.05 then term = maxT + 12 else term = math.max(minT, math.min(maxT, term)) end
  local draw = math.random()
  local employment = draw < 0.62 and "SALARIED" or draw < 0.82 and "SELF_EMPLOYED" or draw < 0.90 and "RETIRED"
      or draw < 0.95 and "UNEMPLOYED" or "STUDENT"
  local age = math.random() < 0.02 and 17 or 20 + math.random(0, 49)
  local months = ""
  if employment ~= "UNEMPLOYED" and employment ~= "STUDENT" then
    months = string.format(',"employmentMonths":%d', math.random(0, math.max(1, (age - 17) * 12) - 1))
  end
  local bureau = ""
  if math.random() >= 0.12 then
    bureau = string.format(',"bureau":{"score":%d,"historyMonths":%d,"delinquencies12m":%d,"openLoans":%d,'
        .. '"inquiries6m":%d,"monthlyDebtPayments":%s}',
        smin + math.floor((smax - smin) * (0.45 + 0.55 * math.random())), math.random(0, 179),
        math.random() < 0.8 and 0 or math.random(1, 4), math.random(0, 5), math.random(0, 4),
        money(income * 0.3 * math.random()))
  end
  -- Customers and devices repeat now and then (a pool per thread), so velocity checks find history;
  -- 5 % of applications come from abroad.
  local customer = string.format("C-%s-%d-%d", run_id, thread_id, math.random(1, 20000))
  local device = string.format("d-%s-%d-%d", run_id, thread_id, math.random(1, 20000))
  local ip = math.random() < 0.05 and "US" or market
  return string.format('{"applicationId":"W-%s-%d-%d","market":"%s","product":"PERSONAL_LOAN","channel":"%s",'
      .. '"applicant":{"customerId":"%s","age":%d,"monthlyIncome":%s,"employmentStatus":"%s"%s,'
      .. '"residentialStatus":"%s","dependents":%d,"kycVerified":%s},'
      .. '"loan":{"amount":%s,"currency":"%s","termMonths":%d,"purpose":"%s"}%s,'
      .. '"device":{"fingerprint":"%s","ipCountry":"%s"}}',
      run_id, thread_id, counter, market, channels[math.random(1, 4)], customer, age, money(income), employment,
      months, residences[math.random(1, 4)], math.random(0, 3), math.random() > 0.03 and "true" or "false",
      money(amount), currency, term, purposes[math.random(1, 5)], bureau, device, ip)
end

function request()
  if mode == "decide" then
    return wrk.format(nil, nil, nil, application())
  end
  return wrk.format()
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_bad, codes = 0, 0, {}
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_bad = total_bad + t:get("non2xx")
    local s = t:get("statuses")
    for code, n in pairs(s) do codes[code] = (codes[code] or 0) + n end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f ok2xx=%d non2xx=%d socket_errors=%d "
      .. "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
      summary.requests, seconds, summary.requests / seconds, total_ok, total_bad,
      e.connect + e.read + e.write + e.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
  for code, n in pairs(codes) do io.write(string.format("STATUS %d %d\n", code, n)) end
end
