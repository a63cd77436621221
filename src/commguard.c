/*
 * commguard.c -- the milter daemon: options, configuration, socket,
 * privileges, reload on SIGUSR1, then libmilter's main loop.
 *
 * libmilter's own signal thread takes SIGHUP, SIGTERM and SIGINT as "stop",
 * so reload is SIGUSR1, waited for with sigwait() in a thread of ours.  A
 * reload that does not validate keeps the running configuration.
 */
#include <errno.h>
#include <grp.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

#include "milter.h"
#include "runtime.h"
#include "token.h"

static const char *config_path = SYSCONFDIR "/commguard.conf";

static void
usage(FILE *out)
{
    fputs("usage: commguard [-c FILE] [-f] [-n] [-V]\n"
          "  -c FILE  configuration file (default " SYSCONFDIR "/commguard.conf)\n"
          "  -f       stay in the foreground and log to standard error too\n"
          "  -n       check the configuration and exit\n"
          "  -V       print the version and exit\n", out);
}

static int
facility_code(const char *name)
{
    static const struct { const char *name; int code; } facilities[] = {
        {"mail", LOG_MAIL}, {"daemon", LOG_DAEMON}, {"user", LOG_USER},
        {"local0", LOG_LOCAL0}, {"local1", LOG_LOCAL1}, {"local2", LOG_LOCAL2},
        {"local3", LOG_LOCAL3}, {"local4", LOG_LOCAL4}, {"local5", LOG_LOCAL5},
        {"local6", LOG_LOCAL6}, {"local7", LOG_LOCAL7},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(facilities); i++)
        if (strcmp(name, facilities[i].name) == 0)
            return facilities[i].code;
    return LOG_MAIL;
}

/* The unix socket's path, or NULL for inet sockets. */
static const char *
unix_socket_path(const char *socket)
{
    if (g_str_has_prefix(socket, "unix:") || g_str_has_prefix(socket, "local:"))
        return strchr(socket, ':') + 1;
    return NULL;
}

/* libmilter does not expose its listening socket, so find it: the one open
 * TCP socket in listening state.  Accepted connections inherit TCP_NODELAY,
 * which spares each message two Nagle/delayed-ACK stalls. */
static void
set_nodelay_on_listener(void)
{
    long max = sysconf(_SC_OPEN_MAX);
    for (int fd = 0; fd < (max > 0 ? max : 1024); fd++) {
        int listening = 0, type = 0, on = 1;
        struct sockaddr_storage addr;
        socklen_t len = sizeof listening, tlen = sizeof type, alen = sizeof addr;
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0 || !listening ||
            getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tlen) < 0 || type != SOCK_STREAM ||
            getsockname(fd, (struct sockaddr *)&addr, &alen) < 0 ||
            (addr.ss_family != AF_INET && addr.ss_family != AF_INET6))
            continue;
        if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0)
            syslog(LOG_WARNING, "cannot set TCP_NODELAY on the listening socket: %s", g_strerror(errno));
    }
}

