/*
 * ctl_quarantine.c -- `commguardctl quarantine list|show|release|delete|expire`.
 *
 * list reads the store's index (never the messages) and filters by
 * category, time and state; show prints an item's record, findings and
 * message; release hands the stored message to the MTA's sendmail command
 * for its original recipients and marks it released; delete and expire
 * remove messages and keep the record of who did it.  An item that cannot be
 * read is reported and skipped; it never stops a listing.
 */
#include "ctl.h"
#include "json.h"
#include "mailout.h"
#include "quarantine.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#define DEFAULT_CONFIG SYSCONFDIR "/commguard.conf"

cg_config *
ctl_load_config(const char *path)
{
    GError *error = NULL;
    if (!path && !g_file_test(DEFAULT_CONFIG, G_FILE_TEST_EXISTS))
        return cg_config_new_default();
    cg_config *cfg = cg_config_load(path ? path : DEFAULT_CONFIG, &error);
    if (!cfg) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
    }
    return cfg;
}

char *
ctl_actor(void)
{
    const char *sudo = g_getenv("SUDO_USER");
    return g_strdup_printf("commguardctl (%s)", sudo && *sudo ? sudo : g_get_user_name());
}

gboolean
ctl_parse_time(const char *text, gint64 now, gint64 *out)
{
    char *end;
    gint64 n = g_ascii_strtoll(text, &end, 10);
    if (end != text && *end && !end[1] && n >= 0) {       /* 24h, 7d, 30m: that long ago */
        const char *units = "smhd";
        static const gint64 seconds[] = { 1, 60, 3600, 86400 };
        const char *u = strchr(units, *end);
        if (u) {
            *out = now - n * seconds[u - units];
            return TRUE;
        }
    }
    if (end != text && !*end) {                           /* Unix time */
        *out = n;
        return TRUE;
    }
    char *iso = strchr(text, 'T') ? g_strdup(text) : g_strconcat(text, "T00:00:00", NULL);
    GTimeZone *utc = g_time_zone_new_utc();
    GDateTime *dt = g_date_time_new_from_iso8601(iso, utc);
    gboolean ok = dt != NULL;
    if (ok)
        *out = g_date_time_to_unix(dt);
    g_clear_pointer(&dt, g_date_time_unref);
    g_time_zone_unref(utc);
    g_free(iso);
    return ok;
}

static char *
format_time(gint64 t)
{
    GDateTime *dt = g_date_time_new_from_unix_utc(t);
    char *s = dt ? g_date_time_format(dt, "%Y-%m-%d %H:%M:%SZ") : g_strdup("?");
    g_clear_pointer(&dt, g_date_time_unref);
    return s;
}

static void
print_problems(GPtrArray *problems)
{
    for (guint i = 0; i < problems->len; i++)
        fprintf(stderr, "commguardctl: %s\n", (char *)g_ptr_array_index(problems, i));
}

static void
write_item_json(cg_json *j, const cg_qitem *it)
{
    cg_json_begin_object(j);
    cg_json_key(j, "id");         cg_json_string(j, it->id);
    cg_json_key(j, "received");   cg_json_int(j, it->received);
    cg_json_key(j, "state");      cg_json_string(j, cg_qstate_name(it->state));
    cg_json_key(j, "by");         cg_json_string(j, it->actor);
    cg_json_key(j, "at");         cg_json_int(j, it->acted_at);
    cg_json_key(j, "queue_id");   cg_json_string(j, it->queue_id);
    cg_json_key(j, "sender");     cg_json_string(j, it->sender);
    cg_json_key(j, "recipients");
    cg_json_begin_array(j);
    for (char **r = it->recipients; *r; r++)
        cg_json_string(j, *r);
    cg_json_end_array(j);
    cg_json_key(j, "subject");    cg_json_string(j, it->subject);
    cg_json_key(j, "flow");       cg_json_string(j, it->flow);
    cg_json_key(j, "categories");
    cg_json_begin_array(j);
    for (char **c = it->categories; *c; c++)
        cg_json_string(j, *c);
    cg_json_end_array(j);
    cg_json_key(j, "score");      cg_json_number(j, it->score);
    cg_json_end_object(j);
}

static int
cmd_list(const cg_config *cfg, int argc, char **argv)
{
    const char *category = NULL;
    gboolean json = FALSE, by_state = FALSE;
    gint64 since = G_MININT64;
    cg_qstate state = CG_QSTATE_HELD;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--category") == 0 && i + 1 < argc)
            category = argv[++i];
        else if (strcmp(argv[i], "--since") == 0 && i + 1 < argc &&
                 ctl_parse_time(argv[i + 1], g_get_real_time() / G_USEC_PER_SEC, &since))
            i++;
        else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc && cg_qstate_from_name(argv[i + 1], &state))
            by_state = TRUE, i++;
        else if (strcmp(argv[i], "--json") == 0)
            json = TRUE;
        else {
            fprintf(stderr, "commguardctl quarantine list: bad option %s\n", argv[i]);
            return EX_USAGE;
        }
    }
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    GError *error = NULL;
    GPtrArray *items = cg_quarantine_list(cfg->quarantine_dir, problems, &error);
    if (!items) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        g_ptr_array_free(problems, TRUE);
        return 1;
    }
    for (guint i = 0; i < items->len; i++) {
        const cg_qitem *it = g_ptr_array_index(items, i);
        if ((category && !g_strv_contains((const char *const *)it->categories, category)) ||
            it->received < since || (by_state && it->state != state))
            continue;
        if (json) {
            GString *out = g_string_new(NULL);
            cg_json j;
            cg_json_init(&j, out, FALSE);
            write_item_json(&j, it);
            printf("%s\n", out->str);
            g_string_free(out, TRUE);
            continue;
        }
        char *when = format_time(it->received), *cats = g_strjoinv(",", it->categories);
        char *rcpts = g_strjoinv(",", it->recipients);
        printf("%s  %-8s  %s  %.2f  %-12s  %s -> %s  %s\n", it->id, cg_qstate_name(it->state), when, it->score,
               cats, it->sender, rcpts, it->subject);
        g_free(rcpts);
        g_free(cats);
        g_free(when);
    }
    print_problems(problems);
    int status = problems->len ? 1 : 0;
    g_ptr_array_free(items, TRUE);
    g_ptr_array_free(problems, TRUE);
    return status;
}

