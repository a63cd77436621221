/*
 * null_milter.c -- a milter that accepts every message after reading all of
 * it: the cost of the milter protocol itself, for the milter benchmark.
 *
 *   null_milter SOCKET      (unix:/path or inet:PORT@HOST, as for commguard)
 *
 * It is set up the way commguard is, so that the difference between the two
 * is commguard's own work: an xxfi_data callback (without one Postfix sends
 * the DATA macros alone and waits on Nagle), every header and body chunk
 * delivered to it (only counted), TCP_NODELAY on the listening socket (the
 * accepted ones inherit it), a unix socket anyone may connect to, and the
 * same negotiation: no step it has no callback for, and on a unix socket no
 * reply to any step before end of message.
 */
#include <errno.h>
#include <libmilter/mfapi.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* The steps it registers and need not answer, and those it has no callback for. */
#define REPLYLESS_STEPS (SMFIP_NR_DATA | SMFIP_NR_HDR | SMFIP_NR_BODY)
#define UNWANTED_STEPS (SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOMAIL | SMFIP_NORCPT | SMFIP_NOEOH | SMFIP_NOUNKNOWN)

static int replies_optional;    /* a unix socket: see commguard's src/milter.c */
static unsigned long unanswered; /* the same for every connection: Postfix offers them all */

static sfsistat
on_negotiate(SMFICTX *ctx, unsigned long actions, unsigned long steps, unsigned long f2, unsigned long f3,
             unsigned long *want_actions, unsigned long *want_steps, unsigned long *want_f2, unsigned long *want_f3)
{
    (void)ctx, (void)actions, (void)f2, (void)f3;
    unsigned long mine = replies_optional ? steps & REPLYLESS_STEPS : 0;
    __atomic_store_n(&unanswered, mine, __ATOMIC_RELAXED);
    *want_actions = 0;
    *want_steps = (steps & UNWANTED_STEPS) | mine;
    *want_f2 = *want_f3 = 0;
    return SMFIS_CONTINUE;
}

static sfsistat
step_done(unsigned long step)
{
    return __atomic_load_n(&unanswered, __ATOMIC_RELAXED) & step ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

static sfsistat
on_data(SMFICTX *ctx)
{
    (void)ctx;
    return step_done(SMFIP_NR_DATA);
}

static sfsistat
on_header(SMFICTX *ctx, char *name, char *value)
{
    (void)ctx, (void)name, (void)value;
    return step_done(SMFIP_NR_HDR);
}

static sfsistat
on_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
    (void)ctx, (void)chunk, (void)len;
    return step_done(SMFIP_NR_BODY);
}

static sfsistat
on_eom(SMFICTX *ctx)
{
    (void)ctx;
    return SMFIS_ACCEPT;
}

static struct smfiDesc null_description = {
    .xxfi_name = "null_milter",
    .xxfi_version = SMFI_VERSION,
    .xxfi_data = on_data,
    .xxfi_header = on_header,
    .xxfi_body = on_body,
    .xxfi_eom = on_eom,
    .xxfi_negotiate = on_negotiate,
};

/* libmilter keeps its listening socket to itself: find the TCP one that listens. */
static void
nodelay_on_tcp_listener(void)
{
    for (int fd = 0; fd < 1024; fd++) {
        int listening = 0, on = 1;
        struct sockaddr_storage addr;
        socklen_t len = sizeof listening, alen = sizeof addr;
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening &&
            getsockname(fd, (struct sockaddr *)&addr, &alen) == 0 &&
            (addr.ss_family == AF_INET || addr.ss_family == AF_INET6) &&
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0)
            fprintf(stderr, "null_milter: TCP_NODELAY: %s\n", strerror(errno));
    }
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: null_milter unix:/path | inet:PORT@HOST\n");
        return 2;
    }
    const char *spec = argv[1];
    replies_optional = strncmp(spec, "unix:", 5) == 0 || strncmp(spec, "local:", 6) == 0;
    if (smfi_setconn((char *)spec) != MI_SUCCESS || smfi_register(null_description) != MI_SUCCESS ||
        smfi_opensocket(1) != MI_SUCCESS) {
        fprintf(stderr, "null_milter: cannot open %s\n", spec);
        return 1;
    }
    nodelay_on_tcp_listener();
    if (strncmp(spec, "unix:", 5) == 0 && chmod(spec + 5, 0666) < 0) {
        fprintf(stderr, "null_milter: chmod %s: %s\n", spec + 5, strerror(errno));
        return 1;
    }
    return smfi_main() == MI_SUCCESS ? 0 : 1;
}
