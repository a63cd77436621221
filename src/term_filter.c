/*
 * term_filter.c -- where in a text each term of a term set could start (see
 * term_filter.h).
 *
 * A pattern is parsed into a small tree (byte sets, sequences, alternatives,
 * repeats, zero-width assertions), and the tree is walked to list every
 * prefix of up to PREFIX_MAX bytes a match can begin with, each byte as a
 * set.  Anything that only narrows a match (lookarounds, anchors, lazy or
 * possessive quantifiers, case-sensitive groups) is read as something
 * wider, so a prefix list always covers every real match.  The prefixes go
 * into hashed tables of term bits keyed by the first one, two and three
 * bytes, folded to lower case; a hash collision only adds a candidate.
 */
#include "term_filter.h"

#include <string.h>

#define PREFIX_MAX 3
#define MAX_PREFIXES 4096          /* per term, before expansion into bytes */
#define MAX_EXPANSION 1024         /* byte strings one prefix may stand for */
#define MAX_TREE_NODES 20000
#define L2_SIZE 4096
#define L3_SIZE 16384

typedef struct { guint8 bits[32]; } byteset;

static void set_add(byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }
static gboolean set_has(const byteset *s, guint8 b) { return (s->bits[b >> 3] >> (b & 7)) & 1; }

static gboolean
is_word_byte(guint8 b)
{
    return g_ascii_isalnum(b) || b == '_';
}

/* ---- pattern tree ---- */

typedef enum { N_SET, N_CAT, N_ALT, N_REP, N_WORD_START, N_EMPTY } node_kind;

typedef struct node {
    node_kind kind;
    byteset set;               /* N_SET */
    GPtrArray *kids;           /* N_CAT, N_ALT; N_REP has one */
    int min, max;              /* N_REP; max -1 for unbounded */
} node;

typedef struct {
    const char *p;
    gboolean caseless;
    gboolean failed;
    GPtrArray *nodes;          /* every node, for freeing */
} parser;

static void
node_free(gpointer data)
{
    node *n = data;
    if (n->kids)
        g_ptr_array_free(n->kids, TRUE);
    g_free(n);
}

static node *
node_new(parser *ps, node_kind kind)
{
    node *n = g_new0(node, 1);
    n->kind = kind;
    if (kind == N_CAT || kind == N_ALT || kind == N_REP)
        n->kids = g_ptr_array_new();
    g_ptr_array_add(ps->nodes, n);
    if (ps->nodes->len > MAX_TREE_NODES)
        ps->failed = TRUE;
    return n;
}

static void
set_add_cased(byteset *s, guint8 b, gboolean caseless)
{
    set_add(s, b);
    if (caseless && g_ascii_isalpha(b)) {
        set_add(s, (guint8)g_ascii_tolower(b));
        set_add(s, (guint8)g_ascii_toupper(b));
    }
}

static void
set_add_range(byteset *s, int lo, int hi)
{
    for (int b = lo; b <= hi; b++)
        set_add(s, (guint8)b);
}

/* The set for \w \d \s and their negations; FALSE for any other letter. */
static gboolean
class_escape(char c, byteset *s)
{
    byteset t = { { 0 } };
    switch (g_ascii_tolower(c)) {
    case 'w':
        set_add_range(&t, '0', '9');
        set_add_range(&t, 'a', 'z');
        set_add_range(&t, 'A', 'Z');
        set_add(&t, '_');
        break;
    case 'd':
        set_add_range(&t, '0', '9');
        break;
    case 's':
        set_add_range(&t, '\t', '\r');
        set_add(&t, ' ');
        break;
    default:
        return FALSE;
    }
    gboolean negate = g_ascii_isupper(c);
    for (int i = 0; i < 32; i++)
        s->bits[i] |= negate ? (guint8)~t.bits[i] : t.bits[i];
    return TRUE;
}

/* The byte a letter escape stands for (\n, \t ...), or -1. */
static int
literal_escape(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'e': return 27;
    default: return g_ascii_isalnum(c) ? -1 : (guchar)c;
    }
}

static node *parse_alt(parser *ps);

