/*
 * quarantine_index.c -- listing the quarantine through DIR/.index.
 *
 * The index holds one tab-separated line per item: its summary and a stamp
 * of its state.json (modification time and size, 0 while there is none).
 * A listing reads the directory and stats each item's state.json; only items
 * that are new, or whose stamp changed, are read again, and the message files
 * never are.  The stat comes before the read, so a state written meanwhile
 * leaves an old stamp and is read again next time.  Items are written only by
 * atomic renames, so the index is merely a cache: it is rewritten (temporary
 * file, rename, under an flock on DIR/.index.lock) whenever it was stale, and
 * a damaged index is rebuilt from the items.
 */
#include "quarantine.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define INDEX_MAGIC "commguard-quarantine-index 1"
enum { F_ID, F_STAMP, F_RECEIVED, F_STATE, F_ACTED_AT, F_ACTOR, F_SCORE, F_CATEGORIES, F_FLOW,
       F_QUEUE_ID, F_SENDER, F_RECIPIENTS, F_SUBJECT, N_FIELDS };

typedef struct {
    cg_qitem *item;
    char *stamp;
} entry;

static void
entry_free(entry *e)
{
    cg_qitem_free(e->item);
    g_free(e->stamp);
    g_free(e);
}

/* Tabs and line breaks would split the line; the index never needs them. */
static void
append_field(GString *line, const char *value)
{
    g_string_append_c(line, '\t');
    for (const char *p = value ? value : ""; *p; p++)
        g_string_append_c(line, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
append_entry(GString *out, const entry *e)
{
    const cg_qitem *it = e->item;
    char *cats = g_strjoinv(",", it->categories), *rcpts = g_strjoinv(",", it->recipients);
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, it->id);
    append_field(out, e->stamp);
    g_string_append_printf(out, "\t%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT, it->received,
                           cg_qstate_name(it->state), it->acted_at);
    append_field(out, it->actor);
    append_field(out, g_ascii_dtostr(num, sizeof num, it->score));
    append_field(out, cats);
    append_field(out, it->flow);
    append_field(out, it->queue_id);
    append_field(out, it->sender);
    append_field(out, rcpts);
    append_field(out, it->subject);
    g_string_append_c(out, '\n');
    g_free(rcpts);
    g_free(cats);
}

static char **
split_list(const char *s)
{
    return *s ? g_strsplit(s, ",", -1) : g_new0(char *, 1);
}

static entry *
parse_entry(const char *line)
{
    char **f = g_strsplit(line, "\t", N_FIELDS);
    entry *e = NULL;
    cg_qstate state;
    if (g_strv_length(f) == N_FIELDS && cg_quarantine_id_valid(f[F_ID]) &&
        cg_qstate_from_name(f[F_STATE], &state)) {
        cg_qitem *it = g_new0(cg_qitem, 1);
        it->id = g_strdup(f[F_ID]);
        it->received = g_ascii_strtoll(f[F_RECEIVED], NULL, 10);
        it->state = state;
        it->acted_at = g_ascii_strtoll(f[F_ACTED_AT], NULL, 10);
        it->actor = g_strdup(f[F_ACTOR]);
        it->score = g_ascii_strtod(f[F_SCORE], NULL);
        it->categories = split_list(f[F_CATEGORIES]);
        it->flow = g_strdup(f[F_FLOW]);
        it->queue_id = g_strdup(f[F_QUEUE_ID]);
        it->sender = g_strdup(f[F_SENDER]);
        it->recipients = split_list(f[F_RECIPIENTS]);
        it->subject = g_strdup(f[F_SUBJECT]);
        e = g_new0(entry, 1);
        e->item = it;
        e->stamp = g_strdup(f[F_STAMP]);
    }
    g_strfreev(f);
    return e;
}

/* id -> entry from the index file; empty when it is missing or damaged. */
static GHashTable *
read_index(const char *path)
{
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)entry_free);
    char *text;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return index;
    char **lines = g_strsplit(text, "\n", -1);
    if (lines[0] && strcmp(lines[0], INDEX_MAGIC) == 0)
        for (size_t i = 1; lines[i]; i++) {
            entry *e = *lines[i] ? parse_entry(lines[i]) : NULL;
            if (e)
                g_hash_table_replace(index, e->item->id, e);
        }
    g_strfreev(lines);
    g_free(text);
    return index;
}

static char *
state_stamp(const char *dir, const char *id)
{
    char *path = g_build_filename(dir, id, "state.json", NULL);
    struct stat st;
    char *stamp = stat(path, &st) < 0 ? g_strdup("0")
                  : g_strdup_printf("%lld.%09ld:%lld", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                    (long long)st.st_size);
    g_free(path);
    return stamp;
}

