#!/bin/sh
# miltertest.sh -- protocol-level tests with OpenDKIM's miltertest: starts
# commguard on a private unix socket and runs every tests/miltertest/*.lua
# against it (macros, header changes, recipient changes, the reject reply),
# then checks the log for the queue IDs the scripts gave in the i macro.
# Skips (exit 77) without miltertest.
set -u

skip() { echo "SKIP: $*"; exit 77; }
command -v miltertest >/dev/null 2>&1 || skip "miltertest is not installed (scripts/install-deps)"
: "${top_builddir:=$(pwd)}"
: "${CG_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
COMMGUARD=$top_builddir/src/commguard
[ -x "$COMMGUARD" ] || skip "$COMMGUARD not built"

# unix socket paths are limited to 108 bytes: keep it short
DIR=$(mktemp -d /tmp/cg-mt-XXXXXX)
. "$(dirname "$0")/e2e-helpers.sh"
cleanup() {
    stop_commguard
    rm -rf "$DIR"
}
trap cleanup EXIT

cat >"$DIR/commguard.conf" <<CG
socket = unix:$DIR/commguard.sock
quarantine_dir = $DIR/quarantine
quarantine_mode = hold
tmp_dir = $DIR
internal_domains = example.com
trusted_networks = 198.51.100.0/24
platform_header = X-Platform-Message: yes
media_action = redirect
media_redirect_to = press@example.com
tag_subject_prefix = [commguard]
confidential_action = reject
reject_text = Refused by the miltertest policy
CG
"$COMMGUARD" -f -c "$DIR/commguard.conf" 2>"$DIR/commguard.log" &
CG_PID=$!
for _ in $(seq 100); do [ -S "$DIR/commguard.sock" ] && break; sleep 0.1; done
[ -S "$DIR/commguard.sock" ] || { cat "$DIR/commguard.log"; echo "Bail out! no milter socket"; exit 1; }

for script in "$CG_SRCDIR"/tests/miltertest/*.lua; do
    [ "$(basename "$script")" = common.lua ] && continue
    echo "# $(basename "$script")"
    CG_SOCKET="unix:$DIR/commguard.sock" CG_MT_DIR="$CG_SRCDIR/tests/miltertest" miltertest -s "$script"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "not ok - $(basename "$script") (miltertest exit status $rc)"
        failures=$((failures + 1))
    fi
done

# the i macro keys the log line
for qid in MTQIDAUTH MTQIDANON; do
    check "log line keyed by queue ID $qid" grep -q "$qid: from=<alice@outside.test>" "$DIR/commguard.log"
done
check "the authenticated message is logged as such (auth=yes)" \
    grep -q "MTQIDAUTH: .* auth=yes .*action=reject" "$DIR/commguard.log"

if [ "$failures" -ne 0 ]; then
    echo "--- commguard log"; cat "$DIR/commguard.log"
    exit 1
fi
exit 0
