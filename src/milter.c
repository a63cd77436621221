/*
 * milter.c -- libmilter callbacks: one context per connection, reset for
 * each message.
 *
 * The message is kept as received (headers as "Name: value", CRLF line ends,
 * then the body) in memory up to body_memory_limit and in an unlinked
 * temporary file beyond it, so a large message costs disk, not memory.  At
 * end of message it is parsed and scanned with the runtime the message
 * started with, the policy picks an action and action.c applies it.  Any
 * failure on the way gives the message the on_error action.  No more
 * messages are parsed and scanned at once than there are processors: more
 * would finish no sooner, and each holds its text and the detectors' views
 * in memory (100 connections ending 5 MB messages together held 2.2 GB).  Every message
 * gets one log line keyed by the MTA's queue ID.  Mail to control_address
 * is not delivered there: control.c carries out its commands.
 *
 * Each protocol step the MTA waits on is a round trip per message, so the
 * negotiation asks for no end-of-headers step (the blank line is added before
 * the body) and, on a unix socket, for no replies before end of message.
 */
#include "milter.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "action.h"
#include "control.h"
#include "runtime.h"

typedef struct {
    char *daemon_name;
    char *client_address;        /* from the connect callback; NULL when the MTA gave none */
    /* the current message */
    cg_runtime *rt;
    char *queue_id;
    char *sender;
    char *subject;               /* the first Subject header as received */
    GPtrArray *recipients;       /* char *, NULL-terminated */
    gboolean authenticated;
    GByteArray *buffer;          /* the message until it outgrows body_memory_limit */
    int spill_fd;                /* then the whole message is here; -1 before */
    gboolean failed;             /* something went wrong: on_error at end of message */
    char *control_rcpt;          /* the control address as the MTA gave it, when a recipient */
    gboolean in_body;            /* the blank line after the headers is in the message */
    unsigned long unanswered;    /* SMFIP_NR_* steps negotiated: their callbacks return SMFIS_NOREPLY */
} conn_ctx;

/* The steps commguard never needs to answer before end of message. */
#define REPLYLESS_STEPS (SMFIP_NR_CONN | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_DATA | SMFIP_NR_HDR | SMFIP_NR_BODY)
/* The steps commguard has no callback for. */
#define UNWANTED_STEPS (SMFIP_NOHELO | SMFIP_NOEOH | SMFIP_NOUNKNOWN)

static gboolean replies_optional;

static GMutex scan_lock;
static GCond scan_slot_freed;
static unsigned scans_running;
static unsigned scan_slots;     /* the processors, counted once: counting reads a file in /sys */

void
cg_milter_init(gboolean unix_socket)
{
    replies_optional = unix_socket;
    scan_slots = g_get_num_processors();
}

static void
scan_slot_take(void)
{
    g_mutex_lock(&scan_lock);
    while (scans_running >= scan_slots)
        g_cond_wait(&scan_slot_freed, &scan_lock);
    scans_running++;
    g_mutex_unlock(&scan_lock);
}

static void
scan_slot_give(void)
{
    g_mutex_lock(&scan_lock);
    scans_running--;
    g_cond_signal(&scan_slot_freed);
    g_mutex_unlock(&scan_lock);
}

static void
message_reset(conn_ctx *c)
{
    cg_runtime_unref(c->rt);
    c->rt = NULL;
    g_clear_pointer(&c->queue_id, g_free);
    g_clear_pointer(&c->sender, g_free);
    g_clear_pointer(&c->subject, g_free);
    g_clear_pointer(&c->recipients, g_ptr_array_unref);
    g_clear_pointer(&c->buffer, g_byte_array_unref);
    if (c->spill_fd >= 0)
        close(c->spill_fd);
    c->spill_fd = -1;
    c->authenticated = FALSE;
    c->failed = FALSE;
    c->in_body = FALSE;
    g_clear_pointer(&c->control_rcpt, g_free);
}

/* "<user@example.com>" -> "user@example.com" */
static char *
bare_address(const char *arg)
{
    char *s = g_strstrip(g_strdup(arg));
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
        memmove(s, s + 1, n - 2);
        s[n - 2] = '\0';
    }
    return s;
}

static const char *
queue_id(const conn_ctx *c)
{
    return c->queue_id ? c->queue_id : "NOQUEUE";
}

