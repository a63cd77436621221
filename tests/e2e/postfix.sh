#!/bin/sh
# postfix.sh -- end-to-end test with a real Postfix: a private instance under
# the build tree on a loopback port, commguard attached by smtpd_milters on a
# unix socket, mail sent with swaks and read from the delivered maildirs, the
# quarantine directory and the SMTP replies: tagging, quarantine, exemptions,
# media redirect with its notice, confidential reject, the hold queue (quarantine_mode = hold),
# 4xx while commguard is down.  Skips
# (exit 77) without root, postfix or swaks.
set -u

RUN_NAME=postfix
# shellcheck source=tests/e2e/postfix-instance.sh
. "$(dirname "$0")/postfix-instance.sh"

# ---- commguard -----------------------------------------------------------------
cat >"$DIR/commguard.conf" <<CG
socket = unix:$SOCKDIR/commguard.sock
socket_mode = 0666
pid_file = $DIR/commguard.pid
quarantine_dir = $DIR/quarantine
tmp_dir = $DIR
body_memory_limit = 8K
internal_domains = localhost
platform_header = X-Platform-Message: yes
contact_exempt_header = X-Account-Plan: Business|Enterprise
contract_header = X-Contract-Status: started|active
media_action = redirect
media_redirect_to = press@localhost
redirect_notify = yes
tag_subject_prefix = [commguard]
sendmail_path = $DIR/sendmail
confidential_action = reject
reject_text = Refused by the e2e content policy
release_command = /usr/sbin/sendmail -C $DIR/etc
control_address = control@localhost
report_from = commguard@localhost
contact_reviewers = trust@localhost
release_secret = e2e-secret-0123456789abcdef
CG
check "commguard -n accepts the test configuration" "$COMMGUARD" -n -c "$DIR/commguard.conf"
"$COMMGUARD" -f -c "$DIR/commguard.conf" 2>"$DIR/commguard.log" &
CG_PID=$!
wait_for "$SOCKDIR/commguard.sock" || { cat "$DIR/commguard.log"; echo "Bail out! no milter socket"; exit 1; }
postfix -c "$DIR/etc" start >/dev/null 2>&1 || { echo "Bail out! postfix did not start"; exit 1; }
for _ in $(seq 50); do swaks --server 127.0.0.1 --port "$PORT" --quit-after CONNECT >/dev/null 2>&1 && break; sleep 0.1; done

CONTACT_BODY='Hello, write to me directly at john.smith@gmail.com and we can settle it there.'

# a clean platform message is delivered and tagged
send clean@localhost "$DIR/clean.swaks" --add-header "X-Platform-Message: yes" \
     --body "Thanks, the order is on its way."
check "clean platform message accepted" grep -q '^<- *250 .*queued' "$DIR/clean.swaks"
check "clean platform message delivered" wait_for "$DIR/mail/catchall/new/*"
check "clean message's subject not prefixed" sh -c "grep -l 'Delivered-To: clean@localhost' $DIR/mail/catchall/new/* |
    xargs grep -q '^Subject: e2e\$'"
check "clean message tagged" sh -c "grep -l 'Delivered-To: clean@localhost' $DIR/mail/catchall/new/* |
    xargs grep -q '^X-Commguard-Verdict: clean; flow=platform'"

# a contact-sharing platform message is quarantined, not delivered
send contact@localhost "$DIR/contact.swaks" --add-header "X-Platform-Message: yes" --body "$CONTACT_BODY"
check "contact message accepted by SMTP (then discarded)" grep -q '^<- *250 .*queued' "$DIR/contact.swaks"
check "contact message stored in the quarantine" wait_for "$DIR/quarantine/*/message.eml"
check "quarantined message is the one sent" sh -c "grep -q 'john.smith@gmail.com' $DIR/quarantine/*/message.eml"
check "quarantine metadata names the recipient" sh -c "grep -q '\"contact@localhost\"' $DIR/quarantine/*/meta.json"
check "quarantine item is private" sh -c "[ \$(stat -c %a $DIR/quarantine/*/message.eml) = 600 ]"

# the same text from a Business-plan account is delivered
send business@localhost "$DIR/business.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "X-Account-Plan: Business" --body "$CONTACT_BODY"
check "business-plan message accepted" grep -q '^<- *250 .*queued' "$DIR/business.swaks"
check "business-plan message delivered" delivered business@localhost
check "nothing delivered to the quarantined recipient" sh -c "! grep -l 'Delivered-To: contact@localhost' $DIR/mail/catchall/new/* >/dev/null 2>&1"

# ... and so is one whose contract has started
send contract@localhost "$DIR/contract.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "X-Contract-Status: started" --body "$CONTACT_BODY"
check "contract-started message accepted" grep -q '^<- *250 .*queued' "$DIR/contract.swaks"
check "contract-started message delivered" delivered contract@localhost

