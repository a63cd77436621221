/*
 * ctl_scan.c -- `commguardctl scan`: offline scan of .eml files, one JSON line each.
 *
 * Enters the same library as the milter at message parsing and prints what
 * the detectors found and what the milter's policy would do with the message.
 * A file has no envelope, so the policy reads the sender and recipients from
 * --sender/--recipient, or else from the From, To and Cc headers; --flow
 * skips the flow rules altogether.  An unreadable or unparsable file gets an
 * "error" line (with the on_error action when the bytes are not a message)
 * and makes the exit status non-zero; the other files are still scanned.
 */
#include "ctl.h"
#include "engine.h"
#include "policy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

static cg_message *
parse_input(const char *path, const cg_limits *limits, GError **error)
{
    if (strcmp(path, "-") != 0)
        return cg_message_parse_file(path, limits, error);
    /* Read stdin ourselves: a pipe is not seekable, which GMime's fs stream needs. */
    GByteArray *data = g_byte_array_new();
    char buf[65536];
    ssize_t n;
    while ((n = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                        "-: cannot read standard input: %s", g_strerror(errno));
            g_byte_array_unref(data);
            return NULL;
        }
        g_byte_array_append(data, (const guint8 *)buf, (guint)n);
    }
    cg_message *msg = cg_message_parse_bytes((const char *)data->data, data->len, limits, error);
    g_byte_array_unref(data);
    return msg;
}

/* What the command line says about the envelope; NULL/empty = from the headers. */
typedef struct {
    const char *flow;
    const char *sender;
    GPtrArray *recipients;       /* const char * */
} envelope_options;

/* Append the mailboxes of list (and of the groups in it) to out as new strings. */
static void
add_mailboxes(InternetAddressList *list, GPtrArray *out)
{
    int n = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < n; i++) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a))
            add_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
        else if (INTERNET_ADDRESS_IS_MAILBOX(a))
            g_ptr_array_add(out, g_strdup(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))));
    }
}

static const char *
message_header(const void *msg, const char *name)
{
    return cg_message_header(msg, name);
}

static void
decide(const cg_config *cfg, const envelope_options *opts, const cg_message *msg, const cg_result *r,
       cg_decision *out)
{
    GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
    const char *sender = opts->sender;
    if (!sender) {
        add_mailboxes(g_mime_message_get_from(msg->mime), owned);
        sender = owned->len ? g_ptr_array_index(owned, 0) : "";
    }
    GPtrArray *recipients = g_ptr_array_new_with_free_func(g_free);
    if (opts->recipients->len) {
        for (guint i = 0; i < opts->recipients->len; i++)
            g_ptr_array_add(recipients, g_strdup(g_ptr_array_index(opts->recipients, i)));
    } else {
        add_mailboxes(g_mime_message_get_addresses(msg->mime, GMIME_ADDRESS_TYPE_TO), recipients);
        add_mailboxes(g_mime_message_get_addresses(msg->mime, GMIME_ADDRESS_TYPE_CC), recipients);
    }
    g_ptr_array_add(recipients, NULL);
    const cg_envelope env = {
        .sender = sender, .recipients = (const char *const *)recipients->pdata,
        .header = message_header, .header_data = msg,
    };
    cg_flow flow;
    if (opts->flow && cg_flow_from_name(opts->flow, &flow))
        cg_policy_decide_in_flow(cfg, &env, flow, r, out);
    else
        cg_policy_decide(cfg, &env, r, out);
    g_ptr_array_unref(recipients);
    g_ptr_array_unref(owned);
}

