/*
 * term_split.c -- a term's alternation split by the byte a match begins
 * with (see term_split.h).
 *
 * The pattern is cut as source text, not rebuilt from a tree: each byte's
 * pattern is the original with the alternatives that cannot begin with the
 * byte left out, the rest of it unchanged.  A pattern is split only when its
 * match must begin inside exactly one of those alternatives: the
 * alternatives are the pattern's top-level ones, or those of a group that
 * only zero-width assertions come before and no quantifier follows.
 */
#include "term_split.h"
#include "pattern_parse.h"

#include <string.h>

struct cg_regex_pool {
    GHashTable *by_key;      /* "flags:pattern" -> cg_regex */
};

cg_regex_pool *
cg_regex_pool_new(void)
{
    cg_regex_pool *pool = g_new(cg_regex_pool, 1);
    pool->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)cg_regex_free);
    return pool;
}

void
cg_regex_pool_free(cg_regex_pool *pool)
{
    if (!pool)
        return;
    g_hash_table_destroy(pool->by_key);
    g_free(pool);
}

static const cg_regex *
pool_regex(cg_regex_pool *pool, const char *pattern, unsigned flags, GError **error)
{
    char *key = g_strdup_printf("%x:%s", flags, pattern);
    cg_regex *re = g_hash_table_lookup(pool->by_key, key);
    if (re) {
        g_free(key);
        return re;
    }
    re = cg_regex_new(pattern, flags, error);
    if (!re) {
        g_free(key);
        return NULL;
    }
    g_hash_table_insert(pool->by_key, key, re);
    return re;
}

typedef struct {
    const char *start;
    size_t len;
} piece;

/* Past the character class opening at p, or NULL when it is unclosed or
 * holds a POSIX class. */
static const char *
class_end(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (p[0] == '[' && p[1] == ':')
            return NULL;
        p += p[0] == '\\' && p[1] ? 2 : 1;
    }
    return *p ? p + 1 : NULL;
}

/* Past the escape or character class at p, or NULL when it is unclosed or
 * one a cut could change (\Q...\E, a POSIX class). */
static const char *
atom_end(const char *p)
{
    if (*p == '\\')
        return p[1] && p[1] != 'Q' && p[1] != 'E' ? p + 2 : NULL;
    return class_end(p);
}

/* (?i) or (?-i): an option for the rest of the group, later alternatives
 * included, so leaving out an alternative could change how others read. */
static gboolean
is_option_setting(const char *p)
{
    if (p[0] != '(' || p[1] != '?')
        return FALSE;
    const char *q = p + 2;
    while (g_ascii_isalpha(*q) || *q == '-' || *q == '^')
        q++;
    return q > p + 2 && *q == ')';
}

/* Cuts p..end at its top-level bars into alts; FALSE when its parentheses
 * do not balance or it holds a construct a cut could change. */
static gboolean
cut_alternatives(const char *p, const char *end, GArray *alts)
{
    int depth = 0;
    piece cur = { p, 0 };
    while (p < end) {
        if (*p == '\\' || *p == '[') {
            p = atom_end(p);
            if (!p || p > end)
                return FALSE;
            continue;
        }
        if (*p == '(') {
            if (is_option_setting(p) || p[1] == '*')
                return FALSE;
            depth++;
        } else if (*p == ')' && --depth < 0) {
            return FALSE;
        } else if (*p == '|' && depth == 0) {
            cur.len = (size_t)(p - cur.start);
            g_array_append_val(alts, cur);
            cur.start = p + 1;
        }
        p++;
    }
    cur.len = (size_t)(p - cur.start);
    g_array_append_val(alts, cur);
    return depth == 0;
}

/* Past the group opening at p, or NULL. */
static const char *
group_end(const char *p)
{
    int depth = 0;
    while (*p) {
        if (*p == '\\' || *p == '[') {
            p = atom_end(p);
            if (!p)
                return NULL;
            continue;
        }
        if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p + 1;
        p++;
    }
    return NULL;
}

/* Past the zero-width assertions at the start of p. */
static const char *
skip_assertions(const char *p)
{
    for (;;) {
        if (g_str_has_prefix(p, "(?<!") || g_str_has_prefix(p, "(?<=") ||
            g_str_has_prefix(p, "(?!") || g_str_has_prefix(p, "(?=")) {
            const char *end = group_end(p);
            if (!end)
                return p;
            p = end;
        } else if (p[0] == '\\' && p[1] && strchr("bBAG", p[1])) {
            p += 2;
        } else if (*p == '^') {
            p++;
        } else {
            return p;
        }
    }
}

/* Cuts pattern into head, alternatives and tail, where each match begins
 * inside one alternative; FALSE when it has no such shape. */
static gboolean
cut_pattern(const char *pattern, piece *head, GArray *alts, piece *tail)
{
    const char *end = pattern + strlen(pattern);
    if (!cut_alternatives(pattern, end, alts))
        return FALSE;
    if (alts->len > 1) {
        *head = (piece){ pattern, 0 };
        *tail = (piece){ end, 0 };
        return TRUE;
    }
    g_array_set_size(alts, 0);
    const char *open = skip_assertions(pattern);
    if (!g_str_has_prefix(open, "(?:"))
        return FALSE;
    const char *close = group_end(open);
    if (!close || (*close && strchr("*+?{", *close)))
        return FALSE;
    if (!cut_alternatives(open + 3, close - 1, alts) || alts->len < 2)
        return FALSE;
    *head = (piece){ pattern, (size_t)(open + 3 - pattern) };
    *tail = (piece){ close - 1, (size_t)(end - (close - 1)) };
    return TRUE;
}

