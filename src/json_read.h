/*
 * json_read.h -- a small JSON reader for commguard's own files (meta.json).
 *
 * It parses a whole document into a tree of cg_jv values.  Nesting is
 * limited, so a damaged or hostile file cannot exhaust the stack; any syntax
 * error fails the whole document, which is what lets the quarantine treat a
 * half-written item as an error for that item alone.
 */
#ifndef CG_JSON_READ_H
#define CG_JSON_READ_H

#include <glib.h>

typedef enum { CG_JV_NULL, CG_JV_BOOL, CG_JV_NUMBER, CG_JV_STRING, CG_JV_ARRAY, CG_JV_OBJECT } cg_jv_type;

typedef struct cg_jv cg_jv;
struct cg_jv {
    cg_jv_type type;
    gboolean boolean;
    double number;
    char *string;         /* CG_JV_STRING: UTF-8 */
    GPtrArray *items;     /* CG_JV_ARRAY: values; CG_JV_OBJECT: values, in order */
    GPtrArray *keys;      /* CG_JV_OBJECT: the keys, parallel to items */
};

cg_jv *cg_jv_parse(const char *text, gsize len, GError **error);
void cg_jv_free(cg_jv *v);

/* Member key of an object, or NULL (also when v is not an object). */
const cg_jv *cg_jv_member(const cg_jv *v, const char *key);
/* The string or number of member key, or the fallback when missing or of another type. */
const char *cg_jv_get_string(const cg_jv *v, const char *key, const char *fallback);
double cg_jv_get_number(const cg_jv *v, const char *key, double fallback);
/* The strings of array member key, NULL-terminated (non-strings skipped). */
char **cg_jv_get_strings(const cg_jv *v, const char *key);

#endif
