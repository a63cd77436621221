/*
 * html.c -- render HTML to plain text for the detectors.
 *
 * One forward pass over the bytes, no recursion, no tree.  Text is copied,
 * entities are decoded, tags are dropped, and a few tags leave something
 * behind: block elements a line break (at most two in a row), table cells a
 * space, <a>/<area> their href as " <target> " after the link text, any
 * element its title and alt text.  Comments are not removed: what is inside
 * is parsed like the rest and rendered after the document's text, so text
 * hidden there stays visible, yet "ana<!-- x -->@example.com" reads whole.
 * <style> content is dropped, <script> content kept verbatim.  Anything that
 * does not parse (a '<' with no tag name, a tag or markup declaration with no
 * '>' anywhere after it, a <style> that is never closed) is kept as text, so
 * a malformed message cannot hide its words from the detectors.  Searches
 * ahead are cached, so bad input still takes linear time.  NULs are dropped.
 */
#include "html.h"
#include "ascii_words64.h"
#include "utf8_text.h"

#include <string.h>

typedef struct {
    const char *name;
    gunichar cp;
    gboolean legacy;     /* HTML also accepts it without the ';' */
} entity;

#define L(n, c) { n, c, TRUE }
#define E(n, c) { n, c, FALSE }
static const entity entities[] = {
    L("amp", '&'), L("AMP", '&'), L("lt", '<'), L("LT", '<'), L("gt", '>'), L("GT", '>'),
    L("quot", '"'), L("QUOT", '"'), E("apos", '\''), L("nbsp", 0xA0), L("copy", 0xA9),
    L("COPY", 0xA9), L("reg", 0xAE), L("REG", 0xAE), E("trade", 0x2122), E("hellip", 0x2026),
    E("mdash", 0x2014), E("ndash", 0x2013), E("lsquo", 0x2018), E("rsquo", 0x2019),
    E("ldquo", 0x201C), E("rdquo", 0x201D), E("bull", 0x2022), L("middot", 0xB7),
    E("euro", 0x20AC), L("pound", 0xA3), L("yen", 0xA5), L("cent", 0xA2), L("sect", 0xA7),
    L("deg", 0xB0), L("times", 0xD7), L("divide", 0xF7), L("laquo", 0xAB), L("raquo", 0xBB),
    L("shy", 0xAD), E("commat", '@'), E("period", '.'), E("lpar", '('), E("rpar", ')'),
    E("lsqb", '['), E("rsqb", ']'), E("lbrack", '['), E("rbrack", ']'), E("lcub", '{'),
    E("rcub", '}'), E("comma", ','), E("colon", ':'), E("semi", ';'), E("sol", '/'),
    E("bsol", '\\'), E("plus", '+'), E("equals", '='), E("num", '#'), E("excl", '!'),
    E("quest", '?'), E("percnt", '%'), E("dollar", '$'), E("ast", '*'), E("lowbar", '_'),
    E("verbar", '|'),
    E("dash", 0x2010), E("hyphen", 0x2010), E("minus", 0x2212), E("ensp", 0x2002),
    E("emsp", 0x2003), E("thinsp", 0x2009), E("zwnj", 0x200C), E("zwj", 0x200D),
};
#undef L
#undef E

/* What HTML makes of &#128; to &#159;: the windows-1252 characters. */
static const guint16 cp1252[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
};

size_t cg_html_entity(const char *s, size_t len, gunichar *out)
{
    size_t i = 0;
    gboolean semi;
    if (s == NULL || len == 0)
        return 0;
    if (s[0] == '#') {
        gboolean hex = len > 1 && (s[1] == 'x' || s[1] == 'X');
        size_t start = i = hex ? 2 : 1;
        guint32 v = 0;
        for (int d; i < len && (d = hex ? g_ascii_xdigit_value(s[i])
                                        : g_ascii_digit_value(s[i])) >= 0; i++)
            if (v <= 0x10FFFF)                   /* saturate above the range */
                v = v * (hex ? 16 : 10) + (guint32) d;
        if (i == start)
            return 0;
        i += i < len && s[i] == ';';
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F)
            v = cp1252[v - 0x80];
        if (out)
            *out = v;
        return i;
    }
    while (i < len && i <= 8 && g_ascii_isalnum(s[i]))
        i++;
    semi = i < len && s[i] == ';';
    for (size_t k = 0; i > 0 && i <= 8 && k < G_N_ELEMENTS(entities); k++) {
        const entity *e = &entities[k];
        if (strlen(e->name) != i || memcmp(e->name, s, i) != 0)
            continue;
        if (!semi && !e->legacy)
            return 0;
        if (out)
            *out = e->cp;
        return i + semi;
    }
    return 0;
}

