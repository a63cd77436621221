/*
 * contact_email.c -- email addresses, plain or disguised.
 *
 * One pattern covers "ana@example.com", "ana [at] example (dot) com",
 * "ana at example dot com", "arroba/arobase/ponto", "ana&#64;example.com"
 * and "a n a @ e x a m p l e . c o m" (joined by the normaliser); mailto:
 * links arrive as text from the HTML renderer.  The last label must be a
 * real TLD.  Not addresses: scp-style clone URLs (git@github.com:org/repo),
 * and "I work at acme.com", where a plain "at" meets an ordinary domain.
 *
 * The pattern may begin at any word, so it is tried only near an "at": every
 * match holds an '@', a '&' (the entities) or the word at/arroba/arobase
 * after a space or bracket, followed by a domain label and a dot, and its
 * local part ends right before that at's spaces and bracket.  Only word starts in the local part that could end
 * there are tried (local_part_reach), and the at word itself, which may be
 * a local part's first word ("at [dot] ana@...").
 */
#include "contact.h"
#include "ascii_bytes16.h"
#include "filtered_regex.h"
#include "tld.h"

#include <string.h>

#define AT \
    "(?:\\s*[\\[({<]\\s*(?:at|@|arroba|arobase)\\s*[\\])}>]\\s*" \
    "|\\s+(?:at|arroba|arobase)\\s+" \
    "|\\s*(?:@|&\\#0*64;?|&\\#x0*40;?|&commat;)\\s*)"
#define DOT \
    "(?:\\s*[\\[({<]\\s*(?:dot|punto|ponto|point|punkt|\\.)\\s*[\\])}>]\\s*" \
    "|\\s+(?:dot|punto|ponto|point|punkt)\\s+" \
    "|\\s+\\.\\s+|\\.|&\\#0*46;?|&period;)"

static const char email_pattern[] =
    "(?<![\\w.%+-])"
    "([a-z0-9](?:[a-z0-9_%+-]|" DOT "(?=[a-z0-9])){0,63})"  /* 1: local part */
    "(" AT ")"                                               /* 2: the at */
    "([a-z0-9][a-z0-9-]{0,62}(?:" DOT "[a-z0-9][a-z0-9-]{0,62}){0,4})"  /* 3: domain labels */
    "(" DOT ")"                                              /* 4: last dot */
    "([a-z]{2,24})(?![a-z0-9-])";                            /* 5: TLD */

/* Mail providers: "ana at gmail.com" is an address, "I work at acme.com" is not. */
static const char *const providers[] = {
    "aol", "gmail", "gmx", "googlemail", "hotmail", "icloud", "live", "mail", "me", "msn",
    "outlook", "proton", "protonmail", "web", "yahoo", "yandex", "zoho",
};


static gboolean
is_one_of(char c, const char *set)
{
    return c && strchr(set, c);
}

static gboolean
is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');      /* \s in byte mode */
}

/* A byte of a local part outside its spaced dots: letters, digits, _%+- and
 * the '.', '&', '#', ';' of the plain and entity dots. */
static gboolean
is_local_byte(char c)
{
    return g_ascii_isalnum(c) || is_one_of(c, "_%+-.&#;");
}

/* The spaces and brackets around a spaced dot: "ana [dot] lee", "ana . lee". */
static gboolean
is_dot_gap_byte(char c)
{
    return is_space(c) || is_one_of(c, "[({<])}>");
}

static gboolean
is_dot_word(const char *s, size_t n)
{
    static const cg_sized_word words[] = { CG_SIZED("."), CG_SIZED("dot"), CG_SIZED("punto"),
                                           CG_SIZED("ponto"), CG_SIZED("point"), CG_SIZED("punkt") };
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (words[i].len == n && g_ascii_strncasecmp(s, words[i].word, n) == 0)
            return TRUE;
    return FALSE;
}

/* The first position, not before limit, of a local part that could end at
 * end.  Spaces and brackets occur in a local part only around a dot word
 * ("ana (dot) lee", "ana . lee"), and every such dot is followed by a run
 * of local bytes, so going back from the end the text must read: local
 * bytes, gap, dot word, gap, local bytes, ...  The walk stops where it does
 * not, which keeps "look at", "meet me at" to the one word before the at. */
static size_t
local_part_reach(const char *s, size_t end, size_t limit)
{
    size_t q = end;
    for (;;) {
        while (q > limit && is_local_byte(s[q - 1]))
            q--;
        size_t r = q;
        while (r > limit && is_dot_gap_byte(s[r - 1]))
            r--;
        size_t word_end = r;
        while (r > limit && is_local_byte(s[r - 1]))
            r--;
        if (word_end == q || !is_dot_word(s + r, word_end - r))
            return q;
        size_t before = r;
        while (before > limit && is_dot_gap_byte(s[before - 1]))
            before--;
        if (before == r)
            return q;
        q = before;
    }
}

