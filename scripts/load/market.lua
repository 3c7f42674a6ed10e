-- wrk: the market report with a filter combination that has not been asked before on every request, so the
-- report cache never answers (the uncached case). Years, countries, roles and levels are combined.
local roles = { "ml_engineer", "data_scientist", "data_engineer", "data_analyst", "research_scientist", "ai_engineer" }
local levels = { "junior", "mid", "senior", "lead", "executive", "intern" }
local countries = { "US", "GB", "DE", "CA", "IN", "FR", "ES", "NL", "BR", "AU", "PL", "PT" }
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
end
init = function()
  n = 0
end
request = function()
  n = n + 1
  local k = n * 101 + id * 7919
  local since = 2015 + (k % 10)
  local until_ = since + 1 + (math.floor(k / 10) % 5)
  local path = "/api/market?role=" .. roles[(k % #roles) + 1] .. "&seniority=" .. levels[(math.floor(k / 7) % #levels) + 1]
    .. "&country=" .. countries[(math.floor(k / 3) % #countries) + 1] .. "&since=" .. since .. "-" .. string.format("%02d", (k % 12) + 1)
    .. "-01&until=" .. until_ .. "-" .. string.format("%02d", (math.floor(k / 11) % 12) + 1) .. "-28"
  return wrk.format("GET", path)
end
