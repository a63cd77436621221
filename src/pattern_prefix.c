/*
 * pattern_prefix.c -- the bytes a match of a pattern can begin with (see
 * pattern_prefix.h).
 */
#include "pattern_prefix.h"

#include <string.h>

#define MAX_PREFIXES 16384         /* per pattern, before expansion into bytes */
#define MAX_TREE_NODES 20000

static void set_add(cg_byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }

static gboolean
is_word_byte(guint8 b)
{
    return g_ascii_isalnum(b) || b == '_';
}

/* ---- pattern tree ---- */

typedef enum { N_SET, N_CAT, N_ALT, N_REP, N_START, N_BOUNDARY, N_AHEAD, N_EMPTY } node_kind;

typedef struct node {
    node_kind kind;
    cg_byteset set;            /* N_SET; N_AHEAD: the bytes the next byte may be */
    GPtrArray *kids;           /* N_CAT, N_ALT; N_REP has one */
    int min, max;              /* N_REP; max -1 for unbounded */
    cg_prefix_start start;     /* N_START: what a lookbehind proves of the byte before */
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
set_add_cased(cg_byteset *s, guint8 b, gboolean caseless)
{
    set_add(s, b);
    if (caseless && g_ascii_isalpha(b)) {
        set_add(s, (guint8)g_ascii_tolower(b));
        set_add(s, (guint8)g_ascii_toupper(b));
    }
}

static void
set_add_range(cg_byteset *s, int lo, int hi)
{
    for (int b = lo; b <= hi; b++)
        set_add(s, (guint8)b);
}

/* The set for \w \d \s and their negations; FALSE for any other letter. */
static gboolean
class_escape(char c, cg_byteset *s)
{
    cg_byteset t = { { 0 } };
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

static gboolean
covers(const cg_byteset *set, gboolean (*member)(guint8))
{
    for (int b = 0; b < 256; b++)
        if (member((guint8)b) && !cg_byteset_has(set, (guint8)b))
            return FALSE;
    return TRUE;
}

static gboolean is_ascii_letter(guint8 b) { return g_ascii_isalpha(b); }

/* What a lookbehind proves of the byte before: (?<![\w...]) or (?<=... X)
 * with X never a word byte prove a word start, (?<![a-zA-Z]) and X never a
 * letter that no letter comes before. */
static cg_prefix_start
proven_start(const node *inner, gboolean negative)
{
    const node *last = inner;
    gboolean single = TRUE;        /* one byte long, as a negative lookbehind must be */
    while (last->kind == N_CAT && last->kids->len > 0) {
        single = single && last->kids->len == 1;
        last = g_ptr_array_index(last->kids, last->kids->len - 1);
    }
    if (last->kind != N_SET || (negative && !single))
        return CG_START_ANYWHERE;
    cg_byteset excluded = last->set;   /* the bytes that cannot come before */
    if (!negative)
        for (int i = 0; i < 32; i++)
            excluded.bits[i] = (guint8)~excluded.bits[i];
    if (covers(&excluded, is_word_byte))
        return CG_START_WORD;
    return covers(&excluded, is_ascii_letter) ? CG_START_NOT_AFTER_LETTER : CG_START_ANYWHERE;
}

/* A lookahead of one byte, (?![\w]) or (?=[a-z]), says what the next byte
 * may be; a longer one is read as nothing. */
static node *
lookahead(parser *ps, const node *inner, gboolean negative)
{
    if (inner->kind == N_CAT && inner->kids->len == 1)
        inner = g_ptr_array_index(inner->kids, 0);
    if (inner->kind != N_SET)
        return node_new(ps, N_EMPTY);
    node *n = node_new(ps, N_AHEAD);
    for (int i = 0; i < 32; i++)
        n->set.bits[i] = negative ? (guint8)~inner->set.bits[i] : inner->set.bits[i];
    return n;
}

static node *
parse_group(parser *ps)
{
    gboolean saved = ps->caseless;
    enum { PLAIN, LOOKAHEAD_POS, LOOKAHEAD_NEG, LOOKBEHIND_POS, LOOKBEHIND_NEG } type = PLAIN;
    if (*ps->p == '?') {
        const char *q = ps->p + 1;
        if (g_str_has_prefix(q, ":") || g_str_has_prefix(q, ">")) {
            ps->p += 2;
        } else if (g_str_has_prefix(q, "=") || g_str_has_prefix(q, "!")) {
            type = *q == '=' ? LOOKAHEAD_POS : LOOKAHEAD_NEG;
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
    if (type == LOOKAHEAD_POS || type == LOOKAHEAD_NEG)
        return lookahead(ps, inner, type == LOOKAHEAD_NEG);
    node *n = node_new(ps, N_START);
    n->start = proven_start(inner, type == LOOKBEHIND_NEG);
    return n;
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
        if (e == 'b')
            return node_new(ps, N_BOUNDARY);
        if (strchr("BAzZG", e))
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

/* ---- leads ---- */

/* TRUE when n matches only word bytes and spaces, at most *spaces spaces;
 * adds those bytes to *bytes, and sets *wide when some set holds every
 * ASCII letter (a lead that would pass every word). */
static gboolean
lead_of(const node *n, cg_byteset *bytes, int *spaces, gboolean *wide)
{
    *spaces = 0;
    switch (n->kind) {
    case N_SET:
        for (int b = 0; b < 256; b++)
            if (cg_byteset_has(&n->set, (guint8)b) && !is_word_byte((guint8)b) && b != ' ')
                return FALSE;
        for (int i = 0; i < 32; i++)
            bytes->bits[i] |= n->set.bits[i];
        *spaces = cg_byteset_has(&n->set, ' ');
        *wide = *wide || covers(&n->set, is_ascii_letter);
        return TRUE;
    case N_CAT:
    case N_ALT:
        for (guint k = 0; k < n->kids->len; k++) {
            int kid_spaces;
            if (!lead_of(g_ptr_array_index(n->kids, k), bytes, &kid_spaces, wide))
                return FALSE;
            *spaces = n->kind == N_CAT ? *spaces + kid_spaces : MAX(*spaces, kid_spaces);
        }
        return *spaces <= G_MAXUINT8;
    case N_REP: {
        int kid_spaces;
        if (!lead_of(g_ptr_array_index(n->kids, 0), bytes, &kid_spaces, wide))
            return FALSE;
        if (kid_spaces > 0 && (n->max < 0 || (long)kid_spaces * n->max > G_MAXUINT8))
            return FALSE;
        *spaces = kid_spaces * MAX(n->max, 0);
        return TRUE;
    }
    default:                       /* zero width */
        return TRUE;
    }
}

/* Moves out of *in, into the returned array, the prefixes still at the
 * match start that n is stepped over for: a repeat or set of word bytes
 * and spaces that holds every letter (it would make every word a
 * candidate), or an optional one after such a lead.  They come out late,
 * the lead widened by n.  NULL when none is. */
static GArray *
step_over_lead(const node *n, GArray *in)
{
    cg_byteset bytes = { { 0 } };
    int spaces;
    gboolean wide = FALSE;
    if ((n->kind != N_REP && n->kind != N_SET) || !lead_of(n, &bytes, &spaces, &wide))
        return NULL;
    gboolean optional = n->kind == N_REP && n->min == 0;
    GArray *stepped = NULL;
    for (guint i = 0; i < in->len;) {
        cg_prefix *pf = &g_array_index(in, cg_prefix, i);
        if (pf->len > 0 || !(wide || (pf->late && optional)) ||
            pf->lead_spaces + spaces > G_MAXUINT8) {
            i++;
            continue;
        }
        if (!stepped)
            stepped = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
        cg_prefix late = *pf;
        late.late = TRUE;
        late.lead_spaces = (guint8)(late.lead_spaces + spaces);
        for (int b = 0; b < 32; b++)
            late.lead.bits[b] |= bytes.bits[b];
        late.has_tail = FALSE;     /* a lookahead before the lead spoke of the lead */
        g_array_append_val(stepped, late);
        g_array_remove_index(in, i);
    }
    return stepped;
}

/* ---- prefixes ---- */

/* How prefixes are read: how long they grow, whether leads are stepped over. */
typedef struct {
    int depth;
    gboolean allow_late;
} walk;

static GArray *extend_plain(const node *n, GArray *in, const walk *w);

/* Extends each prefix in `in` by what n can match next; full prefixes pass
 * unchanged.  Returns a new array, or NULL when there are too many.  With
 * w->allow_late, leads are stepped over (step_over_lead). */
static GArray *
extend(const node *n, GArray *in, const walk *w)
{
    if (!in)
        return NULL;
    GArray *rest = g_array_copy(in);
    GArray *stepped = w->allow_late ? step_over_lead(n, rest) : NULL;
    GArray *out = extend_plain(n, rest, w);
    g_array_free(rest, TRUE);
    if (stepped && out)
        g_array_append_vals(out, stepped->data, stepped->len);
    if (stepped)
        g_array_free(stepped, TRUE);
    if (out && out->len > MAX_PREFIXES) {
        g_array_free(out, TRUE);
        return NULL;
    }
    return out;
}

/* A prefix extended by one byte of set; FALSE when a lookahead before
 * rules every byte of it out. */
static gboolean
append_set(cg_prefix *pf, const cg_byteset *set)
{
    cg_byteset s = *set;
    gboolean any = FALSE;
    for (int i = 0; i < 32; i++) {
        if (pf->has_tail)
            s.bits[i] &= pf->tail.bits[i];
        any = any || s.bits[i];
    }
    pf->has_tail = FALSE;
    pf->set[pf->len++] = s;
    return any;
}

static GArray *
extend_plain(const node *n, GArray *in, const walk *w)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
    switch (n->kind) {
    case N_SET:
    case N_START:
    case N_BOUNDARY:
    case N_AHEAD:
    case N_EMPTY:
        for (guint i = 0; i < in->len; i++) {
            cg_prefix pf = g_array_index(in, cg_prefix, i);
            if (n->kind == N_SET && pf.len < w->depth) {
                if (!append_set(&pf, &n->set))
                    continue;      /* no match can go this way */
            } else if (n->kind == N_AHEAD && pf.len < w->depth) {
                for (int b = 0; b < 32; b++)
                    pf.tail.bits[b] = pf.has_tail ? pf.tail.bits[b] & n->set.bits[b]
                                                  : n->set.bits[b];
                pf.has_tail = TRUE;
            } else if (n->kind == N_START && pf.len == 0 && !pf.late) {
                pf.start = MAX(pf.start, n->start);
            } else if (n->kind == N_BOUNDARY && pf.len == 0 && !pf.late) {
                pf.boundary = TRUE;
            }
            g_array_append_val(out, pf);
        }
        break;
    case N_CAT: {
        GArray *cur = g_array_copy(in);
        for (guint k = 0; k < n->kids->len && cur; k++) {
            GArray *next = extend(g_ptr_array_index(n->kids, k), cur, w);
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
            GArray *part = extend(g_ptr_array_index(n->kids, k), in, w);
            if (!part) {
                g_array_free(out, TRUE);
                return NULL;
            }
            g_array_append_vals(out, part->data, part->len);
            g_array_free(part, TRUE);
        }
        break;
    case N_REP: {
        /* Past depth repetitions every prefix is full, so more add nothing.
         * That needs each repetition to add a byte: no lead is stepped over
         * inside (the repeat as a whole may be one). */
        const node *kid = g_ptr_array_index(n->kids, 0);
        const walk inside = { w->depth, FALSE };
        int min = MIN(n->min, w->depth + 1);
        int extra = n->max < 0 ? w->depth + 1 : MIN(n->max - n->min, w->depth + 1);
        GArray *cur = g_array_copy(in);
        for (int r = 0; r < min && cur; r++) {
            GArray *next = extend(kid, cur, &inside);
            g_array_free(cur, TRUE);
            cur = next;
        }
        for (int r = 0; r < extra && cur && cur->len; r++) {
            g_array_append_vals(out, cur->data, cur->len);   /* the match may stop repeating here */
            GArray *open = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
            for (guint i = 0; i < cur->len; i++)
                if (g_array_index(cur, cg_prefix, i).len < w->depth)
                    g_array_append_val(open, g_array_index(cur, cg_prefix, i));
            g_array_free(cur, TRUE);
            cur = extend(kid, open, &inside);
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

GArray *
cg_pattern_prefixes(const char *pattern, gboolean caseless, gboolean allow_late)
{
    parser ps = { pattern, caseless, FALSE, g_ptr_array_new_with_free_func(node_free) };
    node *root = parse_alt(&ps);
    if (*ps.p)
        ps.failed = TRUE;   /* an unmatched ')' */
    GArray *prefixes = NULL;
    if (!ps.failed) {
        GArray *start = g_array_new(FALSE, TRUE, sizeof(cg_prefix));
        g_array_set_size(start, 1);
        /* Too many prefixes of full length (\s+ after \s+...): fewer bytes. */
        for (int depth = CG_PREFIX_MAX; !prefixes && depth >= CG_PREFIX_SHORT; depth -= 5) {
            const walk w = { depth, allow_late };
            prefixes = extend(root, start, &w);
        }
        g_array_free(start, TRUE);
    }
    /* A \b before a first byte that is always a word byte: a word start. */
    for (guint i = 0; prefixes && i < prefixes->len; i++) {
        cg_prefix *pf = &g_array_index(prefixes, cg_prefix, i);
        gboolean word_first = pf->boundary && pf->len > 0 && !pf->late;
        for (int c = 0; c < 256 && word_first; c++)
            word_first = !cg_byteset_has(&pf->set[0], (guint8)c) || is_word_byte((guint8)c);
        if (word_first)
            pf->start = CG_START_WORD;
        if (pf->len == CG_PREFIX_MAX)
            pf->has_tail = FALSE;  /* no room: the filter reads CG_PREFIX_MAX bytes */
    }
    g_ptr_array_free(ps.nodes, TRUE);
    return prefixes;
}
