/*
 * contact_link.c -- URLs that open a channel around the platform.
 *
 * Finds URLs in the view (http(s)://, www. and bare host/path forms such as
 * calendly.com/ana) and sorts them with three host tables:
 *   chat and profile URLs (t.me/ana, linkedin.com/in/ana)     -> kind "handle"
 *   calendars and personal meeting rooms (calendly.com/ana)    -> kind "booking"
 *   forms and outside applicant systems (forms.gle/..., lever) -> kind "link"
 * A URL on any other host counts only as a contact or application page the
 * sender points to as the way to go on ("fill in the form at
 * acme.example/contact").  Portfolios, repositories, the platform's own pages
 * and the client's site that the job is about ("our contact form at ... is
 * broken, please fix it") are not channels.  Bare click-to-chat numbers
 * (wa.me/15551234567) are left to the phone family, and placeholders
 * (wa.me/<number>, t.me/XXXX) are specifications, not contact details.
 */
#include "contact.h"
#include "filtered_regex.h"
#include "tld.h"

#include <string.h>

typedef enum {
    PATH_ANY,        /* the host alone is the channel (calendly.com, forms.gle) */
    PATH_PREFIX,     /* only under path (docs.google.com/forms) */
    PATH_NAME,       /* a profile or chat name must follow path */
} path_rule;

typedef struct {
    const char *host;      /* matches the host and its subdomains */
    const char *path;      /* lower-case path prefix, "/" for any */
    path_rule rule;
    const char *kind;
    double score;          /* with no channel wording nearby */
} link_host;

/* The data tables.  Scores: URLs that exist only to open a conversation or a
 * booking are certain; public profiles are often shown as work samples, so
 * they need channel wording ("message me", "find me") to count. */