/* Cached "next occurrence of a byte" searches: queries move forward, so the
 * total work over a document stays linear even when nothing is found. */
enum { FIND_GT, FIND_DQ, FIND_SQ, FIND_N };

typedef struct {
    const char *p;
    size_t len, i;
    GString *out, *href;                         /* href: pending, for </a> */
    GString *text, *comments;                    /* out is one or the other */
    gboolean have_href, in_comment, no_style_end, no_script_end;
    size_t find_from[FIND_N], find_at[FIND_N];
} parser;

static size_t find_byte(parser *ps, int which, size_t from)
{
    static const char bytes[FIND_N] = { '>', '"', '\'' };
    const char *hit;
    if (from >= ps->find_from[which] && from <= ps->find_at[which])
        return ps->find_at[which];
    hit = from < ps->len ? memchr(ps->p + from, bytes[which], ps->len - from) : NULL;
    ps->find_from[which] = from;
    ps->find_at[which] = hit ? (size_t) (hit - ps->p) : ps->len;
    return ps->find_at[which];
}

static gboolean starts_ci(const parser *ps, size_t at, const char *lit)
{
    size_t n = strlen(lit);
    return at <= ps->len && ps->len - at >= n && g_ascii_strncasecmp(ps->p + at, lit, n) == 0;
}

static gboolean is_name_char(char c)
{
    return g_ascii_isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
}

static size_t skip_space(const parser *ps, size_t i)
{
    while (i < ps->len && g_ascii_isspace(ps->p[i]))
        i++;
    return i;
}

/* Position of the first lit at or after from (case-insensitive), or len.
 * With tag, lit must not go on with a name character ("</styles"). */
static size_t find_seq(const parser *ps, size_t from, const char *lit, gboolean tag)
{
    size_t n = strlen(lit);
    for (const char *hit; from < ps->len; from++) {
        if ((hit = memchr(ps->p + from, lit[0], ps->len - from)) == NULL)
            break;
        from = (size_t) (hit - ps->p);
        if (starts_ci(ps, from, lit)
            && !(tag && from + n < ps->len && is_name_char(ps->p[from + n])))
            return from;
    }
    return ps->len;
}

/* Length of the text at s before the first byte that may end it: '<', '&',
 * NUL and, in a comment, '-'.  Eight bytes a step. */
static size_t text_run(const char *s, size_t len, gboolean in_comment)
{
    guint8 dash = in_comment ? '-' : '<';
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        guint64 x = load_le64(s + i);
        guint64 stop = bytes_equal(x, '<') | bytes_equal(x, '&') | bytes_equal(x, 0) | bytes_equal(x, dash);
        if (stop)
            return i + first_marked_byte(stop);
    }
    while (i < len && s[i] != '<' && s[i] != '&' && s[i] != '\0' && !(in_comment && s[i] == '-'))
        i++;
    return i;
}

/* Append s[0..n) without its NUL bytes. */
static void append_raw(GString *out, const char *s, size_t n)
{
    for (const char *nul; n > 0 && (nul = memchr(s, '\0', n)) != NULL; ) {
        g_string_append_len(out, s, nul - s);
        n -= (size_t) (nul - s) + 1;
        s = nul + 1;
    }
    g_string_append_len(out, s, (gssize) n);
}

/* Append s[0..n) with entities decoded (attribute rules if attr). */
static void append_decoded(GString *out, const char *s, size_t n, gboolean attr)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t stop = amp ? (size_t) (amp - s) : n, used;
        gunichar cp;
        append_raw(out, s + i, stop - i);
        if (amp == NULL)
            break;
        i = stop + 1;
        used = cg_html_entity(s + i, n - i, &cp);
        /* In attributes, "&amp=" (no ';', then '=') is part of a URL query. */
        if (used > 0 && attr && s[i + used - 1] != ';' && i + used < n && s[i + used] == '=')
            used = 0;
        g_string_append_unichar(out, used ? cp : '&');
        i += used;
    }
}

static void newline(GString *out)
{
    if (out->len < 2 || out->str[out->len - 1] != '\n' || out->str[out->len - 2] != '\n')
        g_string_append_c(out, '\n');
}

static void flush_href(parser *ps)
{
    if (ps->have_href)
        g_string_append_printf(ps->out, " <%s> ", ps->href->str);
    ps->have_href = FALSE;
}

