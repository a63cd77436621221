-- headers.lua -- header changes: the verdict and findings headers added, the
-- subject prefix as a change of the existing Subject, and quarantine_mode =
-- hold asking the MTA to quarantine with those headers on.
local t = dofile(os.getenv("CG_MT_DIR") .. "/common.lua")

t.run("a clean message gets X-Commguard-Verdict: clean and keeps its subject", function()
    local conn, reply = t.send{ from = "<seller@market.test>", rcpts = { "<buyer@example.com>" },
                                headers = { { "Subject", "Your order" }, { "X-Platform-Message", "yes" } },
                                body = "Thanks, the order is on its way.\r\n" }
    t.check(reply == SMFIR_CONTINUE, "reply is not continue: " .. tostring(reply))
    t.check(mt.eom_check(conn, MT_HDRADD, "X-Commguard-Verdict", "clean; flow=platform"), "no clean verdict header")
    t.check(not mt.eom_check(conn, MT_HDRADD, "X-Commguard-Findings"), "findings header on a clean message")
    t.check(not mt.eom_check(conn, MT_HDRCHANGE, "Subject"), "the subject of a clean message changed")
    mt.disconnect(conn)
end)

t.run("a held contact message: quarantined by the MTA, verdict and findings added, subject kept", function()
    local conn, reply = t.send{ from = "<seller@market.test>", rcpts = { "<buyer@example.com>" },
                                headers = { { "Subject", "Offer" }, { "X-Platform-Message", "yes" } },
                                body = t.CONTACT }
    t.check(reply == SMFIR_CONTINUE, "reply is not continue: " .. tostring(reply))
    t.check(mt.eom_check(conn, MT_QUARANTINE), "no quarantine request")
    local verdict = mt.getheader(conn, "X-Commguard-Verdict", 0)
    t.check(verdict and verdict:find("^quarantine %(contact%); flow=platform"), "verdict: " .. tostring(verdict))
    local findings = mt.getheader(conn, "X-Commguard-Findings", 0)
    t.check(findings and findings:find("email/email.address", 1, true), "findings: " .. tostring(findings))
    t.check(not mt.eom_check(conn, MT_HDRCHANGE, "Subject"), "a held message's subject changed")
    mt.disconnect(conn)
end)
