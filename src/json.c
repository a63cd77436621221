/*
 * json.c -- a small JSON writer on top of GString (see json.h).
 */
#include "json.h"

#include <math.h>

void
cg_json_escape(GString *out, const char *s, size_t len)
{
    const char *p = s, *end = s + len;

    g_string_append_c(out, '"');
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            switch (c) {
            case '"':  g_string_append(out, "\\\""); break;
            case '\\': g_string_append(out, "\\\\"); break;
            case '\n': g_string_append(out, "\\n"); break;
            case '\r': g_string_append(out, "\\r"); break;
            case '\t': g_string_append(out, "\\t"); break;
            case '\b': g_string_append(out, "\\b"); break;
            case '\f': g_string_append(out, "\\f"); break;
            default:
                if (c < 0x20 || c == 0x7f)
                    g_string_append_printf(out, "\\u%04x", c);
                else
                    g_string_append_c(out, (char)c);
            }
            p++;
            continue;
        }
        gunichar u = g_utf8_get_char_validated(p, end - p);
        if (u == (gunichar)-1 || u == (gunichar)-2) {
            g_string_append(out, "\\ufffd");   /* invalid or truncated sequence */
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if (u == 0x2028 || u == 0x2029)         /* valid JSON, but breaks JavaScript readers */
            g_string_append_printf(out, "\\u%04x", u);
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    g_string_append_c(out, '"');
}

void
cg_json_init(cg_json *j, GString *out, gboolean pretty)
{
    j->out = out;
    j->pretty = pretty;
    j->depth = 0;
    j->need_comma = FALSE;
    j->after_key = FALSE;
}

static void
newline(cg_json *j)
{
    if (!j->pretty)
        return;
    g_string_append_c(j->out, '\n');
    for (int i = 0; i < j->depth; i++)
        g_string_append(j->out, "  ");
}

/* Before any value or key: separate it from the previous sibling. */
static void
before_value(cg_json *j)
{
    if (j->after_key) {
        j->after_key = FALSE;
        return;
    }
    if (j->need_comma)
        g_string_append_c(j->out, ',');
    if (j->depth > 0)
        newline(j);
}

static void
open_container(cg_json *j, char c)
{
    before_value(j);
    g_string_append_c(j->out, c);
    j->depth++;
    j->need_comma = FALSE;
}

static void
close_container(cg_json *j, char c)
{
    gboolean empty = !j->need_comma;
    j->depth--;
    if (!empty)
        newline(j);
    g_string_append_c(j->out, c);
    j->need_comma = TRUE;
}

void cg_json_begin_object(cg_json *j) { open_container(j, '{'); }
void cg_json_end_object(cg_json *j)   { close_container(j, '}'); }
void cg_json_begin_array(cg_json *j)  { open_container(j, '['); }
void cg_json_end_array(cg_json *j)    { close_container(j, ']'); }

void
cg_json_key(cg_json *j, const char *key)
{
    before_value(j);
    cg_json_escape(j->out, key, strlen(key));
    g_string_append(j->out, j->pretty ? ": " : ":");
    j->after_key = TRUE;
}

void
cg_json_string_len(cg_json *j, const char *s, size_t len)
{
    before_value(j);
    cg_json_escape(j->out, s, len);
    j->need_comma = TRUE;
}

void
cg_json_string(cg_json *j, const char *s)
{
    if (!s) {
        cg_json_null(j);
        return;
    }
    cg_json_string_len(j, s, strlen(s));
}

void
cg_json_number(cg_json *j, double v)
{
    before_value(j);
    if (!isfinite(v))
        g_string_append(j->out, "null");
    else {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        /* Three significant digits are plenty for scores; locale-independent. */
        g_ascii_formatd(buf, sizeof buf, "%.3g", v);
        g_string_append(j->out, buf);
    }
    j->need_comma = TRUE;
}

void
cg_json_int(cg_json *j, gint64 v)
{
    before_value(j);
    g_string_append_printf(j->out, "%" G_GINT64_FORMAT, v);
    j->need_comma = TRUE;
}

void
cg_json_bool(cg_json *j, gboolean v)
{
    before_value(j);
    g_string_append(j->out, v ? "true" : "false");
    j->need_comma = TRUE;
}

void
cg_json_null(cg_json *j)
{
    before_value(j);
    g_string_append(j->out, "null");
    j->need_comma = TRUE;
}