static const link_host link_hosts[] = {
    /* chat invitations and messaging accounts */
    { "wa.me", "/", PATH_NAME, "handle", 0.9 },
    { "chat.whatsapp.com", "/", PATH_NAME, "handle", 0.9 },
    { "t.me", "/", PATH_NAME, "handle", 0.9 },
    { "telegram.me", "/", PATH_NAME, "handle", 0.9 },
    { "telegram.dog", "/", PATH_NAME, "handle", 0.9 },
    { "m.me", "/", PATH_NAME, "handle", 0.9 },
    { "messenger.com", "/t/", PATH_NAME, "handle", 0.9 },
    { "discord.gg", "/", PATH_NAME, "handle", 0.9 },
    { "discord.com", "/invite/", PATH_NAME, "handle", 0.9 },
    { "discordapp.com", "/invite/", PATH_NAME, "handle", 0.9 },
    { "join.slack.com", "/", PATH_NAME, "handle", 0.9 },
    { "signal.me", "/", PATH_ANY, "handle", 0.9 },
    { "signal.group", "/", PATH_ANY, "handle", 0.9 },
    { "join.skype.com", "/", PATH_NAME, "handle", 0.9 },
    { "line.me", "/ti/p/", PATH_NAME, "handle", 0.9 },
    { "line.me", "/r/ti/p/", PATH_NAME, "handle", 0.9 },
    { "lin.ee", "/", PATH_NAME, "handle", 0.9 },
    { "u.wechat.com", "/", PATH_NAME, "handle", 0.9 },
    { "invite.viber.com", "/", PATH_ANY, "handle", 0.9 },
    { "snapchat.com", "/add/", PATH_NAME, "handle", 0.85 },
    /* public profiles */
    { "linkedin.com", "/in/", PATH_NAME, "handle", 0.55 },
    { "facebook.com", "/", PATH_NAME, "handle", 0.55 },
    { "fb.com", "/", PATH_NAME, "handle", 0.55 },
    { "fb.me", "/", PATH_NAME, "handle", 0.55 },
    { "instagram.com", "/", PATH_NAME, "handle", 0.55 },
    { "instagr.am", "/", PATH_NAME, "handle", 0.55 },
    { "twitter.com", "/", PATH_NAME, "handle", 0.55 },
    { "x.com", "/", PATH_NAME, "handle", 0.55 },
    { "tiktok.com", "/@", PATH_NAME, "handle", 0.55 },
    /* calendars and meeting rooms */
    { "calendly.com", "/", PATH_NAME, "booking", 0.9 },
    { "cal.com", "/", PATH_NAME, "booking", 0.9 },
    { "calendar.app.google", "/", PATH_NAME, "booking", 0.9 },
    { "calendar.google.com", "/calendar/appointments", PATH_PREFIX, "booking", 0.9 },
    { "calendar.google.com", "/calendar/u/0/appointments", PATH_PREFIX, "booking", 0.9 },
    { "zoom.us", "/my/", PATH_NAME, "booking", 0.9 },
    { "zoom.us", "/j/", PATH_NAME, "booking", 0.75 },
    { "meet.google.com", "/", PATH_NAME, "booking", 0.75 },
    { "teams.microsoft.com", "/l/meetup-join", PATH_PREFIX, "booking", 0.75 },
    { "outlook.office365.com", "/owa/calendar/", PATH_PREFIX, "booking", 0.9 },
    { "outlook.office.com", "/bookwithme", PATH_PREFIX, "booking", 0.9 },
    { "outlook.office.com", "/book/", PATH_PREFIX, "booking", 0.9 },
    { "bookings.microsoft.com", "/", PATH_ANY, "booking", 0.9 },
    { "meetings.hubspot.com", "/", PATH_NAME, "booking", 0.9 },
    { "savvycal.com", "/", PATH_NAME, "booking", 0.9 },
    { "tidycal.com", "/", PATH_NAME, "booking", 0.9 },
    { "zcal.co", "/", PATH_NAME, "booking", 0.9 },
    { "youcanbook.me", "/", PATH_ANY, "booking", 0.9 },
    { "acuityscheduling.com", "/", PATH_ANY, "booking", 0.9 },
    { "koalendar.com", "/", PATH_NAME, "booking", 0.9 },
    { "doodle.com", "/bp/", PATH_NAME, "booking", 0.9 },
    /* forms and applicant tracking systems */
    { "forms.gle", "/", PATH_NAME, "link", 0.85 },
    { "docs.google.com", "/forms", PATH_PREFIX, "link", 0.85 },
    { "forms.office.com", "/", PATH_ANY, "link", 0.85 },
    { "typeform.com", "/to/", PATH_NAME, "link", 0.85 },
    { "jotform.com", "/", PATH_NAME, "link", 0.85 },
    { "tally.so", "/", PATH_NAME, "link", 0.85 },
    { "paperform.co", "/", PATH_ANY, "link", 0.85 },
    { "surveymonkey.com", "/r/", PATH_NAME, "link", 0.85 },
    { "lever.co", "/", PATH_NAME, "link", 0.85 },
    { "greenhouse.io", "/", PATH_NAME, "link", 0.85 },
    { "workable.com", "/", PATH_NAME, "link", 0.85 },
    { "smartrecruiters.com", "/", PATH_NAME, "link", 0.85 },
    { "ashbyhq.com", "/", PATH_NAME, "link", 0.85 },
    { "bamboohr.com", "/", PATH_ANY, "link", 0.85 },
    { "recruitee.com", "/", PATH_ANY, "link", 0.85 },
    { "teamtailor.com", "/", PATH_ANY, "link", 0.85 },
    { "breezy.hr", "/", PATH_ANY, "link", 0.85 },
    { "myworkdayjobs.com", "/", PATH_ANY, "link", 0.85 },
};

/* First path segments that are a site's own pages, not somebody's profile. */
static const char *const not_names[] = {
    "about", "explore", "groups", "hashtag", "help", "home", "intent", "login", "p",
    "pages", "policies", "privacy", "reel", "search", "settings", "share", "sharer",
    "sharer.php", "signup", "status", "terms", "watch",
};

static const char url_pattern[] =
    "(?<![\\w@.\\-/])"
    "(https?://|www\\.)?"                                          /* 1: scheme */
    "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,6}[a-z]{2,24})" /* 2: host */
    "(?![\\w-])(?::\\d{1,5})?"
    "(/[^\\s<>\"'`\\[\\]{}|\\\\^]{0,400})?";                       /* 3: path */

/* Words that show the sender offers the link as the way to go on. */
static const char channel_pattern[] =
    "\\b(?:message|msg|dm|text|write|reach|contact (?:me|us)|connect|use (?:the|our|my) (?:contact )?form|talk|chat|call|ping|add|find|"
    "follow|join|book|schedule|grab|pick|fill|submit|re-?submit|apply|register|sign up|"
    "get in touch|hit me up|let'?s (?:talk|chat|continue|move)|"
    "b[uú]scame|escr[ií]beme|cont[aá]ctame|h[aá]blame|hablamos|m[aá]ndame|schreib|melde|"
    "kontaktier|buchen|chama|fala comigo|me adiciona|[ée]cris|contacte|ajoute|scrivimi|"
    "contattami|instead of (?:here|this|the platform)|not (?:here|on this platform))";