/* Decode an href into ps->href; FALSE if it leads nowhere ("", "#", javascript:). */
static gboolean take_href(parser *ps, const char *v, size_t n)
{
    GString *h = ps->href;
    g_string_truncate(h, 0);
    append_decoded(h, v, n, TRUE);                /* never holds a NUL */
    g_strstrip(h->str);
    g_string_set_size(h, strlen(h->str));
    return h->len > 0 && strcmp(h->str, "#") != 0
        && g_ascii_strncasecmp(h->str, "javascript:", 11) != 0;
}

static gboolean attr_is(const char *s, size_t n, const char *name)
{
    return n == strlen(name) && g_ascii_strncasecmp(s, name, n) == 0;
}

static gboolean is_block(const char *name)
{
    static const char *const blocks[] = {
        "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "ul", "ol", "dl", "blockquote", "hr", "section", "article", "header", "footer",
        "pre", "dd", "dt", "title", "address", "nav", "aside", "main", "figure",
        "figcaption", "form", "fieldset", "center", "caption", "tbody", "thead", "tfoot",
    };
    for (size_t k = 0; k < G_N_ELEMENTS(blocks); k++)
        if (strcmp(name, blocks[k]) == 0)
            return TRUE;
    return FALSE;
}

/* A tag starts at ps->i ('<' then a letter, or "</" then a letter) and a '>'
 * exists somewhere after it. */
static void parse_tag(parser *ps)
{
    const char *p = ps->p;
    size_t len = ps->len, i = ps->i + 1, nl = 0;
    gboolean end = p[i] == '/', is_a, is_area;
    char name[16];

    for (i += end; i < len && is_name_char(p[i]); i++)
        if (nl < sizeof name)
            name[nl++] = g_ascii_tolower(p[i]);
    name[nl == sizeof name ? 0 : nl] = '\0';  /* too long: no tag we know */
    is_a = strcmp(name, "a") == 0;
    is_area = strcmp(name, "area") == 0;

    if (is_block(name))
        newline(ps->out);
    else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
        g_string_append_c(ps->out, ' ');
    if (is_a || is_area)
        flush_href(ps);                          /* an <a> closes an open one */

    for (;;) {
        size_t nstart, nend, vstart, vend;
        while (i < len && (g_ascii_isspace(p[i]) || p[i] == '/' || p[i] == '\0'))
            i++;
        if (i >= len || p[i] == '>') {
            i += i < len;
            break;
        }
        nstart = i++;                            /* a first '=' is part of the name */
        while (i < len && !g_ascii_isspace(p[i]) && p[i] != '/' && p[i] != '>' && p[i] != '=')
            i++;
        nend = i;
        i = skip_space(ps, i);
        if (i >= len || p[i] != '=')
            continue;                            /* no value */
        i = skip_space(ps, i + 1);
        if (i < len && (p[i] == '"' || p[i] == '\'')) {
            size_t q = find_byte(ps, p[i] == '"' ? FIND_DQ : FIND_SQ, i + 1);
            vstart = i + 1;                      /* unclosed quote: stop at '>' */
            vend = q < len ? q : find_byte(ps, FIND_GT, vstart);
            i = q < len ? q + 1 : vend;
        } else {
            for (vstart = i; i < len && !g_ascii_isspace(p[i]) && p[i] != '>'; i++)
                ;
            vend = i;
        }
        if (end)
            continue;
        if ((is_a || is_area) && attr_is(p + nstart, nend - nstart, "href")) {
            ps->have_href = take_href(ps, p + vstart, vend - vstart);
        } else if (attr_is(p + nstart, nend - nstart, "title")
                   || attr_is(p + nstart, nend - nstart, "alt")) {
            g_string_append_c(ps->out, ' ');
            append_decoded(ps->out, p + vstart, vend - vstart, TRUE);
            g_string_append_c(ps->out, ' ');
        }
    }
    ps->i = i;

    if (is_area || (end && is_a))
        flush_href(ps);                          /* area: after its alt text */
    if (end)
        return;
    if (strcmp(name, "style") == 0 && !ps->no_style_end) {
        size_t e = find_seq(ps, i, "</style", TRUE);
        ps->no_style_end = e == len;             /* never closed: keep it all */
        ps->i = e < len ? e : i;                 /* else the end tag is next */
    } else if (strcmp(name, "script") == 0) {
        size_t e = ps->no_script_end ? len : find_seq(ps, i, "</script", TRUE);
        ps->no_script_end = e == len;
        g_string_append_c(ps->out, ' ');
        append_raw(ps->out, p + i, e - i);
        g_string_append_c(ps->out, ' ');
        ps->i = e;
    }
}

