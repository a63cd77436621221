/*
 * contact_handle.c -- accounts on messaging and social apps.
 *
 * A handle needs two things: a reference to an app and an account on it.
 * Apps are named plainly, disguised ("sky pe", "s.k.y.p.e", "t3l3gr4m",
 * "what's app") or implied ("the green app", "blue bird", "me chama no zap",
 * "the app with the paper plane").  The account is an @name, an ID after the
 * app or after "ID/username/handle", a Discord tag (name#1234), a Signal
 * username (name.42), or "same name as here".  Asking for the other side's
 * account ("what's your WhatsApp?") counts too, unless it is refused.  A
 * Skype "live:.cid." ID needs no app name at all.  Not handles: an app named
 * with no account ("instead of Skype"), @mentions, decorators and package
 * scopes away from any app, bots (@BotFather) and app features to be built
 * ("WhatsApp integration").  A phone number as the account is the phone
 * family's job.
 */
#include "contact.h"
#include "filtered_regex.h"

#include <string.h>

typedef struct {
    const char *name;        /* reported in the rule name */
    const char *spelled;     /* written out letter by letter, disguises allowed; or NULL */
    const char *other;       /* other names and code words, a pattern; or NULL */
    gboolean common_word;    /* also an everyday word: the account must follow at once */
} messaging_app;

/* Each row becomes one capturing group of the app pattern, in this order. */
static const messaging_app apps[] = {
    { "skype", "skype", NULL, FALSE },
    { "whatsapp", "whatsapp",
      "whats\\s?ap|wh?atsap|wass?ap|guasap|\\bwpp\\b|\\bwapp\\b|\\bzapzap\\b"
      "|\\b(?:no|pelo|meu|seu|teu|o)\\s+zap\\b|\\bthe\\s+green\\s+(?:app|one)\\b", FALSE },
    { "telegram", "telegram",
      "\\btg\\b|\\btelega\\b|paper[\\s-]?plane\\s+app|app\\s+with\\s+(?:the\\s+|a\\s+)?paper[\\s-]?plane", FALSE },
    { "signal", "signal", NULL, TRUE },
    { "wechat", "wechat", "weixin|\\bwx\\b|\xe5\xbe\xae\xe4\xbf\xa1", FALSE },
    { "line", NULL, "\\bline\\s?(?:id|app|messenger)\\b", FALSE },
    { "viber", "viber", NULL, FALSE },
    { "slack", "slack", NULL, TRUE },
    { "discord", "discord", NULL, FALSE },
    { "instagram", "instagram", "\\binsta\\b|\\big\\b", FALSE },
    { "facebook", "facebook", "messenger|\\bfb\\b", FALSE },
    { "twitter", "twitter",
      "(?:(?<=\\bon )|(?<=\\bvia )|(?<=\\bat ))x\\b(?![./'\\-])|\\bblue\\s?bird\\b|\\bbird\\s+app\\b", FALSE },
    { "snapchat", "snapchat", "\\bthe\\s+ghost\\s+app\\b", FALSE },
    { "linkedin", "linkedin", NULL, FALSE },
    { "kakaotalk", "kakao", NULL, FALSE },
    { "threema", "threema", NULL, FALSE },
    { "zalo", NULL, "\\bzalo\\b", FALSE },
};

/* Letters people swap for look-alike digits and signs. */
static const char *
letter_class(char c)
{
    switch (c) {
    case 'a': return "[a4@]";
    case 'e': return "[e3]";
    case 'i': return "[i1!]";
    case 'o': return "[o0]";
    case 's': return "[s5$]";
    case 't': return "[t7]";
    case 'l': return "[l1|]";
    case 'g': return "[g9]";
    default:  return NULL;
    }
}

/* A name spelled with up to two separators or an apostrophe between letters. */
#define LETTER_SEP "[\\s.\\-_*'`]{0,2}"
/* An account right after the app: "discord: ravenbyte_77", "skype is ana.lee". */
#define TOKEN "(@?[a-z0-9][a-z0-9_.\\-]{2,40})"

