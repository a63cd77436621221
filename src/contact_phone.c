/*
 * contact_phone.c -- phone numbers written with digits, and the phone family.
 *
 * A hand-written scanner collects runs of digit groups joined by the
 * separators people put in numbers (spaces, line breaks, . - / ~ * | and
 * parentheses), then judges each run: 7-15 digits, a real country code after
 * + or 00, NANP rules for 10-digit numbers, a trunk 0 for national formats.
 * Runs that are something else are dropped: glued to letters or URL paths
 * (SKUs, hashes, tracking codes, versions), times, dates, year ranges, IP
 * addresses, prices, quantities, ISBNs, Luhn-valid card numbers,
 * placeholders, and numbers introduced by "order", "invoice", "#"...
 * A run split over lines (or listing numbers "a / b") is also tried piece by piece.
 * wa.me/ and tel: links are numbers too.  Spelled-out numbers are found by
 * contact_phone_words.c; the words before a number are judged by
 * contact_phone_context.c.
 */
#include "contact_phone.h"
#include "ascii_bytes16.h"

#include <string.h>

#define MAX_DIGITS 15   /* E.164 */
#define MIN_DIGITS 7
#define MAX_GAP 4       /* separator characters between two digit groups */

typedef struct {
    size_t start, end;       /* the group's digits in the view */
    gboolean break_before;   /* the gap before it may end one number: a line break, " / " */
} digit_group;

gboolean
phone_digits_look_fake(const char *d, size_t n)
{
    int count[10] = {0}, longest = 1, same = 1;
    gboolean up = TRUE, down = TRUE;
    for (size_t i = 0; i < n; i++) {
        count[d[i] - '0']++;
        if (i > 0) {
            same = d[i] == d[i - 1] ? same + 1 : 1;
            longest = MAX(longest, same);
            up = up && (d[i] - '0') == (d[i - 1] - '0' + 1) % 10;
            down = down && (d[i - 1] - '0') == (d[i] - '0' + 1) % 10;
        }
    }
    for (int c = 0; c < 10; c++)
        if (count[c] * 10 >= (int)n * 7)
            return TRUE;
    return longest >= 6 || up || down;
}

/* ---- what surrounds a run ---- */

/* Length of the separator character at s[i], or 0. */
static size_t
separator_len(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] && strchr(" \n.-/~*|()_", u[0]))
        return 1;
    if (i + 1 < len && u[0] == 0xc2 && u[1] == 0xb7)                       /* · */
        return 2;
    if (i + 2 < len && u[0] == 0xe2 && ((u[1] == 0x80 && ((u[2] >= 0x90 && u[2] <= 0x95) ||
                                                          u[2] == 0xa2)) ||
                                        (u[1] == 0x88 && u[2] == 0x92)))   /* dashes, •, − */
        return 3;
    return 0;
}

/* Whether w ends at end / begins at i, in any case.  The byte next to the
 * number is compared first: most numbers have none of these there. */
static gboolean
has_suffix_ci(const char *s, size_t end, const cg_sized_word *w)
{
    return end >= w->len && ascii_lower(s[end - 1]) == w->word[w->len - 1] &&
           g_ascii_strncasecmp(s + end - w->len, w->word, w->len) == 0;
}

static gboolean
has_prefix_ci(const char *s, size_t i, size_t len, const cg_sized_word *w)
{
    return i + w->len <= len && ascii_lower(s[i]) == w->word[0] &&
           g_ascii_strncasecmp(s + i, w->word, w->len) == 0;
}

/* A wa.me/, tel:, sms: or ?phone= link ends just before p. */
static gboolean
link_before(const char *s, size_t p)
{
    static const cg_sized_word links[] = {
        CG_SIZED("wa.me/"), CG_SIZED("tel:"), CG_SIZED("tel://"), CG_SIZED("sms:"),
        CG_SIZED("callto:"), CG_SIZED("phone="), CG_SIZED("number="), CG_SIZED("viber://chat?number="),
    };
    for (size_t i = 0; i < G_N_ELEMENTS(links); i++)
        if (has_suffix_ci(s, p, &links[i]))
            return TRUE;
    return FALSE;
}

