# postfix-instance.sh -- sourced by the Postfix end-to-end tests (postfix.sh,
# faults.sh) with RUN_NAME set: skips (exit 77) without root, postfix or
# swaks, then sets up a private Postfix instance in tests/e2e/$RUN_NAME.run
# on a loopback port with commguard as its milter on $SOCKDIR/commguard.sock
# (not started), and the helpers the Postfix tests share (delivered,
# header_value...; the others are e2e-helpers.sh's).
# shellcheck shell=sh
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root to run a Postfix instance"
command -v postfix >/dev/null 2>&1 || skip "postfix is not installed (scripts/install-deps)"
command -v swaks >/dev/null 2>&1 || skip "swaks is not installed (scripts/install-deps)"
: "${top_builddir:=$(pwd)}"
COMMGUARD=$top_builddir/src/commguard
[ -x "$COMMGUARD" ] || skip "$COMMGUARD not built"

DIR=$top_builddir/tests/e2e/$RUN_NAME.run
# unix socket paths are limited to 108 bytes; a deep build tree would exceed it
SOCKDIR=$(mktemp -d /tmp/cg-e2e-XXXXXX)
chmod 0755 "$SOCKDIR"    # Postfix (user postfix) must reach the socket
. "$(dirname "$0")/free-port.sh"
. "$(dirname "$0")/postfix-services.sh"
. "$(dirname "$0")/e2e-helpers.sh"
PORT=$(free_port)

cleanup() {
    postfix -c "$DIR/etc" stop >/dev/null 2>&1
    stop_commguard
    rm -rf "$SOCKDIR"
}
trap cleanup EXIT

# delivered_file ADDRESS: print the delivered message for ADDRESS, waiting up to 20 s
delivered_file() {
    for _ in $(seq 100); do
        grep -l "^Delivered-To: $1\$" "$DIR"/mail/catchall/new/* 2>/dev/null | head -n 1 | grep . && return 0
        sleep 0.2
    done
    return 1
}
delivered() { delivered_file "$1" >/dev/null; }
# header_value FILE NAME: the header's value with its folds undone
header_value() {
    awk -v name="$2" '
        /^$/ { exit }
        /^[ \t]/ { if (on) { sub(/^[ \t]+/, " "); value = value $0 }; next }
        { on = tolower(substr($0, 1, length(name) + 1)) == tolower(name) ":" }
        on { value = substr($0, length(name) + 2) }
        END { print value }' "$1"
}

# ---- the Postfix instance --------------------------------------------------
rm -rf "$DIR"
mkdir -p "$DIR/etc" "$DIR/spool" "$DIR/data" "$DIR/mail" "$DIR/quarantine"
chmod 0755 "$DIR" "$DIR/etc" "$DIR/spool"
chown postfix "$DIR/data"
chown 65534:65534 "$DIR/mail"
{
    postfix_main_cf "$DIR" e2e.localhost
    cat <<CF
virtual_mailbox_domains = localhost
virtual_mailbox_base = $DIR/mail
virtual_mailbox_maps = texthash:$DIR/etc/vmailbox
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
smtpd_milters = unix:$SOCKDIR/commguard.sock
CF
} >"$DIR/etc/main.cf"
cat >"$DIR/etc/vmailbox" <<VM
@localhost catchall/
VM
{
    echo "127.0.0.1:$PORT inet n - n - 250 smtpd"
    postfix_services
} >"$DIR/etc/master.cf"
postfix -c "$DIR/etc" set-permissions >/dev/null 2>&1
if ! postfix -c "$DIR/etc" check >"$DIR/check.log" 2>&1; then
    cat "$DIR/check.log"; echo "Bail out! postfix check failed"; exit 1
fi

# the redirect notice goes through this instance's own sendmail
cat >"$DIR/sendmail" <<SM
#!/bin/sh
exec /usr/sbin/sendmail -C "$DIR/etc" "\$@"
SM
chmod 0755 "$DIR/sendmail"
