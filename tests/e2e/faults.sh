#!/bin/sh
# faults.sh -- fault injection with a real Postfix (see postfix-instance.sh):
# commguard runs as root with user = nobody and must drop its privileges once
# the socket is bound; it is SIGKILLed in the middle of a message (Postfix
# answers 4xx, the resent message arrives exactly once after a restart); an
# unwritable quarantine directory gives 4xx, never a discard; 200 messages
# over 25 concurrent SMTP sessions are each delivered, quarantined or
# redirected exactly once; the world-readable secret is warned about and
# never logged.  Skips (exit 77) without root, postfix, swaks, smtp-source or python3.
set -u

RUN_NAME=faults
# shellcheck source=tests/e2e/postfix-instance.sh
. "$(dirname "$0")/postfix-instance.sh"
command -v smtp-source >/dev/null 2>&1 || skip "smtp-source is not installed (postfix)"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
getent passwd nobody >/dev/null || skip "no user nobody"

SECRET=faults-secret-0123456789abcdef
mkdir -p "$DIR/tmp"
chown 65534:65534 "$DIR/quarantine" "$DIR/tmp"
chmod 0700 "$DIR/quarantine"
cat >"$DIR/commguard.conf" <<CG
socket = unix:$SOCKDIR/commguard.sock
socket_mode = 0666
user = nobody
pid_file = $DIR/commguard.pid
quarantine_dir = $DIR/quarantine
tmp_dir = $DIR/tmp
internal_domains = localhost
platform_header = X-Platform-Message: yes
media_action = redirect
media_redirect_to = press@localhost
sendmail_path = $DIR/sendmail
release_secret = $SECRET
CG
chmod 0644 "$DIR/commguard.conf"    # readable by all: commguard must warn