static gboolean
prepare_socket(const cg_config *cfg, gid_t group)
{
    const char *path = unix_socket_path(cfg->socket);
    if (!path)
        return TRUE;
    mode_t mode = (mode_t)strtoul(cfg->socket_mode, NULL, 8);
    if (chmod(path, mode) < 0 || (group != (gid_t)-1 && chown(path, (uid_t)-1, group) < 0)) {
        syslog(LOG_ERR, "cannot set the mode or group of %s: %s", path, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

/* Resolve user/group; (uid_t)-1 / (gid_t)-1 mean "keep". */
static gboolean
lookup_identity(const cg_config *cfg, uid_t *uid, gid_t *gid)
{
    *uid = (uid_t)-1;
    *gid = (gid_t)-1;
    if (*cfg->user) {
        struct passwd *pw = getpwnam(cfg->user);
        if (!pw) {
            fprintf(stderr, "commguard: unknown user %s\n", cfg->user);
            return FALSE;
        }
        *uid = pw->pw_uid;
        *gid = pw->pw_gid;
    }
    if (*cfg->group) {
        struct group *gr = getgrnam(cfg->group);
        if (!gr) {
            fprintf(stderr, "commguard: unknown group %s\n", cfg->group);
            return FALSE;
        }
        *gid = gr->gr_gid;
    }
    return TRUE;
}

static gboolean
drop_privileges(const cg_config *cfg, uid_t uid, gid_t gid)
{
    if (gid != (gid_t)-1 && (setgroups(1, &gid) < 0 || setgid(gid) < 0)) {
        syslog(LOG_ERR, "cannot change group: %s", g_strerror(errno));
        return FALSE;
    }
    if (uid != (uid_t)-1 && (initgroups(cfg->user, gid) < 0 || setuid(uid) < 0)) {
        syslog(LOG_ERR, "cannot change user to %s: %s", cfg->user, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

static void
log_errors(int priority, const char *what, const char *errors)
{
    char **lines = g_strsplit(errors, "\n", -1);
    for (char **l = lines; *l; l++)
        syslog(priority, "%s: %s", what, *l);
    g_strfreev(lines);
}

static void
warn_secret_exposure(const cg_config *cfg)
{
    g_autofree char *why = cg_token_secret_exposure(cfg);
    if (why)
        syslog(LOG_WARNING, "warning: %s", why);
}

static void *
reload_thread(void *arg)
{
    sigset_t *set = arg;
    for (;;) {
        int sig;
        if (sigwait(set, &sig) != 0)
            continue;
        GError *err = NULL;
        cg_runtime *rt = cg_runtime_load(config_path, &err);
        if (!rt) {
            log_errors(LOG_ERR, "reload failed, keeping the running configuration", err->message);
            g_error_free(err);
            continue;
        }
        warn_secret_exposure(rt->cfg);
        cg_runtime_install(rt);
        syslog(LOG_INFO, "reloaded %s", config_path);
    }
    return NULL;
}

static gboolean
write_pid_file(const char *path)
{
    char *pid = g_strdup_printf("%ld\n", (long)getpid());
    GError *err = NULL;
    gboolean ok = g_file_set_contents(path, pid, -1, &err);
    if (!ok) {
        syslog(LOG_ERR, "cannot write the PID file: %s", err->message);
        g_error_free(err);
    }
    g_free(pid);
    return ok;
}

int
main(int argc, char **argv)
{
    gboolean foreground = FALSE, check_only = FALSE;
    int opt;

    while ((opt = getopt(argc, argv, "c:fnVh")) != -1) {
        switch (opt) {
        case 'c': config_path = optarg; break;
        case 'f': foreground = TRUE; break;
        case 'n': check_only = TRUE; break;
        case 'V': printf("commguard %s\n", PACKAGE_VERSION); return 0;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return EX_USAGE;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return EX_USAGE;
    }

#ifdef M_MMAP_THRESHOLD
    /* glibc raises its mmap threshold to the size of each mmapped block
     * freed, up to 32 MB: after start-up frees a few MB of filter tables,
     * every connection's body buffer came from the thread arenas, which
     * keep what is freed (100 connections x 5 MB: 78 -> 232 MB peak).  A
     * fixed threshold keeps large buffers mmapped, returned when freed. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    /* Fixing the threshold fixes the trim threshold too, at 128 KB: each
     * message's small blocks went back to the kernel at its end and were
     * faulted in again by the next (120 page faults a message on the bench
     * mix; 50 with 8 MB kept per arena).  Blocks that size and larger are
     * mmapped above, so an arena holds at most what small blocks took. */
    mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
#endif
    cg_message_init();
    GError *err = NULL;
    cg_runtime *rt = cg_runtime_load(config_path, &err);
    if (!rt) {
        fprintf(stderr, "%s\n", err->message);
        g_error_free(err);
        return EX_CONFIG;
    }
    const cg_config *cfg = rt->cfg;
    uid_t uid;
    gid_t gid;
    gboolean identity_ok = lookup_identity(cfg, &uid, &gid);
    if (!identity_ok || check_only) {
        g_autofree char *exposure = cg_token_secret_exposure(cfg);
        if (exposure)
            fprintf(stderr, "warning: %s\n", exposure);
        if (identity_ok)
            printf("%s: OK\n", config_path);
        cg_runtime_unref(rt);
        return identity_ok ? 0 : EX_CONFIG;
    }

    openlog("commguard", LOG_PID | (foreground ? LOG_PERROR : 0), facility_code(cfg->syslog_facility));
    if (!foreground && daemon(0, 0) < 0) {
        fprintf(stderr, "commguard: cannot run in the background: %s\n", g_strerror(errno));
        return EX_OSERR;
    }
    warn_secret_exposure(cfg);
    if (*cfg->pid_file && !write_pid_file(cfg->pid_file))
        return EX_CANTCREAT;

    /* Block SIGUSR1 before libmilter starts threads, so only ours receives it.
     * Block libmilter's stop signals too: it blocks them only once smfi_main
     * runs, and a thread started before that (our reload thread) would
     * otherwise take SIGTERM with the default action and kill the process
     * without a clean stop. */
    static sigset_t reload_set;
    sigemptyset(&reload_set);
    sigaddset(&reload_set, SIGUSR1);
    sigset_t blocked = reload_set;
    sigaddset(&blocked, SIGHUP);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGINT);
    pthread_sigmask(SIG_BLOCK, &blocked, NULL);

    cg_runtime_install(rt);
    cg_milter_init(unix_socket_path(cfg->socket) != NULL);
    if (smfi_setconn((char *)cfg->socket) != MI_SUCCESS ||
        smfi_register(cg_milter_description) != MI_SUCCESS ||
        smfi_opensocket(TRUE) != MI_SUCCESS) {
        syslog(LOG_ERR, "cannot open the milter socket %s", cfg->socket);
        return EX_UNAVAILABLE;
    }
    set_nodelay_on_listener();
    if (!prepare_socket(cfg, gid) || !drop_privileges(cfg, uid, gid))
        return EX_NOPERM;

    /* A reload frees this configuration while smfi_main runs: keep what is
     * needed after it. */
    g_autofree char *pid_file = g_strdup(cfg->pid_file);
    syslog(LOG_INFO, "commguard %s listening on %s", PACKAGE_VERSION, cfg->socket);
    pthread_t reloader;
    if (pthread_create(&reloader, NULL, reload_thread, &reload_set) != 0) {
        syslog(LOG_ERR, "cannot start the reload thread");
        return EX_OSERR;
    }
    pthread_detach(reloader);
    int rc = smfi_main();
    syslog(LOG_INFO, "commguard stopping");
    if (*pid_file)
        unlink(pid_file);
    return rc == MI_SUCCESS ? 0 : EX_SOFTWARE;
}