static node *
parse_class(parser *ps)
{
    node *n = node_new(ps, N_SET);
    gboolean negate = *ps->p == '^';
    if (negate)
        ps->p++;
    gboolean first = TRUE;
    while (*ps->p && (*ps->p != ']' || first)) {
        first = FALSE;
        int lo;
        if (*ps->p == '[') {            /* [:alpha:] and friends */
            ps->failed = TRUE;
            return n;
        }
        if (*ps->p == '\\') {
            char e = ps->p[1];
            if (!e) break;
            ps->p += 2;
            if (class_escape(e, &n->set))
                continue;
            lo = e == 'b' ? '\b' : literal_escape(e);
            if (lo < 0) {
                ps->failed = TRUE;
                return n;
            }
        } else {
            lo = (guchar)*ps->p++;
        }
        int hi = lo;
        if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
            if (ps->p[1] == '\\') {
                hi = literal_escape(ps->p[2]);
                if (hi < 0 || !ps->p[2]) {
                    ps->failed = TRUE;
                    return n;
                }
                ps->p += 3;
            } else {
                hi = (guchar)ps->p[1];
                ps->p += 2;
            }
        }
        for (int b = lo; b <= hi; b++)
            set_add_cased(&n->set, (guint8)b, ps->caseless);
    }
    if (*ps->p != ']') {
        ps->failed = TRUE;
        return n;
    }
    ps->p++;
    if (negate)
        for (int i = 0; i < 32; i++)
            n->set.bits[i] = (guint8)~n->set.bits[i];
    return n;
}

/* A lookbehind that proves the byte before is not a word byte: (?<![\w...])
 * or (?<=... X) with X never a word byte. */
static gboolean
proves_word_start(const node *inner, gboolean negative)
{
    const node *last = inner;
    gboolean single = TRUE;        /* one byte long, as a negative lookbehind must be */
    while (last->kind == N_CAT && last->kids->len > 0) {
        single = single && last->kids->len == 1;
        last = g_ptr_array_index(last->kids, last->kids->len - 1);
    }
    if (last->kind != N_SET)
        return FALSE;
    for (int b = 0; b < 256; b++) {
        gboolean has = set_has(&last->set, (guint8)b);
        if (is_word_byte((guint8)b) && negative != has)
            return FALSE;
    }
    return !negative || single;
}

static node *
parse_group(parser *ps)
{
    gboolean saved = ps->caseless;
    enum { PLAIN, LOOKAHEAD, LOOKBEHIND_POS, LOOKBEHIND_NEG } type = PLAIN;
    if (*ps->p == '?') {
        const char *q = ps->p + 1;
        if (g_str_has_prefix(q, ":") || g_str_has_prefix(q, ">")) {
            ps->p += 2;
        } else if (g_str_has_prefix(q, "=") || g_str_has_prefix(q, "!")) {
            type = LOOKAHEAD;
            ps->p += 2;
        } else if (g_str_has_prefix(q, "<=") || g_str_has_prefix(q, "<!")) {
            type = q[1] == '=' ? LOOKBEHIND_POS : LOOKBEHIND_NEG;
            ps->p += 3;
        } else if (g_str_has_prefix(q, "i:") || g_str_has_prefix(q, "-i:")) {
            ps->caseless = *q == 'i';
            ps->p += *q == 'i' ? 3 : 4;
        } else if (g_str_has_prefix(q, "i)") || g_str_has_prefix(q, "-i)")) {
            /* an option for the rest of the enclosing group */
            ps->caseless = *q == 'i';
            ps->p += *q == 'i' ? 3 : 4;
            return node_new(ps, N_EMPTY);
        } else if (q[0] == '<' && g_ascii_isalpha(q[1])) {
            const char *close = strchr(q, '>');
            if (!close) {
                ps->failed = TRUE;
                return node_new(ps, N_EMPTY);
            }
            ps->p = close + 1;
        } else {
            ps->failed = TRUE;
            return node_new(ps, N_EMPTY);
        }
    }
    node *inner = parse_alt(ps);
    ps->caseless = saved;
    if (*ps->p != ')') {
        ps->failed = TRUE;
        return inner;
    }
    ps->p++;
    if (type == PLAIN)
        return inner;
    if (type != LOOKAHEAD && proves_word_start(inner, type == LOOKBEHIND_NEG))
        return node_new(ps, N_WORD_START);
    return node_new(ps, N_EMPTY);
}

static node *
parse_atom(parser *ps)
{
    char c = *ps->p++;
    node *n;
    switch (c) {
    case '(':
        return parse_group(ps);
    case '[':
        return parse_class(ps);
    case '.':
        n = node_new(ps, N_SET);
        memset(n->set.bits, 0xff, sizeof n->set.bits);
        return n;
    case '^':
    case '$':
        return node_new(ps, N_EMPTY);
    case '\\': {
        char e = *ps->p;
        if (!e) {
            ps->failed = TRUE;
            return node_new(ps, N_EMPTY);
        }
        ps->p++;
        if (strchr("bBAzZG", e))
            return node_new(ps, N_EMPTY);
        n = node_new(ps, N_SET);
        if (class_escape(e, &n->set))
            return n;
        int b = literal_escape(e);
        if (b < 0)
            ps->failed = TRUE;
        else
            set_add_cased(&n->set, (guint8)b, ps->caseless);
        return n;
    }
    case '*': case '+': case '?': case '{':
        ps->failed = TRUE;     /* a quantifier with nothing to repeat, or a literal brace */
        return node_new(ps, N_EMPTY);
    default:
        n = node_new(ps, N_SET);
        set_add_cased(&n->set, (guint8)c, ps->caseless);
        return n;
    }
}

