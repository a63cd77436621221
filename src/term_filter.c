/*
 * term_filter.c -- where in a text each term of a term set could start (see
 * term_filter.h).
 *
 * The prefixes of each term's pattern (pattern_prefix.c) go into hashed
 * tables of term bits keyed by the first one, two and three bytes, folded to
 * lower case; a hash collision only adds a candidate.  Collisions in those
 * small tables passed about three times as many positions as real prefixes
 * do, so a position must also pass two bitmaps of the prefixes of all terms
 * together: an exact one of the first two bytes, and a larger hashed one of
 * the first three.
 */
#include "term_filter.h"
#include "pattern_prefix.h"

#define MAX_EXPANSION 1024         /* byte strings one prefix may stand for */
#define L2_SIZE 4096
#define L3_SIZE 16384
#define PAIR_BITS 65536            /* every two folded bytes, word start or not */
#define TRIPLE_BITS (1u << 20)

static void set_add(cg_byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }

static gboolean
is_word_byte(guint8 b)
{
    return g_ascii_isalnum(b) || b == '_';
}

/* ---- tables ---- */

/* Term bits for one key: the low half for prefixes that need a word start,
 * the high half for prefixes that may begin anywhere. */
typedef guint64 term_bits;

struct cg_term_filter {
    term_bits any_length;          /* prefixes of no bytes: every position */
    term_bits first[256];
    term_bits two[L2_SIZE];
    term_bits three[L3_SIZE];
    guint32 raw_first[256];        /* terms whose match may begin with this exact byte */
    guint32 raw_first_anywhere[256];
    /* Bit (a, b, anywhere): some prefix may begin with folded a then b, at a
     * word start (anywhere = 0) or anywhere (1).  pair_final: that prefix is
     * no longer, so the third byte is not looked at. */
    guint8 pair[2][PAIR_BITS / 8];
    guint8 pair_final[2][PAIR_BITS / 8];
    guint8 triple[TRIPLE_BITS / 8];  /* hashed (a, b, c, anywhere) */
};

/* Inline, not g_ascii_tolower: this runs for every byte scanned. */
static inline guint8 fold(guint8 b) { return b >= 'A' && b <= 'Z' ? (guint8)(b + 32) : b; }
static inline guint hash2(guint8 a, guint8 b) { return ((guint)a * 131u + b) % L2_SIZE; }
static inline guint hash3(guint8 a, guint8 b, guint8 c)
{
    return (((guint)a * 131u + b) * 131u + c) % L3_SIZE;
}
static inline guint pair_key(guint8 a, guint8 b) { return (guint)a << 8 | b; }
static inline guint triple_key(guint8 a, guint8 b, guint8 c, gboolean anywhere)
{
    guint32 k = ((guint32)a << 16 | (guint32)b << 8 | c) << 1 | (anywhere ? 1u : 0u);
    return (k * 2654435761u) >> (32 - 20);
}
static inline void bit_set(guint8 *bits, guint k) { bits[k >> 3] |= (guint8)(1u << (k & 7)); }
static inline gboolean bit_has(const guint8 *bits, guint k) { return (bits[k >> 3] >> (k & 7)) & 1; }

/* Marks every pair beginning with a as a whole prefix (one-byte prefixes). */
static void
set_pairs_from(cg_term_filter *f, guint8 a, int anywhere)
{
    for (int b = 0; b < 256; b++) {
        bit_set(f->pair[anywhere], pair_key(a, (guint8)b));
        bit_set(f->pair_final[anywhere], pair_key(a, (guint8)b));
    }
}

cg_term_filter *
cg_term_filter_new(void)
{
    return g_new0(cg_term_filter, 1);
}

void
cg_term_filter_free(cg_term_filter *f)
{
    g_free(f);
}

/* The folded bytes of a set, in order; returns how many. */
static int
folded_members(const cg_byteset *s, guint8 out[256])
{
    cg_byteset seen = { { 0 } };
    int n = 0;
    for (int b = 0; b < 256; b++) {
        guint8 fb = fold((guint8)b);
        if (cg_byteset_has(s, (guint8)b) && !cg_byteset_has(&seen, fb)) {
            set_add(&seen, fb);
            out[n++] = fb;
        }
    }
    return n;
}

/* TRUE when the prefix's first two bytes already stand for too many strings
 * to be kept past the first. */
static gboolean
expansion_too_big(const cg_prefix *pf)
{
    guint8 m[256];
    return pf->len >= 2 && (long)folded_members(&pf->set[0], m) * folded_members(&pf->set[1], m) >
                               MAX_EXPANSION;
}

