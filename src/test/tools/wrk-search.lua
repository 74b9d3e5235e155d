-- wrk script: plain searches, each request the next query of the relevance suite and the learners' set (URL-encoded),
-- so the load is the questions learners ask, not one cached query. Usage (BENCHMARKS.md):
--   wrk -t2 -c4 -d15s -s src/test/tools/wrk-search.lua http://127.0.0.1:7000
-- Set WRK_QUERIES to another file of queries (second column of a TSV) to change the mix. Set WRK_UNIQUE=1 to make
-- every request's text new (a number appended), so no query vector comes from the service's cache.
local queries = {}
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for _, file in ipairs({"src/test/resources/relevance-queries.tsv", "src/test/resources/relevance-learners.tsv"}) do
  for line in io.lines(os.getenv("WRK_QUERIES") or file) do
    if not line:match("^#") and line:match("\t") then
      local query = line:match("^[^\t]*\t([^\t]*)")
      if query and #query > 0 then table.insert(queries, "/api/search?q=" .. encode(query)) end
    end
  end
end
local unique = os.getenv("WRK_UNIQUE") == "1"
local i = 0
local salt = tostring(math.random(1000000))
request = function()
  i = i + 1
  local path = queries[(i % #queries) + 1]
  if unique then path = path .. "+" .. salt .. "x" .. i end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("queries %d, requests %d, errors %d (status %d, timeout %d), p50 %.2f ms, p99 %.2f ms\n",
    #queries, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