static gboolean
write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= n;
    }
    return TRUE;
}

/* Start spilling to an unlinked file in tmp_dir: nothing to clean up after a crash. */
static gboolean
spill(conn_ctx *c)
{
    char *path = g_build_filename(c->rt->cfg->tmp_dir, "commguard-XXXXXX", NULL);
    c->spill_fd = g_mkstemp_full(path, O_RDWR | O_CLOEXEC, 0600);
    if (c->spill_fd < 0) {
        syslog(LOG_ERR, "%s: cannot create a temporary file in %s: %s", queue_id(c),
               c->rt->cfg->tmp_dir, g_strerror(errno));
        g_free(path);
        return FALSE;
    }
    unlink(path);
    g_free(path);
    gboolean ok = write_all(c->spill_fd, c->buffer->data, c->buffer->len);
    g_clear_pointer(&c->buffer, g_byte_array_unref);   /* its memory too: 100 connections hold 100 of them */
    return ok;
}

static void
append(conn_ctx *c, const void *data, size_t len)
{
    if (c->failed || !c->rt)
        return;
    if (c->spill_fd < 0 && c->buffer->len + len > c->rt->cfg->body_memory_limit && !spill(c))
        c->failed = TRUE;
    if (c->spill_fd >= 0) {
        if (!write_all(c->spill_fd, data, len)) {
            syslog(LOG_ERR, "%s: cannot write the temporary file: %s", queue_id(c), g_strerror(errno));
            c->failed = TRUE;
        }
    } else if (!c->failed) {
        g_byte_array_append(c->buffer, data, len);
    }
}

/* Append a header value, with the bare LFs libmilter gives for folds as CRLF. */
static void
append_header_value(conn_ctx *c, const char *value)
{
    for (const char *p = value; *p;) {
        size_t n = strcspn(p, "\r\n");
        append(c, p, n);
        p += n;
        if (*p == '\r')
            p++;
        if (*p == '\n') {
            append(c, "\r\n", 2);
            p++;
        }
    }
}

/* The client's IP address as text; an IPv4-mapped IPv6 address as the IPv4
 * one, so that trusted_networks written in IPv4 match it. */
static char *
client_address(const struct sockaddr *addr)
{
    char text[INET6_ADDRSTRLEN];
    if (addr && addr->sa_family == AF_INET &&
        inet_ntop(AF_INET, &((const struct sockaddr_in *)addr)->sin_addr, text, sizeof text))
        return g_strdup(text);
    if (addr && addr->sa_family == AF_INET6) {
        const struct in6_addr *a6 = &((const struct sockaddr_in6 *)addr)->sin6_addr;
        if (IN6_IS_ADDR_V4MAPPED(a6) ? inet_ntop(AF_INET, &a6->s6_addr[12], text, sizeof text)
                                     : inet_ntop(AF_INET6, a6, text, sizeof text))
            return g_strdup(text);
    }
    return NULL;
}

static conn_ctx *
conn_new(SMFICTX *ctx)
{
    conn_ctx *c = g_new0(conn_ctx, 1);
    c->spill_fd = -1;
    smfi_setpriv(ctx, c);
    return c;
}

/* What a callback returns for a step the MTA may have been told not to wait on. */
static sfsistat
step_done(const conn_ctx *c, unsigned long step)
{
    return c->unanswered & step ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

/* The first callback of a connection.  Replies are left out only on a unix
 * socket: on TCP the MTA's unanswered small writes wait on Nagle and delayed
 * ACKs, about 40 ms a message (/work/shared/notes/MTA-TESTING.md). */
static sfsistat
on_negotiate(SMFICTX *ctx, unsigned long actions, unsigned long steps, unsigned long f2, unsigned long f3,
             unsigned long *want_actions, unsigned long *want_steps, unsigned long *want_f2, unsigned long *want_f3)
{
    (void)f2, (void)f3;
    unsigned long needed = cg_milter_description.xxfi_flags;
    if ((actions & needed) != needed)
        return SMFIS_REJECT;        /* the MTA cannot carry out every action: as libmilter would */
    conn_ctx *c = conn_new(ctx);
    c->unanswered = replies_optional ? steps & REPLYLESS_STEPS : 0;
    *want_actions = needed;
    *want_steps = (steps & UNWANTED_STEPS) | c->unanswered;
    *want_f2 = *want_f3 = 0;
    return SMFIS_CONTINUE;
}

static sfsistat
on_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *addr)
{
    (void)host;
    conn_ctx *c = smfi_getpriv(ctx);
    if (!c)
        c = conn_new(ctx);      /* an MTA too old to negotiate: every step is answered */
    c->client_address = client_address(addr);
    const char *daemon = smfi_getsymval(ctx, "{daemon_name}");
    c->daemon_name = g_strdup(daemon ? daemon : "");
    return step_done(c, SMFIP_NR_CONN);
}