# quarantine review: the digest reaches the reviewer; a reply with its
# release line from a non-reviewer does nothing, from the reviewer releases
# the message once, and a second reply does nothing
CTL=$top_builddir/src/commguardctl
check "report sends the digest" "$CTL" report -c "$DIR/commguard.conf"
check "digest delivered to the reviewer" delivered trust@localhost
digest=$(delivered_file trust@localhost)
check "digest is multipart/alternative" grep -q 'multipart/alternative' "$digest"
check "digest lists the quarantined message" grep -q 'john.smith@gmail.com' "$digest"
token=$(grep -o 'release [0-9A-Za-z-]*\.[0-9]*\.[0-9a-f]\{64\}' "$digest" | head -n 1 | cut -d' ' -f2)
check "digest carries a release token" test -n "$token"
check "nothing new: no second digest" sh -c "'$CTL' report -c '$DIR/commguard.conf' | grep -vq sent; [ \$(grep -l 'Delivered-To: trust@localhost' $DIR/mail/catchall/new/* | wc -l) = 1 ]"
send_from mallory@localhost control@localhost "$DIR/forged.swaks" --body "release $token"
check "control mail from a non-reviewer accepted (then discarded)" grep -q '^<- *250 .*queued' "$DIR/forged.swaks"
for _ in $(seq 50); do grep -q 'not a reviewer' "$DIR/commguard.log" && break; sleep 0.1; done
check "non-reviewer's release refused and logged" grep -q 'control: from=<mallory@localhost> release .* refused: not a reviewer' "$DIR/commguard.log"
send_from trust@localhost control@localhost "$DIR/release.swaks" --body "Thanks.
release $token"
check "reviewer's release delivers the original" delivered contact@localhost
released=$(delivered_file contact@localhost)
check "released message is the quarantined one" grep -q 'john.smith@gmail.com' "$released"
check "reviewer gets a confirmation" sh -c "for _ in \$(seq 100); do grep -l 'Subject: commguard: your quarantine request' $DIR/mail/catchall/new/* 2>/dev/null | grep -q . && exit 0; sleep 0.2; done; exit 1"
send_from trust@localhost control@localhost "$DIR/replay.swaks" --body "release $token"
for _ in $(seq 50); do grep -q 'release .* refused: .* was released' "$DIR/commguard.log" && break; sleep 0.1; done
check "a second release is refused and logged" grep -q 'control: from=<trust@localhost> release .* refused: .* was released by trust@localhost' "$DIR/commguard.log"
sleep 1
check "the original arrived once" sh -c "[ \$(grep -l 'Delivered-To: contact@localhost' $DIR/mail/catchall/new/* | wc -l) = 1 ]"
check "control mail never delivered" sh -c "! grep -l 'Delivered-To: control@localhost' $DIR/mail/catchall/new/* >/dev/null 2>&1"
check "the mallory reply did not release (state names the reviewer)" sh -c "'$CTL' quarantine -c '$DIR/commguard.conf' list --state released --json | grep -q '\"by\":\"trust@localhost\"'"

# a media request from outside goes to the press address, the original recipients recorded
send_from reporter@news.test sales@localhost,info@localhost "$DIR/media.swaks" \
     --header "Subject: Interview request for our story =?UTF-8?Q?=C3=A9t=C3=A9?=" \
     --body "Hello, I am a journalist at a business newspaper writing a story on the sector.
Could your CEO give us an interview or a comment on record before our deadline on Friday?
You can reach me on +44 20 7946 0958."
check "media request accepted" grep -q '^<- *250 .*queued' "$DIR/media.swaks"
check "media request delivered to the press address" delivered press@localhost
press=$(delivered_file press@localhost)
originals=$(header_value "$press" X-Commguard-Original-Recipients)
check "original recipients recorded: sales" sh -c "printf '%s' '$originals' | grep -q 'sales@localhost'"
check "original recipients recorded: info" sh -c "printf '%s' '$originals' | grep -q 'info@localhost'"
subject=$(header_value "$press" Subject |
          perl -MEncode -ne 'chomp; s/^\s+//; print encode("UTF-8", decode("MIME-Header", $_))')
check "redirected message's subject prefixed, its encoded-word still valid" \
    test "$subject" = "[commguard] Interview request for our story été"
check "redirected message tagged as media" sh -c "grep -q '^X-Commguard-Verdict: redirect (media); flow=inbound' '$press'"
check "inbound mail: only the detector watching inbound ran (no contact score for the phone number)" \
    sh -c "grep '^X-Commguard-Verdict:' '$press' | grep -q 'media=' && ! grep -q 'contact=' '$press'"
check "the original recipients get the notice: sales" delivered sales@localhost
check "the original recipients get the notice: info" delivered info@localhost
notice=$(delivered_file sales@localhost)
check "the notice names the redirect address and the subject" \
    sh -c "grep -q '^Subject: Forwarded to press@localhost: Interview request for our story' '$notice'"
check "the notice comes from the null sender" grep -q '^Return-Path: <>' "$notice"
check "the notice carries none of the message's text" sh -c "! grep -q -e journalist -e deadline '$notice'"
check "nothing of the message delivered to the original recipients" \
    sh -c "! grep -l -e 'Delivered-To: sales@localhost' -e 'Delivered-To: info@localhost' $DIR/mail/catchall/new/* |
           xargs grep -l 'journalist' >/dev/null 2>&1"

