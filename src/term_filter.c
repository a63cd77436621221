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
 *
 * Every table is kept three times, by what the byte before a position is:
 * no word byte, a digit or '_', or a letter.  A prefix that needs a word
 * start goes into the first only, one that may not follow a letter into the
 * first two, any other into all three; so text inside words passes only the
 * terms that may begin there.
 *
 * Three bytes pass nearly every word for a term list ("he" passes "help",
 * "her" passes "here"), so a second stage reads the whole prefix, up to
 * CG_PREFIX_MAX bytes and the byte a closing (?![\w]) looks at: every
 * prefix goes, as a string of symbols (a letter folded, a digit, '_', or
 * one symbol for all other bytes), into one hashed table of term bits.  A
 * term whose prefixes all fit there ("checked") passes a position only when
 * the symbols there are one of its prefixes.
 *
 * With look-back (cg_term_filter_new_lookback), a term may also have late
 * prefixes (pattern_prefix.h): those go into a second filter, and where one
 * of them matches, every word start back over its lead becomes a candidate.
 */
#include "term_filter.h"
#include "pattern_prefix.h"

#include <stdlib.h>

#define MAX_EXPANSION 1024         /* byte strings one prefix may stand for */
#define STAGE1_MAX 3               /* bytes the first stage's tables are keyed by */
#define WHOLE_SIZE (1u << 16)      /* the second stage's hashed table */
#define WHOLE_EXPANSION 64         /* symbol strings one prefix may stand for there */
#define L2_SIZE 4096
#define L3_SIZE 16384
#define PAIR_BITS 65536            /* every two folded bytes, word start or not */
#define TRIPLE_BITS (1u << 20)

static void set_add(cg_byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }

/* What the byte before a position is, as the tables are indexed. */
enum { AFTER_NON_WORD, AFTER_DIGIT, AFTER_LETTER, N_AFTER };

static inline int
byte_kind(guint8 b)
{
    if (g_ascii_isalpha(b))
        return AFTER_LETTER;
    return g_ascii_isdigit(b) || b == '_' ? AFTER_DIGIT : AFTER_NON_WORD;
}


/* The kinds of byte before that a prefix allows: AFTER_NON_WORD up to this. */
static int
last_kind_allowed(const cg_prefix *pf)
{
    return pf->start == CG_START_WORD ? AFTER_NON_WORD
           : pf->start == CG_START_NOT_AFTER_LETTER ? AFTER_DIGIT : AFTER_LETTER;
}

/* ---- tables ---- */

/* Term bits for one key, by the kind of byte before the position. */
typedef struct { guint32 after[N_AFTER]; } term_bits;

