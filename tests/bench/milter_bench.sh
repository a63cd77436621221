#!/bin/sh
# milter_bench.sh -- the milter's cost through a real Postfix, and its memory
# (run by `make bench`; never part of `make check`).
#
# A private Postfix instance relays everything to Postfix's smtp-sink.  It has
# one smtpd per setup, each on its own loopback port: (a) no milter, (b) the
# null milter (tests/bench/null_milter.c: the milter protocol alone), (c)
# commguard with every detector on for every flow (so each message is scanned
# by all three; by default a flow gets one), each milter
# on a unix socket, and (d)/(e) the same two on inet sockets.  So nothing is
# reconfigured between runs, and the setups are run interleaved: one run of
# each, BENCH_RUNS times, waiting for the queue to drain after each run; the
# tables give the medians.
#   1. smtp-source -s 10 -m 2000 -l 5000 (5 KB messages of its own making);
#   2. tests/bench/smtp_mix: BENCH_MIX_MESSAGES messages of the generated mix
#      (tests/bench/mail_mix.c: 2 KB-1 MB, the fixtures' MIME shapes, one in
#      five with a contact detail), BENCH_SESSIONS concurrent sessions;
#   3. commguard's peak RSS (VmHWM, a fresh process per case) for 100
#      concurrent sessions each sending one 5 MB message, and for one 50 MB
#      message.
# With each table, the CPU time (user + system, from /proc/PID/stat) each
# milter process spent per message, median of the rounds: unlike msg/s this
# does not depend on what else the machine is running.  And the whole
# machine's CPU time per message (Postfix, the load generator, smtp-sink and
# the milter together, from /proc/stat): where the runs keep every CPU busy,
# c/b is about the machine's CPU per message in (b) over that in (c), so
# these say what a milter may spend for a given c/b.
# BENCH_MIX_MESSAGES=0 leaves out the mix, BENCH_MEMORY=0 the memory cases
# (so BENCH_RUNS=3 BENCH_MIX_MESSAGES=0 BENCH_MEMORY=0 is the quick check of
# the milter's fixed cost per message).
# Without root or Postfix it says so and does nothing.
set -u

