/*
 * quarantine.c -- the quarantine store's items: atomic writes, loading and
 * state changes under an flock (see quarantine.h).
 */
#include "quarantine.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "json.h"

G_DEFINE_QUARK(cg-quarantine-error-quark, cg_quarantine_error)

static const char *const state_names[] = { "held", "released", "deleted", "expired" };

const char *
cg_qstate_name(cg_qstate state)
{
    return state_names[state];
}

gboolean
cg_qstate_from_name(const char *name, cg_qstate *out)
{
    for (int i = 0; i < (int)G_N_ELEMENTS(state_names); i++)
        if (strcmp(name, state_names[i]) == 0) {
            *out = (cg_qstate)i;
            return TRUE;
        }
    return FALSE;
}

static gboolean
fail(GError **error, const char *what, const char *path)
{
    int saved = errno;
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved), "%s %s: %s", what, path,
                g_strerror(saved));
    return FALSE;
}

static gboolean
sync_dir(const char *path, GError **error)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0 || fsync(fd) < 0) {
        fail(error, "cannot sync", path);
        if (fd >= 0)
            close(fd);
        return FALSE;
    }
    close(fd);
    return TRUE;
}

/* Create path (0600, must not exist) with the rest of source, or data. */
static gboolean
write_file(const char *path, GMimeStream *source, const char *data, GError **error)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(error, "cannot create", path);
    gboolean ok;
    if (source) {
        GMimeStream *out = g_mime_stream_fs_new(fd);
        g_mime_stream_fs_set_owner(GMIME_STREAM_FS(out), FALSE);
        /* no g_mime_stream_flush: an fs stream does not buffer, and its
         * flush is an fsync, which follows */
        ok = g_mime_stream_write_to_stream(source, out) >= 0;
        g_object_unref(out);
    } else {
        size_t len = strlen(data);
        ok = write(fd, data, len) == (ssize_t)len;
    }
    if (!ok || fsync(fd) < 0) {
        fail(error, "cannot write", path);
        close(fd);
        return FALSE;
    }
    if (close(fd) < 0)
        return fail(error, "cannot write", path);
    return TRUE;
}

/* A file-name-safe ID: time, the MTA's queue ID, and randomness. */
static char *
new_id(const char *queue_id)
{
    GDateTime *now = g_date_time_new_now_utc();
    char *stamp = g_date_time_format(now, "%Y%m%dT%H%M%S");
    GString *id = g_string_new(stamp);
    g_string_append_c(id, '-');
    for (const char *p = queue_id ? queue_id : ""; *p; p++)
        if (g_ascii_isalnum(*p))
            g_string_append_c(id, *p);
    /* from the kernel: GLib's generator is copied into forked processes */
    guint32 random;
    if (getentropy(&random, sizeof random) < 0)
        random = g_random_int() ^ (guint32)getpid();
    g_string_append_printf(id, "-%08x", random);
    g_free(stamp);
    g_date_time_unref(now);
    return g_string_free(id, FALSE);
}

char *
cg_quarantine_store(const char *dir, const char *queue_id, GMimeStream *message,
                    const char *meta_json, GError **error)
{
    if (g_mkdir_with_parents(dir, 0700) < 0) {
        fail(error, "cannot create", dir);
        return NULL;
    }
    char *id = new_id(queue_id);
    char *tmp_name = g_strconcat(".tmp-", id, NULL);
    char *tmp = g_build_filename(dir, tmp_name, NULL);
    char *final = g_build_filename(dir, id, NULL);
    char *msg_path = g_build_filename(tmp, "message.eml", NULL);
    char *meta_path = g_build_filename(tmp, "meta.json", NULL);
    gboolean ok = FALSE;

    if (g_mkdir(tmp, 0700) < 0) {
        fail(error, "cannot create", tmp);
    } else {
        ok = write_file(msg_path, message, NULL, error) &&
             write_file(meta_path, NULL, meta_json, error) &&
             sync_dir(tmp, error);
        if (ok && rename(tmp, final) < 0)
            ok = fail(error, "cannot rename to", final);
        ok = ok && sync_dir(dir, error);
        if (!ok) {
            g_unlink(msg_path);
            g_unlink(meta_path);
            g_rmdir(tmp);
        }
    }
    g_free(meta_path);
    g_free(msg_path);
    g_free(final);
    g_free(tmp);
    g_free(tmp_name);
    if (!ok) {
        g_free(id);
        return NULL;
    }
    return id;
}

