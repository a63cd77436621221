/*
 * pattern_parse.h -- a PCRE2 pattern (byte mode) read into a small tree.
 *
 * Only what pattern_prefix.c needs to list the bytes a match can begin with:
 * byte sets, concatenation, alternation, bounded or open repeats, and the
 * zero-width items (\b, one-byte lookaheads, lookbehinds as what they prove
 * of the byte before).  Anything else (a back-reference, \x, \p, a POSIX
 * class...) makes the parse fail.
 */
#ifndef CG_PATTERN_PARSE_H
#define CG_PATTERN_PARSE_H

#include <glib.h>

typedef struct { guint8 bits[32]; } cg_byteset;

static inline gboolean
cg_byteset_has(const cg_byteset *s, guint8 b)
{
    return (s->bits[b >> 3] >> (b & 7)) & 1;
}

/* What may come before a match, weakest first. */
typedef enum {
    CG_START_ANYWHERE,
    CG_START_NOT_AFTER_LETTER,     /* the byte before is no ASCII letter */
    CG_START_WORD,                 /* the byte before is no word byte */
} cg_prefix_start;

static inline gboolean cg_is_word_byte(guint8 b) { return g_ascii_isalnum(b) || b == '_'; }
static inline gboolean cg_is_ascii_letter(guint8 b) { return g_ascii_isalpha(b); }

/* TRUE when set holds every byte for which member() is TRUE. */
gboolean cg_byteset_covers(const cg_byteset *set, gboolean (*member)(guint8));

typedef enum {
    CG_NODE_SET,               /* one byte of a set */
    CG_NODE_CAT,
    CG_NODE_ALT,
    CG_NODE_REP,
    CG_NODE_START,             /* a lookbehind */
    CG_NODE_BOUNDARY,          /* \b */
    CG_NODE_AHEAD,             /* a one-byte lookahead */
    CG_NODE_EMPTY,             /* anything else of zero width */
} cg_pattern_node_kind;

typedef struct cg_pattern_node {
    cg_pattern_node_kind kind;
    cg_byteset set;            /* CG_NODE_SET; CG_NODE_AHEAD: the bytes the next byte may be */
    GPtrArray *kids;           /* CG_NODE_CAT, CG_NODE_ALT; CG_NODE_REP has one */
    int min, max;              /* CG_NODE_REP; max -1 for unbounded */
    cg_prefix_start start;     /* CG_NODE_START: what a lookbehind proves of the byte before */
} cg_pattern_node;

/* A parsed pattern; every node is owned by nodes. */
typedef struct {
    cg_pattern_node *root;
    GPtrArray *nodes;
} cg_pattern_tree;

/* Reads pattern (caseless: letters stand for both cases) into tree, which
 * must be freed with cg_pattern_tree_clear() either way.  FALSE when the
 * pattern is beyond the parser or too large. */
gboolean cg_pattern_parse(const char *pattern, gboolean caseless, cg_pattern_tree *tree);
void cg_pattern_tree_clear(cg_pattern_tree *tree);

#endif
