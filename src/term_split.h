/*
 * term_split.h -- a term's alternation split by the byte a match begins with.
 *
 * Most terms are one long alternation between zero-width assertions,
 * (?<![\w])(?:alt1|...|altN)(?![\w]).  Run anchored at a candidate, PCRE2
 * tries the alternatives one after the other, though only the few that can
 * begin with the byte found there could match.  A split holds, for each
 * ASCII byte, the same pattern made of only the alternatives that can begin
 * with it, in their original order, so that the first alternative to match
 * (and so every hit) stays the same.  Identical sub-patterns are compiled
 * once, in a pool shared by all the splits of a term set.
 */
#ifndef CG_TERM_SPLIT_H
#define CG_TERM_SPLIT_H

#include "rules.h"

/* Anchored regexes compiled once per distinct pattern and flags. */
typedef struct cg_regex_pool cg_regex_pool;

cg_regex_pool *cg_regex_pool_new(void);
void cg_regex_pool_free(cg_regex_pool *pool);

typedef struct {
    /* NULL where no alternative can begin with the byte; bytes >= 0x80
     * and patterns that cannot be split have the whole pattern. */
    const cg_regex *by_byte[256];
    const cg_regex *whole;         /* at the text's end, for an empty match */
} cg_term_split;

/* The split of pattern (compiled with flags | CG_RE_ANCHORED) into s, its
 * regexes owned by pool; FALSE with error when a pattern does not compile. */
gboolean cg_term_split_init(cg_term_split *s, cg_regex_pool *pool, const char *pattern,
                            unsigned flags, GError **error);

/* The regex to run anchored at pos of text; NULL when none can match there. */
static inline const cg_regex *
cg_term_split_at(const cg_term_split *s, const char *text, size_t len, size_t pos)
{
    return pos < len ? s->by_byte[(guint8)text[pos]] : s->whole;
}

#endif
