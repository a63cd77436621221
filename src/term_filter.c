/*
 * term_filter.c -- where in a text each term of a term set could start (see
 * term_filter.h): building the tables (term_filter_tables.h) from the terms'
 * patterns; term_filter_scan.c reads them over a text.
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
 * prefix goes, as a string of symbols (a letter folded, one symbol for
 * every digit, '_', or one for all other bytes), into a trie
 * (symbol_trie.h), each string's cell holding the terms having exactly that
 * prefix.  A term whose prefixes all fit there ("checked") passes a
 * position only when the symbols there are one of its prefixes, so one
 * term's prefixes never pass another's.  Before the walk, a hashed bitmap
 * of each string's first four symbols (every symbol after a shorter one)
 * rejects most positions for one lookup.  The walk stops where no longer
 * prefix begins; a step is two loads (it replaced a hashed table, whose
 * hashing per symbol cost four times as much).
 *
 * With look-back (cg_term_filter_new_lookback), a term may also have late
 * prefixes (pattern_prefix.h): those go into a second filter, and where one
 * of them matches, every word start back over its lead becomes a candidate.
 */
#include "term_filter_tables.h"

static void set_add(cg_byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }

/* The kinds of byte before that a prefix allows: AFTER_NON_WORD up to this. */
static int
last_kind_allowed(const cg_prefix *pf)
{
    return pf->start == CG_START_WORD ? AFTER_NON_WORD
           : pf->start == CG_START_NOT_AFTER_LETTER ? AFTER_DIGIT : AFTER_LETTER;
}

