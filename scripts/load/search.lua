-- wrk: postings search with a rotating set of words and pages, so the answers are not one cached page.
local words = { "python", "data", "machine learning", "pytorch", "sql", "engineer", "scientist", "remote",
  "senior", "analytics", "spark", "aws", "statistics", "tableau", "deep learning", "nlp", "cloud", "research" }
local n = 0
request = function()
  n = n + 1
  local q = words[(n % #words) + 1]:gsub(" ", "%%20")
  return wrk.format("GET", "/api/postings?q=" .. q .. "&page=" .. ((n % 3) + 1) .. "&pageSize=20")
end
