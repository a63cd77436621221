-- macros.lua -- the macros commguard reads: {auth_authen} at MAIL makes the
-- sender internal (an authenticated outbound message is acted on, the same
-- message unauthenticated is inbound and passes); i is the queue ID in the
-- log line (the runner checks the log for MTQIDAUTH and MTQIDANON).
local t = dofile(os.getenv("CG_MT_DIR") .. "/common.lua")

t.run("authenticated sender: confidential outbound mail is rejected", function()
    local conn, reply = t.send{ from = "<alice@outside.test>", rcpts = { "<partner@elsewhere.test>" },
                                macros = { "i", "MTQIDAUTH", "{auth_authen}", "alice" },
                                headers = { { "Subject", "Q3" } }, body = t.CONFIDENTIAL }
    t.check(reply == SMFIR_REPLYCODE, "reply is not a reply code: " .. tostring(reply))
    t.check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Refused by the miltertest policy"),
            "not the configured 550 5.7.1 reply")
    mt.disconnect(conn)
end)

t.run("the same message without {auth_authen} is inbound and accepted", function()
    local conn, reply = t.send{ from = "<alice@outside.test>", rcpts = { "<partner@elsewhere.test>" },
                                macros = { "i", "MTQIDANON" },
                                headers = { { "Subject", "Q3" } }, body = t.CONFIDENTIAL }
    t.check(reply == SMFIR_CONTINUE, "reply is not continue: " .. tostring(reply))
    local verdict = mt.getheader(conn, "X-Commguard-Verdict", 0)
    t.check(verdict and verdict:find("^clean; flow=inbound"), "verdict: " .. tostring(verdict))
    mt.disconnect(conn)
end)

t.run("a client in trusted_networks counts as internal", function()
    local conn, reply = t.send{ from = "<bob@outside.test>", rcpts = { "<partner@elsewhere.test>" },
                                ip = "198.51.100.20", headers = { { "Subject", "Q3" } }, body = t.CONFIDENTIAL }
    t.check(reply == SMFIR_REPLYCODE, "reply is not a reply code: " .. tostring(reply))
    mt.disconnect(conn)
end)