static gboolean
currency_at(const char *s, size_t i, size_t len)
{
    static const cg_sized_word symbols[] = {
        CG_SIZED("$"), CG_SIZED("\xe2\x82\xac"), CG_SIZED("\xc2\xa3"), CG_SIZED("\xc2\xa5"),
        CG_SIZED("\xe2\x82\xb9"), CG_SIZED("\xe2\x82\xbd"), CG_SIZED("\xe2\x82\xb4"),
        CG_SIZED("usd"), CG_SIZED("eur"), CG_SIZED("gbp"), CG_SIZED("brl"), CG_SIZED("chf"),
        CG_SIZED("reais"), CG_SIZED("euro"), CG_SIZED("dollar"), CG_SIZED("pound"), CG_SIZED("pesos"),
    };
    for (size_t k = 0; k < G_N_ELEMENTS(symbols); k++)
        if (has_prefix_ci(s, i, len, &symbols[k]))
            return TRUE;
    return FALSE;
}

/* A price, percentage or quantity: a currency sign or unit right after. */
static gboolean
amount_after(const char *s, size_t end, size_t len)
{
    static const cg_sized_word units[] = {
        CG_SIZED("%"), CG_SIZED("px"), CG_SIZED("pt"), CG_SIZED("mm"), CG_SIZED("cm"),
        CG_SIZED("km"), CG_SIZED("kg"), CG_SIZED("mb"), CG_SIZED("gb"), CG_SIZED("kb"),
        CG_SIZED("dpi"), CG_SIZED("ms"), CG_SIZED("units"), CG_SIZED("pcs"), CG_SIZED("pages"),
        CG_SIZED("words"), CG_SIZED("items"), CG_SIZED("copies"), CG_SIZED("x "), CG_SIZED("\xc3\x97"),
    };
    size_t i = end < len && s[end] == ' ' ? end + 1 : end;
    if (currency_at(s, i, len))
        return TRUE;
    for (size_t k = 0; k < G_N_ELEMENTS(units); k++) {
        size_t n = units[k].len;
        if (has_prefix_ci(s, i, len, &units[k]) && (i + n == len || !g_ascii_isalpha(s[i + n])))
            return TRUE;
    }
    return FALSE;
}

static gboolean
currency_before(const char *s, size_t p)
{
    static const cg_sized_word symbols[] = {
        CG_SIZED("$"), CG_SIZED("\xe2\x82\xac"), CG_SIZED("\xc2\xa3"), CG_SIZED("\xc2\xa5"),
        CG_SIZED("\xe2\x82\xb9"), CG_SIZED("usd"), CG_SIZED("eur"), CG_SIZED("gbp"), CG_SIZED("brl"),
        CG_SIZED("chf"),
    };
    size_t i = p > 0 && s[p - 1] == ' ' ? p - 1 : p;
    for (size_t k = 0; k < G_N_ELEMENTS(symbols); k++) {
        size_t n = symbols[k].len;
        if (has_suffix_ci(s, i, &symbols[k]) && (i == n || !g_ascii_isalpha(s[i - n - 1])))
            return TRUE;
    }
    return FALSE;
}

/* The run touches letters or other symbols that make it an ID, code, time or amount. */
static gboolean
glued_before(const char *s, size_t p)
{
    if (p == 0)
        return FALSE;
    unsigned char c = (unsigned char)s[p - 1];
    unsigned char c2 = p >= 2 ? (unsigned char)s[p - 2] : ' ';
    if (g_ascii_isalnum(c) || c == '_' || strchr("#@=?&/\\%", c))
        return TRUE;
    if (strchr("-.,'", c) && (g_ascii_isalnum(c2) || c2 == '_'))
        return TRUE;
    if (c == ':' && g_ascii_isdigit(c2))
        return TRUE;
    return currency_before(s, p);
}

static gboolean
glued_after(const char *s, size_t end, size_t len)
{
    if (end >= len)
        return FALSE;
    unsigned char c = (unsigned char)s[end];
    unsigned char c2 = end + 1 < len ? (unsigned char)s[end + 1] : ' ';
    if (g_ascii_isalnum(c) || c == '_' || c == '@' || c == '%')
        return TRUE;
    if (strchr("-.,':/", c) && (g_ascii_isalnum(c2) || c2 == '_'))
        return TRUE;
    return amount_after(s, end, len);
}

/* ---- the shape of a run ---- */

static unsigned
group_value(const char *s, const digit_group *g)
{
    unsigned v = 0;
    for (size_t i = g->start; i < g->end && i < g->start + 6; i++)
        v = v * 10 + (unsigned)(s[i] - '0');
    return v;
}