struct cg_term_filter {
    term_bits any_length;          /* prefixes of no bytes: every position */
    term_bits first[256];
    term_bits two[L2_SIZE];
    term_bits three[L3_SIZE];
    guint32 raw_first[N_AFTER][256];  /* terms whose match may begin with this exact byte */
    /* Bit (kind, a, b): some prefix allowed after that kind of byte may begin
     * with folded a then b.  pair_final: that prefix is no longer, so the
     * third byte is not looked at. */
    guint8 pair[N_AFTER][PAIR_BITS / 8];
    guint8 pair_final[N_AFTER][PAIR_BITS / 8];
    guint8 triple[TRIPLE_BITS / 8];  /* hashed (a, b, c, kind) */
    /* pair with the bytes as written, every case: the skip loop's one test */
    guint8 raw_pair[N_AFTER][PAIR_BITS / 8];
    guint8 kind_of[256];           /* byte_kind as a table: no branches in the skip loop */
    /* second stage */
    guint8 symbol[256];
    guint32 checked;               /* terms whose every prefix is in whole */
    guint32 unchecked;             /* terms with a prefix that is not (a bit may stand for more) */
    guint32 whole_lengths;         /* bit L: some prefix of L symbols */
    guint32 whole[WHOLE_SIZE];
    /* Bit whole_slot(h, L): some prefix of more than L symbols begins with
     * the L symbols hashed to h, so reading on may find more. */
    guint8 whole_continues[WHOLE_SIZE / 8];
    /* look-back */
    gboolean lookback;
    cg_term_filter *late;          /* the late prefixes, keyed where they begin */
    cg_byteset lead[32];           /* by term bit: what its leads are made of */
    guint8 lead_spaces[32];
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
static inline guint pair_key(guint8 a, guint8 b) { return (guint)a << 8 | b; }
static inline guint triple_key(guint8 a, guint8 b, guint8 c, int kind)
{
    guint32 k = ((guint32)a << 16 | (guint32)b << 8 | c) << 2 | (guint32)kind;
    return (k * 2654435761u) >> (32 - 20);
}
static inline void bit_set(guint8 *bits, guint k) { bits[k >> 3] |= (guint8)(1u << (k & 7)); }
static inline gboolean bit_has(const guint8 *bits, guint k) { return (bits[k >> 3] >> (k & 7)) & 1; }

/* Marks (a, b) and its other cases in pair and raw_pair for kinds up to last. */
static void
pair_add(cg_term_filter *f, guint8 a, guint8 b, int last_kind)
{
    guint8 as[2] = { a, (guint8)g_ascii_toupper(a) }, bs[2] = { b, (guint8)g_ascii_toupper(b) };
    for (int k = 0; k <= last_kind; k++) {
        bit_set(f->pair[k], pair_key(a, b));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                bit_set(f->raw_pair[k], pair_key(as[i], bs[j]));
    }
}

/* Marks every pair beginning with a as a whole prefix (one-byte prefixes). */
static void
set_pairs_from(cg_term_filter *f, guint8 a, int last_kind)
{
    for (int b = 0; b < 256; b++) {
        pair_add(f, a, (guint8)b, last_kind);
        for (int k = 0; k <= last_kind; k++)
            bit_set(f->pair_final[k], pair_key(a, (guint8)b));
    }
}

static void
bits_add(term_bits *tb, int last_kind, guint32 bit)
{
    for (int k = 0; k <= last_kind; k++)
        tb->after[k] |= bit;
}

/* The second stage's symbol for a byte: one for every byte no \w matches. */
static guint8
symbol_of(guint8 b)
{
    return g_ascii_isalnum(b) || b == '_' ? fold(b) : ' ';
}

cg_term_filter *
cg_term_filter_new(void)
{
    cg_term_filter *f = g_new0(cg_term_filter, 1);
    for (guint b = 0; b < 256; b++) {
        f->kind_of[b] = (guint8)byte_kind((guint8)b);
        f->symbol[b] = symbol_of((guint8)b);
    }
    return f;
}

cg_term_filter *
cg_term_filter_new_lookback(void)
{
    cg_term_filter *f = cg_term_filter_new();
    f->lookback = TRUE;
    return f;
}

void
cg_term_filter_free(cg_term_filter *f)
{
    if (f)
        cg_term_filter_free(f->late);
    g_free(f);
}

/* The bytes of a set in ascending order; returns how many.  Sets are mostly
 * a letter in two cases, so whole empty bitmap bytes are skipped. */
static int
members(const cg_byteset *s, guint8 out[256])
{
    int n = 0;
    for (int i = 0; i < 32; i++)
        for (guint bits = s->bits[i]; bits; bits &= bits - 1)
            out[n++] = (guint8)(i * 8 + __builtin_ctz(bits));
    return n;
}

/* The folded bytes of a set, in order; returns how many. */
static int
folded_members(const cg_byteset *s, guint8 out[256])
{
    guint8 all[256];
    cg_byteset seen = { { 0 } };
    int n = 0, count = members(s, all);
    for (int i = 0; i < count; i++) {
        guint8 fb = fold(all[i]);
        if (!cg_byteset_has(&seen, fb)) {
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
insert_first_bytes(cg_term_filter *f, const cg_prefix *pf, guint index)
{
    guint32 bit = CG_TERM_BIT(index);
    int last_kind = last_kind_allowed(pf);
    guint8 m[STAGE1_MAX][256];
    int count[STAGE1_MAX];
    int len = MIN(pf->len, STAGE1_MAX);
    long expansion = 1;
    for (int i = 0; i < len; i++) {
        count[i] = folded_members(&pf->set[i], m[i]);
        if (expansion * count[i] > MAX_EXPANSION) {
            len = i;           /* a shorter prefix covers more, so it still covers all */
            break;
        }
        expansion *= count[i];
    }
    guint8 firsts[256];
    int nfirsts = pf->len == 0 ? 0 : members(&pf->set[0], firsts);
    for (int b = 0; b < 256; b++)
        if (len == 0)
            for (int k = 0; k <= last_kind; k++)
                f->raw_first[k][b] |= bit;
    for (int i = 0; i < nfirsts && len > 0; i++)
        for (int k = 0; k <= last_kind; k++)
            f->raw_first[k][firsts[i]] |= bit;
    if (len == 0) {
        bits_add(&f->any_length, last_kind, bit);
        for (int a = 0; a < 256; a++)
            set_pairs_from(f, (guint8)a, last_kind);
        return;
    }
    for (int i = 0; i < count[0]; i++) {
        if (len == 1) {
            bits_add(&f->first[m[0][i]], last_kind, bit);
            set_pairs_from(f, m[0][i], last_kind);
            continue;
        }
        for (int j = 0; j < count[1]; j++) {
            guint pk = pair_key(m[0][i], m[1][j]);
            pair_add(f, m[0][i], m[1][j], last_kind);
            if (len == 2) {
                bits_add(&f->two[hash2(m[0][i], m[1][j])], last_kind, bit);
                for (int k = 0; k <= last_kind; k++)
                    bit_set(f->pair_final[k], pk);
                continue;
            }
            for (int c = 0; c < count[2]; c++) {
                bits_add(&f->three[hash3(m[0][i], m[1][j], m[2][c])], last_kind, bit);
                for (int k = 0; k <= last_kind; k++)
                    bit_set(f->triple, triple_key(m[0][i], m[1][j], m[2][c], k));
            }
        }
    }
}

/* ---- second stage ---- */

/* The hash starts from the kind of byte before and whether the first byte is
 * a capital, so a case-sensitive [A-Z] passes no lower-case word. */
static inline guint32
whole_seed(int kind, gboolean capital)
{
    return 2166136261u ^ ((guint32)(kind << 1 | capital) * 0x27d4eb2du);
}
static inline guint32 whole_step(guint32 h, guint8 symbol) { return (h ^ symbol) * 16777619u; }
static inline guint
whole_slot(guint32 h, int length)
{
    return ((h ^ ((guint32)length * 0x9e3779b9u)) * 2654435761u) >> (32 - 16);
}

/* The symbols of a set, each once; returns how many. */
static int
symbols_of(const cg_term_filter *f, const cg_byteset *s, guint8 out[256])
{
    guint8 all[256];
    cg_byteset seen = { { 0 } };
    int n = 0, count = members(s, all);
    for (int i = 0; i < count; i++) {
        guint8 sym = f->symbol[all[i]];
        if (!cg_byteset_has(&seen, sym)) {
            set_add(&seen, sym);
            out[n++] = sym;
        }
    }
    return n;
}

static void
insert_strings(cg_term_filter *f, guint8 sym[][256], const int *count, int len, int at,
               const guint32 h[N_AFTER], int last_kind, guint32 bit)
{
    for (int k = 0; k <= last_kind && at < len; k++)
        bit_set(f->whole_continues, whole_slot(h[k], at));
    if (at == len) {
        for (int k = 0; k <= last_kind; k++)
            f->whole[whole_slot(h[k], len)] |= bit;
        f->whole_lengths |= 1u << len;
        return;
    }
    for (int i = 0; i < count[at]; i++) {
        guint32 next[N_AFTER];
        for (int k = 0; k <= last_kind; k++)
            next[k] = whole_step(h[k], sym[at][i]);
        insert_strings(f, sym, count, len, at + 1, next, last_kind, bit);
    }
}

/* Puts every symbol string of the prefix (its tail as one more symbol) in
 * whole; FALSE when it stands for too many strings to say anything. */
static gboolean
insert_whole(cg_term_filter *f, const cg_prefix *pf, guint index)
{
    guint8 sym[CG_PREFIX_MAX][256];
    int count[CG_PREFIX_MAX];
    int len = pf->len + (pf->has_tail ? 1 : 0);
    long expansion = 1;
    for (int i = 0; i < len; i++) {
        count[i] = symbols_of(f, i < pf->len ? &pf->set[i] : &pf->tail, sym[i]);
        if (expansion * count[i] > WHOLE_EXPANSION) {
            len = i;           /* a shorter prefix covers more, so it still covers all */
            break;
        }
        expansion *= count[i];
    }
    if (len == 0)
        return FALSE;
    /* The first symbols one by one, with the cases the first set holds. */
    const cg_byteset *first = pf->len > 0 ? &pf->set[0] : &pf->tail;
    guint8 firsts[256];
    cg_byteset held[2] = { { { 0 } }, { { 0 } } };   /* the first symbols, by capital or not */
    for (int i = 0, n = members(first, firsts); i < n; i++)
        set_add(&held[g_ascii_isupper(firsts[i]) != 0], f->symbol[firsts[i]]);
    for (int i = 0; i < count[0]; i++) {
        guint8 s = sym[0][i];
        for (int capital = 0; capital < 2; capital++) {
            if (!cg_byteset_has(&held[capital], s))
                continue;
            guint32 h[N_AFTER];
            for (int k = 0; k < N_AFTER; k++)
                h[k] = whole_step(whole_seed(k, capital), s);
            insert_strings(f, sym, count, len, 1, h, last_kind_allowed(pf), CG_TERM_BIT(index));
        }
    }
    return TRUE;
}

/* The checked terms among those whose prefixes of symbols stand at p; the
 * text goes on for CG_PREFIX_MAX bytes at least. */
static inline G_ALWAYS_INLINE guint32
whole_terms_at(const cg_term_filter *f, const guint8 *t, size_t p, int kind)
{
    guint32 h = whole_seed(kind, g_ascii_isupper(t[p]) != 0), bits = 0;
    for (int i = 0; i < CG_PREFIX_MAX; i++) {
        h = whole_step(h, f->symbol[t[p + i]]);
        guint slot = whole_slot(h, i + 1);
        if ((f->whole_lengths >> (i + 1)) & 1)
            bits |= f->whole[slot];
        if (!bit_has(f->whole_continues, slot))
            break;             /* no longer prefix begins so */
    }
    return bits;
}

/* ---- adding terms ---- */

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
        if (pf->late && (pf->len == 0 || pf->start != CG_START_WORD))
            return TRUE;           /* the look-back walks to word starts only */
    }
    return FALSE;
}

static void
insert_prefix(cg_term_filter *f, const cg_prefix *pf, guint index)
{
    insert_first_bytes(f, pf, index);
    if (!insert_whole(f, pf, index))
        f->unchecked |= CG_TERM_BIT(index);
    f->checked |= CG_TERM_BIT(index);
    f->checked &= ~f->unchecked;
}

/* A late prefix goes into f->late where it begins, after any byte. */
static void
insert_late(cg_term_filter *f, const cg_prefix *pf, guint index)
{
    if (!f->late)
        f->late = cg_term_filter_new();
    cg_prefix where = *pf;
    where.start = CG_START_ANYWHERE;
    insert_prefix(f->late, &where, index);
    guint b = index % 32;
    for (int i = 0; i < 32; i++)
        f->lead[b].bits[i] |= pf->lead.bits[i];
    f->lead_spaces[b] = MAX(f->lead_spaces[b], pf->lead_spaces);
    /* the skip loop tests f's raw pairs only */
    for (int k = 0; k < N_AFTER; k++)
        for (int i = 0; i < PAIR_BITS / 8; i++)
            f->raw_pair[k][i] |= f->late->raw_pair[k][i];
}

gboolean
cg_term_filter_add(cg_term_filter *f, guint index, const char *pattern, gboolean caseless)
{
    GArray *prefixes = cg_pattern_prefixes(pattern, caseless, f->lookback);
    if (!prefixes)
        return FALSE;
    if (passes_every_word(prefixes)) {
        g_array_free(prefixes, TRUE);
        return FALSE;
    }
    for (guint i = 0; i < prefixes->len; i++) {
        const cg_prefix *pf = &g_array_index(prefixes, cg_prefix, i);
        if (pf->late)
            insert_late(f, pf, index);
        else
            insert_prefix(f, pf, index);
    }
    g_array_free(prefixes, TRUE);
    return TRUE;
}

/* ---- matching ---- */

/* FALSE when no prefix of any term allowed after the kind of byte before p
 * begins with the (up to three) bytes at p.  Prefixes of no bytes pass
 * everywhere. */
static inline G_ALWAYS_INLINE gboolean
prefix_bitmaps_pass(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, int kind)
{
    if (f->any_length.after[kind] || p + 1 >= len)
        return TRUE;
    guint8 a = fold(t[p]), b = fold(t[p + 1]);
    guint pk = pair_key(a, b);
    return bit_has(f->pair[kind], pk) &&
           (bit_has(f->pair_final[kind], pk) || p + 2 >= len ||
            bit_has(f->triple, triple_key(a, b, fold(t[p + 2]), kind)));
}

/* The terms that could start at p (p == len for empty matches), the byte
 * before p being of the given kind.  Always inlined into the candidates
 * loop: a call there cost as much as the work. */
static inline G_ALWAYS_INLINE guint32
terms_at(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, int kind,
         guint32 wanted)
{
    guint32 possible = G_MAXUINT32;
    guint32 bits = f->any_length.after[kind];
    if (p < len) {
        possible = f->raw_first[kind][t[p]] & wanted;
        if (!possible || !prefix_bitmaps_pass(f, t, len, p, kind))
            return 0;
        guint8 a = fold(t[p]);
        bits |= f->first[a].after[kind];
        if (p + 1 < len) {
            guint8 b = fold(t[p + 1]);
            bits |= f->two[hash2(a, b)].after[kind];
            if (p + 2 < len)
                bits |= f->three[hash3(a, b, fold(t[p + 2]))].after[kind];
        }
        /* Near the end a tail may be the end itself: the first stage decides. */
        if ((bits & possible & f->checked) && p + CG_PREFIX_MAX <= len)
            bits &= ~f->checked | whole_terms_at(f, t, p, kind);
    }
    return bits & possible & wanted;
}

/* Late prefixes of terms begin at q: every word start back over each
 * term's lead becomes a candidate for it.  A walk stops where the last
 * walk for the term began: that one went at least as far back. */
static void
look_back(const cg_term_filter *f, const guint8 *t, size_t q, guint32 terms,
          size_t walked_from[32], GArray *out)
{
    for (guint b = 0; b < 32; b++) {
        if (!((terms >> b) & 1))
            continue;
        guint spaces = 0;
        for (size_t p = q;; p--) {
            if (p == 0 || byte_kind(t[p - 1]) == AFTER_NON_WORD) {
                cg_term_candidate c = { (guint32)p, 1u << b };
                g_array_append_val(out, c);
            }
            if (p == 0 || p <= walked_from[b])
                break;
            guint8 c = t[p - 1];
            if (!cg_byteset_has(&f->lead[b], c) || (c == ' ' && ++spaces > f->lead_spaces[b]))
                break;
        }
        walked_from[b] = q;
    }
}

static gint
by_position(gconstpointer a, gconstpointer b)
{
    guint32 pa = ((const cg_term_candidate *)a)->pos, pb = ((const cg_term_candidate *)b)->pos;
    return pa < pb ? -1 : pa > pb;
}

/* Puts the look-back candidates among out's, in order, one per position. */
static void
merge_candidates(GArray *out, size_t from, GArray *late)
{
    g_array_append_vals(out, late->data, late->len);
    cg_term_candidate *c = &g_array_index(out, cg_term_candidate, from);
    size_t n = out->len - from, kept = 0;
    qsort(c, n, sizeof *c, (int (*)(const void *, const void *))by_position);
    for (size_t i = 0; i < n; i++) {
        if (kept > 0 && c[kept - 1].pos == c[i].pos)
            c[kept - 1].terms |= c[i].terms;
        else
            c[kept++] = c[i];
    }
    g_array_set_size(out, from + kept);
}

/* The first position q >= p where the raw pair test passes, the byte before
 * q being of its kind; once q + 1 >= len (no pair left to test) that q.
 * Two positions per branch: the tests pass rarely, and a branch per
 * position cost more than the second test. */
static inline G_ALWAYS_INLINE size_t
next_raw_pair(const cg_term_filter *f, const guint8 *t, size_t len, size_t p)
{
    /* raw_pair's rows lie end to end: (kind, a, b) is one bit index. */
    const guint8 *raw_pair = f->raw_pair[0];
    guint kind = (guint)after_kind(f, t, p);
    for (; p + 2 < len; p += 2) {
        guint here = kind << 16 | pair_key(t[p], t[p + 1]);
        guint next = (guint)f->kind_of[t[p]] << 16 | pair_key(t[p + 1], t[p + 2]);
        if (G_UNLIKELY(bit_has(raw_pair, here) | bit_has(raw_pair, next)))
            return bit_has(raw_pair, here) ? p : p + 1;
        kind = f->kind_of[t[p + 1]];
    }
    if (p + 1 < len && !bit_has(raw_pair, kind << 16 | pair_key(t[p], t[p + 1])))
        p++;
    return p;
}

void
cg_term_filter_candidates(const cg_term_filter *f, const char *text, size_t len, GArray *out)
{
    const guint8 *t = (const guint8 *)text;
    size_t from = out->len;
    size_t walked_from[32] = { 0 };
    GArray *late = NULL;
    /* most positions fail the raw pair test of the two bytes there */
    for (size_t p = next_raw_pair(f, t, len, 0); p <= len; p = next_raw_pair(f, t, len, p + 1)) {
        guint kind = (guint)after_kind(f, t, p);
        guint32 terms = terms_at(f, t, len, p, (int)kind, G_MAXUINT32);
        if (terms) {
            cg_term_candidate c = { (guint32)p, terms };
            g_array_append_val(out, c);
        }
        guint32 late_terms = f->late ? terms_at(f->late, t, len, p, (int)kind, G_MAXUINT32) : 0;
        if (late_terms) {
            if (!late)
                late = g_array_new(FALSE, FALSE, sizeof(cg_term_candidate));
            look_back(f, t, p, late_terms, walked_from, late);
        }
    }
    if (late) {
        merge_candidates(out, from, late);
        g_array_free(late, TRUE);
    }
}

/* terms_at for the skip loop below: out of line, so the loop keeps its few
 * registers (inlined there it cost more than the call). */
static G_NO_INLINE guint32
terms_at_call(const cg_term_filter *f, const guint8 *t, size_t len, size_t p, int kind,
              guint32 wanted)
{
    return terms_at(f, t, len, p, kind, wanted);
}

size_t
cg_term_filter_next(const cg_term_filter *f, const char *text, size_t len, size_t from,
                    guint32 terms)
{
    g_return_val_if_fail(!f->lookback, len + 1);
    const guint8 *t = (const guint8 *)text;
    /* Most positions begin no term after the byte before them: the raw pair
     * test of the two bytes there, as written, skips them before the term
     * tables.  Every prefix, even of no bytes, marks raw_pair. */
    size_t p = from;
    for (; (p = next_raw_pair(f, t, len, p)) + 1 < len; p++) {
        int kind = after_kind(f, t, p);
        if ((f->raw_first[kind][t[p]] & terms) && terms_at_call(f, t, len, p, kind, terms))
            return p;
    }
    for (; p <= len; p++)
        if (terms_at_call(f, t, len, p, after_kind(f, t, p), terms))
            return p;
    return len + 1;
}