static const char account_after_pattern[] =
    "\\G(?:\\s*(?:id|username|user\\s?name|handle|nick(?:name)?|account|acc|profile|name|no\\.?|#))?"
    "\\s*(?:\\bis\\b|\\bes\\b|\\bist\\b|\\best\\b|[:=\\-\xe2\x80\x93\xe2\x80\x94])\\s*:?\\s*" TOKEN;
static const char label_pattern[] =
    "\\b(?:id|username|user\\s?name|handle|nick(?:name)?)\\s*(?:is|es|ist|:|=|-)\\s*:?\\s*" TOKEN;
static const char at_pattern[] =
    "(?<![\\w@.])@([a-z0-9_](?:[a-z0-9_]|[.\\-](?=[a-z0-9_])){1,31})(?![\\w/(@])";
static const char tag_pattern[] = "(?<![\\w#])[a-z0-9_.]{2,32}#\\d{4}(?!\\d)";
static const char signal_name_pattern[] = "(?<![\\w.])[a-z][a-z0-9_]{2,31}\\.\\d{2,3}(?![\\w.])";
static const char same_name_pattern[] =
    "\\bsame\\s+(?:user\\s?name|name|handle|nick(?:name)?|id|@)|"
    "\\b(?:user\\s?name|handle|name)\\s+(?:is\\s+)?the\\s+same\\b";
static const char skype_id_pattern[] = "\\blive:\\.?cid\\.[a-z0-9]{6,40}|\\blive:cid[a-z0-9]{6,40}";
/* Before the app: asking for the other side's account. */
static const char request_pattern[] =
    "\\b(?:what'?s|what\\s+is|share|send|give|drop|tell|need|have|get|leave|provide|post)\\b"
    "[^.?!\\n]{0,20}\\byour\\s+$";
static const char question_pattern[] = "\\bdo\\s+you\\s+(?:have|use)\\s+(?:an?\\s+)?$";
static const char refusal_pattern[] =
    "\\b(?:can'?t|cannot|won'?t|not|never|don'?t|no)\\b[^.?!\\n]{0,40}$";
/* Before the app: "@ana on Telegram". */
static const char at_before_pattern[] =
    "(?<![\\w@.])@[a-z0-9_][a-z0-9_.]{1,31}\\s*[),]?\\s*"
    "(?:on|in|via|at|auf|bei|en|no|na|sur|su)\\s+(?:the\\s+|my\\s+)?$";
/* After the app: it is a product to build or a tool, not an account. */
static const char tooling_pattern[] =
    "\\G[\\s\\-]?(?:bots?|api|integration|sdk|button|widget|webhooks?|business\\s+api|plugin|"
    "library|lib|client|clone|app\\s+clone)\\b";

typedef struct {
    cg_filtered_regex *app, *skype_id;    /* searched over the whole text: filtered */
    cg_regex *account_after, *label, *at, *tag, *signal_name, *same_name;
    cg_regex *request, *question, *refusal, *at_before, *tooling;
} handle_state;

static void
handle_free(void *state)
{
    handle_state *st = state;
    cg_filtered_regex_free(st->app);
    cg_filtered_regex_free(st->skype_id);
    cg_regex *all[] = { st->account_after, st->label, st->at, st->tag, st->signal_name,
                        st->same_name, st->request, st->question, st->refusal,
                        st->at_before, st->tooling };
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++)
        cg_regex_free(all[i]);
    g_free(st);
}

static char *
app_pattern(void)
{
    GString *p = g_string_new(NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(apps); i++) {
        g_string_append(p, i ? "|(" : "(");
        if (apps[i].spelled) {
            g_string_append(p, "(?<![a-z])");
            for (const char *c = apps[i].spelled; *c; c++) {
                const char *cls = letter_class(*c);
                if (c != apps[i].spelled)
                    g_string_append(p, LETTER_SEP);
                if (cls)
                    g_string_append(p, cls);
                else
                    g_string_append_c(p, *c);
            }
            g_string_append(p, "(?![a-z])");
        }
        if (apps[i].other)
            g_string_append_printf(p, "%s%s", apps[i].spelled ? "|" : "", apps[i].other);
        g_string_append_c(p, ')');
    }
    return g_string_free(p, FALSE);
}