/* Words that make a link the subject of the work rather than a channel. */
static const char work_pattern[] =
    "\\b(?:fix|broken|bug|error|doesn'?t (?:send|work|load)|not (?:working|sending|loading)|"
    "stopped|redesign|rebuild|migrat|recaptcha|spam|embed|integrat|widget|styl(?:e|ing)|"
    "layout|slow|speed|pagespeed|seo|the (?:main )?job)";

/* Host labels and path words of contact and application pages on any site. */
static const char contact_page_pattern[] =
    "(?:^|[/.\\-_])(?:contact|contacts|kontakt|contacto|contato|contactez|get-in-touch|"
    "apply|application|applications|careers|jobs|submit|intake|enquiry|inquiry|"
    "booking|appointments?|schedule)(?:[/.\\-_?#]|$)";

static size_t next_url_start(void *data, const char *s, size_t len, size_t from);

typedef struct {
    cg_filtered_regex *url;     /* tried at the positions of next_url_start */
    cg_regex *channel, *work, *contact_page;
} link_state;

static void
link_free(void *state)
{
    link_state *st = state;
    cg_filtered_regex_free(st->url);
    cg_regex_free(st->channel);
    cg_regex_free(st->work);
    cg_regex_free(st->contact_page);
    g_free(st);
}

static void *
link_compile(const cg_config *cfg, cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    (void)cfg;
    link_state *st = g_new0(link_state, 1);
    if (!(st->url = cg_filtered_regex_new_with(url_pattern, CG_RE_CASELESS, next_url_start, error)) ||
        !(st->channel = cg_regex_new(channel_pattern, CG_RE_CASELESS, error)) ||
        !(st->work = cg_regex_new(work_pattern, CG_RE_CASELESS, error)) ||
        !(st->contact_page = cg_regex_new(contact_page_pattern, CG_RE_CASELESS, error))) {
        link_free(st);
        return NULL;
    }
    return st;
}

static gboolean
is_label_byte(char c)
{
    return g_ascii_isalnum(c) || c == '-';
}

/* The start of "http://" or "https://" (any case) right before run, or run. */
static size_t
scheme_start(const char *s, size_t from, size_t run)
{
    if (run < from + 7 || memcmp(s + run - 3, "://", 3) != 0)
        return run;
    size_t p = run - 3;
    if (g_ascii_tolower(s[p - 1]) == 's')
        p--;
    return p >= from + 4 && g_ascii_strncasecmp(s + p - 4, "http", 4) == 0 ? p - 4 : run;
}

/* Where a link can start.  Its host holds a dot, and before the first dot
 * of a match there is only its scheme and first label: "https://" and a
 * label, "www", or a label, which the lookbehind lets begin only where a
 * run of label bytes begins.  So for the first dot at or after from, the
 * candidates are the start of the run of label bytes before it and the
 * start of a scheme right before that run; a match starting later has a
 * later first dot.  An unanchored search tried the pattern at every word. */
static size_t
next_url_start(void *data, const char *s, size_t len, size_t from)
{
    (void)data;
    while (from < len) {
        const char *dot = memchr(s + from, '.', len - from);
        if (!dot)
            break;
        size_t d = (size_t)(dot - s), run = d;
        while (run > from && is_label_byte(s[run - 1]))
            run--;
        size_t scheme = scheme_start(s, from, run);
        if (scheme < run)
            return scheme;
        /* A run cut short at from began before it: a label byte before fails the lookbehind. */
        if (run < d && (run == 0 || !is_label_byte(s[run - 1])))
            return run;
        from = d + 1;
    }
    return len + 1;
}

/* Does re match within [a, b) of s? */
static gboolean
found_in(const cg_regex *re, const char *s, size_t len, size_t a, size_t b)
{
    gssize ov[2];
    if (b > len)
        b = len;
    return a < b && cg_regex_find(re, s, b, a, ov, 1);
}

static size_t
back_from(size_t pos, size_t n)
{
    return pos > n ? pos - n : 0;
}

/* host equals want or is a subdomain of it. */
static gboolean
host_is(const char *host, size_t hlen, const char *want)
{
    size_t wlen = strlen(want);
    if (hlen < wlen || g_ascii_strncasecmp(host + hlen - wlen, want, wlen) != 0)
        return FALSE;
    return hlen == wlen || host[hlen - wlen - 1] == '.';
}