start_commguard() {
    starts=$(grep -c 'listening on' "$DIR/commguard.log" 2>/dev/null)
    "$COMMGUARD" -f -c "$DIR/commguard.conf" 2>>"$DIR/commguard.log" &
    CG_PID=$!
    for _ in $(seq 200); do
        [ "$(grep -c 'listening on' "$DIR/commguard.log")" -gt "${starts:-0}" ] && return 0
        sleep 0.1
    done
    cat "$DIR/commguard.log"; echo "Bail out! commguard did not start"; exit 1
}
# count_delivered PATTERN: delivered messages with a line matching PATTERN
count_delivered() {
    grep -l -- "$1" "$DIR"/mail/catchall/new/* 2>/dev/null | wc -l
}
queue_empty() {
    [ -z "$(postqueue -c "$DIR/etc" -j 2>/dev/null)" ]
}
# wait_until COMMAND...: up to 60 s for COMMAND to succeed
wait_until() {
    for _ in $(seq 300); do "$@" && return 0; sleep 0.2; done
    return 1
}

: >"$DIR/commguard.log"
start_commguard
postfix -c "$DIR/etc" start >/dev/null 2>&1 || { echo "Bail out! postfix did not start"; exit 1; }
for _ in $(seq 50); do swaks --server 127.0.0.1 --port "$PORT" --quit-after CONNECT >/dev/null 2>&1 && break; sleep 0.1; done

# ---- privileges ---------------------------------------------------------------
check "commguard runs as nobody (real, effective, saved uid)" \
    sh -c "grep '^Uid:' /proc/$CG_PID/status | awk '{ exit !(\$2 == 65534 && \$3 == 65534 && \$4 == 65534) }'"
check "commguard runs with nobody's group" \
    sh -c "grep '^Gid:' /proc/$CG_PID/status | awk '{ exit !(\$2 == \$3 && \$3 == \$4 && \$2 == '$(id -g nobody)') }'"
check "commguard keeps no supplementary group of root" \
    sh -c "grep '^Groups:' /proc/$CG_PID/status | awk '{ for (i = 2; i <= NF; i++) if (\$i == 0) exit 1 }'"
check "the socket was bound before (it exists) with the configured mode" \
    test "$(stat -c '%F %a %g' "$SOCKDIR/commguard.sock")" = "socket 666 $(id -g nobody)"
check "a configuration readable by all is warned about" \
    grep -q "warning: .*commguard.conf gives the token secret (release_secret) and every user can read it" "$DIR/commguard.log"

# ---- SIGKILL in the middle of a message ---------------------------------------
# A slow client: sends the envelope, the headers and half the body, says so in
# $DIR/half, waits for $DIR/go, then finishes; the final reply goes to stdout.
cat >"$DIR/slow_smtp.py" <<'PY'
import os, socket, sys, time
port, half, go, msgid = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
s = socket.create_connection(("127.0.0.1", port))
f = s.makefile("rb")
def reply():
    line = f.readline()
    while line[3:4] == b"-":
        line = f.readline()
    return line.decode().strip()
def cmd(text):
    s.sendall(text.encode() + b"\r\n")
    return reply()
reply()
cmd("EHLO slow.test"); cmd("MAIL FROM:<seller@market.test>"); cmd("RCPT TO:<slow@localhost>"); cmd("DATA")
s.sendall(("From: seller@market.test\r\nTo: slow@localhost\r\nSubject: slow\r\n"
           "Message-ID: <%s>\r\nX-Platform-Message: yes\r\n\r\n" % msgid).encode())
s.sendall(b"".join(b"line %d of a long and slow message\r\n" % i for i in range(20000)))
open(half, "w").close()
while go and not os.path.exists(go):
    time.sleep(0.05)
s.sendall(b"the end\r\n.\r\n")
print(reply())
cmd("QUIT")
PY
python3 "$DIR/slow_smtp.py" "$PORT" "$DIR/half" "$DIR/go" slow-1@faults.test >"$DIR/slow.reply" 2>&1 &
client=$!
wait_for "$DIR/half"
sleep 0.5
kill -KILL "$CG_PID"
wait "$CG_PID" 2>/dev/null
CG_PID=
touch "$DIR/go"
wait "$client"
check "commguard killed mid-message: Postfix answers 4xx" grep -q '^4[0-9][0-9]' "$DIR/slow.reply"
check "the killed message is not delivered" test "$(count_delivered '^Message-ID: <slow-1@faults.test>')" = 0
start_commguard
# the client retries, as a sending MTA does after a 4xx
python3 "$DIR/slow_smtp.py" "$PORT" "$DIR/half2" "" slow-1@faults.test >"$DIR/slow2.reply" 2>&1
check "after the restart the resent message is accepted" grep -q '^250' "$DIR/slow2.reply"
check "the message is delivered" wait_until sh -c "[ \$(grep -l '^Message-ID: <slow-1@faults.test>' $DIR/mail/catchall/new/* 2>/dev/null | wc -l) -ge 1 ]"
sleep 2
check "... exactly once" test "$(count_delivered '^Message-ID: <slow-1@faults.test>')" = 1

# ---- the quarantine directory unwritable --------------------------------------
CONTACT_BODY='Hello, write to me directly at john.smith@gmail.com and we can settle it there.'
chmod 0500 "$DIR/quarantine"
send stuck@localhost "$DIR/stuck.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "Message-ID: <stuck-1@faults.test>" --body "$CONTACT_BODY"
check "quarantine unwritable: Postfix answers 4xx" grep -q '^<\*\* *4[0-9][0-9]' "$DIR/stuck.swaks"
check "the failure is logged" grep -q 'quarantine failed, message deferred' "$DIR/commguard.log"
check "nothing quarantined" sh -c "! ls $DIR/quarantine/*/meta.json >/dev/null 2>&1"
check "the message is not delivered either" test "$(count_delivered '^Message-ID: <stuck-1@faults.test>')" = 0
chmod 0700 "$DIR/quarantine"
send stuck@localhost "$DIR/stuck2.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "Message-ID: <stuck-1@faults.test>" --body "$CONTACT_BODY"
check "writable again: the resent message is accepted" grep -q '^<- *250' "$DIR/stuck2.swaks"
check "... and quarantined once" test "$(grep -l '"stuck@localhost"' "$DIR"/quarantine/*/meta.json | wc -l)" = 1
check "... and not delivered" test "$(count_delivered '^Message-ID: <stuck-1@faults.test>')" = 0
rm -rf "${DIR:?}"/quarantine/*

# ---- 200 concurrent SMTP sessions, one message each ---------------------------
# smtp-source -N numbers each recipient (1clean@localhost, 2clean@localhost, ...),
# so duplicates and losses show up in the counts.
printf 'From: seller@market.test\nSubject: load\nX-Platform-Message: yes\n\nThe order shipped today.\n' >"$DIR/clean.msg"
printf 'From: seller@market.test\nSubject: load\nX-Platform-Message: yes\n\n%s\n' "$CONTACT_BODY" >"$DIR/contact.msg"
printf 'From: reporter@news.test\nSubject: Interview request\n\n%s\n' \
    'Hello, I am a journalist at a business newspaper writing a story on the sector.
Could your CEO give us an interview or a comment on record before our deadline on Friday?' >"$DIR/media.msg"
smtp-source -s 80 -m 80 -N -F "$DIR/clean.msg" -f seller@market.test -t clean@localhost 127.0.0.1:"$PORT" &
p1=$!
smtp-source -s 80 -m 80 -N -F "$DIR/contact.msg" -f seller@market.test -t contact@localhost 127.0.0.1:"$PORT" &
p2=$!
smtp-source -s 40 -m 40 -N -F "$DIR/media.msg" -f reporter@news.test -t sales@localhost 127.0.0.1:"$PORT" &
p3=$!
load_ok=0
wait $p1 || load_ok=1
wait $p2 || load_ok=1
wait $p3 || load_ok=1
check "smtp-source sent every message" test "$load_ok" = 0
check "Postfix's queue drains" wait_until queue_empty
sleep 2
check "80 clean messages delivered, each once" \
    sh -c "[ \$(grep -h '^Delivered-To: [0-9]*clean@localhost\$' $DIR/mail/catchall/new/* | sort | uniq | wc -l) = 80 ] &&
           [ \$(grep -h '^Delivered-To: [0-9]*clean@localhost\$' $DIR/mail/catchall/new/* | wc -l) = 80 ]"
check "80 contact messages quarantined, each once" \
    sh -c "[ \$(grep -ho '\"[0-9]*contact@localhost\"' $DIR/quarantine/*/meta.json | sort | uniq | wc -l) = 80 ] &&
           [ \$(ls $DIR/quarantine/*/meta.json | wc -l) = 80 ]"
check "no contact message delivered" test "$(count_delivered '^Delivered-To: [0-9]*contact@localhost$')" = 0
check "40 media messages redirected, each once" \
    sh -c "[ \$(grep -l '^Delivered-To: press@localhost\$' $DIR/mail/catchall/new/* | xargs grep -h '^X-Commguard-Original-Recipients:' | sort | uniq | wc -l) = 40 ] &&
           [ \$(grep -l '^Delivered-To: press@localhost\$' $DIR/mail/catchall/new/* | wc -l) = 40 ]"
check "no media message delivered to its recipient" test "$(count_delivered '^Delivered-To: [0-9]*sales@localhost$')" = 0

# ---- logs -----------------------------------------------------------------------
check "the token secret appears in no log" sh -c "! grep -Fq '$SECRET' '$DIR/commguard.log' '$DIR/maillog'"
check "commguard logged no sanitizer report" \
    sh -c "! grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' '$DIR/commguard.log'"

if [ "$failures" -ne 0 ]; then
    echo "--- commguard log"; tail -60 "$DIR/commguard.log"
    echo "--- postfix log"; tail -60 "$DIR/maillog" 2>/dev/null
    exit 1
fi
exit 0
