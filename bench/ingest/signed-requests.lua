-- wrk script: replays pre-signed sandbox deliveries (one per line: signature, timestamp, delivery, body, tab-separated),
-- each thread its own share of the lines, so every request is a distinct verified event. wrk's Lua has no HMAC,
-- hence the file (bench/ingest/ingest.bench.ts writes it just before the run, well inside the timestamp tolerance).
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local reqs = {}
local n = 0
function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == id - 1 then
      local sig, ts, del, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      reqs[#reqs + 1] = wrk.format("POST", nil, {
        ["content-type"] = "application/json",
        ["x-sandbox-signature"] = sig,
        ["x-sandbox-timestamp"] = ts,
        ["x-sandbox-delivery"] = del,
      }, body)
    end
    i = i + 1
  end
end

function request()
  n = n + 1
  if n > #reqs then n = 1 end
  return reqs[n]
end
