#!/bin/sh
# sendmail.sh -- end-to-end test with a real Sendmail: its Debian .debs are
# downloaded and unpacked (dpkg-deb -x, not installed: sendmail and postfix
# conflict as packages) under the build tree, a private daemon runs from a .cf
# built from an .mc with INPUT_MAIL_FILTER(F=T) on a loopback port, in its own
# UTS namespace with a dotted host name (a dotless one makes Sendmail sleep
# 60 s at start).  Mail is sent with swaks and read from the files of a local
# mailer and the quarantine directory: tagging, quarantine, exemptions, media
# redirect, confidential reject, 4xx while commguard is down.  Skips (exit 77)
# without root, m4, unshare or swaks, or when the .debs cannot be had.
set -u

skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root to run a Sendmail daemon"
for tool in m4 unshare swaks dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (scripts/install-deps)"
done
: "${top_builddir:=$(pwd)}"
COMMGUARD=$top_builddir/src/commguard
[ -x "$COMMGUARD" ] || skip "$COMMGUARD not built"

# ---- Sendmail's files, unpacked once per build tree ---------------------------
ROOT=$top_builddir/tests/e2e/sendmail.root
SENDMAIL=$ROOT/usr/libexec/sendmail/sendmail
if [ ! -x "$SENDMAIL" ]; then
    debs=$top_builddir/tests/e2e/sendmail.debs
    rm -rf "$debs" "$ROOT"
    mkdir -p "$debs" "$ROOT"
    (cd "$debs" && apt-get download sendmail-bin sendmail-base sendmail-cf) >/dev/null 2>&1 ||
        skip "cannot download the sendmail .debs (apt-get download sendmail-bin sendmail-base sendmail-cf)"
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$ROOT" || skip "cannot unpack $deb"; done
    rm -rf "$debs"
fi
[ -x "$SENDMAIL" ] || skip "no sendmail binary in the unpacked .debs"

DIR=$top_builddir/tests/e2e/sendmail.run
SOCKDIR=$(mktemp -d /tmp/cg-e2e-XXXXXX)     # unix socket paths are limited to 108 bytes
. "$(dirname "$0")/free-port.sh"
. "$(dirname "$0")/e2e-helpers.sh"
PORT=$(free_port)
SM_PID=

cleanup() {
    [ -n "$SM_PID" ] && kill "$SM_PID" 2>/dev/null
    stop_commguard
    rm -rf "$SOCKDIR"
}
trap cleanup EXIT

# delivered_file USER: the message the local mailer delivered to USER, waiting up to 20 s
delivered_file() {
    for _ in $(seq 100); do
        ls "$DIR/mail/$1".* 2>/dev/null | head -n 1 | grep . && return 0
        sleep 0.2
    done
    return 1
}
delivered() { delivered_file "$1" >/dev/null; }

