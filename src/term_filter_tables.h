/*
 * term_filter_tables.h -- the tables of a term filter (term_filter.h),
 * shared by the code that fills them (term_filter.c) and the code that
 * scans texts with them (term_filter_scan.c).  Private to those two.
 */
#ifndef CG_TERM_FILTER_TABLES_H
#define CG_TERM_FILTER_TABLES_H

#include "term_filter.h"
#include "pattern_prefix.h"
#include "symbol_trie.h"

#include <string.h>

#define MAX_EXPANSION 1024         /* byte strings one prefix may stand for */
#define STAGE1_MAX 3               /* bytes the first stage's tables are keyed by */
#define WHOLE_MAX_CELLS (1u << 19)  /* the second stage's trie: 6 MB at most */
#define WHOLE_EXPANSION 64         /* symbol strings one prefix may stand for there */
#define L2_SIZE 4096
#define L3_SIZE 16384
#define PAIR_BITS 65536            /* every two folded bytes, word start or not */
#define TRIPLE_BITS (1u << 20)
#define QUAD_LOG 22                /* the quad bitmap: 512 KB */
#define QUAD_BITS (1u << QUAD_LOG)

/* What the byte before a position is, as the tables are indexed. */
enum { AFTER_NON_WORD, AFTER_DIGIT, AFTER_LETTER, N_AFTER };

#define LATE_PAIR (1u << N_AFTER)  /* in raw_pair_kinds */

static inline int
byte_kind(guint8 b)
{
    if (g_ascii_isalpha(b))
        return AFTER_LETTER;
    return g_ascii_isdigit(b) || b == '_' ? AFTER_DIGIT : AFTER_NON_WORD;
}


/* ---- tables ---- */

/* Term bits for one key, by the kind of byte before the position. */
typedef struct { cg_term_bits after[N_AFTER]; } term_bits;

struct cg_term_filter {
    term_bits any_length;          /* prefixes of no bytes: every position */
    term_bits first[256];
    term_bits two[L2_SIZE];
    term_bits three[L3_SIZE];
    cg_term_bits raw_first[N_AFTER][256];  /* terms whose match may begin with this exact byte */
    /* Bit (kind, a, b): some prefix allowed after that kind of byte may begin
     * with folded a then b.  pair_final: that prefix is no longer, so the
     * third byte is not looked at. */
    guint8 pair[N_AFTER][PAIR_BITS / 8];
    guint8 pair_final[N_AFTER][PAIR_BITS / 8];
    guint8 triple[TRIPLE_BITS / 8];  /* hashed (a, b, c, kind) */
    /* The skip loop's one test: bit k of a pair of bytes as written (every
     * case) is set when some prefix allowed after kind k begins with them,
     * late ones included; bit LATE_PAIR when a late prefix does.  A byte
     * per pair, not a bit: the loop reads it with one load. */
    guint8 raw_pair_kinds[PAIR_BITS];
    guint8 kind_of[256];           /* byte_kind as a table: no branches in the skip loop */
    guint8 kind_bit[256];          /* 1 << byte_kind, to test against raw_pair_kinds */
    /* second stage: every prefix as a string of symbols, a root per kind of
     * byte before and capital first byte or not, each string's cell marked
     * with the terms having exactly that prefix */
    guint8 symbol[256];
    guint8 root_of[N_AFTER][256];  /* whole_root by kind of byte before and first byte */
    cg_symbol_trie whole;
    /* Bit quad_key(root, four symbols): a string in whole under that root
     * begins with them, or is shorter and they begin with it.  Most
     * positions the walk would reject fail it, for a lookup. */
    guint8 quad[QUAD_BITS / 8];
    guint8 *quad_short_done;       /* while adding: the strings shorter than four already in quad */
    cg_term_bits checked;          /* terms whose every prefix is in whole */
    cg_term_bits unchecked;        /* terms with a prefix that is not (a bit may stand for more) */
    /* look-back */
    gboolean lookback;
    cg_term_filter *late;          /* the late prefixes, keyed where they begin */
    cg_byteset lead[CG_TERM_BITS];  /* by term bit: what its leads are made of */
    guint8 lead_spaces[CG_TERM_BITS];
};

/* byte_kind of the byte before p, from the table: this runs for every
 * byte scanned. */
static inline int
after_kind(const cg_term_filter *f, const guint8 *t, size_t p)
{
    return p == 0 ? AFTER_NON_WORD : f->kind_of[t[p - 1]];
}

/* Inline, not g_ascii_tolower: this runs for every byte scanned. */
static inline guint8 fold(guint8 b) { return b >= 'A' && b <= 'Z' ? (guint8)(b + 32) : b; }
static inline guint hash2(guint8 a, guint8 b) { return ((guint)a * 131u + b) % L2_SIZE; }
static inline guint hash3(guint8 a, guint8 b, guint8 c)
{
    return (((guint)a * 131u + b) * 131u + c) % L3_SIZE;
}
/* In memory order, so that pair_at reads a key with one load. */
static inline guint pair_key(guint8 a, guint8 b) { return (guint)b << 8 | a; }
static inline guint pair_at(const guint8 *t)
{
    guint16 v;
    memcpy(&v, t, sizeof v);
    return GUINT16_FROM_LE(v);
}
static inline guint triple_key(guint8 a, guint8 b, guint8 c, int kind)
{
    guint32 k = ((guint32)a << 16 | (guint32)b << 8 | c) << 2 | (guint32)kind;
    return (k * 2654435761u) >> (32 - 20);
}
static inline guint quad_key(guint32 root, guint8 s0, guint8 s1, guint8 s2, guint8 s3)
{
    guint32 k = (((root * CG_TRIE_SYMBOLS + s0) * CG_TRIE_SYMBOLS + s1) * CG_TRIE_SYMBOLS + s2) *
                    CG_TRIE_SYMBOLS + s3;
    return (k * 2654435761u) >> (32 - QUAD_LOG);
}
static inline void bit_set(guint8 *bits, guint k) { bits[k >> 3] |= (guint8)(1u << (k & 7)); }
static inline gboolean bit_has(const guint8 *bits, guint k) { return (bits[k >> 3] >> (k & 7)) & 1; }

/* The second stage's root for a position: a case-sensitive [A-Z] then
 * passes no lower-case word. */
static inline guint32
whole_root(int kind, gboolean capital)
{
    return cg_symbol_trie_root((guint)(kind << 1 | capital));
}

#endif
