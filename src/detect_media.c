/*
 * detect_media.c -- the media detector: press, analyst, speaker and
 * interview requests arriving from outside.
 *
 * The message is judged as a whole: a request (interview, comment or
 * statement, speaking slot, analyst briefing) is the core; who asks
 * (a self-identified reporter, producer, organiser...), publication context,
 * a deadline, a named executive asked for ("your CEO") and a sender domain on
 * a configured list raise it.  A plain ask ("could you confirm", "like to
 * speak with") is a request only when the sender says they are press or an
 * analyst, so customers and vendors asking the same stay quiet.  Bulk mail
 * (List-Unsubscribe, Precedence: bulk), PR agencies and vendors selling are
 * held down; job-interview talk does not make an interview request, code
 * review does not make a comment request, and an invitation to attend does
 * not make a speaker request.  The message's score is put on the finding of
 * its strongest evidence.
 */
#include "detectors.h"
#include "lexicon.h"

#include <string.h>

/* A self-identification ("I'm a", "soy") binds a role this many bytes after it. */
#define SELF_REACH 60

#define REQUEST_BASE   0.45
#define ROLE_SELF_BOOST 0.25
#define ROLE_BOOST     0.15
#define OUTLET_BOOST   0.1
#define DEADLINE_BOOST 0.1
#define DOMAIN_BOOST   0.15
#define TARGET_BOOST   0.1
#define BULK_CAP       0.2
#define SALES_CAP      0.3

typedef struct {
    cg_detector base;
    char **media_domains, **analyst_domains, **event_domains;
} media_detector;

typedef struct {
    const cg_hit *first[MEDIA_NCLASSES];    /* first hit of each class */
    const cg_hit *self_role;                 /* a role right after "I'm a" */
    unsigned outlet_words;                   /* distinct publication words seen */
} media_evidence;

/* The domain is on the list, or a subdomain of one on it. */
static gboolean
domain_listed(const char *domain, char *const *list)
{
    size_t n = strlen(domain);
    for (char *const *d = list; d && *d; d++) {
        size_t m = strlen(*d);
        if (m <= n && g_ascii_strcasecmp(domain + n - m, *d) == 0 &&
            (m == n || domain[n - m - 1] == '.'))
            return TRUE;
    }
    return FALSE;
}

/* Colleagues writing to each other about the press are not the press. */
static gboolean
is_internal(const cg_message *msg, const char *from_domain)
{
    char *to = cg_header_domain(msg, "To");
    gboolean same = to && from_domain && strcmp(to, from_domain) == 0;
    g_free(to);
    return same;
}

static gboolean
is_bulk(const cg_message *msg)
{
    if (cg_message_header(msg, "List-Unsubscribe") || cg_message_header(msg, "List-Id"))
        return TRUE;
    const char *prec = cg_message_header(msg, "Precedence");
    return prec && (strstr(prec, "bulk") || strstr(prec, "list") || strstr(prec, "junk"));
}

static gboolean
same_word(const cg_doc *doc, const cg_hit *a, const cg_hit *b)
{
    return a->end - a->start == b->end - b->start &&
           g_ascii_strncasecmp(doc->texts[a->text].view.text + a->start,
                               doc->texts[b->text].view.text + b->start, a->end - a->start) == 0;
}

static void
collect(const cg_doc *doc, const GArray *hits, media_evidence *ev)
{
    memset(ev, 0, sizeof *ev);
    for (guint i = 0; i < hits->len; i++) {
        const cg_hit *h = &g_array_index(hits, cg_hit, i);
        if (!ev->first[h->cls])
            ev->outlet_words += h->cls == MEDIA_OUTLET;
        else if (h->cls == MEDIA_OUTLET && ev->outlet_words < 2)
            ev->outlet_words += !same_word(doc, ev->first[MEDIA_OUTLET], h);
        if (!ev->first[h->cls])
            ev->first[h->cls] = h;
        if (h->cls != MEDIA_SELF)
            continue;
        /* "I'm a reporter", "I run a blog", "soy periodista": the role follows closely. */
        for (guint k = 0; k < hits->len && !ev->self_role; k++) {
            const cg_hit *r = &g_array_index(hits, cg_hit, k);
            if ((r->cls == MEDIA_ROLE || r->cls == MEDIA_OUTLET || r->cls == MEDIA_ANALYST) &&
                r->text == h->text && r->start >= h->end && r->start - h->end <= SELF_REACH)
                ev->self_role = h;
        }
    }
    /* "We're reporting on", "producer here": the sender says what they do. */
    if (!ev->self_role)
        ev->self_role = ev->first[MEDIA_REPORTING];
}

static void
emit(const cg_doc *doc, const cg_hit *h, const char *kind, double score, GPtrArray *findings)
{
    g_ptr_array_add(findings, cg_finding_new(CG_CAT_MEDIA, kind, h->rule, &doc->texts[h->text],
                                             h->start, h->end, CLAMP(score, 0.01, 0.98)));
}