skip() { echo "milter benchmark skipped: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "it needs root to run a private Postfix instance"
for tool in postfix smtp-source smtp-sink; do
    command -v $tool >/dev/null 2>&1 || skip "$tool is not installed (scripts/install-deps)"
done
: "${top_builddir:=$(pwd)}"
RUNS=${BENCH_RUNS:-5}
MIX_MESSAGES=${BENCH_MIX_MESSAGES:-300}
SESSIONS=${BENCH_SESSIONS:-10}
MEMORY=${BENCH_MEMORY:-1}
HZ=$(getconf CLK_TCK)
COMMGUARD=$top_builddir/src/commguard
NULL_MILTER=$top_builddir/tests/bench/null_milter
SMTP_MIX=$top_builddir/tests/bench/smtp_mix
for p in "$COMMGUARD" "$NULL_MILTER" "$SMTP_MIX"; do [ -x "$p" ] || skip "$p is not built"; done

DIR=$top_builddir/tests/bench/postfix.run
SOCKDIR=$(mktemp -d /tmp/cg-bench-XXXXXX)   # unix socket paths must stay short
chmod 0755 "$SOCKDIR"
. "$(dirname "$0")/../e2e/free-port.sh"
. "$(dirname "$0")/../e2e/postfix-services.sh"
BASE=$(free_port)       # below the ephemeral range; BASE..BASE+7 are used
PORT_NONE=$BASE PORT_NULL=$((BASE + 1)) PORT_CG=$((BASE + 2))
PORT_NULL_INET=$((BASE + 3)) PORT_CG_INET=$((BASE + 4)) PORT_SINK=$((BASE + 5))
MILTER_NULL_INET=$((BASE + 6)) MILTER_CG_INET=$((BASE + 7))
PIDS=

cleanup() {
    postfix -c "$DIR/etc" stop >/dev/null 2>&1
    for pid in $PIDS; do stop_pid "$pid"; done
    rm -rf "$SOCKDIR"
}
trap cleanup EXIT
trap "exit 1" INT TERM HUP

stop_pid() {    # libmilter takes a few seconds to leave after SIGTERM
    kill "$1" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
}
wait_for_log() {   # wait_for_log FILE TEXT
    for _ in $(seq 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "milter benchmark: no '$2' in $1" >&2; cat "$1" >&2; exit 1
}

# ---- the Postfix instance ----------------------------------------------------
rm -rf "$DIR"
mkdir -p "$DIR/etc" "$DIR/spool" "$DIR/data" "$DIR/quarantine"
chmod 0755 "$DIR" "$DIR/etc" "$DIR/spool"
chown postfix "$DIR/data"
{
    postfix_main_cf "$DIR" bench.localhost
    cat <<CF
relay_domains = sink.test
transport_maps = texthash:$DIR/etc/transport
message_size_limit = 104857600
CF
} >"$DIR/etc/main.cf"
echo "sink.test smtp:[127.0.0.1]:$PORT_SINK" >"$DIR/etc/transport"
smtpd() {   # smtpd PORT MILTER: one master.cf line
    echo "127.0.0.1:$1 inet n - n - - smtpd -o smtpd_milters=$2"
}
{
    smtpd "$PORT_NONE" ""
    smtpd "$PORT_NULL" "unix:$SOCKDIR/null.sock"
    smtpd "$PORT_CG" "unix:$SOCKDIR/commguard.sock"
    smtpd "$PORT_NULL_INET" "inet:127.0.0.1:$MILTER_NULL_INET"
    smtpd "$PORT_CG_INET" "inet:127.0.0.1:$MILTER_CG_INET"
    postfix_services
} >"$DIR/etc/master.cf"
postfix -c "$DIR/etc" set-permissions >/dev/null 2>&1
if ! postfix -c "$DIR/etc" check >"$DIR/check.log" 2>&1; then
    cat "$DIR/check.log"; echo "milter benchmark: postfix check failed" >&2; exit 1
fi

# ---- the milters --------------------------------------------------------------
start_commguard() {   # start_commguard NAME SOCKET: prints its PID
    cat >"$DIR/$1.conf" <<CG
socket = $2
socket_mode = 0666
pid_file = $DIR/$1.pid
quarantine_dir = $DIR/quarantine
tmp_dir = $DIR
contact_flows = inbound, outbound, internal, platform
confidential_flows = inbound, outbound, internal, platform
media_flows = inbound, outbound, internal, platform
CG
    : >"$DIR/$1.log"
    "$COMMGUARD" -f -c "$DIR/$1.conf" >/dev/null 2>>"$DIR/$1.log" &
    echo $!
}
smtp-sink -u nobody "127.0.0.1:$PORT_SINK" 1000 &
PIDS="$PIDS $!"
"$NULL_MILTER" "unix:$SOCKDIR/null.sock" &
NULL_PID=$!
"$NULL_MILTER" "inet:$MILTER_NULL_INET@127.0.0.1" &
NULL_INET_PID=$!
CG_PID=$(start_commguard commguard "unix:$SOCKDIR/commguard.sock")
CG_INET_PID=$(start_commguard commguard-inet "inet:$MILTER_CG_INET@127.0.0.1")
PIDS="$PIDS $NULL_PID $NULL_INET_PID $CG_PID $CG_INET_PID"
wait_for_log "$DIR/commguard.log" listening
wait_for_log "$DIR/commguard-inet.log" listening
for _ in $(seq 50); do [ -S "$SOCKDIR/null.sock" ] && break; sleep 0.1; done
postfix -c "$DIR/etc" start >/dev/null 2>&1 || { echo "milter benchmark: postfix did not start" >&2; exit 1; }
sleep 1

queue_drained() {   # up to 120 s for Postfix to hand everything to smtp-sink
    for _ in $(seq 1200); do
        [ -z "$(find "$DIR/spool/incoming" "$DIR/spool/active" "$DIR/spool/deferred" -type f 2>/dev/null | head -n 1)" ] && return 0
        sleep 0.1
    done
    echo "milter benchmark: the queue did not drain" >&2
}
now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_source PORT: msg/s of one smtp-source run
run_source() {
    t0=$(now)
    smtp-source -s 10 -m 2000 -l 5000 -f bench@market.example -t user@sink.test "127.0.0.1:$1" \
        >>"$DIR/source.log" 2>&1 || echo "smtp-source reported errors on port $1" >&2
    t1=$(now)
    queue_drained
    echo "$t0 $t1" | awk '{ printf "%.1f\n", 2000 / ($2 - $1) }'
}
# run_mix PORT: msg/s of one smtp_mix run of the mix
run_mix() {
    out=$("$SMTP_MIX" -s "$SESSIONS" -m "$MIX_MESSAGES" "127.0.0.1:$1" 2>>"$DIR/mix.log") ||
        echo "smtp_mix: some messages were not accepted on port $1: $out" >&2
    queue_drained
    echo "$out" | sed -n 's/.*msg_per_s=\([0-9.]*\).*/\1/p'
}

# cpu_ticks PID: the user + system CPU time of a process so far, in clock ticks
cpu_ticks() {
    [ -n "$1" ] && awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" || echo 0
}
# machine_ticks: the CPU time the whole machine has been busy so far (user,
# nice, system, irq and softirq of /proc/stat's first line) and all its CPU
# time (busy, idle, iowait), in clock ticks
machine_ticks() {
    awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6; exit }' /proc/stat
}

# table NAME RUNNER MESSAGES: the five setups interleaved, RUNS rounds, medians
# and ratios, and each milter's CPU milliseconds per message
table() {
    name=$1 runner=$2 messages=$3
    rm -f "$DIR"/runs.* "$DIR"/cpu.* "$DIR"/machine.* "$DIR"/busy.*
    for _ in $(seq "$RUNS"); do
        for setup in none null cg null_inet cg_inet; do
            eval port=\$PORT_$(echo $setup | tr a-z A-Z) pid=\${$(echo $setup | tr a-z A-Z)_PID:-}
            before=$(cpu_ticks "$pid") machine_before=$(machine_ticks)
            $runner "$port" >>"$DIR/runs.$setup"
            echo "$before $(cpu_ticks "$pid")" |
                awk -v hz="$HZ" -v n="$messages" '{ printf "%.3f\n", ($2 - $1) * 1000 / hz / n }' >>"$DIR/cpu.$setup"
            echo "$machine_before $(machine_ticks)" | awk -v hz="$HZ" -v n="$messages" -v busy="$DIR/busy.$setup" \
                '{ printf "%.3f\n", ($3 - $1) * 1000 / hz / n; printf "%.0f\n", ($3 - $1) * 100 / ($4 - $2) >>busy }' >>"$DIR/machine.$setup"
        done
    done
    for setup in none null cg null_inet cg_inet; do
        eval "m_$setup=$(median <"$DIR/runs.$setup")"
    done
    echo
    echo "$name: messages/s, median of $RUNS interleaved runs"
    echo
    echo "| socket | (a) no milter | (b) null milter | (c) commguard | c/b | c/a |"
    echo "|---|---|---|---|---|---|"
    # shellcheck disable=SC2154
    echo "$m_none $m_null $m_cg" | awk '{ printf "| unix | %s | %s | %s | %.3f | %.3f |\n", $1, $2, $3, $3 / $2, $3 / $1 }'
    # shellcheck disable=SC2154
    echo "$m_none $m_null_inet $m_cg_inet" | awk '{ printf "| inet | %s | %s | %s | %.3f | %.3f |\n", $1, $2, $3, $3 / $2, $3 / $1 }'
    echo
    for setup in none null cg null_inet cg_inet; do
        echo "runs $setup: $(tr '\n' ' ' <"$DIR/runs.$setup")"
    done
    echo
    echo "milter CPU ms/message, median: null $(median <"$DIR/cpu.null") commguard $(median <"$DIR/cpu.cg")" \
        "null-inet $(median <"$DIR/cpu.null_inet") commguard-inet $(median <"$DIR/cpu.cg_inet")"
    for setup in none null cg null_inet cg_inet; do
        echo "$setup $(median <"$DIR/machine.$setup") $(median <"$DIR/busy.$setup")"
    done | awk '{ line = line sprintf(" %s %s (%s%% busy)", $1, $2, $3) }
                END { print "machine CPU ms/message (every process), median:" line }'
}

hwm() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# memory_case LABEL SMTP_MIX-ARGS...: commguard's peak RSS, a fresh process
memory_case() {
    label=$1; shift
    stop_pid "$CG_PID"
    CG_PID=$(start_commguard commguard "unix:$SOCKDIR/commguard.sock")
    PIDS="$PIDS $CG_PID"
    wait_for_log "$DIR/commguard.log" listening
    idle=$(hwm "$CG_PID")
    t0=$(now)
    out=$("$SMTP_MIX" "$@" "127.0.0.1:$PORT_CG" 2>>"$DIR/mix.log")
    t1=$(now)
    failed=$(echo "$out" | sed -n 's/.*failed=\([0-9]*\).*/\1/p')
    echo "$label $idle $(hwm "$CG_PID") $failed $t0 $t1" |
        awk '{ printf "| %s | %s | %s | %s | %.1f |\n", $1, $2, $3, $4, $6 - $5 }' | sed 's/_/ /g'
    queue_drained
}

echo "milter benchmark: Postfix $(postconf -d -h mail_version 2>/dev/null), $(nproc) CPUs, $RUNS rounds"
table "smtp-source -s 10 -m 2000 -l 5000" run_source 2000
[ "$MIX_MESSAGES" -gt 0 ] && table "generated mix ($MIX_MESSAGES messages, $SESSIONS sessions)" run_mix "$MIX_MESSAGES"
[ "$MEMORY" = 0 ] && exit 0
echo
echo "commguard peak RSS (VmHWM, MB; default body_memory_limit and max_scan_bytes; unix socket)"
echo
echo "| case | at start | peak | not accepted | seconds |"
echo "|---|---|---|---|---|"
memory_case 100_sessions_x_5_MB -s 100 -m 100 -z 5242880
memory_case 1_x_50_MB -s 1 -m 1 -z 52428800
