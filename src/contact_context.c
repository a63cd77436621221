/*
 * contact_context.c -- judge contact findings by what surrounds them.
 *
 * The families find contact details; whether sharing one breaks the rules
 * depends on why it is shared.  An email address given so the other side
 * can grant access to a system needed for scoping (a repository, analytics,
 * bookkeeping, a drive folder, e-signature, a site builder) is the
 * "systems_access" exception; an email or postal address given for a legal
 * step (NDA, licence, identity or background check) is "legal".  Exceptions
 * never cover phones, handles or booking links.  Addresses at the sender's
 * own domain (the marketplace's relay and its wrapper text) are not shared
 * by the user, and example addresses in a technical discussion are not
 * contact details at all.  The administrator can add words to both
 * exception contexts and list domains that never count (contact_* options).
 */
#include "contact_context.h"

#include <string.h>

/* Characters of context considered on each side of a finding. */
#define WINDOW_BEFORE 300
#define WINDOW_AFTER  200

static const char systems_pattern[] =
    "\\b(?:git(?:hub|lab)|bitbucket|repo(?:sitor(?:y|io))?|google\\s+analytics|analytics|ga4"
    "|google\\s+ads|search\\s+console|tag\\s+manager|quickbooks|xero|freshbooks|google\\s+drive"
    "|drive\\s+folder|dropbox|onedrive|sharepoint|docusign|yousign|hellosign|adobe\\s+sign"
    "|pandadoc|e-?sign(?:ature)?|signature\\s+(?:e|é)lectronique|firma\\s+electr(?:o|ó)nica"
    "|assinatura\\s+(?:eletr|digital)|webflow|wordpress|wix|squarespace|shopify|cpanel|hosting"
    "|netlify|vercel|heroku|figma|jira|trello|asana|notion|staging|admin\\s+panel)";
static const char access_pattern[] =
    "\\b(?:invit|add(?:ed)?\\b|access|grant|collaborat|viewer|editor|permission|share\\s+(?:the|a)"
    "|seat|convit|convid|acess|adicion|invitar|invitaci|acceso|a(?:n|ñ)adir|agregar|colaborad"
    "|inviter|acc(?:e|è)s|ajout|partag|einlad|zugriff|hinzuf|freigeb|freigabe|signature|sign(?:ing)?\\b"
    "|firmar|assinar|signer)";
static const char legal_pattern[] =
    "\\b(?:nda|non-?disclosure|confidentiality\\s+agreement|accord\\s+de\\s+confidentialit"
    "|acuerdo\\s+de\\s+confidencialidad|acordo\\s+de\\s+confidencialidade"
    "|geheimhaltungsvereinbarung|vertraulichkeitsvereinbarung|business\\s+licen[cs]e"
    "|trade\\s+licen[cs]e|licencia\\s+(?:de\\s+)?(?:actividad|comercial)|alvar(?:a|á)"
    "|gewerbe(?:schein|anmeldung|erlaubnis)|handelsregister|identity\\s+(?:check|verification)"
    "|id\\s+verification|verify\\s+your\\s+identity|kyc|background\\s+(?:check|screening)"
    "|criminal\\s+record|tax\\s+(?:authority|office)|receita\\s+federal|cpf|cnpj|finanzamt"
    "|registered\\s+(?:business\\s+)?address|legal\\s+name)";
static const char technical_pattern[] =
    "\\b(?:regex|regexp|validat|fixture|unit\\s+test|test\\s+case|spec\\b|assert|expect\\("
    "|placeholder|input\\s+field|form\\s+field|parser|isvalid|\\.test\\.|\\.spec\\.)";

/* Local parts that name nobody: the stuff of examples and test data. */
static const char *const placeholder_locals[] = {
    "admin", "bar", "email", "example", "firstname.lastname", "foo", "jane.doe", "john.doe",
    "me", "name", "qa", "someone", "test", "user", "you", "your.name", "yourname",
};

struct cg_contact_context {
    cg_regex *systems, *access, *legal, *technical;
    char **allow_domains;      /* hosts whose addresses and links never count */
};

void
cg_contact_context_free(cg_contact_context *ctx)
{
    if (!ctx)
        return;
    cg_regex_free(ctx->systems);
    cg_regex_free(ctx->access);
    cg_regex_free(ctx->legal);
    cg_regex_free(ctx->technical);
    g_strfreev(ctx->allow_domains);
    g_free(ctx);
}

/* A built-in word pattern extended with the administrator's own words. */
static cg_regex *
terms_regex(const char *builtin, char **extra, GError **error)
{
    GString *pattern = g_string_new(builtin);
    for (char **t = extra; t && *t; t++) {
        char *quoted = g_regex_escape_string(*t, -1);
        g_string_append_printf(pattern, "|\\b%s\\b", quoted);
        g_free(quoted);
    }
    cg_regex *re = cg_regex_new(pattern->str, CG_RE_CASELESS, error);
    g_string_free(pattern, TRUE);
    return re;
}

