/*
 * pattern_parse.c -- a PCRE2 pattern read into a small tree (see
 * pattern_parse.h).
 */
#include "pattern_parse.h"

#include <string.h>

#define MAX_TREE_NODES 20000

static void set_add(cg_byteset *s, guint8 b) { s->bits[b >> 3] |= (guint8)(1u << (b & 7)); }

gboolean
cg_byteset_covers(const cg_byteset *set, gboolean (*member)(guint8))
{
    for (int b = 0; b < 256; b++)
        if (member((guint8)b) && !cg_byteset_has(set, (guint8)b))
            return FALSE;
    return TRUE;
}

typedef struct {
    const char *p;
    gboolean caseless;
    gboolean failed;
    GPtrArray *nodes;          /* every node, for freeing */
} parser;

static void
node_free(gpointer data)
{
    cg_pattern_node *n = data;
    if (n->kids)
        g_ptr_array_free(n->kids, TRUE);
    g_free(n);
}

static cg_pattern_node *
node_new(parser *ps, cg_pattern_node_kind kind)
{
    cg_pattern_node *n = g_new0(cg_pattern_node, 1);
    n->kind = kind;
    if (kind == CG_NODE_CAT || kind == CG_NODE_ALT || kind == CG_NODE_REP)
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

static cg_pattern_node *parse_alt(parser *ps);

static cg_pattern_node *
parse_class(parser *ps)
{
    cg_pattern_node *n = node_new(ps, CG_NODE_SET);
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

/* What a lookbehind proves of the byte before: (?<![\w...]) or (?<=... X)
 * with X never a word byte prove a word start, (?<![a-zA-Z]) and X never a
 * letter that no letter comes before. */
static cg_prefix_start
proven_start(const cg_pattern_node *inner, gboolean negative)
{
    const cg_pattern_node *last = inner;
    gboolean single = TRUE;        /* one byte long, as a negative lookbehind must be */
    while (last->kind == CG_NODE_CAT && last->kids->len > 0) {
        single = single && last->kids->len == 1;
        last = g_ptr_array_index(last->kids, last->kids->len - 1);
    }
    if (last->kind != CG_NODE_SET || (negative && !single))
        return CG_START_ANYWHERE;
    cg_byteset excluded = last->set;   /* the bytes that cannot come before */
    if (!negative)
        for (int i = 0; i < 32; i++)
            excluded.bits[i] = (guint8)~excluded.bits[i];
    if (cg_byteset_covers(&excluded, cg_is_word_byte))
        return CG_START_WORD;
    return cg_byteset_covers(&excluded, cg_is_ascii_letter) ? CG_START_NOT_AFTER_LETTER : CG_START_ANYWHERE;
}

/* A lookahead of one byte, (?![\w]) or (?=[a-z]), says what the next byte
 * may be; a longer one is read as nothing. */
static cg_pattern_node *
lookahead(parser *ps, const cg_pattern_node *inner, gboolean negative)
{
    if (inner->kind == CG_NODE_CAT && inner->kids->len == 1)
        inner = g_ptr_array_index(inner->kids, 0);
    if (inner->kind != CG_NODE_SET)
        return node_new(ps, CG_NODE_EMPTY);
    cg_pattern_node *n = node_new(ps, CG_NODE_AHEAD);
    for (int i = 0; i < 32; i++)
        n->set.bits[i] = negative ? (guint8)~inner->set.bits[i] : inner->set.bits[i];
    return n;
}

static cg_pattern_node *
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
            return node_new(ps, CG_NODE_EMPTY);
        } else if (q[0] == '<' && g_ascii_isalpha(q[1])) {
            const char *close = strchr(q, '>');
            if (!close) {
                ps->failed = TRUE;
                return node_new(ps, CG_NODE_EMPTY);
            }
            ps->p = close + 1;
        } else {
            ps->failed = TRUE;
            return node_new(ps, CG_NODE_EMPTY);
        }
    }
    cg_pattern_node *inner = parse_alt(ps);
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
    cg_pattern_node *n = node_new(ps, CG_NODE_START);
    n->start = proven_start(inner, type == LOOKBEHIND_NEG);
    return n;
}

static cg_pattern_node *
parse_atom(parser *ps)
{
    char c = *ps->p++;
    cg_pattern_node *n;
    switch (c) {
    case '(':
        return parse_group(ps);
    case '[':
        return parse_class(ps);
    case '.':
        n = node_new(ps, CG_NODE_SET);
        memset(n->set.bits, 0xff, sizeof n->set.bits);
        return n;
    case '^':
    case '$':
        return node_new(ps, CG_NODE_EMPTY);
    case '\\': {
        char e = *ps->p;
        if (!e) {
            ps->failed = TRUE;
            return node_new(ps, CG_NODE_EMPTY);
        }
        ps->p++;
        if (e == 'b')
            return node_new(ps, CG_NODE_BOUNDARY);
        if (strchr("BAzZG", e))
            return node_new(ps, CG_NODE_EMPTY);
        n = node_new(ps, CG_NODE_SET);
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
        return node_new(ps, CG_NODE_EMPTY);
    default:
        n = node_new(ps, CG_NODE_SET);
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

static cg_pattern_node *
parse_cat(parser *ps)
{
    cg_pattern_node *cat = node_new(ps, CG_NODE_CAT);
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->failed) {
        cg_pattern_node *atom = parse_atom(ps);
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
            cg_pattern_node *rep = node_new(ps, CG_NODE_REP);
            rep->min = min;
            rep->max = max;
            g_ptr_array_add(rep->kids, atom);
            atom = rep;
        }
        g_ptr_array_add(cat->kids, atom);
    }
    return cat;
}

static cg_pattern_node *
parse_alt(parser *ps)
{
    cg_pattern_node *first = parse_cat(ps);
    if (*ps->p != '|')
        return first;
    cg_pattern_node *alt = node_new(ps, CG_NODE_ALT);
    g_ptr_array_add(alt->kids, first);
    while (*ps->p == '|' && !ps->failed) {
        ps->p++;
        g_ptr_array_add(alt->kids, parse_cat(ps));
    }
    return alt;
}

gboolean
cg_pattern_parse(const char *pattern, gboolean caseless, cg_pattern_tree *tree)
{
    parser ps = { pattern, caseless, FALSE, g_ptr_array_new_with_free_func(node_free) };
    tree->root = parse_alt(&ps);
    tree->nodes = ps.nodes;
    if (*ps.p)
        ps.failed = TRUE;   /* an unmatched ')' */
    return !ps.failed;
}

void
cg_pattern_tree_clear(cg_pattern_tree *tree)
{
    g_ptr_array_free(tree->nodes, TRUE);
    tree->nodes = NULL;
    tree->root = NULL;
}