/* "<!..." or "<?...": comments, CDATA, doctype and other declarations. */
static void parse_markup(parser *ps)
{
    const char *p = ps->p;
    size_t len = ps->len, i = ps->i, gt;

    if (starts_ci(ps, i, "<!--")) {
        i += 4;
        if (starts_ci(ps, i, ">") || starts_ci(ps, i, "->")) {
            i += p[i] == '>' ? 1 : 2;            /* "<!-->": empty comment */
        } else {
            ps->in_comment = TRUE;
            ps->out = ps->comments;
            if (starts_ci(ps, i, "[if") && (gt = find_byte(ps, FIND_GT, i)) < len && gt - i < 256)
                i = gt + 1;                      /* conditional: drop "[if mso]>" */
        }
        g_string_append_c(ps->out, ' ');
        ps->i = i;
    } else if (starts_ci(ps, i, "<![CDATA[")) {
        size_t e = find_seq(ps, i + 9, "]]>", FALSE);
        append_raw(ps->out, p + i + 9, e - (i + 9));
        ps->i = e < len ? e + 3 : len;
    } else if ((gt = find_byte(ps, FIND_GT, i)) >= len) {
        g_string_append_c(ps->out, '<');         /* no '>' ever: plain text */
        ps->i = i + 1;
    } else {
        /* "<![endif]-->" closes a conditional comment. */
        if (ps->in_comment && gt - i >= 4 && p[gt - 1] == '-' && p[gt - 2] == '-') {
            ps->in_comment = FALSE;
            g_string_append_c(ps->out, ' ');
            ps->out = ps->text;
        }
        ps->i = gt + 1;
    }
}

char *cg_html_to_text(const char *html, size_t len, size_t *out_len)
{
    parser ps;

    memset(&ps, 0, sizeof ps);
    ps.p = html ? html : "";
    ps.len = html ? len : 0;
    ps.text = ps.out = g_string_sized_new(ps.len + 16);
    ps.comments = g_string_new(NULL);
    ps.href = g_string_new(NULL);
    for (int k = 0; k < FIND_N; k++)
        ps.find_from[k] = ps.find_at[k] = G_MAXSIZE;

    while (ps.i < ps.len) {
        const char *p = ps.p;
        size_t i = ps.i, n = ps.len;
        char c = p[i], d = i + 1 < n ? p[i + 1] : '\0';

        if (c == '<' && (d == '!' || d == '?')) {
            parse_markup(&ps);
        } else if (c == '<' && (g_ascii_isalpha(d)
                                || (d == '/' && i + 2 < n && g_ascii_isalpha(p[i + 2])))
                   && find_byte(&ps, FIND_GT, i) < n) {
            parse_tag(&ps);
        } else if (c == '&') {
            gunichar cp;
            size_t used = cg_html_entity(p + i + 1, n - i - 1, &cp);
            g_string_append_unichar(ps.out, used ? cp : '&');
            ps.i += 1 + used;
        } else if (c == '\0') {
            ps.i++;
        } else if (ps.in_comment && (starts_ci(&ps, i, "-->") || starts_ci(&ps, i, "--!>"))) {
            g_string_append_c(ps.out, ' ');
            ps.in_comment = FALSE;
            ps.out = ps.text;
            ps.i += p[i + 2] == '!' ? 4 : 3;
        } else {                                 /* text, or a '<' that starts no tag */
            size_t j = i + 1 + text_run(p + i + 1, n - i - 1, ps.in_comment);
            g_string_append_len(ps.out, p + i, (gssize) (j - i));
            ps.i = j;
        }
    }
    flush_href(&ps);
    g_string_free(ps.href, TRUE);
    ps.out = ps.text;
    if (ps.comments->len) {
        g_string_append_c(ps.out, '\n');
        g_string_append_len(ps.out, ps.comments->str, (gssize) ps.comments->len);
    }
    g_string_free(ps.comments, TRUE);

    if (!cg_utf8_validate(ps.out->str, ps.out->len, NULL)) {
        char *valid = g_utf8_make_valid(ps.out->str, (gssize) ps.out->len);
        g_string_assign(ps.out, valid);
        g_free(valid);
    }
    if (out_len)
        *out_len = ps.out->len;
    return g_string_free(ps.out, FALSE);
}
