/*
 * json_read.c -- recursive-descent JSON reader (see json_read.h).
 */
#include "json_read.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct {
    const char *p, *end;
    GError **error;
} reader;

static cg_jv *
fail(reader *r, const char *what)
{
    if (!*r->error)
        g_set_error(r->error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "bad JSON: %s", what);
    return NULL;
}

static void
skip_space(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static cg_jv *
new_value(cg_jv_type type)
{
    cg_jv *v = g_new0(cg_jv, 1);
    v->type = type;
    return v;
}

static int
hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; i++) {
        int d = g_ascii_xdigit_value(p[i]);
        if (d < 0)
            return -1;
        value = value * 16 + d;
    }
    return value;
}

/* A \uXXXX escape (with its low surrogate, if any) at r->p, just after the 'u'. */
static gboolean
read_unicode_escape(reader *r, GString *out)
{
    if (r->end - r->p < 4)
        return FALSE;
    gunichar c = (gunichar)hex4(r->p);
    if ((int)c < 0)
        return FALSE;
    r->p += 4;
    if (c >= 0xD800 && c <= 0xDBFF && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
        int low = hex4(r->p + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            r->p += 6;
        }
    }
    if (c >= 0xD800 && c <= 0xDFFF)
        c = 0xFFFD;    /* a lone surrogate */
    g_string_append_unichar(out, c);
    return TRUE;
}

static char *
read_string(reader *r)
{
    GString *out = g_string_new(NULL);
    r->p++;    /* the opening quote */
    while (r->p < r->end && *r->p != '"') {
        unsigned char c = (unsigned char)*r->p++;
        if (c < 0x20)
            break;
        if (c != '\\') {
            g_string_append_c(out, (char)c);
            continue;
        }
        if (r->p >= r->end)
            break;
        char e = *r->p++;
        const char *plain = strchr("\"\\/bfnrt", e);
        if (e && plain) {
            g_string_append_c(out, "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"]);
        } else if (e != 'u' || !read_unicode_escape(r, out)) {
            g_string_free(out, TRUE);
            return NULL;
        }
    }
    if (r->p >= r->end || *r->p != '"' || !g_utf8_validate(out->str, out->len, NULL)) {
        g_string_free(out, TRUE);
        return NULL;
    }
    r->p++;
    return g_string_free(out, FALSE);
}

static cg_jv *read_value(reader *r, int depth);

/* An array or object; r->p is on its opening bracket. */
static cg_jv *
read_container(reader *r, int depth, gboolean object)
{
    cg_jv *v = new_value(object ? CG_JV_OBJECT : CG_JV_ARRAY);
    v->items = g_ptr_array_new_with_free_func((GDestroyNotify)cg_jv_free);
    if (object)
        v->keys = g_ptr_array_new_with_free_func(g_free);
    char close = object ? '}' : ']';
    r->p++;
    skip_space(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return v;
    }
    for (;;) {
        skip_space(r);
        if (object) {
            char *key = r->p < r->end && *r->p == '"' ? read_string(r) : NULL;
            skip_space(r);
            if (!key || r->p >= r->end || *r->p != ':') {
                g_free(key);
                break;
            }
            r->p++;
            g_ptr_array_add(v->keys, key);
        }
        cg_jv *item = read_value(r, depth + 1);
        if (!item)
            break;
        g_ptr_array_add(v->items, item);
        skip_space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return v;
        }
        break;
    }
    cg_jv_free(v);
    return fail(r, object ? "unfinished object" : "unfinished array");
}

static cg_jv *
read_number(reader *r)
{
    char buf[64];
    size_t n = 0;
    while (r->p + n < r->end && n < sizeof buf - 1 && strchr("+-0123456789.eE", r->p[n]) && r->p[n])
        n++;
    memcpy(buf, r->p, n);
    buf[n] = '\0';
    char *stop;
    double d = g_ascii_strtod(buf, &stop);
    if (n == 0 || *stop)
        return fail(r, "bad number");
    r->p += n;
    cg_jv *v = new_value(CG_JV_NUMBER);
    v->number = d;
    return v;
}

static gboolean
read_word(reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return FALSE;
    r->p += n;
    return TRUE;
}

static cg_jv *
read_value(reader *r, int depth)
{
    skip_space(r);
    if (depth > MAX_DEPTH)
        return fail(r, "nested too deeply");
    if (r->p >= r->end)
        return fail(r, "unexpected end");
    switch (*r->p) {
    case '{':
        return read_container(r, depth, TRUE);
    case '[':
        return read_container(r, depth, FALSE);
    case '"': {
        char *s = read_string(r);
        if (!s)
            return fail(r, "bad string");
        cg_jv *v = new_value(CG_JV_STRING);
        v->string = s;
        return v;
    }
    default:
        break;
    }
    if (read_word(r, "null"))
        return new_value(CG_JV_NULL);
    if (read_word(r, "true") || read_word(r, "false")) {
        cg_jv *v = new_value(CG_JV_BOOL);
        v->boolean = r->p[-1] == 'e' && r->p[-2] == 'u';
        return v;
    }
    return read_number(r);
}

cg_jv *
cg_jv_parse(const char *text, gsize len, GError **error)
{
    GError *local = NULL;
    reader r = { text, text + len, &local };
    cg_jv *v = read_value(&r, 0);
    skip_space(&r);
    if (v && r.p != r.end) {
        cg_jv_free(v);
        v = fail(&r, "text after the value");
    }
    if (!v)
        g_propagate_error(error, local);
    return v;
}

void
cg_jv_free(cg_jv *v)
{
    if (!v)
        return;
    g_free(v->string);
    if (v->items)
        g_ptr_array_free(v->items, TRUE);
    if (v->keys)
        g_ptr_array_free(v->keys, TRUE);
    g_free(v);
}

const cg_jv *
cg_jv_member(const cg_jv *v, const char *key)
{
    if (!v || v->type != CG_JV_OBJECT)
        return NULL;
    for (guint i = 0; i < v->keys->len; i++)
        if (strcmp(g_ptr_array_index(v->keys, i), key) == 0)
            return g_ptr_array_index(v->items, i);
    return NULL;
}

const char *
cg_jv_get_string(const cg_jv *v, const char *key, const char *fallback)
{
    const cg_jv *m = cg_jv_member(v, key);
    return m && m->type == CG_JV_STRING ? m->string : fallback;
}

double
cg_jv_get_number(const cg_jv *v, const char *key, double fallback)
{
    const cg_jv *m = cg_jv_member(v, key);
    return m && m->type == CG_JV_NUMBER ? m->number : fallback;
}

char **
cg_jv_get_strings(const cg_jv *v, const char *key)
{
    const cg_jv *m = cg_jv_member(v, key);
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; m && m->type == CG_JV_ARRAY && i < m->items->len; i++) {
        const cg_jv *item = g_ptr_array_index(m->items, i);
        if (item->type == CG_JV_STRING)
            g_ptr_array_add(out, g_strdup(item->string));
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}
