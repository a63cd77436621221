/*
 * ctl_scan.c -- `commguardctl scan`: offline scan of .eml files, one JSON line each.
 *
 * Enters the same library as the milter at message parsing and prints what
 * the detectors found.  An unreadable or unparsable file gets an "error"
 * line and makes the exit status non-zero; the other files are still scanned.
 */
#include "ctl.h"
#include "engine.h"

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

static void
write_message(GString *out, const char *path, const cg_message *msg, const cg_result *r,
              gboolean pretty)
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
    cg_result_write_categories(r, &j);
    cg_json_key(&j, "truncated");
    cg_json_bool(&j, r->truncated);
    cg_json_key(&j, "limits_hit");
    cg_json_begin_array(&j);
    for (guint i = 0; i < msg->limits_hit->len; i++)
        cg_json_string(&j, g_ptr_array_index(msg->limits_hit, i));
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

static void
write_error(GString *out, const char *path, const char *message)
{
    cg_json j;
    cg_json_init(&j, out, FALSE);
    cg_json_begin_object(&j);
    cg_json_key(&j, "file");
    cg_json_string(&j, path);
    cg_json_key(&j, "error");
    cg_json_string(&j, message);
    cg_json_end_object(&j);
}

int
ctl_scan(int argc, char **argv)
{
    const char *config_path = NULL;
    gboolean pretty = FALSE;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            config_path = argv[++i];
        else if (strcmp(argv[i], "--pretty") == 0)
            pretty = TRUE;
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "commguardctl scan: unknown option %s\n", argv[i]);
            return EX_USAGE;
        } else
            break;
    }
    if (i >= argc) {
        fputs("usage: commguardctl scan [-c FILE] [--pretty] FILE...\n", stderr);
        return EX_USAGE;
    }

    GError *error = NULL;
    cg_config *cfg = config_path ? cg_config_load(config_path, &error) : cg_config_new_default();
    if (!cfg) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
        return EX_CONFIG;
    }
    cg_engine *engine = cg_engine_new(cfg, &error);
    if (!engine) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        cg_config_free(cfg);
        return EX_CONFIG;
    }

    int status = 0;
    GString *out = g_string_new(NULL);
    for (; i < argc; i++) {
        cg_message *msg = parse_input(argv[i], &cfg->limits, &error);
        g_string_truncate(out, 0);
        if (!msg) {
            write_error(out, argv[i], error->message);
            g_clear_error(&error);
            status = 1;
        } else {
            cg_result *r = cg_engine_scan(engine, msg);
            write_message(out, argv[i], msg, r, pretty);
            cg_result_free(r);
            cg_message_free(msg);
        }
        g_string_append_c(out, '\n');
        fwrite(out->str, 1, out->len, stdout);
    }
    g_string_free(out, TRUE);
    cg_engine_free(engine);
    cg_config_free(cfg);
    if (fflush(stdout) != 0)
        return EX_IOERR;
    return status;
}
