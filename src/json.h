/*
 * json.h -- a small JSON writer on top of GString.
 *
 * Strings are escaped for JSON: quotes, backslashes and control characters
 * are escaped, and invalid UTF-8 becomes U+FFFD, so any message content can
 * be written safely.  The writer tracks commas and optional indentation.
 */
#ifndef CG_JSON_H
#define CG_JSON_H

#include <glib.h>

typedef struct {
    GString *out;
    gboolean pretty;
    int depth;
    gboolean need_comma;
    gboolean after_key;
} cg_json;

void cg_json_init(cg_json *j, GString *out, gboolean pretty);
void cg_json_begin_object(cg_json *j);
void cg_json_end_object(cg_json *j);
void cg_json_begin_array(cg_json *j);
void cg_json_end_array(cg_json *j);
void cg_json_key(cg_json *j, const char *key);
void cg_json_string(cg_json *j, const char *s);          /* NULL writes null */
void cg_json_string_len(cg_json *j, const char *s, size_t len);
void cg_json_number(cg_json *j, double v);
void cg_json_int(cg_json *j, gint64 v);
void cg_json_bool(cg_json *j, gboolean v);
void cg_json_null(cg_json *j);

/* Append s (len bytes) to out as a quoted JSON string. */
void cg_json_escape(GString *out, const char *s, size_t len);

#endif