gboolean
cg_quarantine_id_valid(const char *id)
{
    if (!id || !g_ascii_isalnum(id[0]) || strlen(id) > 200)
        return FALSE;
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return FALSE;
    return TRUE;
}

char *
cg_quarantine_message_path(const char *dir, const char *id)
{
    return g_build_filename(dir, id, "message.eml", NULL);
}

static gboolean
read_json(const char *path, gboolean optional, cg_jv **out, GError **error)
{
    char *text;
    gsize len;
    GError *local = NULL;
    *out = NULL;
    if (!g_file_get_contents(path, &text, &len, &local)) {
        gboolean missing = g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        if (missing && optional) {
            g_error_free(local);
            return TRUE;
        }
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_CORRUPT, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    *out = cg_jv_parse(text, len, &local);
    g_free(text);
    if (!*out || (*out)->type != CG_JV_OBJECT) {
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_CORRUPT, "%s: %s", path,
                    local ? local->message : "not a JSON object");
        g_clear_error(&local);
        cg_jv_free(*out);
        *out = NULL;
        return FALSE;
    }
    return TRUE;
}

cg_jv *
cg_quarantine_read_meta(const char *dir, const char *id, GError **error)
{
    if (!cg_quarantine_id_valid(id)) {
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_FOUND, "no item \"%s\"", id);
        return NULL;
    }
    char *item = g_build_filename(dir, id, NULL);
    char *path = g_build_filename(item, "meta.json", NULL);
    cg_jv *meta = NULL;
    if (!g_file_test(item, G_FILE_TEST_IS_DIR))
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_FOUND, "no item \"%s\"", id);
    else
        read_json(path, FALSE, &meta, error);
    g_free(path);
    g_free(item);
    return meta;
}

/* The categories in violation and their best score, from meta.json's
 * "categories" object. */
static void
read_verdict(const cg_jv *meta, cg_qitem *item)
{
    const cg_jv *cats = cg_jv_member(meta, "categories");
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; cats && cats->type == CG_JV_OBJECT && i < cats->items->len; i++) {
        const cg_jv *cat = g_ptr_array_index(cats->items, i);
        const cg_jv *violation = cg_jv_member(cat, "violation");
        if (violation && violation->type == CG_JV_BOOL && violation->boolean) {
            g_ptr_array_add(names, g_strdup(g_ptr_array_index(cats->keys, i)));
            item->score = MAX(item->score, cg_jv_get_number(cat, "score", 0));
        }
    }
    g_ptr_array_add(names, NULL);
    item->categories = (char **)g_ptr_array_free(names, FALSE);
}

cg_qitem *
cg_qitem_load(const char *dir, const char *id, GError **error)
{
    cg_jv *meta = cg_quarantine_read_meta(dir, id, error), *state = NULL;
    if (!meta)
        return NULL;
    char *state_path = g_build_filename(dir, id, "state.json", NULL);
    gboolean ok = read_json(state_path, TRUE, &state, error);
    g_free(state_path);
    cg_qitem *item = NULL;
    if (ok && (!state || cg_qstate_from_name(cg_jv_get_string(state, "state", ""), &(cg_qstate){0}))) {
        item = g_new0(cg_qitem, 1);
        item->id = g_strdup(id);
        item->received = (gint64)cg_jv_get_number(meta, "received", 0);
        item->queue_id = g_strdup(cg_jv_get_string(meta, "queue_id", ""));
        item->sender = g_strdup(cg_jv_get_string(meta, "sender", ""));
        item->subject = g_strdup(cg_jv_get_string(meta, "subject", ""));
        item->flow = g_strdup(cg_jv_get_string(meta, "flow", ""));
        item->recipients = cg_jv_get_strings(meta, "recipients");
        read_verdict(meta, item);
        item->state = CG_QSTATE_HELD;
        if (state)
            cg_qstate_from_name(cg_jv_get_string(state, "state", ""), &item->state);
        item->actor = g_strdup(state ? cg_jv_get_string(state, "by", "") : "");
        item->acted_at = state ? (gint64)cg_jv_get_number(state, "at", 0) : 0;
    } else if (ok) {
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_CORRUPT, "%s: unknown state", id);
    }
    cg_jv_free(state);
    cg_jv_free(meta);
    return item;
}

