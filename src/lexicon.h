/*
 * lexicon.h -- the vocabularies of the confidential and media detectors.
 *
 * Each detector's terms are grouped into evidence classes; the detector
 * decides how classes combine.  The tables live in lexicon_*.c so the
 * detectors stay readable and the word lists can grow on their own.
 */
#ifndef CG_LEXICON_H
#define CG_LEXICON_H

#include "evidence.h"

/* Evidence classes of the confidential detector. */
enum {
    CONF_METRIC,     /* revenue, ARR, churn ... (needs a figure nearby) */
    CONF_FIGURE,     /* 12%, $4.2M, 184,3 millones */
    CONF_NUMBER,     /* any number: parameters and thresholds are often bare */
    CONF_PERIOD,     /* Q3, FY25, last quarter */
    CONF_FORECAST,
    CONF_STRATEGY,
    CONF_DEAL,       /* a deal under way: talks, term sheet, due diligence */
    CONF_PROCESS,
    CONF_INTERNAL,
    CONF_SECRET,
    CONF_HR,         /* HR actions: layoffs, PIPs, firings, investigations */
    CONF_PAY,        /* salaries, bands, bonus pools */
    CONF_CLIENT,     /* engagement details: rates, budgets, revenue share */
    CONF_PERSON,     /* who an HR matter is about: a name, a title, he/she */
    CONF_MARKER,     /* "internal only", "not yet public", "between us" */
    CONF_PUBLIC,     /* "published", "press release", "annual report" */
    CONF_FOOTER,     /* where a legal footer starts */
    CONF_NCLASSES
};

/* Evidence classes of the media detector. */
enum {
    MEDIA_ROLE,        /* reporter, producer, podcast host ... */
    MEDIA_SELF,        /* "I'm a", "I run", "Soy", "ich bin" */
    MEDIA_ANALYST,
    MEDIA_SPEAKER,     /* keynote, panel, speak at our meetup */
    MEDIA_INTERVIEW,   /* a request to interview someone */
    MEDIA_COMMENT,     /* a request for comment, statement, quote, fact check */
    MEDIA_OUTLET,      /* publication context: article, segment, issue, readers */
    MEDIA_DEADLINE,
    MEDIA_BULK,        /* unsubscribe, you are receiving this */
    MEDIA_PR,          /* PR agencies selling their services */
    MEDIA_SALES,       /* vendors selling: sponsorship, advertising, demos */
    MEDIA_JOB,         /* recruiting and job interviews */
    MEDIA_CODE,        /* comment on the PR, review */
    MEDIA_ATTEND,      /* register to attend, save your seat */
    MEDIA_REPORTING,   /* the sender at work: "we're reporting on", "producer here" */
    MEDIA_TARGET,      /* whom the request is for: "your CEO", "your press office" */
    MEDIA_ASK,         /* a plain ask ("could you confirm", "like to speak with") that is a
                          press request only from someone who says they are press */
    MEDIA_NCLASSES
};

extern const cg_term cg_confidential_terms[];
extern const size_t cg_n_confidential_terms;
extern const cg_term cg_media_terms[];
extern const size_t cg_n_media_terms;

#endif
