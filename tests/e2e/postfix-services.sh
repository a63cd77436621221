# postfix-services.sh -- sourced by the Postfix tests and the milter benchmark:
# postfix_main_cf DIR HOSTNAME prints the main.cf lines every private
# instance under DIR shares (loopback only, its own queue and log, no DNS,
# milters tempfail when down; its delivery and milters are the caller's);
# postfix_services prints the master.cf lines of Postfix's internal services,
# unchrooted (its smtpd lines are the caller's).
postfix_main_cf() {
    cat <<CF
compatibility_level = 3.6
queue_directory = $1/spool
data_directory = $1/data
mail_owner = postfix
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = $2
mydestination =
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
maillog_file = $1/maillog
maillog_file_prefixes = $1
smtp_dns_support_level = disabled
milter_protocol = 6
milter_default_action = tempfail
CF
}
postfix_services() {
    cat <<'MC'
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
virtual   unix  - n n - - virtual
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
MC
}