/* Adds the bytes a match of n can begin with to first; TRUE when n can
 * match empty, so that what follows it can begin the match too.  A
 * lookahead is read as no narrowing. */
static gboolean
add_first_bytes(const cg_pattern_node *n, cg_byteset *first)
{
    gboolean empty;
    switch (n->kind) {
    case CG_NODE_SET:
        for (int k = 0; k < 32; k++)
            first->bits[k] |= n->set.bits[k];
        return FALSE;
    case CG_NODE_CAT:
        for (guint i = 0; i < n->kids->len; i++)
            if (!add_first_bytes(g_ptr_array_index(n->kids, i), first))
                return FALSE;
        return TRUE;
    case CG_NODE_ALT:
        empty = FALSE;
        for (guint i = 0; i < n->kids->len; i++)
            empty = add_first_bytes(g_ptr_array_index(n->kids, i), first) || empty;
        return empty;
    case CG_NODE_REP:
        return add_first_bytes(g_ptr_array_index(n->kids, 0), first) || n->min == 0;
    default:
        return TRUE;       /* zero width */
    }
}

/* The tree's node for the alternatives cut_pattern found: the root, or the
 * first node after the zero-width ones before the group; NULL unless it
 * is an alternation with one kid per alternative. */
static const cg_pattern_node *
alternation_node(const cg_pattern_tree *tree, guint n_alts)
{
    const cg_pattern_node *n = tree->root;
    if (n->kind == CG_NODE_CAT) {
        const cg_pattern_node *kid = NULL;
        for (guint i = 0; i < n->kids->len && !kid; i++) {
            kid = g_ptr_array_index(n->kids, i);
            if (kid->kind == CG_NODE_START || kid->kind == CG_NODE_BOUNDARY ||
                kid->kind == CG_NODE_AHEAD || kid->kind == CG_NODE_EMPTY)
                kid = NULL;
        }
        n = kid;
    }
    return n && n->kind == CG_NODE_ALT && n->kids->len == n_alts ? n : NULL;
}

/* by_byte for the ASCII bytes from the pieces of the pattern and the node
 * of its alternatives. */
static gboolean
split_by_first_byte(cg_term_split *s, cg_regex_pool *pool, const piece *head, GArray *alts,
                    const piece *tail, const cg_pattern_node *alternation, unsigned flags,
                    GError **error)
{
    cg_byteset *first = g_new0(cg_byteset, alts->len);
    gboolean *any_byte = g_new(gboolean, alts->len);
    for (guint i = 0; i < alts->len; i++)
        any_byte[i] = add_first_bytes(g_ptr_array_index(alternation->kids, i), &first[i]);
    GString *pattern = g_string_new(NULL);
    gboolean ok = TRUE;
    for (guint b = 0; b < 0x80 && ok; b++) {
        g_string_truncate(pattern, 0);
        g_string_append_len(pattern, head->start, (gssize)head->len);
        gboolean any = FALSE;
        for (guint i = 0; i < alts->len; i++) {
            if (!any_byte[i] && !cg_byteset_has(&first[i], (guint8)b))
                continue;
            const piece *alt = &g_array_index(alts, piece, i);
            if (any)
                g_string_append_c(pattern, '|');
            g_string_append_len(pattern, alt->start, (gssize)alt->len);
            any = TRUE;
        }
        g_string_append_len(pattern, tail->start, (gssize)tail->len);
        s->by_byte[b] = any ? pool_regex(pool, pattern->str, flags, error) : NULL;
        ok = !any || s->by_byte[b];
    }
    g_string_free(pattern, TRUE);
    g_free(first);
    g_free(any_byte);
    return ok;
}

gboolean
cg_term_split_init(cg_term_split *s, cg_regex_pool *pool, const char *pattern, unsigned flags,
                   GError **error)
{
    flags |= CG_RE_ANCHORED;
    s->whole = pool_regex(pool, pattern, flags, error);
    if (!s->whole)
        return FALSE;
    for (guint b = 0; b < 256; b++)
        s->by_byte[b] = s->whole;
    /* The parser refuses back-references and what else it cannot read:
     * leaving alternatives out could renumber the groups they name. */
    cg_pattern_tree tree;
    gboolean readable = cg_pattern_parse(pattern, flags & CG_RE_CASELESS, &tree);
    piece head, tail;
    GArray *alts = g_array_new(FALSE, FALSE, sizeof(piece));
    gboolean ok = TRUE;
    if (readable && cut_pattern(pattern, &head, alts, &tail)) {
        const cg_pattern_node *alternation = alternation_node(&tree, alts->len);
        if (alternation)
            ok = split_by_first_byte(s, pool, &head, alts, &tail, alternation, flags, error);
    }
    cg_pattern_tree_clear(&tree);
    g_array_free(alts, TRUE);
    return ok;
}
