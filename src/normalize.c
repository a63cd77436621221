/*
 * normalize.c -- build the detector view of a text (see normalize.h).
 *
 * One pass over the original splits it into tokens (runs of non-space
 * characters) of (character, original offset) units; each token is folded
 * as a whole -- because whether a Cyrillic 'о' is a letter 'o' or a digit
 * '0' depends on its neighbours -- and then written out with its map.
 * The map is built as anchors (normalize.h): each character written checks
 * whether it lands where the last anchor predicts, and only adds an anchor
 * if not, so text copied unchanged costs no map at all.
 */
#include "normalize.h"
#include "ascii_bytes16.h"
#include "plain_stretch.h"

#include <string.h>

typedef struct {
    gunichar c;
    uint32_t off;
} unit;

/* The anchors of a view being written; delta is the last anchor's orig
 * minus its view offset, so the next character is expected at its view
 * offset plus delta. */
typedef struct {
    cg_view_anchor *a;
    size_t n, cap;
    int64_t delta;
} anchor_list;

/* No anchor yet: no character lands where this predicts. */
#define NO_ANCHOR INT64_MIN

/* text grows by doubling (cap bytes); the token loop writes into it
 * directly, without a call per byte or token. */
typedef struct {
    char *text;
    size_t len, cap;
    anchor_list map;
    GArray *token;         /* unit */
    gboolean pending_space;
    gboolean pending_newline;
    uint32_t space_off;
} builder;