# a confidential message from staff to outside gets the configured action: reject
send_from staff@localhost partner@outside.test "$DIR/confidential.swaks" \
     --body "Internal only - do not forward. Attached is the confidential draft of our Q3 revenue
figures before the public announcement; please keep it strictly confidential."
check "confidential outbound message rejected with the configured reply" \
    grep -q '^<\*\* *550 5.7.1 Refused by the e2e content policy' "$DIR/confidential.swaks"
check "the rejection is logged with its reason" grep -q 'action=reject verdict="reject (confidential); flow=outbound' "$DIR/commguard.log"

# quarantine_mode = hold, after a reload: Postfix keeps the message in its hold queue and the
# verdict is stored too; released, it is delivered with the verdict headers
echo "quarantine_mode = hold" >>"$DIR/commguard.conf"
kill -USR1 "$CG_PID"
for _ in $(seq 100); do grep -q "reloaded" "$DIR/commguard.log" && break; sleep 0.1; done
check "commguard reloaded the configuration" grep -q "reloaded" "$DIR/commguard.log"
send held@localhost "$DIR/held.swaks" --add-header "X-Platform-Message: yes" --body "$CONTACT_BODY"
check "held message accepted" grep -q '^<- *250 .*queued' "$DIR/held.swaks"
check "held message is in Postfix's hold queue" \
    sh -c "postqueue -c '$DIR/etc' -j | grep '\"queue_name\": *\"hold\"' | grep -q 'held@localhost'"
held_meta=$(grep -l '"held@localhost"' "$DIR"/quarantine/*/meta.json 2>/dev/null | head -n 1)
check "held message's verdict stored" sh -c "[ -n '$held_meta' ] && grep -q '\"mode\": *\"hold\"' '$held_meta' &&
    grep -q '\"reason\": *\"contact\"' '$held_meta'"
check "held message not delivered" sh -c "! grep -l 'Delivered-To: held@localhost' $DIR/mail/catchall/new/* >/dev/null 2>&1"
postsuper -c "$DIR/etc" -H ALL >/dev/null 2>&1
postqueue -c "$DIR/etc" -f >/dev/null 2>&1
check "released message delivered" delivered held@localhost
check "released message carries the verdict" \
    sh -c "grep -q '^X-Commguard-Verdict: quarantine (contact); flow=platform' '$(delivered_file held@localhost)'"

# a message larger than body_memory_limit is spilled to a file and still scanned whole:
# the address sits after 40 KB of ordinary text
big_body=$(awk 'BEGIN { for (i = 0; i < 600; i++) print "Line " i " of the project notes, nothing to see here."; }')
send spilled@localhost "$DIR/spilled.swaks" --add-header "X-Platform-Message: yes" \
     --body "$big_body
Write to me directly at john.smith@gmail.com instead."
check "a spilled message is quarantined" sh -c "grep -l '\"spilled@localhost\"' $DIR/quarantine/*/meta.json >/dev/null"
check "the spilled message is stored whole" sh -c "grep -l 'Line 599 of the project' \$(dirname \$(grep -l '\"spilled@localhost\"' $DIR/quarantine/*/meta.json))/message.eml >/dev/null"
check "no spill file is left behind" sh -c "! ls $DIR | grep -q '^commguard-'"

# a reload with a broken configuration keeps the running one
cp "$DIR/commguard.conf" "$DIR/commguard.conf.good"
echo "bogus_option = 1" >>"$DIR/commguard.conf"
kill -USR1 "$CG_PID"
for _ in $(seq 100); do grep -q "reload failed" "$DIR/commguard.log" && break; sleep 0.1; done
check "a broken reload is refused and logged with file and line" \
    grep -q "reload failed.*commguard.conf:[0-9]*: bogus_option: unknown option" "$DIR/commguard.log"
send_from ana@example.net afterbad@localhost "$DIR/afterbad.swaks" --add-header "X-Platform-Message: yes" \
     --body "$CONTACT_BODY"
check "the old configuration keeps serving (hold mode still applies)" \
    sh -c "postqueue -c '$DIR/etc' -j | grep '\"queue_name\": *\"hold\"' | grep -q 'afterbad@localhost'"
cp "$DIR/commguard.conf.good" "$DIR/commguard.conf"

# with commguard stopped, Postfix defers: no mail is lost
stop_commguard
send down@localhost "$DIR/down.swaks" --body "Is anyone there?"
check "commguard down: Postfix answers 4xx" grep -q '^<\*\* *4[0-9][0-9]' "$DIR/down.swaks"
# a sanitizer build (configure --enable-sanitizers) reports into the log
check "commguard logged no sanitizer report" \
    sh -c "! grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' '$DIR/commguard.log'"
check "the token secret appears in no log" \
    sh -c "! grep -Fq 'e2e-secret-0123456789abcdef' '$DIR/commguard.log' '$DIR/maillog'"

if [ "$failures" -ne 0 ]; then
    echo "--- commguard log"; cat "$DIR/commguard.log"
    echo "--- postfix log"; cat "$DIR/maillog" 2>/dev/null
    exit 1
fi
exit 0
