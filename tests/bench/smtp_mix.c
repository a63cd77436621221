/*
 * smtp_mix.c -- send the benchmark's generated mail mix (mail_mix.h) over
 * SMTP with several concurrent sessions and report messages per second.
 *
 * Postfix's smtp-source makes its own message bodies; this sends the mix
 * instead.  Like smtp-source, each session keeps one connection and sends
 * message after message on it, one command at a time (no pipelining).  The
 * messages are generated before the clock starts.  They have no line that
 * starts with '.', so they are sent as they are, without dot-stuffing.
 *
 *   smtp_mix [-s sessions] [-m messages] [-S seed] [-z bytes] HOST:PORT
 *   smtp_mix -o DIR [-m messages] [-S seed] [-z bytes]    write the mix as .eml files
 *
 * The result is one line of key=value pairs on stdout; the exit status is 1
 * when any message was not accepted with a 2xx reply.
 */
#include "mail_mix.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static gint sessions = 10, messages = 500, seed = 42;
static gint64 fixed_size;
static gchar *out_dir, *sender = "bench@market.example", *recipient = "user@sink.test";

static GPtrArray *mix;
static gint next_message;
static gint failed;
static const char *host, *port;

typedef struct {
    int fd;
    char buf[4096];
    size_t len;
} conn;

static gboolean
send_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= n;
    }
    return TRUE;
}

/* The reply code of the next (possibly multi-line) reply; 0 when the connection failed. */
static int
read_reply(conn *c)
{
    for (;;) {
        char *eol = memchr(c->buf, '\n', c->len);
        if (eol) {
            size_t line = eol + 1 - c->buf;
            gboolean last = line < 5 || c->buf[3] != '-';
            int code = atoi(c->buf);
            memmove(c->buf, eol + 1, c->len - line);
            c->len -= line;
            if (last)
                return code;
            continue;
        }
        if (c->len == sizeof c->buf)
            c->len = 0;                 /* an over-long line: only its code matters */
        ssize_t n = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        c->len += n;
    }
}

static int
command(conn *c, const char *line)
{
    return send_all(c->fd, line, strlen(line)) ? read_reply(c) : 0;
}

static int
connect_to_server(void)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

/* One message: TRUE when the server accepted it; *broken when the connection is lost. */
static gboolean
send_message(conn *c, const GString *m, gboolean *broken)
{
    char *from = g_strdup_printf("MAIL FROM:<%s>\r\n", sender);
    char *to = g_strdup_printf("RCPT TO:<%s>\r\n", recipient);
    int code = command(c, from);
    if (code / 100 == 2)
        code = command(c, to);
    if (code / 100 == 2)
        code = command(c, "DATA\r\n");
    if (code == 354)
        code = send_all(c->fd, m->str, m->len) ? command(c, ".\r\n") : 0;
    else if (code)
        code = command(c, "RSET\r\n") ? code : 0;
    g_free(from);
    g_free(to);
    *broken = code == 0;
    return code / 100 == 2;
}

static gpointer
session(gpointer unused)
{
    (void)unused;
    conn c = { .fd = -1 };
    for (;;) {
        gint i = g_atomic_int_add(&next_message, 1);
        if (i >= (gint)mix->len)
            break;
        if (c.fd < 0) {
            c.fd = connect_to_server();
            c.len = 0;
            if (c.fd < 0 || read_reply(&c) != 220 || command(&c, "EHLO bench.example\r\n") != 250) {
                g_printerr("smtp_mix: cannot open an SMTP session with %s:%s\n", host, port);
                if (c.fd >= 0)
                    close(c.fd);
                c.fd = -1;
                g_atomic_int_inc(&failed);
                continue;
            }
        }
        gboolean broken;
        if (!send_message(&c, g_ptr_array_index(mix, i), &broken))
            g_atomic_int_inc(&failed);
        if (broken) {
            close(c.fd);
            c.fd = -1;
        }
    }
    if (c.fd >= 0) {
        command(&c, "QUIT\r\n");
        close(c.fd);
    }
    return NULL;
}

static int
write_mix(void)
{
    g_mkdir_with_parents(out_dir, 0755);
    for (guint i = 0; i < mix->len; i++) {
        const GString *m = g_ptr_array_index(mix, i);
        char *path = g_strdup_printf("%s/mix-%04u.eml", out_dir, i);
        GError *err = NULL;
        if (!g_file_set_contents(path, m->str, m->len, &err)) {
            g_printerr("smtp_mix: %s\n", err->message);
            return 1;
        }
        g_free(path);
    }
    return 0;
}

int
main(int argc, char **argv)
{
    GOptionEntry entries[] = {
        { "sessions", 's', 0, G_OPTION_ARG_INT, &sessions, "concurrent SMTP sessions", "N" },
        { "messages", 'm', 0, G_OPTION_ARG_INT, &messages, "messages to send", "N" },
        { "seed", 'S', 0, G_OPTION_ARG_INT, &seed, "seed of the mix", "N" },
        { "size", 'z', 0, G_OPTION_ARG_INT64, &fixed_size, "plain text messages of this size instead of the mix", "BYTES" },
        { "from", 'f', 0, G_OPTION_ARG_STRING, &sender, "envelope sender", "ADDR" },
        { "to", 't', 0, G_OPTION_ARG_STRING, &recipient, "envelope recipient", "ADDR" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, "write the mix to DIR instead of sending it", "DIR" },
        { NULL, 0, 0, 0, NULL, NULL, NULL },
    };
    GOptionContext *ctx = g_option_context_new("HOST:PORT");
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    if (!g_option_context_parse(ctx, &argc, &argv, &err) || sessions < 1 || messages < 1 ||
        (!out_dir && (argc != 2 || !strrchr(argv[1], ':')))) {
        g_printerr("smtp_mix: %s\n", err ? err->message : "usage: smtp_mix [options] HOST:PORT (see --help)");
        return 2;
    }
    g_option_context_free(ctx);
    mix = mail_mix_generate(messages, seed, fixed_size);
    if (out_dir)
        return write_mix();

    char *colon = strrchr(argv[1], ':');
    *colon = '\0';
    host = argv[1];
    port = colon + 1;
    guint64 bytes = 0;
    for (guint i = 0; i < mix->len; i++)
        bytes += ((GString *)g_ptr_array_index(mix, i))->len;
    GPtrArray *threads = g_ptr_array_new();
    gint64 t0 = g_get_monotonic_time();
    for (gint i = 0; i < sessions; i++)
        g_ptr_array_add(threads, g_thread_new("session", session, NULL));
    for (guint i = 0; i < threads->len; i++)
        g_thread_join(g_ptr_array_index(threads, i));
    double seconds = (g_get_monotonic_time() - t0) / 1e6;
    printf("messages=%d failed=%d bytes=%" G_GUINT64_FORMAT " seconds=%.3f msg_per_s=%.1f MB_per_s=%.2f\n",
           messages, failed, bytes, seconds, messages / seconds, bytes / 1048576.0 / seconds);
    g_ptr_array_free(threads, TRUE);
    g_ptr_array_free(mix, TRUE);
    return failed ? 1 : 0;
}