static void *
handle_compile(const cg_config *cfg, cg_filter_group *group, GError **error)
{
    (void)cfg;
    handle_state *st = g_new0(handle_state, 1);
    char *apps_re = app_pattern();
    st->app = cg_filtered_regex_new_in(group, CG_CAT_CONTACT, apps_re, CG_RE_CASELESS, error);
    st->skype_id = st->app ? cg_filtered_regex_new_in(group, CG_CAT_CONTACT, skype_id_pattern,
                                                          CG_RE_CASELESS, error) : NULL;
    if (!st->skype_id) {
        g_free(apps_re);
        handle_free(st);
        return NULL;
    }
    struct { cg_regex **re; const char *pattern; } all[] = {
        { &st->account_after, account_after_pattern },
        { &st->label, label_pattern }, { &st->at, at_pattern }, { &st->tag, tag_pattern },
        { &st->signal_name, signal_name_pattern }, { &st->same_name, same_name_pattern },
        { &st->request, request_pattern },
        { &st->question, question_pattern }, { &st->refusal, refusal_pattern },
        { &st->at_before, at_before_pattern }, { &st->tooling, tooling_pattern },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        *all[i].re = cg_regex_new(all[i].pattern, CG_RE_CASELESS, error);
        if (!*all[i].re) {
            g_free(apps_re);
            handle_free(st);
            return NULL;
        }
    }
    g_free(apps_re);
    return st;
}

/* Words that follow "skype:" or "is" in prose, not account names. */
static const char *const not_accounts[] = {
    "account", "also", "and", "anymore", "api", "app", "are", "available", "but", "call",
    "calls", "can", "chat", "contact", "details", "down", "easier", "either", "fine", "for",
    "from", "good", "great", "group", "here", "instead", "integration", "just", "later",
    "link", "maybe", "not", "number", "only", "our", "please", "profile", "same", "that",
    "the", "then", "there", "this", "too", "was", "what", "when", "which", "will", "with",
    "yes", "you", "your",
};

/* A token that names an account: not an everyday word, not a bare phone number. */
static gboolean
is_account(const char *tok, size_t n, gboolean clause_ends)
{
    if (*tok == '@')
        return n > 2;
    size_t digits = 0;
    gboolean marked = FALSE;
    for (size_t i = 0; i < n; i++) {
        digits += g_ascii_isdigit(tok[i]) != 0;
        marked |= tok[i] == '_' || tok[i] == '.' || tok[i] == '-';
    }
    if (digits == n || (digits > 0 && digits + 2 >= n))
        return FALSE;              /* a number: the phone family's job */
    if (digits || marked)
        return TRUE;
    for (size_t i = 0; i < G_N_ELEMENTS(not_accounts); i++)
        if (strlen(not_accounts[i]) == n && g_ascii_strncasecmp(tok, not_accounts[i], n) == 0)
            return FALSE;
    return clause_ends;            /* "discord: ravenbyte - we can vc" */
}

static gboolean
is_bot(const char *name, size_t n)
{
    /* Telegram bot names end in "bot"; @BotFather makes them. */
    return n >= 3 && (g_ascii_strncasecmp(name + n - 3, "bot", 3) == 0 ||
                      g_ascii_strncasecmp(name, "botfather", MIN(n, 9)) == 0);
}

/* End of the clause that follows an app mention: the account must be in it. */
static size_t
clause_end(const char *s, size_t len, size_t from)
{
    size_t limit = MIN(len, from + 80);
    for (size_t i = from; i < limit; i++) {
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && (i + 1 == len || g_ascii_isspace(s[i + 1])))
            return i;
        if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n')
            return i;
    }
    return limit;
}

typedef struct {
    const char *rule;
    double score;
    size_t end;
} account;

