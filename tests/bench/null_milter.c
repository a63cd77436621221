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
 * accepted ones inherit it) and a unix socket anyone may connect to.
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

static sfsistat
on_data(SMFICTX *ctx)
{
    (void)ctx;
    return SMFIS_CONTINUE;
}

static sfsistat
on_header(SMFICTX *ctx, char *name, char *value)
{
    (void)ctx, (void)name, (void)value;
    return SMFIS_CONTINUE;
}

static sfsistat
on_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
    (void)ctx, (void)chunk, (void)len;
    return SMFIS_CONTINUE;
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
