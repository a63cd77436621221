/*
 * contact_street.h -- where a street line of the address family can start.
 *
 * The address family's street pattern (contact_address.c) is tried only at
 * the positions this module finds: a house number, a capitalised name or a
 * street or box word from which one of the pattern's alternatives can reach
 * its street word or house number.  The positions are a superset of the
 * pattern's match starts, so a filtered search finds what a plain one does.
 */
#ifndef CG_CONTACT_STREET_H
#define CG_CONTACT_STREET_H

#include <glib.h>

typedef struct cg_street_starts cg_street_starts;

/* en_type_words: the pattern's English street types, one lower-case word each
 * ("street|st|avenue|..."); fr_type_words: its French types, each beginning
 * with two letters ("rue|avenue|av\\.|..."), of which only those are read. */
cg_street_starts *cg_street_starts_new(const char *en_type_words, const char *fr_type_words);
void cg_street_starts_free(cg_street_starts *starts);

/* A cg_candidate_fn (filtered_regex.h) with a cg_street_starts as data: the
 * first position p, from <= p <= len, where a street line can start, or
 * len + 1. */
size_t cg_next_street_start(void *starts, const char *text, size_t len, size_t from);

#endif