/* Reads a {m}, {m,} or {m,n} quantifier; FALSE if what follows is not one. */
static gboolean
parse_braces(parser *ps, int *min, int *max)
{
    const char *q = ps->p + 1;
    if (!g_ascii_isdigit(*q))
        return FALSE;
    char *end;
    *min = (int)strtol(q, &end, 10);
    *max = *min;
    if (*end == ',') {
        q = end + 1;
        *max = g_ascii_isdigit(*q) ? (int)strtol(q, &end, 10) : -1;
        if (*max < 0)
            end = (char *)q;
    }
    if (*end != '}')
        return FALSE;
    ps->p = end + 1;
    return TRUE;
}

static node *
parse_cat(parser *ps)
{
    node *cat = node_new(ps, N_CAT);
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->failed) {
        node *atom = parse_atom(ps);
        int min = 1, max = 1;
        char q = *ps->p;
        if (q == '?' || q == '*' || q == '+') {
            min = q == '+' ? 1 : 0;
            max = q == '?' ? 1 : -1;
            ps->p++;
        } else if (q == '{' && !parse_braces(ps, &min, &max)) {
            ps->failed = TRUE;
        }
        if (min != 1 || max != 1) {
            if (*ps->p == '?' || *ps->p == '+')   /* lazy or possessive: same prefixes */
                ps->p++;
            node *rep = node_new(ps, N_REP);
            rep->min = min;
            rep->max = max;
            g_ptr_array_add(rep->kids, atom);
            atom = rep;
        }
        g_ptr_array_add(cat->kids, atom);
    }
    return cat;
}

static node *
parse_alt(parser *ps)
{
    node *first = parse_cat(ps);
    if (*ps->p != '|')
        return first;
    node *alt = node_new(ps, N_ALT);
    g_ptr_array_add(alt->kids, first);
    while (*ps->p == '|' && !ps->failed) {
        ps->p++;
        g_ptr_array_add(alt->kids, parse_cat(ps));
    }
    return alt;
}

/* ---- prefixes ---- */

typedef struct {
    guint8 len;
    gboolean word_start;       /* the match must begin at a word start */
    byteset set[PREFIX_MAX];
} prefix;

/* Extends each prefix in `in` by what n can match next; full prefixes pass
 * unchanged.  Returns a new array, or NULL when there are too many. */
static GArray *
extend(const node *n, GArray *in)
{
    if (!in)
        return NULL;
    GArray *out = g_array_new(FALSE, FALSE, sizeof(prefix));
    switch (n->kind) {
    case N_SET:
    case N_WORD_START:
    case N_EMPTY:
        for (guint i = 0; i < in->len; i++) {
            prefix pf = g_array_index(in, prefix, i);
            if (n->kind == N_SET && pf.len < PREFIX_MAX)
                pf.set[pf.len++] = n->set;
            else if (n->kind == N_WORD_START && pf.len == 0)
                pf.word_start = TRUE;
            g_array_append_val(out, pf);
        }
        break;
    case N_CAT: {
        GArray *cur = g_array_copy(in);
        for (guint k = 0; k < n->kids->len && cur; k++) {
            GArray *next = extend(g_ptr_array_index(n->kids, k), cur);
            g_array_free(cur, TRUE);
            cur = next;
        }
        if (!cur) {
            g_array_free(out, TRUE);
            return NULL;
        }
        g_array_free(out, TRUE);
        out = cur;
        break;
    }
    case N_ALT:
        for (guint k = 0; k < n->kids->len; k++) {
            GArray *part = extend(g_ptr_array_index(n->kids, k), in);
            if (!part) {
                g_array_free(out, TRUE);
                return NULL;
            }
            g_array_append_vals(out, part->data, part->len);
            g_array_free(part, TRUE);
        }
        break;
    case N_REP: {
        /* Past PREFIX_MAX repetitions every prefix is full, so more add nothing. */
        const node *kid = g_ptr_array_index(n->kids, 0);
        int min = MIN(n->min, PREFIX_MAX + 1);
        int extra = n->max < 0 ? PREFIX_MAX + 1 : MIN(n->max - n->min, PREFIX_MAX + 1);
        GArray *cur = g_array_copy(in);
        for (int r = 0; r < min && cur; r++) {
            GArray *next = extend(kid, cur);
            g_array_free(cur, TRUE);
            cur = next;
        }
        for (int r = 0; r < extra && cur && cur->len; r++) {
            g_array_append_vals(out, cur->data, cur->len);   /* the match may stop repeating here */
            GArray *open = g_array_new(FALSE, FALSE, sizeof(prefix));
            for (guint i = 0; i < cur->len; i++)
                if (g_array_index(cur, prefix, i).len < PREFIX_MAX)
                    g_array_append_val(open, g_array_index(cur, prefix, i));
            g_array_free(cur, TRUE);
            cur = extend(kid, open);
            g_array_free(open, TRUE);
        }
        if (!cur) {
            g_array_free(out, TRUE);
            return NULL;
        }
        g_array_append_vals(out, cur->data, cur->len);
        g_array_free(cur, TRUE);
        break;
    }
    }
    if (out->len > MAX_PREFIXES) {
        g_array_free(out, TRUE);
        return NULL;
    }
    return out;
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
};