/* Marks (a, b) and its other cases in pair and raw_pair_kinds for kinds up to last. */
static void
pair_add(cg_term_filter *f, guint8 a, guint8 b, int last_kind)
{
    guint8 as[2] = { a, (guint8)g_ascii_toupper(a) }, bs[2] = { b, (guint8)g_ascii_toupper(b) };
    for (int k = 0; k <= last_kind; k++) {
        bit_set(f->pair[k], pair_key(a, b));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                f->raw_pair_kinds[pair_key(as[i], bs[j])] |= (guint8)(1u << k);
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
bits_add(term_bits *tb, int last_kind, cg_term_bits bit)
{
    for (int k = 0; k <= last_kind; k++)
        tb->after[k] |= bit;
}

/* The second stage's symbol for a byte: a letter folded (0-25), one for
 * every digit, so a prefix of numbers ((?:\d+ )?roles) stays whole instead
 * of standing for more strings than the trie keeps, '_', and one for every
 * byte no \w matches. */
enum { SYMBOL_DIGIT = 26, SYMBOL_UNDERSCORE, SYMBOL_OTHER };

static guint8
symbol_of(guint8 b)
{
    if (g_ascii_isdigit(b))
        return SYMBOL_DIGIT;
    if (g_ascii_isalpha(b))
        return (guint8)(fold(b) - 'a');
    return b == '_' ? SYMBOL_UNDERSCORE : SYMBOL_OTHER;
}

cg_term_filter *
cg_term_filter_new(void)
{
    cg_term_filter *f = g_new0(cg_term_filter, 1);
    for (guint b = 0; b < 256; b++) {
        f->kind_of[b] = (guint8)byte_kind((guint8)b);
        f->kind_bit[b] = (guint8)(1u << f->kind_of[b]);
        f->symbol[b] = symbol_of((guint8)b);
        for (int k = 0; k < N_AFTER; k++)
            f->root_of[k][b] = (guint8)whole_root(k, g_ascii_isupper(b));
    }
    cg_symbol_trie_init(&f->whole, 2 * N_AFTER, WHOLE_MAX_CELLS);
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
    if (!f)
        return;
    cg_term_filter_free(f->late);
    cg_symbol_trie_clear(&f->whole);
    g_free(f->quad_short_done);
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
    cg_term_bits bit = CG_TERM_BIT(index);
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

/* Puts the symbol strings from `at` on under the cells in s (by kind of
 * byte before) and marks where each ends with bit; FALSE when the trie is
 * too full to take them all. */
static gboolean
insert_strings(cg_term_filter *f, guint8 sym[][256], const int *count, int len, int at,
               const guint32 s[N_AFTER], int last_kind, cg_term_bits bit)
{
    if (at == len) {
        for (int k = 0; k <= last_kind; k++)
            f->whole.cell[s[k]].bits |= bit;
        return TRUE;
    }
    for (int i = 0; i < count[at]; i++) {
        /* Adding a child moves only its siblings: the cells in s stay. */
        guint32 next[N_AFTER];
        for (int k = 0; k <= last_kind; k++)
            if (!(next[k] = cg_symbol_trie_add(&f->whole, s[k], sym[at][i])))
                return FALSE;
        if (!insert_strings(f, sym, count, len, at + 1, next, last_kind, bit))
            return FALSE;
    }
    return TRUE;
}

/* Where a string of len < 4 symbols under root is in quad_short_done:
 * for each len, a bit for every root and string that long. */
static guint
quad_short_index(guint32 root, const guint8 path[4], int len)
{
    guint index = 0, strings = 1;
    for (int i = 0; i < len; i++) {
        index = index * CG_TRIE_SYMBOLS + path[i];
        strings *= CG_TRIE_SYMBOLS;
    }
    guint before = 0;          /* the bits of the shorter lengths */
    for (guint l = 1, n = CG_TRIE_SYMBOLS; l < (guint)len; l++, n *= CG_TRIE_SYMBOLS)
        before += 2 * N_AFTER * n;
    return before + (root - cg_symbol_trie_root(0)) * strings + index;
}

/* Sets the quad bits of the symbol strings under root from `at` on, path
 * holding the symbols before; past the end of a string shorter than four,
 * every symbol may follow.  That is up to 29^3 bits for one string, and
 * many terms share their short strings: each is set once. */
static void
quad_add(cg_term_filter *f, guint32 root, guint8 sym[][256], const int *count, int len,
         guint8 path[4], int at)
{
    if (at == 4) {
        bit_set(f->quad, quad_key(root, path[0], path[1], path[2], path[3]));
        return;
    }
    if (at == len) {
        enum { SHORT_BITS = 2 * N_AFTER * CG_TRIE_SYMBOLS *
                            (1 + CG_TRIE_SYMBOLS + CG_TRIE_SYMBOLS * CG_TRIE_SYMBOLS) };
        if (!f->quad_short_done)
            f->quad_short_done = g_malloc0(SHORT_BITS / 8 + 1);
        guint k = quad_short_index(root, path, len);
        if (bit_has(f->quad_short_done, k))
            return;
        bit_set(f->quad_short_done, k);
    }
    int n = at < len ? count[at] : CG_TRIE_SYMBOLS;
    for (int i = 0; i < n; i++) {
        path[at] = at < len ? sym[at][i] : (guint8)i;
        quad_add(f, root, sym, count, len, path, at + 1);
    }
}

/* Puts every symbol string of the prefix (its tail as one more symbol) in
 * whole; FALSE when it stands for too many strings to say anything, or the
 * table has no room for them (some may be in: they only pass more). */
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
            int last_kind = last_kind_allowed(pf);
            guint32 after_first[N_AFTER];
            guint8 path[4] = { s };
            for (int k = 0; k <= last_kind; k++) {
                quad_add(f, whole_root(k, capital), sym, count, len, path, 1);
                if (!(after_first[k] = cg_symbol_trie_add(&f->whole, whole_root(k, capital), s)))
                    return FALSE;
            }
            if (!insert_strings(f, sym, count, len, 1, after_first, last_kind, CG_TERM_BIT(index)))
                return FALSE;
        }
    }
    return TRUE;
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
    guint b = index % CG_TERM_BITS;
    for (int i = 0; i < 32; i++)
        f->lead[b].bits[i] |= pf->lead.bits[i];
    f->lead_spaces[b] = MAX(f->lead_spaces[b], pf->lead_spaces);
    /* the skip loop tests f's raw pairs only; where no late prefix
     * begins, the late filter is not read */
    for (int i = 0; i < PAIR_BITS; i++)
        if (f->late->raw_pair_kinds[i])
            f->raw_pair_kinds[i] |= (guint8)(f->late->raw_pair_kinds[i] | LATE_PAIR);
}

gboolean
cg_term_filter_add_to(cg_term_filter *const *filters, guint n, guint index, const char *pattern,
                      gboolean caseless)
{
    GArray *prefixes = cg_pattern_prefixes(pattern, caseless, filters[0]->lookback);
    if (!prefixes)
        return FALSE;
    if (passes_every_word(prefixes)) {
        g_array_free(prefixes, TRUE);
        return FALSE;
    }
    for (guint k = 0; k < n; k++) {
        for (guint i = 0; i < prefixes->len; i++) {
            const cg_prefix *pf = &g_array_index(prefixes, cg_prefix, i);
            if (pf->late)
                insert_late(filters[k], pf, index);
            else
                insert_prefix(filters[k], pf, index);
        }
    }
    g_array_free(prefixes, TRUE);
    return TRUE;
}

gboolean
cg_term_filter_add(cg_term_filter *f, guint index, const char *pattern, gboolean caseless)
{
    return cg_term_filter_add_to(&f, 1, index, pattern, caseless);
}

