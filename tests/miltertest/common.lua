-- common.lua -- helpers for commguard's miltertest scripts: send one message
-- through the milter at $CG_SOCKET and check the reply and the actions it
-- asked for at end of message.  A failed check raises an error; run() prints
-- it (miltertest itself would swallow the text) and raises it again, so
-- miltertest exits non-zero.  Never os.exit(): the runner owns the filter.
local M = {}

M.CONFIDENTIAL = "Internal only - do not forward. Attached is the confidential draft of our Q3 revenue\r\n" ..
                 "figures before the public announcement; please keep it strictly confidential.\r\n"
M.MEDIA = "Hello, I am a journalist at a business newspaper writing a story on the sector.\r\n" ..
          "Could your CEO give us an interview or a comment on record before our deadline on Friday?\r\n"
M.CONTACT = "Hello, write to me directly at john.smith@gmail.com and we can settle it there.\r\n"

function M.check(cond, what)
    if not cond then
        error(what, 2)
    end
end

-- Each protocol step returns nil on success; the filter must then continue.
local function step(conn, what, rc)
    M.check(rc == nil, what .. " failed")
    M.check(mt.getreply(conn) == SMFIR_CONTINUE, what .. ": the filter did not continue")
end

-- Send m = { from, rcpts = {...}, headers = {{name, value}, ...}, body,
-- ip, macros = {name, value, ...} at MAIL }; returns the connection, at end
-- of message, and the filter's reply to it.
function M.send(m)
    local conn = mt.connect(os.getenv("CG_SOCKET"), 40, 0.25)
    M.check(conn ~= nil, "cannot connect to " .. tostring(os.getenv("CG_SOCKET")))
    step(conn, "conninfo", mt.conninfo(conn, "client.example.net", m.ip or "192.0.2.10"))
    -- a step the filter opted out of (no callback) must not be sent
    if not mt.test_option(conn, SMFIP_NOHELO) then
        step(conn, "helo", mt.helo(conn, "client.example.net"))
    end
    if m.macros then
        mt.macro(conn, SMFIC_MAIL, table.unpack(m.macros))
    end
    step(conn, "mail from", mt.mailfrom(conn, m.from))
    for _, r in ipairs(m.rcpts) do
        step(conn, "rcpt to " .. r, mt.rcptto(conn, r))
    end
    if not mt.test_option(conn, SMFIP_NODATA) then
        step(conn, "data", mt.data(conn))
    end
    for _, h in ipairs(m.headers or {}) do
        step(conn, "header " .. h[1], mt.header(conn, h[1], h[2]))
    end
    if not mt.test_option(conn, SMFIP_NOEOH) then
        step(conn, "end of headers", mt.eoh(conn))
    end
    step(conn, "body", mt.bodystring(conn, m.body))
    M.check(mt.eom(conn) == nil, "end of message failed")
    return conn, mt.getreply(conn)
end

-- Run one named case; print ok/not ok like the shell tests.
function M.run(name, case)
    local ok, err = pcall(case)
    if not ok then
        mt.echo("not ok - " .. name .. ": " .. tostring(err))
        error(err)
    end
    mt.echo("ok - " .. name)
end

return M
