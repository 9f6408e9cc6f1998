-- P6: deposit commands to ACCOUNTS accounts (opened beforehand by run.sh), one per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local accounts = tonumber(os.getenv("ACCOUNTS") or "10000")
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format('{"accountId":"bench-%d","amount":1}', math.random(accounts))
  return wrk.format(nil, "/commands/deposit", nil, body)
end
