/*
 * header.h -- header values that are safe to add to a message.
 *
 * Whatever goes into a header we add may come from the message (an address,
 * a subject), so it is cleaned and encoded here: control characters, CR and
 * LF become spaces (no header injection), invalid UTF-8 is repaired, words
 * with non-ASCII text become RFC 2047 encoded-words (UTF-8, base64), and the
 * result is folded at 78 columns with "\n " as libmilter expects; Postfix
 * would otherwise fold lines over 998 bytes itself, after the milter.
 */
#ifndef CG_HEADER_H
#define CG_HEADER_H

#include <glib.h>

#define CG_HEADER_LINE_MAX 78

/* The value for header `name`, ready for smfi_addheader.  Newly allocated. */
char *cg_header_encode(const char *name, const char *value);

/* A header value as received (folded, perhaps with encoded-words) as one
 * line of valid UTF-8.  Newly allocated. */
char *cg_header_decode(const char *raw);

/* The Subject value for smfi_chgheader: subject_raw (as received, or NULL
 * for none) decoded, prefixed with prefix and a space, encoded again, so
 * that encoded-words stay valid.  NULL when the subject already starts with
 * the prefix (a message tagged twice keeps one). */
char *cg_header_prefix_subject(const char *subject_raw, const char *prefix);

#endif
