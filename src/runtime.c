/*
 * runtime.c -- the reference-counted current configuration (see runtime.h).
 */
#include "runtime.h"

static GMutex current_lock;
static cg_runtime *current;

cg_runtime *
cg_runtime_load(const char *path, GError **error)
{
    cg_config *cfg = cg_config_load(path, error);
    if (!cfg)
        return NULL;
    cg_engine *engine = cg_engine_new(cfg, error);
    if (!engine) {
        cg_config_free(cfg);
        return NULL;
    }
    cg_runtime *rt = g_new0(cg_runtime, 1);
    rt->refs = 1;
    rt->cfg = cfg;
    rt->engine = engine;
    return rt;
}

cg_runtime *
cg_runtime_ref(cg_runtime *rt)
{
    g_atomic_int_inc(&rt->refs);
    return rt;
}

void
cg_runtime_unref(cg_runtime *rt)
{
    if (!rt || !g_atomic_int_dec_and_test(&rt->refs))
        return;
    cg_engine_free(rt->engine);
    cg_config_free(rt->cfg);
    g_free(rt);
}

cg_runtime *
cg_runtime_current(void)
{
    g_mutex_lock(&current_lock);
    cg_runtime *rt = current ? cg_runtime_ref(current) : NULL;
    g_mutex_unlock(&current_lock);
    return rt;
}

void
cg_runtime_install(cg_runtime *rt)
{
    g_mutex_lock(&current_lock);
    cg_runtime *old = current;
    current = rt;
    g_mutex_unlock(&current_lock);
    cg_runtime_unref(old);
}
