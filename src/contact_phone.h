/*
 * contact_phone.h -- pieces shared by the phone rule family's two scanners.
 *
 * contact_phone.c finds numbers written with digits; contact_phone_words.c
 * finds numbers spelled out in words (or mixed words and digits).  Both judge
 * the words just before a number the same way, with phone_context()
 * (contact_phone_context.c).
 */
#ifndef CG_CONTACT_PHONE_H
#define CG_CONTACT_PHONE_H

#include "contact.h"

typedef enum {
    PHONE_CONTEXT_NONE,
    PHONE_CONTEXT_NUMBER,     /* only "number", "no.", "Nr.", "número": any kind of number */
    PHONE_CONTEXT_PHONE,      /* "call me", "WhatsApp", "Handy", "móvil"... */
    PHONE_CONTEXT_NOT_PHONE   /* "order", "invoice", "#", "ISBN", "Rechnung"... */
} phone_context_kind;

/* What the words just before view offset start say about a number there. */
phone_context_kind phone_context(const char *s, size_t start);

/* Placeholders and counting: one digit repeated, or 1234567... in order. */
gboolean phone_digits_look_fake(const char *digits, size_t n);

/* s[0..n) lower-cased as g_utf8_strdown would: in buf (n + 1 bytes) when it
 * is ASCII, the common case, without allocating; otherwise a new string,
 * also stored in *owned for the caller to free. */
const char *phone_lower(const char *s, size_t n, char *buf, char **owned);

/* g_ascii_tolower inline: both scanners call it for bytes of every number. */
static inline char
ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* The number-word tables, built once per configuration. */
typedef struct phone_words phone_words;
phone_words *phone_words_new(void);
void phone_words_free(phone_words *w);

/* Add a finding for each number spelled out (wholly or partly) in words. */
void phone_words_scan(const phone_words *w, const cg_text *text, GPtrArray *findings);
/* The same without its shortcuts, every token looked up: for tests. */
void phone_words_scan_plain(const phone_words *w, const cg_text *text, GPtrArray *findings);

#endif
