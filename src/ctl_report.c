/*
 * ctl_report.c -- `commguardctl report`: mail each reviewer group its digest.
 *
 * For each category with reviewers (contact_reviewers, ...), the held items
 * of that category that no earlier digest of the group listed make one
 * digest, sent through release_command from report_from (or
 * control_address).  What a group was sent is kept by ID, not by time, in
 * DIR/.reported-CATEGORY: an item whose writing took long, or whose clock
 * was behind, is still reported once.  The file keeps only IDs still in the
 * store, so it never outgrows the store.  With nothing new no mail is sent,
 * unless report_when_empty.  --dry-run prints the digests and records nothing.
 */
#include "ctl.h"
#include "mailout.h"
#include "report.h"
#include "token.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

typedef struct {
    const cg_config *cfg;
    char *secret;              /* NULL without release by reply */
    gboolean dry_run;
    gint64 now;
} report_run;

static char *
reported_path(const cg_config *cfg, const char *category)
{
    char *name = g_strconcat(".reported-", category, NULL);
    char *path = g_build_filename(cfg->quarantine_dir, name, NULL);
    g_free(name);
    return path;
}

/* The IDs a group was sent before; empty when there is no record yet. */
static GHashTable *
read_reported(const char *path)
{
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *text = NULL;
    if (g_file_get_contents(path, &text, NULL, NULL)) {
        char **lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l; l++)
            if (cg_quarantine_id_valid(*l))
                g_hash_table_add(ids, g_strdup(*l));
        g_strfreev(lines);
    }
    g_free(text);
    return ids;
}

/* Those of the listed items that were reported before or now. */
static gboolean
write_reported(const char *path, GPtrArray *items, GHashTable *reported, GError **error)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        const cg_qitem *it = g_ptr_array_index(items, i);
        if (g_hash_table_contains(reported, it->id))
            g_string_append_printf(out, "%s\n", it->id);
    }
    gboolean ok = g_file_set_contents_full(path, out->str, (gssize)out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                           0600, error);
    g_string_free(out, TRUE);
    return ok;
}

/* Build and send (or print) one group's digest; FALSE after printing why it failed. */
static gboolean
report_group(report_run *run, cg_category cat, GPtrArray *items)
{
    const cg_config *cfg = run->cfg;
    const char *category = cg_category_name(cat);
    char *path = reported_path(cfg, category);
    GHashTable *reported = read_reported(path);
    gint64 expires = run->now + (gint64)cfg->release_token_days * 86400;
    GArray *entries = g_array_new(FALSE, TRUE, sizeof(cg_digest_entry));
    g_array_set_clear_func(entries, NULL);
    for (guint i = 0; i < items->len; i++) {
        const cg_qitem *it = g_ptr_array_index(items, i);
        if (it->state != CG_QSTATE_HELD || g_hash_table_contains(reported, it->id) ||
            !g_strv_contains((const char *const *)it->categories, category))
            continue;
        cg_digest_entry e = { .item = it, .meta = cg_quarantine_read_meta(cfg->quarantine_dir, it->id, NULL) };
        if (run->secret) {
            e.release_token = cg_token_make(run->secret, it->id, "release", expires);
            e.delete_token = cg_token_make(run->secret, it->id, "delete", expires);
        }
        g_array_append_val(entries, e);
    }
    gboolean ok = TRUE;
    if (entries->len || cfg->report_when_empty) {
        const cg_digest d = {
            .group = category, .from = *cfg->report_from ? cfg->report_from : cfg->control_address,
            .to = (const char *const *)cfg->reviewers[cat], .control_address = cfg->control_address,
            .token_expires = expires, .entries = (const cg_digest_entry *)entries->data, .n_entries = entries->len,
        };
        GBytes *mail = cg_digest_message(&d);
        GError *send_error = NULL;
        if (run->dry_run) {
            gsize len;
            const char *data = g_bytes_get_data(mail, &len);
            printf("--- digest for %s reviewers (%u items)\n", category, entries->len);
            fwrite(data, 1, len, stdout);
        } else if (cg_mail_send(cfg->release_command, d.from, d.to, NULL, mail, &send_error)) {
            printf("%s: digest of %u items sent\n", category, entries->len);
        } else {
            fprintf(stderr, "commguardctl: %s digest not sent: %s\n", category, send_error->message);
            g_error_free(send_error);
            ok = FALSE;
        }
        g_bytes_unref(mail);
    }
    for (guint i = 0; i < entries->len; i++) {
        cg_digest_entry *e = &g_array_index(entries, cg_digest_entry, i);
        g_hash_table_add(reported, g_strdup(e->item->id));
        cg_jv_free((cg_jv *)e->meta);
        g_free(e->release_token);
        g_free(e->delete_token);
    }
    GError *error = NULL;
    if (ok && !run->dry_run && !write_reported(path, items, reported, &error)) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        ok = FALSE;
    }
    g_array_free(entries, TRUE);
    g_hash_table_destroy(reported);
    g_free(path);
    return ok;
}

static int
run_report(report_run *run)
{
    const cg_config *cfg = run->cfg;
    if (!*cfg->report_from && !*cfg->control_address) {
        fputs("commguardctl: set report_from or control_address: digests need a sender\n", stderr);
        return EX_CONFIG;
    }
    GError *error = NULL;
    if (*cfg->control_address && !(run->secret = cg_token_secret(cfg, &error))) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        return EX_CONFIG;
    }
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *items = cg_quarantine_list(cfg->quarantine_dir, problems, &error);
    int status = 0;
    if (!items) {
        fprintf(stderr, "commguardctl: %s\n", error->message);
        g_error_free(error);
        status = 1;
    }
    for (int cat = 0; items && cat < CG_CAT_COUNT; cat++)
        if (cfg->reviewers[cat] && cfg->reviewers[cat][0] && !report_group(run, (cg_category)cat, items))
            status = 1;
    for (guint i = 0; i < problems->len; i++)
        fprintf(stderr, "commguardctl: %s\n", (char *)g_ptr_array_index(problems, i));
    if (items)
        g_ptr_array_free(items, TRUE);
    g_ptr_array_free(problems, TRUE);
    return status;
}

int
ctl_report(int argc, char **argv)
{
    const char *config_path = NULL;
    report_run run = { .now = g_get_real_time() / G_USEC_PER_SEC };
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            config_path = argv[++i];
        else if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n") == 0)
            run.dry_run = TRUE;
        else {
            fputs("usage: commguardctl report [-c FILE] [--dry-run]\n", stderr);
            return EX_USAGE;
        }
    }
    cg_config *cfg = ctl_load_config(config_path);
    if (!cfg)
        return EX_CONFIG;
    g_mime_init();
    run.cfg = cfg;
    int status = run_report(&run);
    g_free(run.secret);
    cg_config_free(cfg);
    return status;
}