static sfsistat
on_envfrom(SMFICTX *ctx, char **argv)
{
    conn_ctx *c = smfi_getpriv(ctx);
    message_reset(c);
    c->rt = cg_runtime_current();
    c->sender = bare_address(argv[0]);
    c->recipients = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(c->recipients, NULL);
    c->buffer = g_byte_array_new();
    const char *auth = smfi_getsymval(ctx, "{auth_authen}");
    c->authenticated = auth && *auth;
    return step_done(c, SMFIP_NR_MAIL);
}

static sfsistat
on_envrcpt(SMFICTX *ctx, char **argv)
{
    conn_ctx *c = smfi_getpriv(ctx);
    char *rcpt = bare_address(argv[0]);
    if (c->rt && cg_control_is_address(c->rt->cfg, rcpt) && !c->control_rcpt) {
        c->control_rcpt = g_strdup(argv[0]);    /* not a recipient for the policy */
        g_free(rcpt);
        return step_done(c, SMFIP_NR_RCPT);
    }
    /* keep the array NULL-terminated for the policy */
    c->recipients->pdata[c->recipients->len - 1] = rcpt;
    g_ptr_array_add(c->recipients, NULL);
    return step_done(c, SMFIP_NR_RCPT);
}

static sfsistat
on_data(SMFICTX *ctx)
{
    conn_ctx *c = smfi_getpriv(ctx);
    const char *id = smfi_getsymval(ctx, "i");
    if (id && *id)
        c->queue_id = g_strdup(id);
    return step_done(c, SMFIP_NR_DATA);
}

static sfsistat
on_header(SMFICTX *ctx, char *name, char *value)
{
    conn_ctx *c = smfi_getpriv(ctx);
    if (!c->subject && g_ascii_strcasecmp(name, "Subject") == 0)
        c->subject = g_strdup(value);
    append(c, name, strlen(name));
    append(c, ": ", 2);
    append_header_value(c, value);
    append(c, "\r\n", 2);
    return step_done(c, SMFIP_NR_HDR);
}

/* The blank line after the headers, before the first body chunk or at the end
 * of a message without one: the MTA need not send an end-of-headers step. */
static void
end_headers(conn_ctx *c)
{
    if (!c->in_body)
        append(c, "\r\n", 2);
    c->in_body = TRUE;
}

static sfsistat
on_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
    conn_ctx *c = smfi_getpriv(ctx);
    end_headers(c);
    append(c, chunk, len);
    return step_done(c, SMFIP_NR_BODY);
}

/* The whole message as a seekable stream positioned at its start. */
static GMimeStream *
message_stream(conn_ctx *c)
{
    if (c->spill_fd < 0) {
        GMimeStream *s = g_mime_stream_mem_new_with_byte_array(c->buffer);
        g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(s), FALSE);
        return s;
    }
    int fd = dup(c->spill_fd);
    if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    return g_mime_stream_fs_new(fd);
}

static const char *
message_header(const void *msg, const char *name)
{
    return cg_message_header(msg, name);
}

static void
log_message(const conn_ctx *c, const cg_decision *d, const cg_result *r, const char *note)
{
    char *rcpts = g_strjoinv(",", (char **)c->recipients->pdata);
    char *summary = cg_decision_summary(d, r);
    char *findings = cg_findings_summary(r);
    syslog(LOG_INFO, "%s: from=<%s> to=<%s> client=%s auth=%s daemon=%s action=%s verdict=\"%s\" findings=\"%s\"%s%s",
           queue_id(c), c->sender, rcpts, c->client_address ? c->client_address : "-", c->authenticated ? "yes" : "no", c->daemon_name,
           cg_action_name(d->action), summary, findings, note ? " " : "", note ? note : "");
    g_free(findings);
    g_free(summary);
    g_free(rcpts);
}