static inline guint8 fold(guint8 b) { return (guint8)g_ascii_tolower(b); }
static inline guint hash2(guint8 a, guint8 b) { return ((guint)a * 131u + b) % L2_SIZE; }
static inline guint hash3(guint8 a, guint8 b, guint8 c)
{
    return (((guint)a * 131u + b) * 131u + c) % L3_SIZE;
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
folded_members(const byteset *s, guint8 out[256])
{
    byteset seen = { { 0 } };
    int n = 0;
    for (int b = 0; b < 256; b++) {
        guint8 fb = fold((guint8)b);
        if (set_has(s, (guint8)b) && !set_has(&seen, fb)) {
            set_add(&seen, fb);
            out[n++] = fb;
        }
    }
    return n;
}

/* TRUE when the prefix's first two bytes already stand for too many strings
 * to be kept past the first. */
static gboolean
expansion_too_big(const prefix *pf)
{
    guint8 m[256];
    return pf->len >= 2 && (long)folded_members(&pf->set[0], m) * folded_members(&pf->set[1], m) >
                               MAX_EXPANSION;
}

static void
insert_prefix(cg_term_filter *f, const prefix *pf, guint index)
{
    guint32 bit = CG_TERM_BIT(index);
    term_bits tb = pf->word_start ? bit : (term_bits)bit << 32;
    guint8 m[PREFIX_MAX][256];
    int count[PREFIX_MAX];
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
        if (set_has(&pf->set[0], (guint8)b)) {
            f->raw_first[b] |= bit;
            if (!pf->word_start)
                f->raw_first_anywhere[b] |= bit;
        }
    for (int i = 0; i < count[0]; i++) {
        if (len == 1) {
            f->first[m[0][i]] |= tb;
            continue;
        }
        for (int j = 0; j < count[1]; j++) {
            if (len == 2) {
                f->two[hash2(m[0][i], m[1][j])] |= tb;
                continue;
            }
            for (int k = 0; k < count[2]; k++)
                f->three[hash3(m[0][i], m[1][j], m[2][k])] |= tb;
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
        const prefix *pf = &g_array_index(prefixes, prefix, i);
        gboolean all_letters = TRUE;
        for (int b = 'a'; b <= 'z' && pf->len > 0; b++)
            all_letters = all_letters && set_has(&pf->set[0], (guint8)b);
        if (all_letters && (pf->len <= 1 || expansion_too_big(pf)))
            return TRUE;
    }
    return FALSE;
}

gboolean
cg_term_filter_add(cg_term_filter *f, guint index, const char *pattern, gboolean caseless)
{
    parser ps = { pattern, caseless, FALSE, g_ptr_array_new_with_free_func(node_free) };
    node *root = parse_alt(&ps);
    if (*ps.p)
        ps.failed = TRUE;   /* an unmatched ')' */
    GArray *prefixes = NULL;
    if (!ps.failed) {
        GArray *start = g_array_new(FALSE, TRUE, sizeof(prefix));
        g_array_set_size(start, 1);
        prefixes = extend(root, start);
        g_array_free(start, TRUE);
    }
    g_ptr_array_free(ps.nodes, TRUE);
    if (!prefixes)
        return FALSE;
    if (passes_every_word(prefixes)) {
        g_array_free(prefixes, TRUE);
        return FALSE;
    }
    for (guint i = 0; i < prefixes->len; i++)
        insert_prefix(f, &g_array_index(prefixes, prefix, i), index);
    g_array_free(prefixes, TRUE);
    return TRUE;
}

void
cg_term_filter_candidates(const cg_term_filter *f, const char *text, size_t len, GArray *out)
{
    const guint8 *t = (const guint8 *)text;
    for (size_t p = 0; p <= len; p++) {
        gboolean word_start = p == 0 || !is_word_byte(t[p - 1]);
        guint32 possible;
        term_bits bits = f->any_length;
        if (p == len) {
            possible = G_MAXUINT32;
        } else {
            possible = word_start ? f->raw_first[t[p]] : f->raw_first_anywhere[t[p]];
            if (!possible)
                continue;
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
        terms &= possible;
        if (terms) {
            cg_term_candidate c = { (guint32)p, terms };
            g_array_append_val(out, c);
        }
    }
}
