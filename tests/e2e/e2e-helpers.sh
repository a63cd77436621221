# e2e-helpers.sh -- sourced by the end-to-end tests (postfix-instance.sh,
# sendmail.sh): the TAP-style check, stopping commguard ($CG_PID), sending
# with swaks to the MTA on $PORT, and waiting for a file.
# shellcheck shell=sh
failures=0
CG_PID=

check() {   # check DESCRIPTION COMMAND...
    desc=$1; shift
    if "$@"; then echo "ok - $desc"; else echo "not ok - $desc"; failures=$((failures + 1)); fi
}

stop_commguard() {
    [ -n "$CG_PID" ] || return 0
    kill "$CG_PID" 2>/dev/null
    # libmilter takes a few seconds to leave after SIGTERM
    for _ in $(seq 100); do kill -0 "$CG_PID" 2>/dev/null || break; sleep 0.1; done
    CG_PID=
}

send_from() {   # send_from FROM TO LOGFILE SWAKS-ARGS...  (TO may be a,b for several)
    from=$1 to=$2 log=$3; shift 3
    swaks --server 127.0.0.1 --port "$PORT" --from "$from" --to "$to" \
          --header "Subject: e2e" "$@" >"$log" 2>&1
}
send() {        # send TO LOGFILE SWAKS-ARGS...: from a marketplace seller
    send_from seller@market.test "$@"
}

# wait_for FILE-GLOB: up to 20 s for a file to appear
wait_for() {
    for _ in $(seq 200); do
        # shellcheck disable=SC2086
        set -- $1
        [ -e "$1" ] && return 0
        sleep 0.1
    done
    return 1
}
