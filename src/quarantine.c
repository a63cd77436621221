/*
 * quarantine.c -- atomic writes into the quarantine store (see quarantine.h).
 */
#include "quarantine.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

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
        ok = g_mime_stream_write_to_stream(source, out) >= 0 && g_mime_stream_flush(out) == 0;
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
    g_string_append_printf(id, "-%08x", g_random_int());
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