static size_t
group_digits(const digit_group *g)
{
    return g->end - g->start;
}

/* The gap between groups a and a+1 is exactly the one character c. */
static gboolean
gap_is(const char *s, const digit_group *g, char c)
{
    return g[1].start == g[0].end + 1 && s[g[0].end] == c;
}

static gboolean
is_year(const char *s, const digit_group *g)
{
    unsigned v = group_value(s, g);
    return group_digits(g) == 4 && v >= 1900 && v <= 2099;
}

/* Dates (2025-06-14, 14/06/2025, 14.06.25), year ranges, numbers/year and IPv4 addresses. */
static gboolean
looks_like_date_or_address(const char *s, const digit_group *g, size_t n)
{
    if (n == 2 && is_year(s, &g[0]) && is_year(s, &g[1]))
        return TRUE;
    if (n >= 2 && is_year(s, &g[n - 1]) && gap_is(s, &g[n - 2], '/'))   /* file no. 12-0487/2019 */
        return TRUE;
    for (size_t i = 0; i + 2 < n; i++) {
        char sep = s[g[i].end];
        if (!strchr("-/.", sep) || !gap_is(s, &g[i], sep) || !gap_is(s, &g[i + 1], sep))
            continue;
        unsigned a = group_value(s, &g[i]), b = group_value(s, &g[i + 1]), c = group_value(s, &g[i + 2]);
        size_t cl = group_digits(&g[i + 2]);
        if (is_year(s, &g[i]) && b >= 1 && b <= 12 && c >= 1 && c <= 31 && cl <= 2)
            return TRUE;
        if (group_digits(&g[i]) <= 2 && group_digits(&g[i + 1]) <= 2 && a >= 1 && a <= 31 &&
            b >= 1 && b <= 31 && (is_year(s, &g[i + 2]) || cl == 2))
            return TRUE;
    }
    if (n >= 4) {
        for (size_t i = 0; i < n; i++)
            if (group_digits(&g[i]) > 3 || group_value(s, &g[i]) > 255 ||
                (i + 1 < n && !gap_is(s, &g[i], '.')))
                return FALSE;
        return TRUE;
    }
    return FALSE;
}

static gboolean
luhn_valid(const char *d, size_t n)
{
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = d[n - 1 - i] - '0';
        if (i % 2 == 1)
            v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return sum % 10 == 0;
}

/* ---- number plans ---- */

static gboolean
nanp_valid(const char *d)
{
    return d[0] >= '2' && d[1] != '9' && !(d[1] == '1' && d[2] == '1') &&
           d[3] >= '2' && !(d[4] == '1' && d[5] == '1');
}

/* Length of the E.164 country code d starts with, or 0 if none is plausible. */
static size_t
country_code_len(const char *d)
{
    static const char two_digit[] =
        "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
        "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98";
    static const char unassigned_three[] = "28 80 83 87 89 ";
    if (d[0] == '1' || d[0] == '7')
        return 1;
    if (d[0] == '0')
        return 0;
    char two[3] = {d[0], d[1], 0};
    if (strstr(two_digit, two))
        return 2;
    if (strstr(unassigned_three, two) && !(d[0] == '8' && d[1] == '0' && (d[2] == '0' || d[2] == '8')) &&
        !(d[0] == '8' && d[1] == '7' && (d[2] == '0' || d[2] == '8')))
        return 0;
    return 3;
}

static gboolean
international_valid(const char *d, size_t n)
{
    size_t cc = country_code_len(d);
    if (cc == 0 || n - cc < 4 || n - cc > 13)
        return FALSE;
    return d[0] != '1' || (n == 11 && nanp_valid(d + 1));
}

/* PLAN_OTHER: 10-12 digits in no plan checked here (Brazil's (11) 98765-4321,
 * China's 138...): a number only when a context word says so. */
typedef enum { PLAN_NONE, PLAN_OTHER, PLAN_LOCAL, PLAN_NATIONAL, PLAN_INTERNATIONAL } number_plan;

