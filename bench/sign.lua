-- wrk script for bench/receive_bench.sh: every request is a POST of a distinct ~1 KB JSON body
-- carrying its own valid HMAC-SHA256 signature (X-Signature: sha256=<hex>).
--
-- wrk's LuaJIT has no HMAC, so the bodies and their signatures are made beforehand (by the
-- script, with Python's hmac) into the file named by HOOKBENCH_POOL, one "<hex> <body>" per
-- line. Each wrk thread takes its own share of the lines (line i goes to thread i mod threads),
-- formats every request once, then cycles through them: no two threads send the same body at
-- the same time, and no signature is computed on the hot path of the load generator.

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter - 1)
    table.insert(threads, thread)
end

local requests = {}
local count = 0
local index = 0

function init(args)
    local path = os.getenv("HOOKBENCH_POOL")
    if not path then
        error("sign.lua: set HOOKBENCH_POOL to the file of signed bodies")
    end
    local total = tonumber(os.getenv("HOOKBENCH_THREADS") or "1")
    local line_number = 0
    for line in io.lines(path) do
        if line_number % total == id then
            local signature, body = line:match("^(%x+) (.*)$")
            if not signature then
                error("sign.lua: malformed line " .. line_number .. " in " .. path)
            end
            count = count + 1
            requests[count] = wrk.format("POST", "/hook", {
                ["Content-Type"] = "application/json",
                ["X-Signature"] = "sha256=" .. signature,
            }, body)
        end
        line_number = line_number + 1
    end
    if count == 0 then
        error("sign.lua: no signed bodies for thread " .. id .. " in " .. path)
    end
end

function request()
    index = index % count + 1
    return requests[index]
end
