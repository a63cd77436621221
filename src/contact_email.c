/*
 * contact_email.c -- email addresses, plain or disguised.
 *
 * One pattern covers "ana@example.com", "ana [at] example (dot) com",
 * "ana at example dot com", "arroba/arobase/ponto", "ana&#64;example.com"
 * and "a n a @ e x a m p l e . c o m" (joined by the normaliser); mailto:
 * links arrive as text from the HTML renderer.  The last label must be a
 * real TLD.  Not addresses: scp-style clone URLs (git@github.com:org/repo),
 * and "I work at acme.com", where a plain "at" meets an ordinary domain.
 */
#include "contact.h"
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

typedef struct {
    cg_regex *re;
} email_state;

static void *
email_compile(const cg_config *cfg, GError **error)
{
    (void)cfg;
    cg_regex *re = cg_regex_new(email_pattern, CG_RE_CASELESS, error);
    if (!re)
        return NULL;
    email_state *st = g_new0(email_state, 1);
    st->re = re;
    return st;
}

static void
email_free(void *state)
{
    email_state *st = state;
    cg_regex_free(st->re);
    g_free(st);
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
email_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const email_state *st = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[12];

    while (cg_regex_find(st->re, s, len, pos, ov, 6)) {
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
        gboolean plain = !plain_at && !span_has(s, ov[0], ov[1], " \t\n[({<&");
        double score;
        const char *rule;
        if (plain) {
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