static gboolean
is_ascii_letter(gunichar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A view character starts at view offset `view` and came from the original
 * character at `orig`: add an anchor unless the last one already says so. */
static inline void
map_char(anchor_list *m, size_t view, uint32_t orig)
{
    if ((int64_t)orig - (int64_t)view == m->delta)
        return;
    if (m->n == m->cap) {
        m->cap = MAX(m->cap * 2, 256);
        m->a = g_renew(cg_view_anchor, m->a, m->cap);
    }
    m->a[m->n++] = (cg_view_anchor){ (uint32_t)view, orig };
    m->delta = (int64_t)orig - (int64_t)view;
}

/* Where the view character starting at pos maps, reading anchors in view
 * order: *cursor is the last anchor at or before the previous pos asked. */
static inline uint32_t
orig_in_order(const anchor_list *m, size_t *cursor, size_t pos)
{
    while (*cursor + 1 < m->n && m->a[*cursor + 1].view <= pos)
        (*cursor)++;
    return m->a[*cursor].orig + (uint32_t)(pos - m->a[*cursor].view);
}

/* Room for n more bytes and a terminating NUL. */
static inline void
reserve(builder *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    b->cap = MAX(b->cap * 2, b->len + n + 1);
    b->text = g_realloc(b->text, b->cap);
}

static void
emit_char(builder *b, gunichar c, uint32_t off)
{
    reserve(b, 6);
    map_char(&b->map, b->len, off);
    b->len += g_unichar_to_utf8(c, b->text + b->len);
}

/* The whitespace run before a token becomes one space or one newline. */
static void
emit_pending_space(builder *b)
{
    if (b->pending_space || b->pending_newline) {
        if (b->len > 0) {
            reserve(b, 1);
            map_char(&b->map, b->len, b->space_off);
            b->text[b->len++] = b->pending_newline ? '\n' : ' ';
        }
        b->pending_space = b->pending_newline = FALSE;
    }
}

/*
 * The common case, a token of printable ASCII, written straight through:
 * NFKC, invisibles and look-alike letters cannot occur in it; only the
 * digit look-alike fold can apply.
 */
static void
emit_ascii_token(builder *b, const char *p, size_t n, uint32_t off)
{
    gboolean number = cg_ascii_lookalike_number(p, n);
    emit_pending_space(b);
    reserve(b, n);
    map_char(&b->map, b->len, off);   /* the rest of the token follows it byte for byte */
    char *t = b->text + b->len;
    memcpy(t, p, n);
    if (number)
        for (size_t i = 0; i < n; i++) {
            int d = cg_char_digit_lookalike((unsigned char)p[i]);
            if (d >= 0)
                t[i] = '0' + d;
        }
    b->len += n;
}

/* Write the view of the plain stretch of n bytes at p, which came from
 * original offset off: the stretch itself, but for each CRLF written as LF,
 * which moves the map by one for the rest. */
static void
emit_stretch(builder *b, const char *p, size_t n, uint32_t off)
{
    const char *end = p + n;
    emit_pending_space(b);
    reserve(b, n);
    for (;;) {
        const char *cr = memchr(p, '\r', end - p);
        size_t len = (cr ? cr : end) - p;
        map_char(&b->map, b->len, off);
        memcpy(b->text + b->len, p, len);
        b->len += len;
        if (!cr)
            return;
        b->text[b->len++] = '\n';      /* maps to the CR, as the map predicts */
        off += len + 2;
        p = cr + 2;
    }
}

/* Fold a whole token and write it out. */
static void
flush_token(builder *b)
{
    unit *u = (unit *)(void *)b->token->data;
    size_t n = b->token->len;
    size_t digits = 0, lookalikes = 0, others = 0;
    gboolean latin = FALSE;

    if (n == 0)
        return;
    for (size_t i = 0; i < n; i++) {
        gunichar c = u[i].c;
        if (c >= '0' && c <= '9')
            digits++;
        else if (cg_char_digit_lookalike(c) >= 0)
            lookalikes++;
        else if (g_unichar_isalpha(c))
            others++;
        if (is_ascii_letter(c))
            latin = TRUE;
    }
    /* "7З00", "55O-0l23": look-alikes among digits and separators are digits. */
    gboolean digit_token = digits > 0 && lookalikes > 0 && others == 0 && digits >= lookalikes;

    emit_pending_space(b);
    for (size_t i = 0; i < n; i++) {
        gunichar c = u[i].c;
        int d;
        if (digit_token && (d = cg_char_digit_lookalike(c)) >= 0)
            c = '0' + d;
        else if (latin)
            c = cg_char_latin_skeleton(c);
        emit_char(b, c, u[i].off);
    }
    g_array_set_size(b->token, 0);
}

static void
push_space(builder *b, gunichar c, uint32_t off)
{
    flush_token(b);
    if (!b->pending_space && !b->pending_newline)
        b->space_off = off;
    if (c == '\n' || c == 0x2028 || c == 0x2029 || c == '\v' || c == '\f')
        b->pending_newline = TRUE;
    else
        b->pending_space = TRUE;
}

/* A run of ASCII whitespace at p, which push_space would take byte by byte:
 * the run's end. */
static const char *
push_ascii_spaces(builder *b, const char *p, const char *end, const char *orig)
{
    flush_token(b);
    if (!b->pending_space && !b->pending_newline)
        b->space_off = (uint32_t)(p - orig);
    for (; p < end && is_ascii_space(*p); p++) {
        if (*p == '\n' || *p == '\v' || *p == '\f')
            b->pending_newline = TRUE;
        else
            b->pending_space = TRUE;
    }
    return p;
}

static gboolean
is_space(gunichar c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    return g_unichar_isspace(c) || g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR;
}

/* One character after NFKC: invisible, space, digit, or kept. */
static void
push_folded(builder *b, gunichar c, uint32_t off)
{
    int d;
    if (cg_char_is_invisible(c))
        return;
    if (is_space(c)) {
        push_space(b, c, off);
        return;
    }
    if (c >= 0x80 && (d = g_unichar_digit_value(c)) >= 0)
        c = '0' + d;                               /* Arabic-Indic, Devanagari, ... */
    unit u = { c, off };
    g_array_append_val(b->token, u);
}

/* Latin letters whose NFKC form is themselves: skip the costly call. */
static gboolean
nfkc_stable(gunichar c)
{
    if (c < 0x00C0 || c > 0x024F)
        return FALSE;
    return !(c == 0x0132 || c == 0x0133 || c == 0x013F || c == 0x0140 || c == 0x0149 ||
             c == 0x017F || (c >= 0x01C4 && c <= 0x01CC) || (c >= 0x01F1 && c <= 0x01F3));
}

static void
push_char(builder *b, const char *p, const char *next, gunichar c, uint32_t off)
{
    if (c < 0x80) {
        if (is_space(c))
            push_space(b, c, off);
        else if (c != 0) {
            unit u = { c, off };
            g_array_append_val(b->token, u);
        }
        return;
    }
    if (cg_char_is_invisible(c))
        return;
    /* Dingbat circled digits (❶ ➀ ➊) have no NFKC decomposition. */
    if (c >= 0x2776 && c <= 0x2793) {
        int v = (c - 0x2776) % 10 + 1;
        if (v == 10) {
            push_folded(b, '1', off);
            v = 0;
        }
        push_folded(b, '0' + v, off);
        return;
    }
    if (nfkc_stable(c)) {
        push_folded(b, c, off);
        return;
    }
    char *nfkc = g_utf8_normalize(p, next - p, G_NORMALIZE_NFKC);
    if (!nfkc) {
        push_folded(b, c, off);
        return;
    }
    for (const char *q = nfkc; *q; q = g_utf8_next_char(q))
        push_folded(b, g_utf8_get_char(q), off);
    g_free(nfkc);
}

static gboolean
single_char_token(const char *t, size_t n, size_t i)
{
    /* The byte after first: inside words it is a letter, which settles it. */
    return (i + 1 == n || t[i + 1] == ' ' || t[i + 1] == '\n') &&
           (unsigned char)t[i] < 0x80 && t[i] != ' ' && t[i] != '\n' &&
           (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n');
}

/* Which of the sixteen positions from q may hold a single_char_token: a
 * byte below '!' (a space, a line break, a control byte) on each side. */
static inline guint
spaced_on_both_sides(const char *q)
{
    return mask16_bits(bytes16_within(load16(q - 1), 0, ' ') & bytes16_within(load16(q + 1), 0, ' '));
}

/* The first position at or after i where single_char_token holds, n if
 * none: mostly the one-letter words of prose pass spaced_on_both_sides. */
static size_t
next_single_char_token(const char *t, size_t n, size_t i)
{
    return next_settled16(t, n, i, spaced_on_both_sides, single_char_token);
}

/*
 * Move the view bytes [from, to), which no join touches, down to *w, and
 * carry their anchors (in, read from *cursor) over to out.
 */
static void
move_unjoined(builder *b, const anchor_list *in, size_t *cursor, anchor_list *out,
              size_t from, size_t to, size_t *w)
{
    if (from >= to)
        return;
    if (*w != from)
        memmove(b->text + *w, b->text + from, to - from);
    map_char(out, *w, orig_in_order(in, cursor, from));
    while (*cursor + 1 < in->n && in->a[*cursor + 1].view < to) {
        (*cursor)++;
        map_char(out, in->a[*cursor].view - from + *w, in->a[*cursor].orig);
    }
    *w += to - from;
}

/*
 * "j o h n @ e x a m p l e . c o m" -> "john@example.com": five or more
 * single characters separated by single spaces are one word spelled out.
 * Works in place on the text (the write index never passes the read
 * index); the anchors are rebuilt only if something is joined.
 */
static void
join_spelled_runs(builder *b)
{
    const char *t = b->text;
    size_t n = b->len, i = 0, w = 0, copied = 0, cursor = 0;
    anchor_list joined = { .delta = NO_ANCHOR };

    while ((i = next_single_char_token(t, n, i)) < n) {
        size_t k = i, count = 1;
        while (k + 2 < n && t[k + 1] == ' ' && single_char_token(t, n, k + 2)) {
            k += 2;
            count++;
        }
        if (count >= 5) {
            move_unjoined(b, &b->map, &cursor, &joined, copied, i, &w);
            for (size_t p = i; p <= k; p += 2) {
                map_char(&joined, w, orig_in_order(&b->map, &cursor, p));
                b->text[w++] = t[p];
            }
            copied = k + 1;
        }
        i = k + 1;
    }
    if (copied == 0)
        return;                    /* nothing joined: text and anchors stand */
    move_unjoined(b, &b->map, &cursor, &joined, copied, n, &w);
    g_free(b->map.a);
    b->map = joined;
    b->len = w;
}

/* With shortcuts, plain ASCII is copied by the stretch, token and
 * whitespace run; without, every character goes through push_char. */
static void
build_view(cg_view *view, const char *orig, size_t orig_len, gboolean shortcuts)
{
    builder b = {
        .text = g_malloc(orig_len + 1),
        .cap = orig_len + 1,
        .map = { .delta = NO_ANCHOR },
        .token = g_array_new(FALSE, FALSE, sizeof(unit)),
    };
    const char *p = orig, *end = orig + orig_len;

    while (p < end) {
        const char *next;
        gunichar c;
        if (shortcuts && is_ascii_space(*p)) {
            p = push_ascii_spaces(&b, p, end, orig);
            continue;
        }
        if (shortcuts && b.token->len == 0 && is_ascii_graphic(*p)) {
            size_t n = cg_plain_stretch(p, end);
            if (n > 0) {
                emit_stretch(&b, p, n, (uint32_t)(p - orig));
                p += n;
                continue;
            }
            const char *q = ascii_graphic_end(p + 1, end);
            if (q == end || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' ||
                *q == '\v' || *q == '\f') {
                emit_ascii_token(&b, p, q - p, (uint32_t)(p - orig));
                p = q;
                continue;
            }
        }
        if ((unsigned char)*p < 0x80) {
            c = (unsigned char)*p;
            next = p + 1;
        } else {
            c = g_utf8_get_char(p);
            next = g_utf8_next_char(p);
        }
        push_char(&b, p, next, c, (uint32_t)(p - orig));
        p = next;
    }
    flush_token(&b);
    join_spelled_runs(&b);
    b.text[b.len] = '\0';            /* reserve() always leaves room for it */
    g_array_free(b.token, TRUE);

    view->len = b.len;
    view->text = b.text;
    view->anchors = g_renew(cg_view_anchor, b.map.a, b.map.n);
    view->n_anchors = b.map.n;
    /* The end ends the last token: trailing whitespace, which the view
     * drops, must not be quoted as part of a match at the end of the text. */
    view->end_orig = (b.pending_space || b.pending_newline) ? b.space_off : (uint32_t)orig_len;
}

void
cg_view_build(cg_view *view, const char *orig, size_t orig_len)
{
    build_view(view, orig, orig_len, TRUE);
}

void
cg_view_build_per_char(cg_view *view, const char *orig, size_t orig_len)
{
    build_view(view, orig, orig_len, FALSE);
}

void
cg_view_clear(cg_view *view)
{
    g_free(view->text);
    g_free(view->anchors);
    view->text = NULL;
    view->anchors = NULL;
    view->n_anchors = 0;
    view->len = 0;
}

size_t
cg_view_orig_offset(const cg_view *view, size_t i)
{
    if (i >= view->len)
        return view->end_orig;
    while (i > 0 && ((unsigned char)view->text[i] & 0xC0) == 0x80)
        i--;                          /* a continuation byte maps with its lead */
    size_t lo = 0, hi = view->n_anchors;
    while (hi - lo > 1) {             /* the last anchor at or before i */
        size_t mid = lo + (hi - lo) / 2;
        if (view->anchors[mid].view <= i)
            lo = mid;
        else
            hi = mid;
    }
    return view->anchors[lo].orig + (i - view->anchors[lo].view);
}

void
cg_view_span(const cg_view *view, size_t start, size_t end, size_t *ostart, size_t *oend)
{
    if (start > view->len)
        start = view->len;
    if (end > view->len)
        end = view->len;
    if (end < start)
        end = start;
    *ostart = cg_view_orig_offset(view, start);
    if (end == start) {
        *oend = *ostart;
        return;
    }
    /* End after the original character of the last view byte, so a character
     * folded into several view bytes is quoted whole. */
    size_t last = cg_view_orig_offset(view, end - 1), i = end;
    size_t next = cg_view_orig_offset(view, i);
    while (i < view->len && next <= last)
        next = cg_view_orig_offset(view, ++i);
    *oend = next;
}