void
cg_qitem_free(cg_qitem *item)
{
    if (!item)
        return;
    g_free(item->id);
    g_free(item->queue_id);
    g_free(item->sender);
    g_free(item->subject);
    g_free(item->flow);
    g_strfreev(item->recipients);
    g_strfreev(item->categories);
    g_free(item->actor);
    g_free(item);
}

/* An exclusive flock on the item's folder; returns the descriptor or -1. */
static int
lock_item(const char *dir, const char *id, GError **error)
{
    if (!cg_quarantine_id_valid(id)) {
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_FOUND, "no item \"%s\"", id);
        return -1;
    }
    char *item = g_build_filename(dir, id, NULL);
    int fd = open(item, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_FOUND, "no item \"%s\"", id);
    else if (fd < 0 || flock(fd, LOCK_EX) < 0) {
        fail(error, "cannot lock", item);
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    g_free(item);
    return fd;
}

static gboolean
write_state(const char *dir, const char *id, cg_qstate state, const char *actor, GError **error)
{
    GString *json = g_string_new(NULL);
    cg_json j;
    cg_json_init(&j, json, FALSE);
    cg_json_begin_object(&j);
    cg_json_key(&j, "state");
    cg_json_string(&j, cg_qstate_name(state));
    cg_json_key(&j, "by");
    cg_json_string(&j, actor);
    cg_json_key(&j, "at");
    cg_json_int(&j, g_get_real_time() / G_USEC_PER_SEC);
    cg_json_end_object(&j);
    g_string_append_c(json, '\n');

    char *item = g_build_filename(dir, id, NULL);
    char *tmp = g_build_filename(item, ".state.json.tmp", NULL);
    char *final = g_build_filename(item, "state.json", NULL);
    g_unlink(tmp);    /* left by a crash; we hold the item's lock */
    gboolean ok = write_file(tmp, NULL, json->str, error);
    if (ok && rename(tmp, final) < 0)
        ok = fail(error, "cannot rename to", final);
    ok = ok && sync_dir(item, error);
    if (!ok)
        g_unlink(tmp);
    g_free(final);
    g_free(tmp);
    g_free(item);
    g_string_free(json, TRUE);
    return ok;
}

gboolean
cg_quarantine_transition(const char *dir, const char *id, cg_qstate state, const char *actor,
                         cg_qbefore_fn before, gpointer data, GError **error)
{
    int fd = lock_item(dir, id, error);
    if (fd < 0)
        return FALSE;
    cg_qitem *item = cg_qitem_load(dir, id, error);
    char *message = cg_quarantine_message_path(dir, id);
    gboolean ok = item != NULL;
    if (ok && item->state != CG_QSTATE_HELD) {
        g_set_error(error, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_HELD, "%s was %s by %s", id,
                    cg_qstate_name(item->state), *item->actor ? item->actor : "someone");
        ok = FALSE;
    }
    ok = ok && (!before || before(item, message, data, error)) && write_state(dir, id, state, actor, error);
    if (ok && (state == CG_QSTATE_DELETED || state == CG_QSTATE_EXPIRED) && g_unlink(message) < 0 &&
        errno != ENOENT)
        ok = fail(error, "cannot remove", message);
    g_free(message);
    cg_qitem_free(item);
    close(fd);    /* releases the lock */
    return ok;
}

gboolean
cg_quarantine_remove(const char *dir, const char *id, GError **error)
{
    int fd = lock_item(dir, id, error);
    if (fd < 0)
        return FALSE;
    /* renamed first, so listers never see a half-removed item */
    char *item = g_build_filename(dir, id, NULL);
    char *trash_name = g_strconcat(".trash-", id, NULL);
    char *trash = g_build_filename(dir, trash_name, NULL);
    gboolean ok = rename(item, trash) == 0 || fail(error, "cannot rename", item);
    close(fd);
    GDir *d = ok ? g_dir_open(trash, 0, NULL) : NULL;
    for (const char *name; d && (name = g_dir_read_name(d));) {
        char *path = g_build_filename(trash, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
    if (ok && g_rmdir(trash) < 0)
        ok = fail(error, "cannot remove", trash);
    g_free(trash);
    g_free(trash_name);
    g_free(item);
    return ok;
}
