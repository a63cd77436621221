/*
 * html.h -- render HTML to plain text for the detectors.
 *
 * Not a browser: tags go, text stays, and everything a person could be sent
 * to is kept as text -- link targets (href, including mailto: and tel:),
 * comments, and content hidden by styles.  Entities are decoded.  Block
 * elements become line breaks so words from different cells stay apart.
 */
#ifndef CG_HTML_H
#define CG_HTML_H

#include <glib.h>

/* Returns newly allocated valid UTF-8; the input must be valid UTF-8. */
char *cg_html_to_text(const char *html, size_t len, size_t *out_len);

/* Decode one entity starting just after '&'; on success, stores the code
 * point, returns the bytes consumed (including a trailing ';'), else 0. */
size_t cg_html_entity(const char *s, size_t len, gunichar *out);

#endif