static sfsistat
on_eom(SMFICTX *ctx)
{
    conn_ctx *c = smfi_getpriv(ctx);
    if (!c->queue_id) {             /* an MTA that gives the queue ID only at the end */
        const char *id = smfi_getsymval(ctx, "i");
        c->queue_id = id && *id ? g_strdup(id) : NULL;
    }
    if (!c->rt) {
        syslog(LOG_ERR, "%s: no configuration loaded", queue_id(c));
        return SMFIS_TEMPFAIL;
    }
    const cg_config *cfg = c->rt->cfg;
    end_headers(c);
    GMimeStream *stream = c->failed ? NULL : message_stream(c);
    if (stream && c->control_rcpt) {
        cg_control_handle(cfg, queue_id(c), c->sender, stream);
        g_mime_stream_reset(stream);
        gboolean removed = smfi_delrcpt(ctx, c->control_rcpt) == MI_SUCCESS;
        if (!removed || c->recipients->len == 1) {    /* only the control address: nothing to deliver */
            if (!removed)
                syslog(LOG_ERR, "%s: control: cannot remove %s from the recipients", queue_id(c), c->control_rcpt);
            g_object_unref(stream);
            message_reset(c);
            return SMFIS_DISCARD;
        }
    }
    GError *err = NULL;
    scan_slot_take();
    cg_message *msg = stream ? cg_message_parse_stream(stream, &cfg->limits, &err) : NULL;
    sfsistat status;

    if (!msg) {
        scan_slot_give();
        syslog(LOG_ERR, "%s: from=<%s> message not scanned (%s), on_error=%s", queue_id(c), c->sender,
               err ? err->message : "buffering failed", cfg->on_error);
        status = cg_action_on_error(cfg);
    } else {
        const cg_envelope env = {
            .sender = c->sender, .recipients = (const char *const *)c->recipients->pdata,
            .authenticated = c->authenticated, .client_address = c->client_address, .header = message_header, .header_data = msg,
        };
        /* Only the detectors whose verdict the policy reads for this flow run. */
        cg_flow flow = cg_policy_flow(cfg, &env);
        cg_result *result = cg_engine_scan_only(c->rt->engine, msg, cg_policy_scan_mask(cfg, flow));
        cg_decision decision;
        cg_policy_decide_in_flow(cfg, &env, flow, result, &decision);
        cg_message_free(msg);
        scan_slot_give();
        g_mime_stream_reset(stream);
        const cg_action_request req = {
            .ctx = ctx, .cfg = cfg, .queue_id = queue_id(c), .sender = c->sender,
            .recipients = env.recipients, .subject = c->subject, .result = result, .decision = &decision, .message = stream,
        };
        char *note = NULL;
        status = cg_action_apply(&req, &note);
        log_message(c, &decision, result, note);
        g_free(note);
        cg_result_free(result);
    }
    g_clear_error(&err);
    g_clear_object(&stream);
    message_reset(c);
    return status;
}

static sfsistat
on_abort(SMFICTX *ctx)
{
    conn_ctx *c = smfi_getpriv(ctx);
    if (c)
        message_reset(c);
    return SMFIS_CONTINUE;
}

static sfsistat
on_close(SMFICTX *ctx)
{
    conn_ctx *c = smfi_getpriv(ctx);
    if (c) {
        message_reset(c);
        g_free(c->daemon_name);
        g_free(c->client_address);
        g_free(c);
        smfi_setpriv(ctx, NULL);
    }
    return SMFIS_CONTINUE;
}

struct smfiDesc cg_milter_description = {
    .xxfi_name = "commguard",
    .xxfi_version = SMFI_VERSION,
    .xxfi_flags = SMFIF_ADDHDRS | SMFIF_ADDRCPT | SMFIF_DELRCPT | SMFIF_QUARANTINE | SMFIF_CHGHDRS,
    .xxfi_connect = on_connect,
    .xxfi_envfrom = on_envfrom,
    .xxfi_envrcpt = on_envrcpt,
    /* registered so that Postfix does not send the DATA macros alone and wait (Nagle) */
    .xxfi_data = on_data,
    .xxfi_header = on_header,
    .xxfi_body = on_body,
    .xxfi_eom = on_eom,
    .xxfi_abort = on_abort,
    .xxfi_close = on_close,
    .xxfi_negotiate = on_negotiate,
};