/* Where the local part before the at at t ends: the at begins with spaces,
 * or spaces, one bracket and spaces ("ana [at]", "ana @"). */
static size_t
at_gap_start(const char *s, size_t t, size_t limit)
{
    size_t e = t;
    while (e > limit && is_space(s[e - 1]))
        e--;
    if (e > limit && is_one_of(s[e - 1], "[({<"))
        for (e--; e > limit && is_space(s[e - 1]); e--)
            ;
    return e;
}

/* The bytes an at word follows: spaces and opening brackets. */
static gboolean
is_at_word_lead(char c)
{
    return is_space(c) || is_one_of(c, "[({<");
}

/* Whether the text at t is the lower-case word w of n letters in any case
 * (for a letter, | 0x20 folds only its capital to it). */
static gboolean
has_word(const char *s, size_t len, size_t t, const char *w, size_t n)
{
    if (t + n > len)
        return FALSE;
    for (size_t k = 0; k < n; k++)
        if ((s[t + k] | 0x20) != w[k])
            return FALSE;
    return TRUE;
}

/* Where an at in any of its forms could be: '@', '&' (an entity) or a word
 * at/arroba/arobase between spaces or brackets.  Most positions asked about
 * begin some other word with 'a' ("and", "a", "about"), so the second
 * letter, 't' or 'r' in every at word, is compared before anything else. */
static gboolean
is_at_trigger(const char *s, size_t len, size_t t)
{
    static const cg_sized_word words[] = { CG_SIZED("at"), CG_SIZED("arroba"), CG_SIZED("arobase") };
    if (s[t] == '@' || s[t] == '&')
        return TRUE;
    if ((s[t] | 0x20) != 'a' || t + 1 == len)
        return FALSE;
    char second = s[t + 1] | 0x20;
    if ((second != 't' && second != 'r') || t == 0 || !is_at_word_lead(s[t - 1]))
        return FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        size_t n = words[i].len;
        if (has_word(s, len, t, words[i].word, n) &&
            (t + n == len || is_space(s[t + n]) || is_one_of(s[t + n], "])}>")))
            return TRUE;
    }
    return FALSE;
}

/* The bytes of a chunk that may be triggers, a superset settled by
 * is_at_trigger: every '@' and '&', and each 'a' or 'A' whose byte before
 * (the same byte of `before`, the chunk one byte earlier) is below '@' or is
 * '[' or '{' -- the spaces and brackets and more -- and whose byte after is
 * 't' or 'r', the second letter of every at word.  One comparison finds '@',
 * 'A', '`' and 'a' (the bytes that are 0x61 with bits 0x21 set); of those
 * the ones with bit 0 clear, '@' and '`', need no bytes around them. */
static inline mask16
trigger_bytes(bytes16 before, bytes16 x, bytes16 after)
{
    mask16 at_or_a = (x | 0x21) == 0x61;
    mask16 lead = (before < '@') | ((before | 0x20) == '{');     /* '[' | 0x20 is '{' */
    mask16 second = ((after | 0x20) == 't') | ((after | 0x20) == 'r');
    mask16 no_lead_needed = (x & 1) == 0;
    return (at_or_a & ((lead & second) | no_lead_needed)) | (x == '&');
}

/* Whether a dot could follow at p, the end of a domain label: '.' or an
 * entity right there, a bracket after any spaces, or after spaces a '.' or
 * a dot word. */
static gboolean
dot_may_follow(const char *s, size_t len, size_t p)
{
    if (p < len && (s[p] == '.' || s[p] == '&'))
        return TRUE;
    size_t label_end = p;
    while (p < len && is_space(s[p]))
        p++;
    if (p == len || is_one_of(s[p], "[({<"))
        return p < len;
    if (p == label_end)
        return FALSE;
    size_t word = 0;
    while (p + word < len && g_ascii_isalpha(s[p + word]))
        word++;
    return s[p] == '.' || is_dot_word(s + p, word);
}

/* Whether a domain could follow the at at t: after the '@' or the at word,
 * its spaces and closing bracket, a label of letters, digits and '-', then
 * a dot.  Most at words in prose have none ("meet at noon tomorrow"); an
 * entity ('&') is let through as it is. */
static gboolean
domain_may_follow(const char *s, size_t len, size_t t)
{
    if (s[t] == '&')
        return TRUE;
    size_t p = t + 1;
    if (g_ascii_isalpha(s[t]))
        while (p < len && g_ascii_isalpha(s[p]))
            p++;
    while (p < len && (is_space(s[p]) || is_one_of(s[p], "])}>")))
        p++;
    if (p == len || !g_ascii_isalnum(s[p]))
        return FALSE;
    while (p < len && (g_ascii_isalnum(s[p]) || s[p] == '-'))
        p++;
    return dot_may_follow(s, len, p);
}