static void
media_run(const cg_detector *self, const cg_doc *doc, GPtrArray *findings)
{
    const media_detector *md = (const media_detector *)self;
    const GArray *hits = doc->term_hits[CG_CAT_MEDIA];
    media_evidence ev;
    collect(doc, hits, &ev);
    const cg_hit *const *f = ev.first;

    const cg_hit *role = ev.self_role ? ev.self_role : f[MEDIA_ROLE] ? f[MEDIA_ROLE] : f[MEDIA_ANALYST];
    /* Requests, strongest kind first; some are void in the context that explains them. */
    const cg_hit *request = NULL;
    const char *request_kind = NULL;
    if (f[MEDIA_COMMENT] && !f[MEDIA_CODE]) {
        request = f[MEDIA_COMMENT];
        request_kind = "comment_request";
    } else if (f[MEDIA_INTERVIEW] && (!f[MEDIA_JOB] || role)) {
        request = f[MEDIA_INTERVIEW];
        request_kind = f[MEDIA_ANALYST] ? "analyst" : "interview_request";
    } else if (f[MEDIA_SPEAKER] && !f[MEDIA_ATTEND]) {
        request = f[MEDIA_SPEAKER];
        request_kind = "speaker";
    } else if (f[MEDIA_ANALYST] && (f[MEDIA_INTERVIEW] || f[MEDIA_DEADLINE] || ev.self_role)) {
        request = f[MEDIA_ANALYST];
        request_kind = "analyst";
    } else if (f[MEDIA_ASK] && role && (!f[MEDIA_JOB] || ev.self_role)) {
        /* "could you confirm", "like to speak with": a press request when press asks */
        request = f[MEDIA_ASK];
        request_kind = f[MEDIA_ANALYST] ? "analyst" : "interview_request";
    }

    char *domain = cg_header_domain(doc->msg, "From");
    const char *domain_kind = NULL;
    if (domain && domain_listed(domain, md->media_domains))
        domain_kind = "outlet";
    else if (domain && domain_listed(domain, md->analyst_domains))
        domain_kind = "analyst";
    else if (domain && domain_listed(domain, md->event_domains))
        domain_kind = "speaker";

    double judgement = request ? REQUEST_BASE : 0.0;
    if (ev.self_role)
        judgement += ROLE_SELF_BOOST;
    else if (role)
        judgement += ROLE_BOOST;
    if (f[MEDIA_OUTLET])
        judgement += OUTLET_BOOST + (ev.outlet_words > 1 ? OUTLET_BOOST / 2 : 0);
    if (f[MEDIA_DEADLINE] && (request || role))
        judgement += DEADLINE_BOOST;
    if (domain_kind)
        judgement += DOMAIN_BOOST;
    if (request && f[MEDIA_TARGET])      /* "your CEO", "someone on your team" */
        judgement += TARGET_BOOST;
    if (!request)
        judgement = MIN(judgement, 0.45);   /* who someone is, without an ask, is no request */

    gboolean internal = is_internal(doc->msg, domain);
    g_free(domain);
    if (internal || is_bulk(doc->msg) || f[MEDIA_BULK] || f[MEDIA_PR])
        judgement = MIN(judgement, BULK_CAP);
    else if (f[MEDIA_SALES] && !(ev.self_role && request))
        judgement = MIN(judgement, SALES_CAP);

    const cg_hit *top = request ? request : role ? role : f[MEDIA_OUTLET];
    if (top) {
        const char *top_kind = request ? request_kind
                             : top->cls == MEDIA_OUTLET ? "outlet" : "journalist";
        emit(doc, top, top_kind, judgement, findings);
    }
    double weak = MIN(0.3, judgement);
    if (role && role != top)
        emit(doc, role, f[MEDIA_ANALYST] && role == ev.self_role ? "analyst" : "journalist", weak, findings);
    if (f[MEDIA_DEADLINE] && top)
        emit(doc, f[MEDIA_DEADLINE], "deadline", MIN(0.2, judgement), findings);
    if (f[MEDIA_OUTLET] && f[MEDIA_OUTLET] != top)
        emit(doc, f[MEDIA_OUTLET], "outlet", MIN(0.2, judgement), findings);
}

static void
media_free(cg_detector *self)
{
    media_detector *md = (media_detector *)self;
    g_strfreev(md->media_domains);
    g_strfreev(md->analyst_domains);
    g_strfreev(md->event_domains);
    g_free(md);
}

cg_detector *
cg_media_detector_new(const cg_config *cfg, cg_termset *terms,
                      cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    media_detector *md = g_new0(media_detector, 1);
    md->base.name = "media";
    md->base.category = CG_CAT_MEDIA;
    md->base.run = media_run;
    md->base.free = media_free;
    md->media_domains = g_strdupv(cfg->media_domains);
    md->analyst_domains = g_strdupv(cfg->analyst_domains);
    md->event_domains = g_strdupv(cfg->event_domains);
    if (!cg_termset_add_terms(terms, CG_CAT_MEDIA, cg_media_terms, cg_n_media_terms, error)) {
        media_free(&md->base);
        return NULL;
    }
    return &md->base;
}
