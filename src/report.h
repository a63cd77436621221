/*
 * report.h -- the quarantine digest a reviewer group gets by mail.
 *
 * A digest is a multipart/alternative message: a plain-text list and an HTML
 * table of the items (time, sender, recipients, subject, categories, score,
 * the findings with their excerpts), a count per category, and for each item
 * how to release or delete it -- the commguardctl commands and, when release
 * by reply is configured, a "release TOKEN" or "delete TOKEN" line to send to
 * the control address (the HTML has mailto: links that prepare it).  Every
 * piece of message content is HTML-escaped in the HTML part: a subject is
 * text, never markup.  No line of the digest starts with a command word, so
 * a reply that quotes the whole digest (without "> ") releases nothing.
 */
#ifndef CG_REPORT_H
#define CG_REPORT_H

#include <gmime/gmime.h>

#include "json_read.h"
#include "quarantine.h"

typedef struct {
    const cg_qitem *item;
    const cg_jv *meta;           /* its meta.json, for the findings; NULL if unreadable */
    char *release_token;         /* NULL without release by reply */
    char *delete_token;
} cg_digest_entry;

typedef struct {
    const char *group;           /* the category whose reviewers get it */
    const char *from;
    const char *const *to;
    const char *control_address; /* "" or NULL: commands only */
    gint64 token_expires;        /* shown with the tokens */
    const cg_digest_entry *entries;
    guint n_entries;
} cg_digest;

char *cg_digest_text(const cg_digest *d);
char *cg_digest_html(const cg_digest *d);
/* The whole mail, ready for sendmail. */
GBytes *cg_digest_message(const cg_digest *d);

#endif