static number_plan
number_plan_of(const char *d, size_t n, gboolean international)
{
    if (international)
        return international_valid(d, n) ? PLAN_INTERNATIONAL : PLAN_NONE;
    if ((n == 10 && nanp_valid(d)) || (n == 11 && d[0] == '1' && nanp_valid(d + 1)))
        return PLAN_NATIONAL;
    if (n >= 9 && n <= 12 && d[0] == '0' && d[1] != '0')   /* trunk prefix: 020..., 030..., 0491... */
        return PLAN_NATIONAL;
    if (n <= 9 && d[0] != '0')
        return PLAN_LOCAL;
    return n <= 12 && d[0] != '0' ? PLAN_OTHER : PLAN_NONE;
}

/* ---- judging one candidate: groups g[0..n) ---- */

/* How a candidate may begin at a group: what precedes its first digit. */
typedef struct {
    size_t vstart;          /* including a "(" and a "+" before the digits */
    gboolean paren, plus, link, usable;
    phone_context_kind context;
    gboolean context_known; /* context is looked up once, when first needed */
} run_start;

static run_start
start_at(const char *s, const digit_group *g)
{
    run_start st = {g->start, FALSE, FALSE, FALSE, FALSE, PHONE_CONTEXT_NONE, FALSE};
    st.paren = st.vstart > 0 && s[st.vstart - 1] == '(';
    st.vstart -= st.paren;
    st.plus = st.vstart > 0 && s[st.vstart - 1] == '+';
    st.vstart -= st.plus;
    st.link = link_before(s, st.vstart);
    st.usable = st.link || !glued_before(s, st.vstart);
    return st;
}

typedef struct {
    size_t vstart, vend;
    double score;
    const char *rule;
} phone_hit;

/* "1 2 3 ... 10", one per line: a numbered list, not a number. */
static gboolean
counts_up(const char *s, const digit_group *g, size_t n)
{
    if (n < 4)
        return FALSE;
    for (size_t i = 1; i < n; i++)
        if (group_value(s, &g[i]) != group_value(s, &g[i - 1]) + 1)
            return FALSE;
    return TRUE;
}

static gboolean
judge_candidate(const cg_text *text, const digit_group *g, size_t n, run_start *st, phone_hit *hit)
{
    const char *s = text->view.text;
    size_t len = text->view.len, vend = g[n - 1].end;
    char d[MAX_DIGITS + 1];
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (nd + group_digits(&g[i]) > MAX_DIGITS)
            return FALSE;
        memcpy(d + nd, s + g[i].start, group_digits(&g[i]));
        nd += group_digits(&g[i]);
    }
    d[nd] = 0;
    if (nd < MIN_DIGITS || phone_digits_look_fake(d, nd) || looks_like_date_or_address(s, g, n) ||
        counts_up(s, g, n))
        return FALSE;
    /* "(2003)" after a page range: a parenthesised tail is not part of a phone. */
    if (vend < len && s[vend] == ')' && n > 1 && memchr(s + g[n - 2].end, '(', g[n - 1].start - g[n - 2].end))
        return FALSE;
    gboolean double_zero = !st->plus && d[0] == '0' && d[1] == '0';
    gboolean international = st->plus || double_zero;
    if (!international && nd >= 13 && (luhn_valid(d, nd) || (nd == 13 && (g_str_has_prefix(d, "978") ||
                                                                       g_str_has_prefix(d, "979")))))
        return FALSE;
    const char *digits = double_zero ? d + 2 : d;
    size_t ndigits = double_zero ? nd - 2 : nd;
    number_plan plan = number_plan_of(digits, ndigits, international);
    if (st->link && plan != PLAN_INTERNATIONAL && international_valid(digits, ndigits))
        plan = PLAN_INTERNATIONAL;
    if (plan == PLAN_NONE || glued_after(s, vend, len))
        return FALSE;
    if (!st->context_known) {
        st->context = phone_context(s, st->vstart);
        st->context_known = TRUE;
    }
    if (st->context == PHONE_CONTEXT_NOT_PHONE)
        return FALSE;

    gboolean formatted = n > 1 || st->paren || st->plus;
    gboolean context = st->context == PHONE_CONTEXT_PHONE ||
                       (st->context == PHONE_CONTEXT_NUMBER && plan != PLAN_OTHER);
    double score;
    switch (plan) {
    case PLAN_INTERNATIONAL: score = context ? 0.95 : 0.9; break;
    case PLAN_NATIONAL:      score = context ? 0.9 : formatted ? 0.85 : 0.55; break;
    case PLAN_LOCAL:         score = context ? 0.8 : formatted ? 0.5 : 0.4; break;
    default:                 score = context ? 0.8 : 0.4; break;
    }
    if (st->link)
        score = MAX(score, 0.9);
    *hit = (phone_hit){st->vstart, vend, score, st->link ? "phone.link" : "phone.number"};
    return TRUE;
}

