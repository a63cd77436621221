/*
 * lexicon_texts.h -- texts for the tests that compare the lexicons' terms
 * searched through the term filter or split by first byte with plain
 * searches: texts written for the patterns' edges (a match at the very
 * start and end, right after non-ASCII bytes, in capitals, after
 * punctuation, an empty match), and the fixtures with them.
 */
#ifndef CG_LEXICON_TEXTS_H
#define CG_LEXICON_TEXTS_H

#include "testutil.h"
#include "lexicon.h"

static const char *const lexicon_edge_texts[] = {
    "revenue",
    "Q3 REVENUE grew 40% to $4.2M; Gross Margins fell.",
    "naïve über-margin 12,5 millones (intern) x",
    "we're on track to hit plan, he said: Alice Smith knows. 3/7 split",
    "The CONTRACTOR charges us $90 per hour\nsenior reporter here, deadline Friday",
    "wir veranstalten eine podiumsdiskussion; je suis journaliste à Paris.",
    "",
    " ",
    "9",
    "x$ 5",
    "He helps her; his HE_ he",
};

/* Appends the edge texts, then a test's own (more, n_more), as GStrings. */
static inline void
add_lexicon_edge_texts(GPtrArray *texts, const char *const *more, size_t n_more)
{
    for (size_t i = 0; i < G_N_ELEMENTS(lexicon_edge_texts); i++)
        g_ptr_array_add(texts, g_string_new(lexicon_edge_texts[i]));
    for (size_t i = 0; i < n_more; i++)
        g_ptr_array_add(texts, g_string_new(more[i]));
}

/* The fixtures' raw bytes, then the edge texts and a test's own. */
static inline GPtrArray *
lexicon_texts(const char *const *more, size_t n_more)
{
    GPtrArray *texts = fixture_texts();
    add_lexicon_edge_texts(texts, more, n_more);
    return texts;
}

/* Both lexicons' terms in one new array, the confidential ones first; *n
 * of them. */
static inline cg_term *
both_lexicons(size_t *n)
{
    *n = cg_n_confidential_terms + cg_n_media_terms;
    cg_term *both = g_new(cg_term, *n);
    memcpy(both, cg_confidential_terms, cg_n_confidential_terms * sizeof *both);
    memcpy(both + cg_n_confidential_terms, cg_media_terms, cg_n_media_terms * sizeof *both);
    return both;
}

#endif
