-- P7: balance queries over ACCOUNTS accounts, one per request.
local accounts = tonumber(os.getenv("ACCOUNTS") or "10000")

request = function()
  return wrk.format("GET", string.format("/queries/balance/bench-%d", math.random(accounts)))
end
