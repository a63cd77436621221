/*
 * evidence.h -- term tables matched over a message, for the detectors that
 * judge a message as a whole (confidential, media).
 *
 * A detector lists its vocabulary as terms: a PCRE2 pattern and the class of
 * evidence it is (a metric word, a figure, a confidentiality marker...).
 * The engine keeps the terms of all such detectors in one set, each term
 * marked with its detector's category, and each a member of the engine's
 * filter group (filter_group.h): finding where terms could start is one
 * pass over a text however many terms there are.  cg_termset_scan finds
 * every match of every term in every segment; each detector then weighs
 * its own hits by class and by how close they are.
 */
#ifndef CG_EVIDENCE_H
#define CG_EVIDENCE_H

#include "detect.h"
#include "filter_group.h"
#include "rules.h"

typedef struct {
    int cls;                 /* the detector's own evidence class */
    const char *rule;        /* rule name reported in findings */
    const char *pattern;     /* caseless, byte mode */
} cg_term;

typedef struct {
    int cls;
    const char *rule;
    guint text;              /* index into doc->texts */
    size_t start, end;       /* view byte range */
} cg_hit;

typedef struct cg_termset cg_termset;

/* A set whose terms join group. */
cg_termset *cg_termset_new(cg_filter_group *group);
/* Add a detector's terms, its hits to go to its category's array. */
gboolean cg_termset_add_terms(cg_termset *ts, cg_category owner, const cg_term *terms, size_t n,
                              GError **error);
/* Add one more term, its rule name copied (used for configured lists). */
gboolean cg_termset_add(cg_termset *ts, cg_category owner, int cls, const char *rule,
                        const char *pattern, GError **error);
void cg_termset_free(cg_termset *ts);

/* Append a cg_hit to hits[c] for every match in every text of every term of
 * each category c whose hits[c] is not NULL; the others' terms are not
 * tried.  The texts' candidates were found for those categories. */
void cg_termset_scan(const cg_termset *ts, const cg_doc *doc, GArray *const hits[CG_CAT_COUNT]);

/* A pattern matching any of words as whole words (literal, caseless); NULL for none. */
char *cg_words_pattern(char *const *words);

/* Words read from a file, one per line; blank lines and '#' comments skipped. */
char **cg_read_word_file(const char *path, GError **error);

/* The lower-cased domain of the first address in a header ("From", "To"), or NULL. */
char *cg_header_domain(const cg_message *msg, const char *name);

#endif
