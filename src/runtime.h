/*
 * runtime.h -- a loaded configuration with its compiled engine, shared by
 * reference count.
 *
 * The daemon keeps one current runtime.  A message takes a reference when it
 * starts and drops it when it ends, so a reload (which installs a new runtime)
 * never changes the rules under a message in flight; the old runtime is freed
 * when its last message is done.
 */
#ifndef CG_RUNTIME_H
#define CG_RUNTIME_H

#include "config.h"
#include "engine.h"

typedef struct {
    gint refs;
    cg_config *cfg;
    cg_engine *engine;
} cg_runtime;

/* Load and validate path and compile its engine; NULL with error on failure. */
cg_runtime *cg_runtime_load(const char *path, GError **error);
cg_runtime *cg_runtime_ref(cg_runtime *rt);
void cg_runtime_unref(cg_runtime *rt);

/* The current runtime, with a new reference for the caller; NULL before the
 * first install. */
cg_runtime *cg_runtime_current(void);
/* Make rt current (taking over the caller's reference); the previous one is
 * released. */
void cg_runtime_install(cg_runtime *rt);

#endif