/* Judge a run, whole or in pieces between breaks: the longest acceptable stretch wins. */
static void
judge_run(const cg_text *text, const digit_group *g, size_t n, GPtrArray *findings)
{
    size_t first = 0;
    while (first < n) {
        phone_hit best = {0}, hit;
        size_t best_end = 0, digits = 0;
        run_start st = start_at(text->view.text, &g[first]);
        for (size_t end = first; st.usable && end < n && digits <= MAX_DIGITS; end++) {
            digits += group_digits(&g[end]);
            if ((end + 1 == n || g[end + 1].break_before) &&
                judge_candidate(text, g + first, end + 1 - first, &st, &hit)) {
                best = hit;
                best_end = end + 1;
            }
        }
        if (best_end) {
            g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "phone", best.rule, text,
                                                     best.vstart, best.vend, best.score));
            first = best_end;
        } else {
            do
                first++;
            while (first < n && !g[first].break_before);
        }
    }
}

static gboolean
is_not_digit(guchar c)
{
    return !g_ascii_isdigit(c);
}

/* The first ASCII digit at or after i, len if none. */
static size_t
next_digit(const char *s, size_t len, size_t i)
{
    return (size_t)(run_end16(s + i, s + len, ascii_digits16, is_not_digit) - s);
}

/* The digit groups of one run, kept between runs: most runs are one short
 * group, and growing a plain array costs them a store, not a call. */
typedef struct {
    digit_group *group;
    size_t n, size;
} group_list;

static void
group_list_add(group_list *l, digit_group grp)
{
    if (l->n == l->size) {
        l->size = MAX(16, 2 * l->size);
        l->group = g_renew(digit_group, l->group, l->size);
    }
    l->group[l->n++] = grp;
}

/* Where the separators after a group ending at i end (at most MAX_GAP of
 * them), and whether they may end one number: a line break, " / ". */
static size_t
gap_after(const char *s, size_t len, size_t i, gboolean *breaks)
{
    size_t j = i, seps = 0, w;
    gboolean space = FALSE, slash = FALSE;
    while (j < len && seps < MAX_GAP && (w = separator_len(s, j, len)) > 0) {
        space = space || s[j] == ' ' || s[j] == '\n';
        slash = slash || s[j] == '/' || s[j] == '|' || s[j] == '\n';
        j += w;
        seps++;
    }
    *breaks = space && slash;
    return j;
}

/* Collects into l the run of digit groups that begins with the digit at i;
 * returns where its last group ends, and in *digits how many digits it has. */
static size_t
collect_run(const char *s, size_t len, size_t i, group_list *l, size_t *digits)
{
    gboolean breaks = FALSE;
    l->n = 0;
    *digits = 0;
    for (;;) {
        digit_group grp = {i, i, breaks};
        while (grp.end < len && g_ascii_isdigit(s[grp.end]))
            grp.end++;
        group_list_add(l, grp);
        *digits += group_digits(&grp);
        size_t j = gap_after(s, len, grp.end, &breaks);
        if (j == grp.end || j >= len || !g_ascii_isdigit(s[j]))
            return grp.end;
        i = j;
    }
}

static void
scan_digits(const cg_text *text, GPtrArray *findings)
{
    const char *s = text->view.text;
    size_t len = text->view.len, i = 0, digits;
    group_list run = { NULL, 0, 0 };
    while ((i = next_digit(s, len, i)) < len) {
        i = collect_run(s, len, i, &run, &digits);
        /* Most runs are years, counts and prices: too few digits for any
         * stretch of them to be a number (judge_candidate), so not judged. */
        if (digits >= MIN_DIGITS)
            judge_run(text, run.group, run.n, findings);
    }
    g_free(run.group);
}

/* ---- the family ---- */

static void *
phone_compile(const cg_config *cfg, cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    (void)cfg;
    (void)error;
    return phone_words_new();
}

static void
phone_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    scan_digits(text, findings);
    phone_words_scan(state, text, findings);
}

static void
phone_free(void *state)
{
    phone_words_free(state);
}

const cg_contact_family cg_family_phone = {
    .name = "phone",
    .compile = phone_compile,
    .scan = phone_scan,
    .free = phone_free,
};