static gboolean
write_index(const char *path, GPtrArray *entries, GError **error)
{
    GString *out = g_string_new(INDEX_MAGIC "\n");
    for (guint i = 0; i < entries->len; i++)
        append_entry(out, g_ptr_array_index(entries, i));
    /* CONSISTENT: a temporary file, fsynced and renamed over the old index */
    gboolean ok = g_file_set_contents_full(path, out->str, (gssize)out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                           0600, error);
    g_string_free(out, TRUE);
    return ok;
}

static gint
by_received(gconstpointer a, gconstpointer b)
{
    const cg_qitem *x = (*(const entry *const *)a)->item, *y = (*(const entry *const *)b)->item;
    if (x->received != y->received)
        return x->received < y->received ? -1 : 1;
    return strcmp(x->id, y->id);
}

GPtrArray *
cg_quarantine_list(const char *dir, GPtrArray *problems, GError **error)
{
    GDir *d = g_dir_open(dir, 0, error);
    if (!d)
        return NULL;
    char *index_path = g_build_filename(dir, ".index", NULL);
    char *lock_path = g_build_filename(dir, ".index.lock", NULL);
    int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock >= 0)
        flock(lock, LOCK_EX);    /* without it (a read-only store) the index is only not updated */
    GHashTable *index = read_index(index_path);
    GPtrArray *entries = g_ptr_array_new();
    gboolean stale = FALSE;

    for (const char *id; (id = g_dir_read_name(d));) {
        if (!cg_quarantine_id_valid(id))
            continue;    /* .index, .tmp-*, .trash-* */
        char *stamp = state_stamp(dir, id);
        entry *e = g_hash_table_lookup(index, id);
        if (e && strcmp(e->stamp, stamp) == 0) {
            g_hash_table_steal(index, id);
            g_ptr_array_add(entries, e);
            g_free(stamp);
            continue;
        }
        stale = TRUE;
        GError *err = NULL;
        cg_qitem *item = cg_qitem_load(dir, id, &err);
        if (!item) {
            if (problems)
                g_ptr_array_add(problems, g_strdup_printf("%s: %s", id, err->message));
            g_error_free(err);
            g_free(stamp);
            continue;
        }
        e = g_new0(entry, 1);
        e->item = item;
        e->stamp = stamp;
        g_ptr_array_add(entries, e);
    }
    g_dir_close(d);
    stale = stale || g_hash_table_size(index) > 0;    /* removed items */
    g_ptr_array_sort(entries, by_received);
    GError *write_err = NULL;
    if (stale && lock >= 0 && !write_index(index_path, entries, &write_err)) {
        if (problems)
            g_ptr_array_add(problems, g_strdup_printf("index not updated: %s", write_err->message));
        g_error_free(write_err);
    }
    if (lock >= 0)
        close(lock);

    GPtrArray *items = g_ptr_array_new_with_free_func((GDestroyNotify)cg_qitem_free);
    for (guint i = 0; i < entries->len; i++) {
        entry *e = g_ptr_array_index(entries, i);
        g_ptr_array_add(items, e->item);
        g_free(e->stamp);
        g_free(e);
    }
    g_ptr_array_free(entries, TRUE);
    g_hash_table_destroy(index);
    g_free(lock_path);
    g_free(index_path);
    return items;
}

void
cg_quarantine_expire(const char *dir, gint64 retention, gint64 now, guint *expired, guint *removed,
                     GPtrArray *problems)
{
    *expired = *removed = 0;
    GError *err = NULL;
    GPtrArray *items = cg_quarantine_list(dir, problems, &err);
    if (!items) {
        g_ptr_array_add(problems, g_strdup(err->message));
        g_error_free(err);
        return;
    }
    for (guint i = 0; i < items->len; i++) {
        const cg_qitem *it = g_ptr_array_index(items, i);
        gboolean ok = TRUE;
        if (it->state == CG_QSTATE_HELD && it->received < now - retention) {
            ok = cg_quarantine_transition(dir, it->id, CG_QSTATE_EXPIRED, "expire", NULL, NULL, &err);
            *expired += ok;
        } else if (it->state != CG_QSTATE_HELD && it->acted_at < now - retention) {
            ok = cg_quarantine_remove(dir, it->id, &err);
            *removed += ok;
        }
        /* a reviewer who acted between the listing and now is not an error */
        if (!ok && !g_error_matches(err, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_HELD))
            g_ptr_array_add(problems, g_strdup_printf("%s: %s", it->id, err->message));
        g_clear_error(&err);
    }
    g_ptr_array_free(items, TRUE);
}