/* The first path segment after prefix is a real name, not a placeholder. */
static gboolean
names_someone(const char *seg, size_t n, const char *host, size_t hlen)
{
    if (n == 0 || strchr("<{[(:%*", seg[0]))
        return FALSE;
    size_t digits = 0, xs = 0;
    for (size_t i = 0; i < n; i++) {
        digits += g_ascii_isdigit(seg[i]) || seg[i] == '+';
        xs += seg[i] == 'x' || seg[i] == 'X' || seg[i] == '.' || seg[i] == '_';
    }
    if (xs == n)                                     /* t.me/XXXXXX */
        return FALSE;
    /* wa.me/15551234567 is a phone number: the phone family's job. */
    if (digits == n && host_is(host, hlen, "wa.me"))
        return FALSE;
    static const char *const placeholders[] = { "your", "username", "number", "handle", "example" };
    for (size_t i = 0; i < G_N_ELEMENTS(placeholders); i++) {
        size_t pl = strlen(placeholders[i]);
        for (size_t j = 0; j + pl <= n; j++)
            if (g_ascii_strncasecmp(seg + j, placeholders[i], pl) == 0)
                return FALSE;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(not_names); i++)
        if (strlen(not_names[i]) == n && g_ascii_strncasecmp(seg, not_names[i], n) == 0)
            return FALSE;
    return TRUE;
}

static const link_host *
classify(const char *host, size_t hlen, const char *path, size_t plen)
{
    for (size_t i = 0; i < G_N_ELEMENTS(link_hosts); i++) {
        const link_host *h = &link_hosts[i];
        if (!host_is(host, hlen, h->host))
            continue;
        size_t pre = strlen(h->path);
        if (h->rule == PATH_ANY)
            return h;
        if (plen < pre || g_ascii_strncasecmp(path, h->path, pre) != 0)
            continue;
        if (h->rule == PATH_PREFIX)
            return h;
        const char *seg = path + pre;
        size_t n = strcspn(seg, "/?#");
        if (n > plen - pre)
            n = plen - pre;
        if (names_someone(seg, n, host, hlen))
            return h;
        return NULL;   /* a placeholder or a site page: no other row applies */
    }
    return NULL;
}

static void
link_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const link_state *st = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[8];

    while (pos < len && cg_filtered_regex_find(st->url, NULL, s, len, pos, ov, 4)) {
        size_t start = ov[0], end = ov[1];
        pos = end > start ? end : start + 1;
        const char *host = s + ov[4];
        size_t hlen = ov[5] - ov[4];
        /* Trailing punctuation belongs to the sentence. */
        while (end > (size_t)ov[5] && strchr(".,;:!?)'\"", s[end - 1]))
            end--;
        const char *path = ov[6] >= 0 ? s + ov[6] : "";
        size_t plen = ov[6] >= 0 && end > (size_t)ov[6] ? end - ov[6] : 0;

        const link_host *known = classify(host, hlen, path, plen);
        if (!known) {
            /* Any other site: only its contact or application pages. */
            size_t tld = hlen;
            while (tld > 0 && host[tld - 1] != '.')
                tld--;
            if ((ov[2] < 0 && plen == 0) || !cg_tld_known(host + tld, hlen - tld))
                continue;
            if (!found_in(st->contact_page, host, hlen, 0, hlen) &&
                !found_in(st->contact_page, path, plen, 0, plen))
                continue;
        }
        /* Only now the words around it: most dotted words are no link we report. */
        gboolean channel = found_in(st->channel, s, len, back_from(start, 100), end + 80);
        gboolean work = found_in(st->work, s, len, back_from(start, 200), end + 200);
        const char *kind, *rule;
        double score;
        if (known) {
            kind = known->kind;
            rule = strcmp(kind, "handle") == 0 ? "link.chat-url"
                 : strcmp(kind, "booking") == 0 ? "link.booking-url" : "link.form-url";
            score = known->score;
            if (channel && score < 0.9)
                score = 0.9;
        } else {
            /* A contact or application page, offered as the way on. */
            kind = "link";
            rule = "link.contact-page";
            score = channel ? 0.85 : 0.45;
        }
        /* The client's own form or calendar that needs fixing is the job itself. */
        if (work && !found_in(st->channel, s, len, back_from(start, 60), end + 40))
            score = MIN(score, 0.3);
        g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, kind, rule, text,
                                                 start, end, score));
    }
}

const cg_contact_family cg_family_link = {
    .name = "link",
    .compile = link_compile,
    .scan = link_scan,
    .free = link_free,
};