# ---- the Sendmail instance ---------------------------------------------------
rm -rf "$DIR"
mkdir -p "$DIR/queue" "$DIR/mail" "$DIR/quarantine"
chmod 0755 "$DIR"
chmod 0700 "$DIR/queue"
# The local mailer: one file per delivery, named after the recipient.
cat >"$DIR/deliver" <<SH
#!/bin/sh
cat >"$DIR/mail/\$1.\$\$"
SH
chmod 0755 "$DIR/deliver"
printf 'postmaster: root\n' >"$DIR/aliases"
cat >"$DIR/e2e.mc" <<MC
OSTYPE(\`linux')dnl
define(\`confDOMAIN_NAME', \`sm.test')dnl
define(\`QUEUE_DIR', \`$DIR/queue')dnl
define(\`confPID_FILE', \`$DIR/sendmail.pid')dnl
define(\`ALIAS_FILE', \`$DIR/aliases')dnl
define(\`confDONT_BLAME_SENDMAIL', \`TrustStickyBit,GroupWritableDirPathSafe')dnl
define(\`LOCAL_MAILER_PATH', \`$DIR/deliver')dnl
define(\`LOCAL_MAILER_ARGS', \`deliver \$u')dnl
define(\`LOCAL_MAILER_FLAGS', \`SPn')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`no_default_msa')dnl
DAEMON_OPTIONS(\`Port=$PORT, Addr=127.0.0.1, Name=MTA')dnl
INPUT_MAIL_FILTER(\`commguard', \`S=unix:$SOCKDIR/commguard.sock, F=T, T=C:5s;S:10s;R:10s;E:20s')dnl
MODIFY_MAILER_FLAGS(\`LOCAL', \`-w')dnl
MAILER(\`local')dnl
MAILER(\`smtp')dnl
MC
CF=$ROOT/usr/share/sendmail/cf
m4 -D_CF_DIR_="$CF/" "$CF/m4/cf.m4" "$DIR/e2e.mc" >"$DIR/e2e.cf" 2>"$DIR/m4.log" ||
    { cat "$DIR/m4.log"; echo "Bail out! m4 could not build the .cf"; exit 1; }
# Sendmail sleeps 60 s at every start (even for -bi) when the host name has no
# dot: run it in a UTS namespace of its own with a dotted one.
run_sendmail() { unshare --uts sh -c 'hostname sm.test && exec "$0" "$@"' "$SENDMAIL" "$@"; }
run_sendmail -C "$DIR/e2e.cf" -bi >"$DIR/newaliases.log" 2>&1 ||
    { cat "$DIR/newaliases.log"; echo "Bail out! sendmail -bi failed"; exit 1; }

# ---- commguard -----------------------------------------------------------------
cat >"$DIR/commguard.conf" <<CG
socket = unix:$SOCKDIR/commguard.sock
pid_file = $DIR/commguard.pid
quarantine_dir = $DIR/quarantine
tmp_dir = $DIR
internal_domains = localhost
platform_header = X-Platform-Message: yes
contact_exempt_header = X-Account-Plan: Business|Enterprise
contract_header = X-Contract-Status: started|active
media_action = redirect
media_redirect_to = press@localhost
confidential_action = reject
reject_text = Refused by the e2e content policy
CG
"$COMMGUARD" -f -c "$DIR/commguard.conf" 2>"$DIR/commguard.log" &
CG_PID=$!
wait_for "$SOCKDIR/commguard.sock" || { cat "$DIR/commguard.log"; echo "Bail out! no milter socket"; exit 1; }

run_sendmail -C "$DIR/e2e.cf" -bD >"$DIR/sendmail.log" 2>&1 &
SM_PID=$!
for _ in $(seq 200); do swaks --server 127.0.0.1 --port "$PORT" --quit-after CONNECT >/dev/null 2>&1 && break; sleep 0.1; done
swaks --server 127.0.0.1 --port "$PORT" --quit-after CONNECT >/dev/null 2>&1 ||
    { cat "$DIR/sendmail.log"; echo "Bail out! Sendmail does not listen on port $PORT"; exit 1; }

CONTACT_BODY='Hello, write to me directly at john.smith@gmail.com and we can settle it there.'

send clean@localhost "$DIR/clean.swaks" --add-header "X-Platform-Message: yes" \
     --body "Thanks, the order is on its way."
accepted() { grep -q '^<- *250 .*Message accepted for delivery' "$1"; }
check "clean platform message accepted" accepted "$DIR/clean.swaks"
check "clean platform message delivered" delivered clean
check "clean message tagged" sh -c "grep -q '^X-Commguard-Verdict: clean; flow=platform' \"\$(ls $DIR/mail/clean.* | head -n 1)\""

send contact@localhost "$DIR/contact.swaks" --add-header "X-Platform-Message: yes" --body "$CONTACT_BODY"
check "contact message accepted by SMTP (then discarded)" accepted "$DIR/contact.swaks"
check "contact message stored in the quarantine" wait_for "$DIR/quarantine/*/message.eml"
check "quarantined message is the one sent" sh -c "grep -q 'john.smith@gmail.com' $DIR/quarantine/*/message.eml"

send business@localhost "$DIR/business.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "X-Account-Plan: Business" --body "$CONTACT_BODY"
check "business-plan message accepted" accepted "$DIR/business.swaks"
check "business-plan message delivered" delivered business
send contract@localhost "$DIR/contract.swaks" --add-header "X-Platform-Message: yes" \
     --add-header "X-Contract-Status: started" --body "$CONTACT_BODY"
check "contract-started message delivered" delivered contract
check "nothing delivered to the quarantined recipient" sh -c "! ls $DIR/mail/contact.* >/dev/null 2>&1"

send_from reporter@news.test sales@localhost,info@localhost "$DIR/media.swaks" \
     --header "Subject: Interview request for our story" \
     --body "Hello, I am a journalist at a business newspaper writing a story on the sector.
Could your CEO give us an interview or a comment on record before our deadline on Friday?"
check "media request accepted" accepted "$DIR/media.swaks"
check "media request delivered to the press address" delivered press
press=$(delivered_file press)
check "original recipients recorded" \
    sh -c "sed -n '/^X-Commguard-Original-Recipients:/,/^[^ \t]/p' '$press' | grep 'sales@localhost' | grep -q 'info@localhost'"
check "nothing delivered to the original recipients" sh -c "! ls $DIR/mail/sales.* $DIR/mail/info.* >/dev/null 2>&1"

send_from staff@localhost partner@outside.test "$DIR/confidential.swaks" \
     --body "Internal only - do not forward. Attached is the confidential draft of our Q3 revenue
figures before the public announcement; please keep it strictly confidential."
check "confidential outbound message rejected with the configured reply" \
    grep -q '^<\*\* *550 5.7.1 Refused by the e2e content policy' "$DIR/confidential.swaks"

stop_commguard
send down@localhost "$DIR/down.swaks" --body "Is anyone there?"
check "commguard down: Sendmail answers 4xx (F=T)" grep -q '^<\*\* *4[0-9][0-9]' "$DIR/down.swaks"

# a sanitizer build (configure --enable-sanitizers) reports into the log
check "commguard logged no sanitizer report" \
    sh -c "! grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' '$DIR/commguard.log'"

if [ "$failures" -ne 0 ]; then
    echo "--- commguard log"; cat "$DIR/commguard.log"
    echo "--- sendmail output"; cat "$DIR/sendmail.log"
    exit 1
fi
exit 0