static void
print_findings(const cg_jv *meta)
{
    const cg_jv *cats = cg_jv_member(meta, "categories");
    for (guint i = 0; cats && cats->type == CG_JV_OBJECT && i < cats->items->len; i++) {
        const cg_jv *findings = cg_jv_member(g_ptr_array_index(cats->items, i), "findings");
        for (guint k = 0; findings && findings->type == CG_JV_ARRAY && k < findings->items->len; k++) {
            const cg_jv *f = g_ptr_array_index(findings->items, k);
            printf("Finding:    %s %s/%s: %s\n", (char *)g_ptr_array_index(cats->keys, i),
                   cg_jv_get_string(f, "kind", "?"), cg_jv_get_string(f, "rule", "?"),
                   cg_jv_get_string(f, "excerpt", cg_jv_get_string(f, "original", "")));
        }
    }
}

static int
cmd_show(const cg_config *cfg, const char *id)
{
    GError *error = NULL;
    cg_qitem *it = cg_qitem_load(cfg->quarantine_dir, id, &error);
    cg_jv *meta = it ? cg_quarantine_read_meta(cfg->quarantine_dir, id, &error) : NULL;
    if (!meta) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        cg_qitem_free(it);
        return 1;
    }
    char *when = format_time(it->received), *rcpts = g_strjoinv(", ", it->recipients);
    char *cats = g_strjoinv(", ", it->categories);
    printf("ID:         %s\nReceived:   %s\nQueue-ID:   %s\nSender:     %s\nRecipients: %s\n"
           "Subject:    %s\nFlow:       %s\nCategories: %s (score %.2f)\nState:      %s",
           it->id, when, it->queue_id, it->sender, rcpts, it->subject, it->flow, cats, it->score,
           cg_qstate_name(it->state));
    if (it->state != CG_QSTATE_HELD) {
        char *acted = format_time(it->acted_at);
        printf(" by %s at %s", it->actor, acted);
        g_free(acted);
    }
    putchar('\n');
    print_findings(meta);
    char *path = cg_quarantine_message_path(cfg->quarantine_dir, id), *text = NULL;
    gsize len = 0;
    if (g_file_get_contents(path, &text, &len, NULL)) {
        printf("\n");
        fwrite(text, 1, len, stdout);
    }
    g_free(text);
    g_free(path);
    g_free(cats);
    g_free(rcpts);
    g_free(when);
    cg_jv_free(meta);
    cg_qitem_free(it);
    return 0;
}

static int
cmd_transition(const cg_config *cfg, const char *id, cg_qstate state)
{
    GError *error = NULL;
    char *actor = ctl_actor();
    gboolean ok = cg_quarantine_transition(cfg->quarantine_dir, id, state, actor,
                                           state == CG_QSTATE_RELEASED ? cg_mail_release : NULL,
                                           (gpointer)cfg, &error);
    g_free(actor);
    if (!ok) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    printf("%s %s\n", id, cg_qstate_name(state));
    return 0;
}

static int
cmd_expire(const cg_config *cfg)
{
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    guint expired, removed;
    cg_quarantine_expire(cfg->quarantine_dir, (gint64)cfg->quarantine_retention * 86400,
                         g_get_real_time() / G_USEC_PER_SEC, &expired, &removed, problems);
    printf("%u expired, %u removed\n", expired, removed);
    print_problems(problems);
    int status = problems->len ? 1 : 0;
    g_ptr_array_free(problems, TRUE);
    return status;
}

static const char usage_text[] =
    "usage: commguardctl quarantine [-c FILE] list [--category C] [--since T] [--state S] [--json]\n"
    "       commguardctl quarantine [-c FILE] show|release|delete ID\n"
    "       commguardctl quarantine [-c FILE] expire\n";

int
ctl_quarantine(int argc, char **argv)
{
    const char *config_path = NULL;
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "-c") == 0) {
        config_path = argv[i + 1];
        i += 2;
    }
    if (i >= argc) {
        fputs(usage_text, stderr);
        return EX_USAGE;
    }
    const char *cmd = argv[i];
    gboolean takes_id = !strcmp(cmd, "show") || !strcmp(cmd, "release") || !strcmp(cmd, "delete");
    if ((takes_id && argc - i != 2) || (!strcmp(cmd, "expire") && argc - i != 1) ||
        (!takes_id && strcmp(cmd, "expire") && strcmp(cmd, "list"))) {
        fputs(usage_text, stderr);
        return EX_USAGE;
    }
    cg_config *cfg = ctl_load_config(config_path);
    if (!cfg)
        return EX_CONFIG;
    int status;
    if (!strcmp(cmd, "list"))
        status = cmd_list(cfg, argc - i, argv + i);
    else if (!strcmp(cmd, "show"))
        status = cmd_show(cfg, argv[i + 1]);
    else if (!strcmp(cmd, "release"))
        status = cmd_transition(cfg, argv[i + 1], CG_QSTATE_RELEASED);
    else if (!strcmp(cmd, "delete"))
        status = cmd_transition(cfg, argv[i + 1], CG_QSTATE_DELETED);
    else
        status = cmd_expire(cfg);
    cg_config_free(cfg);
    return status;
}
