/*
 * mailout.c -- run the MTA's sendmail command (see mailout.h).
 */
#include "mailout.h"

#include <gio/gio.h>

gboolean
cg_mail_send(const char *command, const char *sender, const char *const *recipients, const char *path,
             GBytes *data, GError **error)
{
    char **base = NULL;
    if (!recipients || !recipients[0]) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no recipients");
        return FALSE;
    }
    if (!g_shell_parse_argv(command, NULL, &base, error))
        return FALSE;
    GPtrArray *argv = g_ptr_array_new();
    for (char **a = base; *a; a++)
        g_ptr_array_add(argv, *a);
    g_ptr_array_add(argv, "-i");
    g_ptr_array_add(argv, "-f");
    g_ptr_array_add(argv, (char *)sender);
    g_ptr_array_add(argv, "--");
    for (const char *const *r = recipients; *r; r++)
        g_ptr_array_add(argv, (char *)*r);
    g_ptr_array_add(argv, NULL);

    GSubprocessLauncher *launcher = g_subprocess_launcher_new(
        (path ? G_SUBPROCESS_FLAGS_NONE : G_SUBPROCESS_FLAGS_STDIN_PIPE) | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    if (path)
        g_subprocess_launcher_set_stdin_file_path(launcher, path);
    GSubprocess *proc = g_subprocess_launcher_spawnv(launcher, (const char *const *)argv->pdata, error);
    GBytes *err_out = NULL;
    gboolean ok = proc && g_subprocess_communicate(proc, data, NULL, NULL, &err_out, error);
    if (ok && !g_subprocess_get_if_exited(proc))
        ok = FALSE, g_set_error(error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s was killed", base[0]);
    else if (ok && g_subprocess_get_exit_status(proc) != 0) {
        gsize len = 0;
        const char *text = err_out ? g_bytes_get_data(err_out, &len) : NULL;
        g_set_error(error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s exited with status %d: %.*s", base[0],
                    g_subprocess_get_exit_status(proc), (int)MIN(len, 500), text ? text : "");
        ok = FALSE;
    }
    if (err_out)
        g_bytes_unref(err_out);
    g_clear_object(&proc);
    g_object_unref(launcher);
    g_ptr_array_free(argv, TRUE);
    g_strfreev(base);
    return ok;
}

gboolean
cg_mail_release(const cg_qitem *item, const char *message_path, gpointer cfg, GError **error)
{
    const cg_config *config = cfg;
    return cg_mail_send(config->release_command, item->sender, (const char *const *)item->recipients,
                        message_path, NULL, error);
}