static void
insert_prefix(cg_term_filter *f, const cg_prefix *pf, guint index)
{
    guint32 bit = CG_TERM_BIT(index);
    term_bits tb = pf->word_start ? bit : (term_bits)bit << 32;
    guint8 m[CG_PREFIX_MAX][256];
    int count[CG_PREFIX_MAX];
    int len = pf->len;
    long expansion = 1;
    for (int i = 0; i < len; i++) {
        count[i] = folded_members(&pf->set[i], m[i]);
        if (expansion * count[i] > MAX_EXPANSION) {
            len = i;           /* a shorter prefix covers more, so it still covers all */
            break;
        }
        expansion *= count[i];
    }
    int anywhere = !pf->word_start;
    if (len == 0) {
        f->any_length |= tb;
        for (int b = 0; b < 256; b++) {
            f->raw_first[b] |= bit;
            if (!pf->word_start)
                f->raw_first_anywhere[b] |= bit;
        }
        return;
    }
    for (int b = 0; b < 256; b++)
        if (cg_byteset_has(&pf->set[0], (guint8)b)) {
            f->raw_first[b] |= bit;
            if (!pf->word_start)
                f->raw_first_anywhere[b] |= bit;
        }
    for (int i = 0; i < count[0]; i++) {
        if (len == 1) {
            f->first[m[0][i]] |= tb;
            set_pairs_from(f, m[0][i], anywhere);
            continue;
        }
        for (int j = 0; j < count[1]; j++) {
            bit_set(f->pair[anywhere], pair_key(m[0][i], m[1][j]));
            if (len == 2) {
                f->two[hash2(m[0][i], m[1][j])] |= tb;
                bit_set(f->pair_final[anywhere], pair_key(m[0][i], m[1][j]));
                continue;
            }
            for (int k = 0; k < count[2]; k++) {
                f->three[hash3(m[0][i], m[1][j], m[2][k])] |= tb;
                bit_set(f->triple, triple_key(m[0][i], m[1][j], m[2][k], anywhere));
            }
        }
    }
}

/* A term that may begin with any letter at any word start gains nothing
 * from the filter: an anchored match at every word start costs more than
 * PCRE2's own search. */
static gboolean
passes_every_word(GArray *prefixes)
{
    for (guint i = 0; i < prefixes->len; i++) {
        const cg_prefix *pf = &g_array_index(prefixes, cg_prefix, i);
        gboolean all_letters = TRUE;
        for (int b = 'a'; b <= 'z' && pf->len > 0; b++)
            all_letters = all_letters && cg_byteset_has(&pf->set[0], (guint8)b);
        if (all_letters && (pf->len <= 1 || expansion_too_big(pf)))
            return TRUE;
    }
    return FALSE;
}

gboolean
cg_term_filter_add(cg_term_filter *f, guint index, const char *pattern, gboolean caseless)
{
    GArray *prefixes = cg_pattern_prefixes(pattern, caseless);
    if (!prefixes)
        return FALSE;
    if (passes_every_word(prefixes)) {
        g_array_free(prefixes, TRUE);
        return FALSE;
    }
    for (guint i = 0; i < prefixes->len; i++)
        insert_prefix(f, &g_array_index(prefixes, cg_prefix, i), index);
    g_array_free(prefixes, TRUE);
    return TRUE;
}

/* FALSE when no prefix of any term, in a class the position allows, begins
 * with the (up to three) bytes at p.  Prefixes of no bytes pass everywhere. */
static inline gboolean
prefix_bitmaps_pass(const cg_term_filter *f, const guint8 *t, size_t len, size_t p,
                    gboolean word_start)
{
    if (f->any_length || p + 1 >= len)
        return TRUE;
    guint8 a = fold(t[p]), b = fold(t[p + 1]);
    guint pk = pair_key(a, b);
    for (int anywhere = word_start ? 0 : 1; anywhere < 2; anywhere++) {
        if (!bit_has(f->pair[anywhere], pk))
            continue;
        if (bit_has(f->pair_final[anywhere], pk) || p + 2 >= len ||
            bit_has(f->triple, triple_key(a, b, fold(t[p + 2]), anywhere)))
            return TRUE;
    }
    return FALSE;
}

/* The terms that could start at p (p == len for empty matches). */
static inline guint32
terms_at(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, guint32 wanted)
{
    gboolean word_start = p == 0 || !is_word_byte(t[p - 1]);
    guint32 possible = G_MAXUINT32;
    term_bits bits = f->any_length;
    if (p < len) {
        possible = (word_start ? f->raw_first[t[p]] : f->raw_first_anywhere[t[p]]) & wanted;
        if (!possible || !prefix_bitmaps_pass(f, t, len, p, word_start))
            return 0;
        guint8 a = fold(t[p]);
        bits |= f->first[a];
        if (p + 1 < len) {
            guint8 b = fold(t[p + 1]);
            bits |= f->two[hash2(a, b)];
            if (p + 2 < len)
                bits |= f->three[hash3(a, b, fold(t[p + 2]))];
        }
    }
    guint32 terms = (guint32)(bits >> 32) | (word_start ? (guint32)bits : 0);
    return terms & possible & wanted;
}

void
cg_term_filter_candidates(const cg_term_filter *f, const char *text, size_t len, GArray *out)
{
    for (size_t p = 0; p <= len; p++) {
        guint32 terms = terms_at(f, (const guint8 *)text, len, p, G_MAXUINT32);
        if (terms) {
            cg_term_candidate c = { (guint32)p, terms };
            g_array_append_val(out, c);
        }
    }
}

size_t
cg_term_filter_next(const cg_term_filter *f, const char *text, size_t len, size_t from,
                    guint32 terms)
{
    const guint8 *t = (const guint8 *)text;
    /* Most bytes begin no wanted term anywhere: one table lookup skips them
     * before the word-start test and the hashed prefix tables. */
    for (size_t p = from; p < len; p++)
        if ((f->raw_first[t[p]] & terms) && terms_at(f, t, len, p, terms))
            return p;
    if (from <= len && terms_at(f, t, len, len, terms))
        return len;
    return len + 1;
}
