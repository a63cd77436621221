/*
 * engine.h -- the detection pipeline: message -> normalised views -> detectors -> result.
 *
 * An engine is compiled once from a configuration and is then read-only:
 * the milter's threads and commguardctl share one.  What `commguardctl scan`
 * reports is exactly what the milter decides from.
 */
#ifndef CG_ENGINE_H
#define CG_ENGINE_H

#include "config.h"
#include "result.h"

typedef struct cg_engine cg_engine;

cg_engine *cg_engine_new(const cg_config *cfg, GError **error);
void cg_engine_free(cg_engine *engine);
cg_result *cg_engine_scan(const cg_engine *engine, const cg_message *msg);

/* Run only the detectors of the categories in mask (bit 1 << cg_category):
 * the milter skips the detectors whose verdict its policy would not use. */
#define CG_ALL_CATEGORIES ((1u << CG_CAT_COUNT) - 1)
cg_result *cg_engine_scan_only(const cg_engine *engine, const cg_message *msg, unsigned mask);

#endif
