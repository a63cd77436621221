/*
 * rules.h -- compiled PCRE2 patterns with JIT, limits and per-thread match data.
 *
 * Patterns are compiled once (per configuration) and are then read-only, so
 * any number of threads may match with them at once.  Match data and the JIT
 * stack are per thread.  Match and depth limits stop a pathological pattern
 * from running away; a match that hits a limit is treated as no match and
 * counted, so the scan stays bounded.
 */
#ifndef CG_RULES_H
#define CG_RULES_H

#include <glib.h>

typedef struct cg_regex cg_regex;

/* Flags for cg_regex_new (a subset of PCRE2's, kept independent of pcre2.h). */
enum {
    CG_RE_CASELESS = 1 << 0,
    CG_RE_UTF      = 1 << 1,   /* UTF-8 mode with Unicode properties; default is bytes */
    CG_RE_EXTENDED = 1 << 2,   /* whitespace and # comments in the pattern are ignored */
    CG_RE_MULTILINE = 1 << 3,
    CG_RE_ANCHORED = 1 << 4    /* matches only at the start offset given to cg_regex_find */
};

cg_regex *cg_regex_new(const char *pattern, unsigned flags, GError **error);
void cg_regex_free(cg_regex *re);

/*
 * Find the first match at or after start.  On success fills ovec with up to
 * nvec (start, end) pairs -- group 0 first, unset groups as (-1, -1) -- and
 * returns TRUE.  Returns FALSE on no match or when a limit was hit.
 */
gboolean cg_regex_find(const cg_regex *re, const char *subject, size_t len, size_t start,
                       gssize *ovec, unsigned nvec);

/* Matches abandoned on a limit by this thread, for the tests and the logs. */
unsigned long cg_regex_limit_hits(void);

#define CG_RULES_ERROR cg_rules_error_quark()
GQuark cg_rules_error_quark(void);

#endif
