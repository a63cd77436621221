-- redirect.lua -- recipient changes of a redirect: every original recipient
-- deleted, the press address added, the originals kept in a header, the
-- subject prefixed with its encoded-word re-encoded.
local t = dofile(os.getenv("CG_MT_DIR") .. "/common.lua")

t.run("a media request is redirected to the press address", function()
    local conn, reply = t.send{ from = "<reporter@news.test>",
                                rcpts = { "<sales@example.com>", "<info@example.com>" },
                                headers = { { "From", "Reporter <reporter@news.test>" },
                                            { "Subject", "Interview request for our story =?UTF-8?Q?=C3=A9t=C3=A9?=" } },
                                body = t.MEDIA }
    t.check(reply == SMFIR_CONTINUE, "reply is not continue: " .. tostring(reply))
    t.check(mt.eom_check(conn, MT_RCPTDELETE, "<sales@example.com>"), "sales@ not deleted")
    t.check(mt.eom_check(conn, MT_RCPTDELETE, "<info@example.com>"), "info@ not deleted")
    t.check(mt.eom_check(conn, MT_RCPTADD, "<press@example.com>"), "press@ not added")
    t.check(mt.eom_check(conn, MT_HDRADD, "X-Commguard-Original-Recipients", "sales@example.com, info@example.com"),
            "original recipients not recorded")
    t.check(mt.eom_check(conn, MT_HDRCHANGE, "Subject", "[commguard] Interview request for our story =?UTF-8?B?w6l0w6k=?="),
            "subject not prefixed with its encoded-word kept")
    mt.disconnect(conn)
end)

t.run("a clean inbound message keeps its recipients", function()
    local conn, reply = t.send{ from = "<friend@elsewhere.test>", rcpts = { "<sales@example.com>" },
                                headers = { { "Subject", "Lunch" } }, body = "See you at noon.\r\n" }
    t.check(reply == SMFIR_CONTINUE, "reply is not continue: " .. tostring(reply))
    t.check(not mt.eom_check(conn, MT_RCPTDELETE, "<sales@example.com>"), "the recipient was deleted")
    t.check(not mt.eom_check(conn, MT_RCPTADD, "<press@example.com>"), "the press address was added")
    mt.disconnect(conn)
end)
