#!/bin/sh
# commguardctl scan end to end: the JSON contract, input order, stdin, errors.
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
check "contract fields" sh -c 'printf "%s" "$1" | grep -q "\"message_id\":\"<plain@test.example>\",\"categories\":{\"contact\":{\"violation\":false,\"score\":0,\"findings\":\[\]},\"confidential\":{.*},\"media\":{.*}},\"truncated\":false"' _ "$line1"
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
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
