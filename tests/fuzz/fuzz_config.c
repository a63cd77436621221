/*
 * fuzz_config.c -- fuzz target: bytes as a configuration file.
 *
 * The input is written to a temporary file and loaded the way the daemon
 * loads /etc/commguard.conf.  A configuration that loads must also build an
 * engine (its custom rules compile) and scan a small message with it.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "fuzz.h"
#include "message.h"

static const char sample[] =
    "From: a@b.example\nTo: c@d.example\nSubject: call me\n\n"
    "Write to me at someone at example dot com or +1 555 0100.\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *path;          /* one file for the whole run */
    static cg_message *msg;
    if (!path) {
        cg_message_init();
        int fd = g_file_open_tmp("fuzz-config-XXXXXX.conf", &path, NULL);
        g_assert(fd >= 0);
        close(fd);
        cg_config *defaults = cg_config_new_default();
        msg = cg_message_parse_bytes(sample, strlen(sample), &defaults->limits, NULL);
        g_assert(msg);
        cg_config_free(defaults);
    }
    g_assert(g_file_set_contents(path, (const char *)data, (gssize)size, NULL));
    GError *error = NULL;
    cg_config *cfg = cg_config_load(path, &error);
    if (!cfg) {
        g_assert(error && error->message);
        g_error_free(error);
        return 0;
    }
    cg_engine *engine = cg_engine_new(cfg, &error);
    if (engine) {
        cg_result_free(cg_engine_scan(engine, msg));
        cg_engine_free(engine);
    } else {
        g_assert(error && error->message);
        g_error_free(error);
    }
    cg_config_free(cfg);
    return 0;
}
