#!/bin/sh
# test_review.sh -- commguardctl quarantine and report against a store made
# by hand, with a stand-in sendmail that records its arguments and input:
# list filters, release re-injects once, report sends one digest per group
# with new items, nothing when there is nothing new, --dry-run records nothing.
set -u
: "${top_builddir:=$(pwd)}"
CTL=$top_builddir/src/commguardctl
DIR=$(mktemp -d /tmp/cg-review-XXXXXX)
trap 'rm -rf "$DIR"' EXIT
failures=0
check() {   # check DESCRIPTION COMMAND...
    desc=$1; shift
    if "$@"; then echo "ok - $desc"; else echo "not ok - $desc"; failures=$((failures + 1)); fi
}

mkdir -m 0700 "$DIR/q"
now=$(date +%s)
item() {   # item ID CATEGORY RECEIVED
    mkdir -m 0700 "$DIR/q/$1"
    printf 'Subject: %s\n\nbody of %s\n' "$1" "$1" >"$DIR/q/$1/message.eml"
    cat >"$DIR/q/$1/meta.json" <<JSON
{"queue_id": "Q", "sender": "seller@market.test", "recipients": ["buyer@x.test"], "subject": "about $1",
 "received": $3, "flow": "platform", "categories": {"$2": {"violation": true, "score": 0.8,
 "findings": [{"kind": "email", "excerpt": "write to me at j@gmail.com"}]}}}
JSON
}
item 20260101T000000-A-00000001 contact $((now - 7200))
item 20260101T000000-B-00000002 media $((now - 3600))
cat >"$DIR/sendmail" <<SH
#!/bin/sh
n=\$(ls "$DIR" | grep -c '^sent')
{ printf '%s ' "\$@"; echo; cat; } >"$DIR/sent.\$n"
SH
chmod 0755 "$DIR/sendmail"
cat >"$DIR/conf" <<CF
quarantine_dir = $DIR/q
release_command = $DIR/sendmail -C $DIR/etc
control_address = control@x.test
release_secret = 0123456789abcdef-secret
contact_reviewers = trust@x.test
media_reviewers = press-team@x.test
CF

check "list shows both items" sh -c "$CTL quarantine -c $DIR/conf list | grep -c held | grep -qx 2"
check "list --category filters" sh -c "$CTL quarantine -c $DIR/conf list --category media --json | grep -c '\"id\"' | grep -qx 1"
check "list --since filters" sh -c "$CTL quarantine -c $DIR/conf list --since 90m | grep -q B-00000002 &&
    ! $CTL quarantine -c $DIR/conf list --since 90m | grep -q A-00000001"
check "show prints findings and message" sh -c "$CTL quarantine -c $DIR/conf show 20260101T000000-A-00000001 |
    grep -q 'Finding:.*j@gmail.com' && $CTL quarantine -c $DIR/conf show 20260101T000000-A-00000001 | grep -q 'body of'"

check "report --dry-run prints digests" sh -c "$CTL report -c $DIR/conf --dry-run | grep -q 'release 20260101T000000-A-00000001\\.'"
check "dry run sent and recorded nothing" sh -c "! ls $DIR | grep -q sent && [ ! -e $DIR/q/.reported-contact ]"
check "report sends" "$CTL" report -c "$DIR/conf"
check "one digest per group" sh -c "ls $DIR | grep -c '^sent' | grep -qx 2"
check "contact digest to its reviewers only" sh -c "grep -l -- '-f control@x.test -- trust@x.test \$' $DIR/sent.* |
    xargs grep -q 'multipart/alternative'"
check "contact digest holds only contact items" sh -c "grep -l -- '-- trust@x.test' $DIR/sent.* | xargs grep -q A-00000001 &&
    ! grep -l -- '-- trust@x.test' $DIR/sent.* | xargs grep -q B-00000002"
check "nothing new: no digest" sh -c "$CTL report -c $DIR/conf && ls $DIR | grep -c '^sent' | grep -qx 2"
item 20260101T000000-C-00000003 contact $((now - 10))
check "a new item makes a new digest" sh -c "$CTL report -c $DIR/conf && ls $DIR | grep -c '^sent' | grep -qx 3 &&
    grep -q C-00000003 $DIR/sent.2 && ! grep -q A-00000001 $DIR/sent.2"

rm -f "$DIR"/sent.*
check "release re-injects to the original envelope" sh -c "$CTL quarantine -c $DIR/conf release 20260101T000000-A-00000001 &&
    grep -q -- '-C $DIR/etc -i -f seller@market.test -- buyer@x.test' $DIR/sent.0 && grep -q 'body of' $DIR/sent.0"
check "releasing twice is refused" sh -c "! $CTL quarantine -c $DIR/conf release 20260101T000000-A-00000001 2>/dev/null &&
    [ ! -e $DIR/sent.1 ]"
check "the release is recorded with who did it" sh -c "$CTL quarantine -c $DIR/conf list --state released --json |
    grep -q '\"by\":\"commguardctl ('"
check "delete removes the message" sh -c "$CTL quarantine -c $DIR/conf delete 20260101T000000-B-00000002 >/dev/null &&
    [ ! -e $DIR/q/20260101T000000-B-00000002/message.eml ]"
check "expire with nothing old" sh -c "$CTL quarantine -c $DIR/conf expire | grep -q '^0 expired, 0 removed'"
exit $((failures != 0))
