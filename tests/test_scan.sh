#!/bin/sh
# commguardctl scan end to end: the JSON contract, input order, stdin, errors,
# and the policy's flow and action from options or from the message headers.
set -u
ctl=${CG_BUILDDIR:-.}/src/commguardctl
fx=${CG_SRCDIR:-.}/tests/fixtures
fails=0 passes=0
check() {   # check NAME COMMAND...: count a pass or a failure
    name=$1; shift
    if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; fails=$((fails + 1)); fi
}
# Standard input through a pipe, which cannot seek.
out=$(cat "$fx/base64.eml" | "$ctl" scan "$fx/plain-clean.eml" /nonexistent.eml -)
status=$?
check "three lines in input order" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
line1=$(printf '%s\n' "$out" | sed -n 1p)
line2=$(printf '%s\n' "$out" | sed -n 2p)
line3=$(printf '%s\n' "$out" | sed -n 3p)
check "contract fields" sh -c 'printf "%s" "$1" | grep -q "\"message_id\":\"<plain@test.example>\",\"flow\":\"inbound\",\"action\":\"accept\",\"categories\":{\"contact\":{\"violation\":false,\"score\":0,\"findings\":\[\]},\"confidential\":{.*},\"media\":{.*}},\"truncated\":false"' _ "$line1"
check "error line for unreadable file" sh -c 'printf "%s" "$1" | grep -q "^{\"file\":\"/nonexistent.eml\",\"error\":\".*No such file"' _ "$line2"
check "stdin is scanned" sh -c 'printf "%s" "$1" | grep -q "\"file\":\"-\".*\"kind\":\"email\",\"match\":\"ana.lee@example.com\""' _ "$line3"
check "exit status 1 after an error" test "$status" -eq 1
"$ctl" scan "$fx/plain-clean.eml" >/dev/null
check "exit status 0 when all scanned" test $? -eq 0
"$ctl" scan --bogus x >/dev/null 2>&1
check "usage error is 64" test $? -eq 64
printf 'max_parts = lots\n' >bad-$$.conf
err=$("$ctl" scan -c bad-$$.conf "$fx/plain-clean.eml" 2>&1 >/dev/null)
check "bad config names file, line and key" sh -c 'printf "%s" "$1" | grep -q "bad-[0-9]*.conf:1: max_parts: \"lots\" is not a number"' _ "$err"
rm -f bad-$$.conf
pretty=$("$ctl" scan --pretty "$fx/plain-clean.eml")
check "pretty output is indented" sh -c 'printf "%s" "$1" | grep -q "^  \"categories\": {"' _ "$pretty"
# ---- flow and action -------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/policy.conf" <<'EOF'
internal_domains = example.com
platform_header = X-Platform-Message: yes
contract_header = X-Contract-Status: started
EOF
mail() {    # mail FILE FROM TO EXTRA-HEADER BODY
    printf 'From: %s\nTo: %s\nSubject: test\nMessage-ID: <%s@test>\n%s\n\n%s\n' \
        "$2" "$3" "$(basename "$1")" "$4" "$5" >"$1"
}
contact='Write to me directly at john.smith@gmail.com and we settle it there.'
mail "$work/platform.eml" 'Seller <seller@market.test>' buyer@outside.test 'X-Platform-Message: yes' "$contact"
mail "$work/contract.eml" seller@market.test buyer@outside.test \
    "$(printf 'X-Platform-Message: yes\nX-Contract-Status: started')" "$contact"
mail "$work/plain.eml" 'Seller <seller@market.test>' buyer@outside.test 'X-Nothing: here' "$contact"
mail "$work/staff.eml" 'Staff <staff@example.com>' 'Team <team@example.com>, "Out" <x@outside.test>' \
    'X-Nothing: here' 'Lunch at noon?'
mail "$work/team.eml" staff@example.com 'Team: a@example.com, b@sub.example.com;' 'X-Nothing: here' 'Lunch?'
has() {     # has DESCRIPTION PATTERN SCAN-ARGS...: the scan's line matches PATTERN
    desc=$1 pattern=$2; shift 2
    check "$desc" sh -c 'printf "%s" "$("$@")" | grep -q "$0"' "$pattern" "$ctl" scan -c "$work/policy.conf" "$@"
}
has "platform header: flow platform, contact quarantined" \
    '"flow":"platform","action":"quarantine"' "$work/platform.eml"
has "contract header exempts contact" '"flow":"platform","action":"accept"' "$work/contract.eml"
has "outside sender without platform header: inbound, contact does not apply" \
    '"flow":"inbound","action":"accept"' "$work/plain.eml"
has "--flow overrides the headers" '"flow":"platform","action":"quarantine"' --flow platform "$work/plain.eml"
has "internal From, one outside To: outbound" '"flow":"outbound"' "$work/staff.eml"
has "a group of internal recipients: internal" '"flow":"internal"' "$work/team.eml"
has "--sender/--recipient replace the headers" '"flow":"outbound"' \
    --sender me@example.com --recipient a@example.com --recipient z@outside.test "$work/team.eml"
has "every --recipient counts" '"flow":"internal"' \
    --sender me@example.com --recipient a@example.com --recipient b@example.com "$work/staff.eml"
has "--sender from outside: inbound" '"flow":"inbound"' --sender x@outside.test "$work/staff.eml"
# a message over max_scan_bytes gets oversize_action when a category watches its flow
{ printf 'From: seller@market.test\nTo: buyer@outside.test\nX-Platform-Message: yes\nSubject: long\n\n'
  yes 'The order ships next week and the invoice follows by post.' | head -n 100; } >"$work/long.eml"
cp "$work/policy.conf" "$work/oversize.conf"
printf 'max_scan_bytes = 1K\noversize_action = quarantine\n' >>"$work/oversize.conf"
check "oversize platform message quarantined" sh -c \
    '"$1" scan -c "$2" "$3" | grep -q "\"flow\":\"platform\",\"action\":\"quarantine\".*\"truncated\":true"' \
    _ "$ctl" "$work/oversize.conf" "$work/long.eml"
cp "$work/policy.conf" "$work/scan.conf"
printf 'max_scan_bytes = 1K\n' >>"$work/scan.conf"
check "oversize_action = scan (default) decides on what was read" sh -c \
    '"$1" scan -c "$2" "$3" | grep -q "\"action\":\"accept\".*\"truncated\":true"' \
    _ "$ctl" "$work/scan.conf" "$work/long.eml"
"$ctl" scan --flow sideways "$work/plain.eml" >/dev/null 2>&1
check "unknown --flow is a usage error" test $? -eq 64

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
