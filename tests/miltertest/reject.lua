-- reject.lua -- the reject reply: code, enhanced code and text from the
-- configuration, and no header or recipient changes on a rejected message.
local t = dofile(os.getenv("CG_MT_DIR") .. "/common.lua")

t.run("confidential mail from an internal domain to outside is rejected", function()
    local conn, reply = t.send{ from = "<staff@example.com>", rcpts = { "<partner@elsewhere.test>" },
                                headers = { { "Subject", "Draft" } }, body = t.CONFIDENTIAL }
    t.check(reply == SMFIR_REPLYCODE, "reply is not a reply code: " .. tostring(reply))
    t.check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Refused by the miltertest policy"),
            "not the configured reply")
    t.check(mt.getheader(conn, "X-Commguard-Verdict", 0) == nil, "verdict header added to a rejected message")
    t.check(not mt.eom_check(conn, MT_RCPTDELETE, "<partner@elsewhere.test>"), "the recipient was deleted")
    mt.disconnect(conn)
end)
