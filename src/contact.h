/*
 * contact.h -- the contact detector's rule families.
 *
 * Each family finds one kind of contact detail (email, phone, ...) in a
 * normalised text.  detect_contact.c runs the enabled families and then
 * judges their findings in context (exceptions, requests, refusals).
 */
#ifndef CG_CONTACT_H
#define CG_CONTACT_H

#include "config.h"
#include "detect.h"
#include "filtered_regex.h"
#include "rules.h"

/* A word and its length, so that matching one needs no strlen. */
typedef struct {
    const char *word;
    size_t len;
} cg_sized_word;

#define CG_SIZED(w) { w, sizeof w - 1 }

/* A family's patterns that the term filter reads join the engine's filter
 * group at compile; scan then finds their candidates over the text in
 * cg_text.candidates (filtered_regex.h), found once for every member. */
typedef struct {
    const char *name;                                     /* as in contact_rules */
    void *(*compile)(const cg_config *cfg, cg_filter_group *group, GError **error);
    void (*scan)(const void *state, const cg_text *text, GPtrArray *findings);
    void (*free)(void *state);
} cg_contact_family;

extern const cg_contact_family cg_family_email;
extern const cg_contact_family cg_family_request;
extern const cg_contact_family cg_family_handle;   /* app IDs and handles */
extern const cg_contact_family cg_family_link;     /* contact, chat and booking URLs */
extern const cg_contact_family cg_family_address;
extern const cg_contact_family cg_family_phone;

#endif
