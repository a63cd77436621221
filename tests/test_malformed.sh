#!/bin/sh
# Malformed mail through commguardctl scan with a policy: every file gets a
# line, what went over a limit gets oversize_action, and bytes that are not a
# message get on_error -- the same decisions the milter makes.  The big inputs
# are generated here; tests/test_malformed.c checks the parser's side in detail.
set -u
ctl=${CG_BUILDDIR:-.}/src/commguardctl
samples=${CG_SRCDIR:-.}/tests/malformed
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
fails=0 passes=0
check() {   # check NAME COMMAND...: count a pass or a failure
    name=$1; shift
    if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; fails=$((fails + 1)); fi
}
line_of() {   # line_of FILE: the scan output line for FILE
    grep -F "\"file\":\"$work/$1\"" "$work/out"
}

cat >"$work/policy.conf" <<'CONF'
max_parts = 200
max_depth = 16
max_scan_bytes = 256K
oversize_action = quarantine
on_error = reject
CONF

headers='From: a@b.example\nTo: c@d.example\nSubject: generated\nMIME-Version: 1.0\n'
awk -v h="$headers" 'BEGIN {
    printf h "Content-Type: multipart/mixed; boundary=\"b0\"\n\n"
    for (i = 0; i < 1000; i++) printf "--b%d\nContent-Type: multipart/mixed; boundary=\"b%d\"\n\n", i, i + 1
    printf "--b1000\nContent-Type: text/plain\n\ndeep\n--b1000--\n"
    for (i = 999; i >= 0; i--) printf "--b%d--\n", i
}' >"$work/nested.eml"
awk -v h="$headers" 'BEGIN {
    printf h "Content-Type: multipart/mixed; boundary=\"p\"\n\n"
    for (i = 0; i < 10000; i++) printf "--p\nContent-Type: text/plain\n\npart %d\n", i
    printf "--p--\n"
}' >"$work/parts.eml"
awk 'BEGIN {
    printf "From: a@b.example\nSubject: "
    for (i = 0; i < 131072; i++) printf "words 1 "
    printf "\n\nbody\n"
}' >"$work/header.eml"
awk -v h="$headers" 'BEGIN {
    printf h "Content-Type: text/plain\n\n"
    for (i = 0; i < 262144; i++) printf "one line "
    printf "\n"
}' >"$work/body.eml"
: >"$work/empty.eml"
head -c 4096 /dev/zero >"$work/zeros.eml"
cp "$samples"/*.eml "$work/"

"$ctl" scan -c "$work/policy.conf" "$work"/*.eml >"$work/out"
status=$?
check "exit status 1: some files are not messages" test "$status" -eq 1
check "one line per file" test "$(wc -l <"$work/out")" -eq "$(ls "$work"/*.eml | wc -l)"
for f in nested.eml:max_depth parts.eml:max_parts header.eml:max_scan_bytes body.eml:max_scan_bytes; do
    file=${f%%:*} limit=${f#*:}
    check "$file: $limit recorded" sh -c 'printf "%s" "$1" | grep -q "\"truncated\":true,\"limits_hit\":\[[^]]*\"$2\""' _ \
        "$(line_of "$file")" "$limit"
    check "$file: oversize_action applied" sh -c 'printf "%s" "$1" | grep -q "\"action\":\"quarantine\""' _ \
        "$(line_of "$file")"
done
for file in empty.eml zeros.eml; do
    check "$file: on_error applied" sh -c 'printf "%s" "$1" | grep -q "\"error\":.*\"action\":\"reject\""' _ \
        "$(line_of "$file")"
done
for sample in "$samples"/*.eml; do
    file=$(basename "$sample")
    check "$file: scanned or refused with on_error" sh -c \
        'printf "%s" "$1" | grep -Eq "\"action\":\"(accept|quarantine)\".*\"truncated\"|\"error\":.*\"action\":\"reject\""' _ \
        "$(line_of "$file")"
done

# a scan that runs out of time gets oversize_action too
printf 'max_scan_time = 1\noversize_action = reject\n' >"$work/hurry.conf"
awk -v h="$headers" 'BEGIN {
    printf h "Content-Type: text/plain\n\n"
    for (i = 0; i < 200000; i++) printf "1 (2) 3-4 five 6.7 eight\n"
}' >"$work/slow.txt"
line=$("$ctl" scan -c "$work/hurry.conf" "$work/slow.txt")
check "max_scan_time: scan_time recorded" sh -c 'printf "%s" "$1" | grep -q "\"truncated\":true,\"limits_hit\":\[\"scan_time\"\]"' _ "$line"
check "max_scan_time: oversize_action applied" sh -c 'printf "%s" "$1" | grep -q "\"action\":\"reject\""' _ "$line"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
