/*
 * pattern_prefix.c -- the bytes a match of a pattern can begin with (see
 * pattern_prefix.h): the tree of pattern_parse.c walked into prefixes.
 */
#include "pattern_prefix.h"

#define MAX_PREFIXES 16384         /* per pattern, before expansion into bytes */

/* ---- leads ---- */

/* TRUE when n matches only word bytes and spaces, at most *spaces spaces;
 * adds those bytes to *bytes, and sets *wide when some set holds every
 * ASCII letter (a lead that would pass every word). */
static gboolean
lead_of(const cg_pattern_node *n, cg_byteset *bytes, int *spaces, gboolean *wide)
{
    *spaces = 0;
    switch (n->kind) {
    case CG_NODE_SET:
        for (int b = 0; b < 256; b++)
            if (cg_byteset_has(&n->set, (guint8)b) && !cg_is_word_byte((guint8)b) && b != ' ')
                return FALSE;
        for (int i = 0; i < 32; i++)
            bytes->bits[i] |= n->set.bits[i];
        *spaces = cg_byteset_has(&n->set, ' ');
        *wide = *wide || cg_byteset_covers(&n->set, cg_is_ascii_letter);
        return TRUE;
    case CG_NODE_CAT:
    case CG_NODE_ALT:
        for (guint k = 0; k < n->kids->len; k++) {
            int kid_spaces;
            if (!lead_of(g_ptr_array_index(n->kids, k), bytes, &kid_spaces, wide))
                return FALSE;
            *spaces = n->kind == CG_NODE_CAT ? *spaces + kid_spaces : MAX(*spaces, kid_spaces);
        }
        return *spaces <= G_MAXUINT8;
    case CG_NODE_REP: {
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

/* Returns, late and with the lead widened by n, the prefixes of in still
 * at the match start that n is stepped over for: a repeat or set of word
 * bytes and spaces that holds every letter (it would make every word a
 * candidate), or an optional one after such a lead; *rest gets the others.
 * NULL, and *rest too, when none is: in stays as it is. */
static GArray *
step_over_lead(const cg_pattern_node *n, const GArray *in, GArray **rest)
{
    cg_byteset bytes = { { 0 } };
    int spaces;
    gboolean wide = FALSE;
    if ((n->kind != CG_NODE_REP && n->kind != CG_NODE_SET) || !lead_of(n, &bytes, &spaces, &wide))
        return NULL;
    gboolean optional = n->kind == CG_NODE_REP && n->min == 0;
    GArray *stepped = NULL;
    *rest = NULL;
    for (guint i = 0; i < in->len; i++) {
        const cg_prefix *pf = &g_array_index(in, cg_prefix, i);
        if (pf->len > 0 || !(wide || (pf->late && optional)) ||
            pf->lead_spaces + spaces > G_MAXUINT8) {
            if (*rest)
                g_array_append_vals(*rest, pf, 1);
            continue;
        }
        if (!stepped) {
            /* the ones before stay */
            stepped = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
            *rest = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
            g_array_append_vals(*rest, in->data, i);
        }
        cg_prefix late = *pf;
        late.late = TRUE;
        late.lead_spaces = (guint8)(late.lead_spaces + spaces);
        for (int b = 0; b < 32; b++)
            late.lead.bits[b] |= bytes.bits[b];
        late.has_tail = FALSE;     /* a lookahead before the lead spoke of the lead */
        g_array_append_val(stepped, late);
    }
    return stepped;
}

/* ---- prefixes ---- */

/* How prefixes are read: how long they grow, whether leads are stepped over. */
typedef struct {
    int depth;
    gboolean allow_late;
} walk;

static GArray *extend_plain(const cg_pattern_node *n, const GArray *in, const walk *w);

static GArray *
copied(const GArray *in)
{
    GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(cg_prefix), in->len);
    g_array_append_vals(out, in->data, in->len);
    return out;
}

/* Extends each prefix in `in` by what n can match next; full prefixes pass
 * unchanged.  Returns a new array, or NULL when there are too many.  With
 * w->allow_late, leads are stepped over (step_over_lead). */
static GArray *
extend(const cg_pattern_node *n, const GArray *in, const walk *w)
{
    if (!in)
        return NULL;
    GArray *rest = NULL;
    GArray *stepped = w->allow_late ? step_over_lead(n, in, &rest) : NULL;
    GArray *out = extend_plain(n, rest ? rest : in, w);
    if (rest)
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
extend_plain(const cg_pattern_node *n, const GArray *in, const walk *w)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(cg_prefix));
    switch (n->kind) {
    case CG_NODE_SET:
    case CG_NODE_START:
    case CG_NODE_BOUNDARY:
    case CG_NODE_AHEAD:
    case CG_NODE_EMPTY:
        for (guint i = 0; i < in->len; i++) {
            cg_prefix pf = g_array_index(in, cg_prefix, i);
            if (n->kind == CG_NODE_SET && pf.len < w->depth) {
                if (!append_set(&pf, &n->set))
                    continue;      /* no match can go this way */
            } else if (n->kind == CG_NODE_AHEAD && pf.len < w->depth) {
                for (int b = 0; b < 32; b++)
                    pf.tail.bits[b] = pf.has_tail ? pf.tail.bits[b] & n->set.bits[b]
                                                  : n->set.bits[b];
                pf.has_tail = TRUE;
            } else if (n->kind == CG_NODE_START && pf.len == 0 && !pf.late) {
                pf.start = MAX(pf.start, n->start);
            } else if (n->kind == CG_NODE_BOUNDARY && pf.len == 0 && !pf.late) {
                pf.boundary = TRUE;
            }
            g_array_append_val(out, pf);
        }
        break;
    case CG_NODE_CAT: {
        GArray *cur = NULL;
        for (guint k = 0; k < n->kids->len && (k == 0 || cur); k++) {
            GArray *next = extend(g_ptr_array_index(n->kids, k), k == 0 ? in : cur, w);
            if (cur)
                g_array_free(cur, TRUE);
            cur = next;
        }
        if (n->kids->len == 0)
            cur = copied(in);
        if (!cur) {
            g_array_free(out, TRUE);
            return NULL;
        }
        g_array_free(out, TRUE);
        out = cur;
        break;
    }
    case CG_NODE_ALT:
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
    case CG_NODE_REP: {
        /* Past depth repetitions every prefix is full, so more add nothing.
         * That needs each repetition to add a byte: no lead is stepped over
         * inside (the repeat as a whole may be one). */
        const cg_pattern_node *kid = g_ptr_array_index(n->kids, 0);
        const walk inside = { w->depth, FALSE };
        int min = MIN(n->min, w->depth + 1);
        int extra = n->max < 0 ? w->depth + 1 : MIN(n->max - n->min, w->depth + 1);
        GArray *cur = copied(in);
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
    cg_pattern_tree tree;
    GArray *prefixes = NULL;
    if (cg_pattern_parse(pattern, caseless, &tree)) {
        GArray *start = g_array_new(FALSE, TRUE, sizeof(cg_prefix));
        g_array_set_size(start, 1);
        /* Too many prefixes of full length (\s+ after \s+...): a byte
         * fewer at a time, as each byte kept narrows the candidates. */
        for (int depth = CG_PREFIX_MAX; !prefixes && depth >= CG_PREFIX_SHORT; depth--) {
            const walk w = { depth, allow_late };
            prefixes = extend(tree.root, start, &w);
        }
        g_array_free(start, TRUE);
    }
    /* A \b before a first byte that is always a word byte: a word start. */
    for (guint i = 0; prefixes && i < prefixes->len; i++) {
        cg_prefix *pf = &g_array_index(prefixes, cg_prefix, i);
        gboolean word_first = pf->boundary && pf->len > 0 && !pf->late;
        for (int c = 0; c < 256 && word_first; c++)
            word_first = !cg_byteset_has(&pf->set[0], (guint8)c) || cg_is_word_byte((guint8)c);
        if (word_first)
            pf->start = CG_START_WORD;
        if (pf->len == CG_PREFIX_MAX)
            pf->has_tail = FALSE;  /* no room: the filter reads CG_PREFIX_MAX bytes */
    }
    cg_pattern_tree_clear(&tree);
    return prefixes;
}