/* The account named right after the app, or in the same clause. */
static gboolean
find_account(const handle_state *st, const char *s, size_t len, size_t from, const messaging_app *app,
             account *out)
{
    size_t end = clause_end(s, len, from);
    gssize ov[4];
    if (cg_regex_find(st->account_after, s, end, from, ov, 2)) {
        size_t a = ov[2], b = ov[3];
        gboolean ends = b == end || strchr("\n,;)(", s[b]) ||
                        (b + 2 < end && s[b] == ' ' && strchr("-(\xe2", s[b + 1]));
        if (is_account(s + a, b - a, ends) && !(s[a] == '@' && is_bot(s + a, b - a))) {
            *out = (account){ "handle.app-id", 0.9, b };
            return TRUE;
        }
    }
    if (cg_regex_find(st->label, s, end, from, ov, 2) && is_account(s + ov[2], ov[3] - ov[2], TRUE)) {
        *out = (account){ "handle.app-id", 0.9, ov[3] };
        return TRUE;
    }
    if (app->common_word)
        end = MIN(end, from + 12);     /* "the signal is weak: check @router" */
    for (size_t pos = from; cg_regex_find(st->at, s, end, pos, ov, 2); pos = ov[1]) {
        if (!is_bot(s + ov[2], ov[3] - ov[2])) {
            *out = (account){ "handle.app-at", 0.9, ov[1] };
            return TRUE;
        }
    }
    if (strcmp(app->name, "discord") == 0 && cg_regex_find(st->tag, s, end, from, ov, 1)) {
        *out = (account){ "handle.discord-tag", 0.9, ov[1] };
        return TRUE;
    }
    if (strcmp(app->name, "signal") == 0 && cg_regex_find(st->signal_name, s, end, from, ov, 1)) {
        *out = (account){ "handle.signal-name", 0.9, ov[1] };
        return TRUE;
    }
    if (cg_regex_find(st->same_name, s, end, from, ov, 1)) {
        *out = (account){ "handle.same-name", 0.85, ov[1] };
        return TRUE;
    }
    return FALSE;
}

static void
add(GPtrArray *findings, const cg_text *text, const char *rule, size_t a, size_t b, double score)
{
    g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "handle", rule, text, a, b, score));
}

static void
handle_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const handle_state *st = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[2 * (G_N_ELEMENTS(apps) + 1)];
    const cg_term_candidates *cands = &text->candidates;

    while (pos < len && cg_filtered_regex_find_in(st->skype_id, cands, s, len, pos, ov, 1)) {
        add(findings, text, "handle.skype-id", ov[0], ov[1], 0.9);
        pos = ov[1];
    }

    for (pos = 0; pos < len && cg_filtered_regex_find_in(st->app, cands, s, len, pos, ov,
                                                           G_N_ELEMENTS(apps) + 1);) {
        size_t start = ov[0], end = ov[1];
        pos = end > start ? end : start + 1;
        size_t which = 0;
        while (which < G_N_ELEMENTS(apps) && ov[2 * (which + 1)] < 0)
            which++;
        gssize w[4];
        if (cg_regex_find(st->tooling, s, len, end, w, 1))
            continue;
        size_t before = start > 60 ? start - 60 : 0;
        account acc;
        if (find_account(st, s, len, end, &apps[which], &acc)) {
            add(findings, text, acc.rule, start, acc.end, acc.score);
            pos = MAX(pos, acc.end);
        } else if (cg_regex_find(st->at_before, s, start, before, w, 1) &&
                   !is_bot(s + w[0] + 1, strcspn(s + w[0] + 1, " \t\n),"))) {
            add(findings, text, "handle.app-at", w[0], end, 0.9);
        } else if (cg_regex_find(st->same_name, s, start, before, w, 1)) {
            add(findings, text, "handle.same-name", w[0], end, 0.85);
        } else if (cg_regex_find(st->refusal, s, start, before, w, 1)) {
            continue;          /* "I can't share my WhatsApp before a contract" */
        } else if (cg_regex_find(st->request, s, start, before, w, 1)) {
            add(findings, text, "handle.request", w[0], end, 0.85);
        } else if (cg_regex_find(st->question, s, start, before, w, 1) &&
                   end < len && s[end + strspn(s + end, " ")] == '?') {
            add(findings, text, "handle.request", w[0], end, 0.65);
        }
    }
}

const cg_contact_family cg_family_handle = {
    .name = "handle",
    .compile = handle_compile,
    .scan = handle_scan,
    .free = handle_free,
};