cg_contact_context *
cg_contact_context_new(const cg_config *cfg, GError **error)
{
    cg_contact_context *ctx = g_new0(cg_contact_context, 1);
    if (!(ctx->systems = terms_regex(systems_pattern, cfg->contact_systems_terms, error)) ||
        !(ctx->access = cg_regex_new(access_pattern, CG_RE_CASELESS, error)) ||
        !(ctx->legal = terms_regex(legal_pattern, cfg->contact_legal_terms, error)) ||
        !(ctx->technical = cg_regex_new(technical_pattern, CG_RE_CASELESS, error))) {
        cg_contact_context_free(ctx);
        return NULL;
    }
    ctx->allow_domains = g_strdupv(cfg->contact_allow_domains);
    for (char **d = ctx->allow_domains; d && *d; d++) {
        char *lower = g_ascii_strdown(*d, -1);
        g_free(*d);
        *d = lower;
    }
    return ctx;
}

static gboolean
near(const cg_regex *re, const cg_text *text, size_t start, size_t end)
{
    size_t from = start > WINDOW_BEFORE ? start - WINDOW_BEFORE : 0;
    size_t to = MIN(text->view.len, end + WINDOW_AFTER);
    gssize ov[2];
    return cg_regex_find(re, text->view.text, to, from, ov, 1);
}

/* Count distinct technical cues in the whole segment. */
static unsigned
technical_cues(const cg_regex *re, const cg_text *text)
{
    unsigned n = 0;
    size_t pos = 0;
    gssize ov[2];
    while (n < 3 && cg_regex_find(re, text->view.text, text->view.len, pos, ov, 1)) {
        n++;
        pos = (size_t)ov[1];
    }
    return n;
}

/* The host named by a finding's match: an email's domain or a URL's host. */
static char *
match_host(const char *match)
{
    const char *p = strrchr(match, '@'), *end;
    if (p && !strpbrk(p, " [({<&"))
        p++;
    else if ((p = strstr(match, "://")))
        p += 3;
    else if (!strchr(match, ' ') && strchr(match, '.') && strchr(match, '/'))
        p = match;                                  /* bare host/path */
    else
        return NULL;
    for (end = p; *end && (g_ascii_isalnum(*end) || *end == '.' || *end == '-'); end++)
        ;
    return end > p ? g_ascii_strdown(p, end - p) : NULL;
}

/*
 * The site a host belongs to: its last two labels, or three under a short
 * second level (co.uk, com.br) or under the reserved documentation names
 * (example.com), which many unrelated parties share.
 */
static const char *
site_of(const char *host)
{
    const char *starts[3];     /* label starts from the right: TLD, second, third */
    unsigned n = 0;
    const char *end = host + strlen(host);

    while (n < 3) {
        const char *label = end;
        while (label > host && label[-1] != '.')
            label--;
        starts[n++] = label;
        if (label == host)
            break;
        end = label - 1;
    }
    if (n < 2)
        return host;
    size_t second_len = starts[0] - starts[1] - 1;
    gboolean shared = (second_len <= 3 && strlen(starts[0]) == 2) ||
                      (second_len == 7 && strncmp(starts[1], "example", 7) == 0);
    return shared && n == 3 ? starts[2] : starts[1];
}

/* Is host one of the allowed domains or below one? */
static gboolean
allowed(char *const *domains, const char *host)
{
    size_t hl = host ? strlen(host) : 0;
    for (char *const *d = domains; host && d && *d; d++) {
        size_t dl = strlen(*d);
        if (hl >= dl && strcmp(host + hl - dl, *d) == 0 && (hl == dl || host[hl - dl - 1] == '.'))
            return TRUE;
    }
    return FALSE;
}

static gboolean
same_site(const char *host, const char *sender_host)
{
    return host && sender_host && strcmp(site_of(host), site_of(sender_host)) == 0;
}

/* Quoted as a string literal, or a local part that names nobody. */
static gboolean
looks_like_example(const cg_text *text, const cg_finding *f)
{
    if (f->view_start > 0 && strchr("\"'`", text->view.text[f->view_start - 1]))
        return TRUE;
    size_t local = strcspn(f->match, "+@ ");
    for (size_t i = 0; i < G_N_ELEMENTS(placeholder_locals); i++)
        if (strlen(placeholder_locals[i]) == local &&
            g_ascii_strncasecmp(f->match, placeholder_locals[i], local) == 0)
            return TRUE;
    return FALSE;
}

void
cg_contact_context_judge(const cg_contact_context *ctx, const cg_text *text,
                         const char *sender_domain, GPtrArray *findings, guint first)
{
    int technical = -1;     /* computed on first need */

    for (guint i = first; i < findings->len; i++) {
        cg_finding *f = g_ptr_array_index(findings, i);
        gboolean email = strcmp(f->kind, "email") == 0;
        gboolean address = strcmp(f->kind, "address") == 0;
        char *host = match_host(f->match);
        gboolean own = same_site(host, sender_domain) || allowed(ctx->allow_domains, host);

        g_free(host);
        if (own) {
            f->score = MIN(f->score, 0.1);    /* the marketplace's own wrapper, or allowed */
            continue;
        }
        if (!email && !address)
            continue;
        size_t start = f->view_start, end = f->view_end;
        if (email) {
            if (technical < 0)
                technical = technical_cues(ctx->technical, text) >= 2;
            if (technical && looks_like_example(text, f)) {
                f->score = MIN(f->score, 0.3);   /* example data in a bug report or spec */
                continue;
            }
            if (near(ctx->systems, text, start, end) && near(ctx->access, text, start, end)) {
                f->exception = "systems_access";
                continue;
            }
        }
        if (near(ctx->legal, text, start, end))
            f->exception = "legal";
    }
}