/* An at an address could be built around: no match's at is anywhere else. */
static gboolean
is_email_at(const char *s, size_t len, size_t t)
{
    return is_at_trigger(s, len, t) && domain_may_follow(s, len, t);
}

/* Which of the sixteen positions from q trigger_bytes marks. */
static inline guint
trigger_marks(const char *q)
{
    return mask16_bits(trigger_bytes(load16(q - 1), load16(q), load16(q + 1)));
}

/* The first at an address could be built around at or after t, len if
 * none. */
static size_t
next_trigger(const char *s, size_t len, size_t t)
{
    return next_settled16(s, len, t, trigger_marks, is_email_at);
}

/* Where the local part can begin: a letter or digit the lookbehind allows. */
static gboolean
may_start(const char *s, size_t p)
{
    return g_ascii_isalnum(s[p]) && (p == 0 || !(g_ascii_isalnum(s[p - 1]) || is_one_of(s[p - 1], "_.%+-")));
}

/* The first trigger at or after `from` and the run of address bytes before
 * it, kept between calls: the scan asks for ever later positions. */
typedef struct {
    size_t from;             /* the search that found trigger began here */
    size_t run;              /* first position a local part may start at, >= from */
    size_t trigger;          /* len + 1: none */
    gboolean valid;
} email_cursor;

static size_t
next_candidate(void *data, const char *s, size_t len, size_t from)
{
    email_cursor *c = data;
    for (;;) {
        if (!c->valid || from < c->from || from > c->trigger) {
            size_t t = next_trigger(s, len, from);
            if (t >= len)
                return len + 1;
            size_t run = local_part_reach(s, at_gap_start(s, t, from), from);
            /* An at word may be a word of a longer local part ("ana [dot] at [dot] lee@..."). */
            if (g_ascii_isalpha(s[t]))
                run = MIN(run, local_part_reach(s, t + 1, from));
            *c = (email_cursor){ from, run, t, TRUE };
        }
        for (size_t p = MAX(from, c->run); p <= c->trigger; p++)
            if (may_start(s, p))
                return p;
        from = c->trigger + 1;
    }
}

static gboolean
span_has(const char *s, gssize a, gssize b, const char *chars)
{
    for (gssize i = a; i < b; i++)
        if (strchr(chars, s[i]))
            return TRUE;
    return FALSE;
}

static gboolean
is_provider(const char *s, gssize a, gssize b)
{
    for (size_t i = 0; i < G_N_ELEMENTS(providers); i++)
        if ((gssize)strlen(providers[i]) == b - a && g_ascii_strncasecmp(s + a, providers[i], b - a) == 0)
            return TRUE;
    return FALSE;
}

static void
email_free(void *state)
{
    cg_filtered_regex_free(state);
}

static void *
email_compile(const cg_config *cfg, cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    (void)cfg;
    return cg_filtered_regex_new_with(email_pattern, CG_RE_CASELESS, next_candidate, error);
}

static void
email_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const cg_filtered_regex *email = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[12];
    email_cursor cursor = { 0 };

    while (cg_filtered_regex_find(email, &cursor, s, len, pos, ov, 6)) {
        /* A rejected match may hide a real one inside it ("write me at
         * ana.lee@..." first matches "me at ana.lee"): retry just after its start. */
        pos = (size_t)ov[0] + 1;
        if (!cg_tld_known(s + ov[10], ov[11] - ov[10]))
            continue;
        /* "me at ana.dev@example.com": the real address goes on past this one. */
        if ((size_t)ov[1] < len && (s[ov[1]] == '@' ||
                                     (s[ov[1]] == '.' && g_ascii_isalnum(s[ov[1] + 1]))))
            continue;
        /* git@github.com:org/repo.git is a clone URL, not a mailbox. */
        if ((size_t)ov[1] + 1 < len && s[ov[1]] == ':' && !g_ascii_isspace(s[ov[1] + 1]))
            continue;
        pos = (size_t)ov[1];
        gboolean plain_at = !span_has(s, ov[4], ov[5], "@[({<&");
        gboolean undisguised = !plain_at && !span_has(s, ov[0], ov[1], " \t\n[({<&");
        double score;
        const char *rule;
        if (undisguised) {
            rule = "email.address";
            score = 0.9;
        } else if (plain_at && !span_has(s, ov[6], ov[9], " [({<&") &&
                   !span_has(s, ov[2], ov[3], "._0123456789") && !is_provider(s, ov[6], ov[7])) {
            rule = "email.at-word";          /* "work at acme.com": likely a workplace */
            score = 0.4;
        } else {
            rule = "email.obfuscated";
            score = 0.95;
        }
        g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "email", rule, text,
                                                 ov[0], ov[1], score));
    }
}

const cg_contact_family cg_family_email = {
    .name = "email",
    .compile = email_compile,
    .scan = email_scan,
    .free = email_free,
};