static void
write_message(GString *out, const char *path, const cg_message *msg, const cg_result *r,
              const cg_decision *d, gboolean pretty)
{
    cg_json j;
    cg_json_init(&j, out, pretty);
    cg_json_begin_object(&j);
    cg_json_key(&j, "file");
    cg_json_string(&j, path);
    cg_json_key(&j, "message_id");
    if (msg->message_id) {
        char *id = g_strdup_printf("<%s>", msg->message_id);
        cg_json_string(&j, id);
        g_free(id);
    } else {
        cg_json_null(&j);
    }
    cg_json_key(&j, "flow");
    cg_json_string(&j, cg_flow_name(d->flow));
    cg_json_key(&j, "action");
    cg_json_string(&j, cg_action_name(d->action));
    cg_result_write_categories(r, &j);
    cg_json_key(&j, "truncated");
    cg_json_bool(&j, r->truncated);
    cg_json_key(&j, "limits_hit");
    cg_json_begin_array(&j);
    for (guint i = 0; i < msg->limits_hit->len; i++)
        cg_json_string(&j, g_ptr_array_index(msg->limits_hit, i));
    if (r->out_of_time)
        cg_json_string(&j, "scan_time");
    cg_json_end_array(&j);
    cg_json_key(&j, "attachments");
    cg_json_begin_array(&j);
    for (guint i = 0; i < msg->attachments->len; i++) {
        const cg_attachment *a = g_ptr_array_index(msg->attachments, i);
        cg_json_begin_object(&j);
        cg_json_key(&j, "where");
        cg_json_string(&j, a->where);
        cg_json_key(&j, "content_type");
        cg_json_string(&j, a->content_type);
        cg_json_key(&j, "filename");
        cg_json_string(&j, a->filename);
        cg_json_end_object(&j);
    }
    cg_json_end_array(&j);
    cg_json_end_object(&j);
}

/* A file that is not a mail message gets on_error, as in the milter; one that
 * cannot be read never reached the milter, so it has no action. */
static void
write_error(GString *out, const char *path, const GError *error, const cg_config *cfg)
{
    cg_json j;
    cg_json_init(&j, out, FALSE);
    cg_json_begin_object(&j);
    cg_json_key(&j, "file");
    cg_json_string(&j, path);
    cg_json_key(&j, "error");
    cg_json_string(&j, error->message);
    if (error->domain == CG_MESSAGE_ERROR) {
        cg_json_key(&j, "action");
        cg_json_string(&j, cfg->on_error);
    }
    cg_json_end_object(&j);
}

int
ctl_scan(int argc, char **argv)
{
    const char *config_path = NULL;
    gboolean pretty = FALSE;
    envelope_options env = { .recipients = g_ptr_array_new() };
    cg_flow flow;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            config_path = argv[++i];
        else if (strcmp(argv[i], "--pretty") == 0)
            pretty = TRUE;
        else if (strcmp(argv[i], "--flow") == 0 && i + 1 < argc && cg_flow_from_name(argv[i + 1], &flow))
            env.flow = argv[++i];
        else if (strcmp(argv[i], "--sender") == 0 && i + 1 < argc)
            env.sender = argv[++i];
        else if (strcmp(argv[i], "--recipient") == 0 && i + 1 < argc)
            g_ptr_array_add(env.recipients, argv[++i]);
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "commguardctl scan: bad option %s\n", argv[i]);
            g_ptr_array_unref(env.recipients);
            return EX_USAGE;
        } else
            break;
    }
    if (i >= argc) {
        fputs("usage: commguardctl scan [-c FILE] [--pretty] [--flow inbound|outbound|internal|platform]\n"
              "                         [--sender ADDR] [--recipient ADDR]... FILE...\n", stderr);
        g_ptr_array_unref(env.recipients);
        return EX_USAGE;
    }

    GError *error = NULL;
    cg_config *cfg = config_path ? cg_config_load(config_path, &error) : cg_config_new_default();
    if (!cfg) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
        g_ptr_array_unref(env.recipients);
        return EX_CONFIG;
    }
    cg_engine *engine = cg_engine_new(cfg, &error);
    if (!engine) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        cg_config_free(cfg);
        g_ptr_array_unref(env.recipients);
        return EX_CONFIG;
    }

    int status = 0;
    GString *out = g_string_new(NULL);
    for (; i < argc; i++) {
        cg_message *msg = parse_input(argv[i], &cfg->limits, &error);
        g_string_truncate(out, 0);
        if (!msg) {
            write_error(out, argv[i], error, cfg);
            g_clear_error(&error);
            status = 1;
        } else {
            cg_result *r = cg_engine_scan(engine, msg);
            cg_decision decision;
            decide(cfg, &env, msg, r, &decision);
            write_message(out, argv[i], msg, r, &decision, pretty);
            cg_result_free(r);
            cg_message_free(msg);
        }
        g_string_append_c(out, '\n');
        fwrite(out->str, 1, out->len, stdout);
    }
    g_string_free(out, TRUE);
    cg_engine_free(engine);
    cg_config_free(cfg);
    g_ptr_array_unref(env.recipients);
    if (fflush(stdout) != 0)
        return EX_IOERR;
    return status;
}
