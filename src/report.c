/*
 * report.c -- render quarantine digests as text, HTML and a MIME message
 * (see report.h).
 */
#include "report.h"

#include <string.h>

#define FINDINGS_SHOWN 5     /* per item: enough to judge, short enough to scan */

static char *
format_time(gint64 t)
{
    GDateTime *dt = g_date_time_new_from_unix_utc(t);
    char *s = dt ? g_date_time_format(dt, "%Y-%m-%d %H:%M UTC") : g_strdup("?");
    g_clear_pointer(&dt, g_date_time_unref);
    return s;
}

typedef void (*finding_fn)(GString *out, const char *category, const char *kind, const char *excerpt);

/* The item's findings in its violated categories, at most FINDINGS_SHOWN. */
static void
each_finding(const cg_digest_entry *e, GString *out, finding_fn fn)
{
    const cg_jv *cats = cg_jv_member(e->meta, "categories");
    int shown = 0;
    for (guint i = 0; cats && cats->type == CG_JV_OBJECT && i < cats->items->len; i++) {
        const char *category = g_ptr_array_index(cats->keys, i);
        if (!g_strv_contains((const char *const *)e->item->categories, category))
            continue;
        const cg_jv *findings = cg_jv_member(g_ptr_array_index(cats->items, i), "findings");
        for (guint k = 0; findings && findings->type == CG_JV_ARRAY && k < findings->items->len; k++) {
            const cg_jv *f = g_ptr_array_index(findings->items, k);
            if (shown++ == FINDINGS_SHOWN)
                return;
            fn(out, category, cg_jv_get_string(f, "kind", "?"),
               cg_jv_get_string(f, "excerpt", cg_jv_get_string(f, "original", "")));
        }
    }
}

/* "contact: 3, media: 1" over the entries. */
static char *
category_counts(const cg_digest *d)
{
    GString *out = g_string_new(NULL);
    GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *order = g_ptr_array_new();
    for (guint i = 0; i < d->n_entries; i++)
        for (char **c = d->entries[i].item->categories; *c; c++) {
            if (!g_hash_table_contains(counts, *c))
                g_ptr_array_add(order, *c);
            g_hash_table_insert(counts, *c, GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(counts, *c)) + 1));
        }
    for (guint i = 0; i < order->len; i++)
        g_string_append_printf(out, "%s%s: %u", i ? ", " : "", (char *)g_ptr_array_index(order, i),
                               GPOINTER_TO_UINT(g_hash_table_lookup(counts, g_ptr_array_index(order, i))));
    g_ptr_array_free(order, TRUE);
    g_hash_table_destroy(counts);
    return g_string_free(out, FALSE);
}

static gboolean
by_reply(const cg_digest *d, const cg_digest_entry *e)
{
    return d->control_address && *d->control_address && e->release_token && e->delete_token;
}

/* ---- plain text ---- */

static void
text_finding(GString *out, const char *category, const char *kind, const char *excerpt)
{
    g_string_append_printf(out, "    finding:  %s/%s: %s\n", category, kind, excerpt);
}

char *
cg_digest_text(const cg_digest *d)
{
    GString *out = g_string_new(NULL);
    char *counts = category_counts(d);
    g_string_append_printf(out, "commguard quarantine digest for the %s reviewers: %u new message%s (%s).\n\n",
                           d->group, d->n_entries, d->n_entries == 1 ? "" : "s", counts);
    for (guint i = 0; i < d->n_entries; i++) {
        const cg_digest_entry *e = &d->entries[i];
        const cg_qitem *it = e->item;
        char *when = format_time(it->received), *to = g_strjoinv(", ", it->recipients);
        char *cats = g_strjoinv(", ", it->categories);
        g_string_append_printf(out, "%u. %s\n    time:     %s\n    from:     %s\n    to:       %s\n"
                               "    subject:  %s\n    category: %s (score %.2f)\n",
                               i + 1, it->id, when, it->sender, to, it->subject, cats, it->score);
        each_finding(e, out, text_finding);
        if (by_reply(d, e))
            g_string_append_printf(out, "    To release, send %s a mail with the line:\n        release %s\n"
                                   "    To delete, send the line:\n        delete %s\n",
                                   d->control_address, e->release_token, e->delete_token);
        g_string_append_printf(out, "    On the server: commguardctl quarantine release %s\n"
                               "               or: commguardctl quarantine delete %s\n\n", it->id, it->id);
        g_free(cats);
        g_free(to);
        g_free(when);
    }
    if (d->n_entries && by_reply(d, &d->entries[0])) {
        char *until = format_time(d->token_expires);
        g_string_append_printf(out, "The release and delete lines work once, until %s, and only from the %s "
                               "reviewers' addresses.\n", until, d->group);
        g_free(until);
    }
    g_free(counts);
    return g_string_free(out, FALSE);
}

/* ---- HTML ---- */

static void
append_escaped(GString *out, const char *text)
{
    char *escaped = g_markup_escape_text(text ? text : "", -1);
    g_string_append(out, escaped);
    g_free(escaped);
}

static void
html_finding(GString *out, const char *category, const char *kind, const char *excerpt)
{
    g_string_append(out, "<li>");
    append_escaped(out, category);
    g_string_append_c(out, '/');
    append_escaped(out, kind);
    g_string_append(out, ": <code>");
    append_escaped(out, excerpt);
    g_string_append(out, "</code></li>\n");
}

static void
mailto_link(GString *out, const char *address, const char *action, const char *token)
{
    char *line = g_strdup_printf("%s %s", action, token);
    char *to = g_uri_escape_string(address, "@", FALSE), *body = g_uri_escape_string(line, NULL, FALSE);
    char *href = g_strdup_printf("mailto:%s?subject=%s&body=%s", to, action, body);
    g_string_append(out, "<a href=\"");
    append_escaped(out, href);
    g_string_append(out, "\">");
    append_escaped(out, action);
    g_string_append(out, "</a>");
    g_free(href);
    g_free(body);
    g_free(to);
    g_free(line);
}

static void
html_cell(GString *out, const char *text)
{
    g_string_append(out, "<td>");
    append_escaped(out, text);
    g_string_append(out, "</td>\n");
}

char *
cg_digest_html(const cg_digest *d)
{
    GString *out = g_string_new("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>commguard digest"
                                "</title></head>\n<body>\n<p>");
    char *counts = category_counts(d);
    g_string_append_printf(out, "commguard quarantine digest for the ");
    append_escaped(out, d->group);
    g_string_append_printf(out, " reviewers: %u new message%s (", d->n_entries, d->n_entries == 1 ? "" : "s");
    append_escaped(out, counts);
    g_string_append(out, ").</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n"
                         "<tr><th>Time</th><th>From</th><th>To</th><th>Subject</th><th>Category</th>"
                         "<th>Score</th><th>Findings</th><th>Action</th></tr>\n");
    for (guint i = 0; i < d->n_entries; i++) {
        const cg_digest_entry *e = &d->entries[i];
        const cg_qitem *it = e->item;
        char *when = format_time(it->received), *to = g_strjoinv(", ", it->recipients);
        char *cats = g_strjoinv(", ", it->categories), score[16];
        g_snprintf(score, sizeof score, "%.2f", it->score);
        g_string_append(out, "<tr>\n");
        html_cell(out, when);
        html_cell(out, it->sender);
        html_cell(out, to);
        html_cell(out, it->subject);
        html_cell(out, cats);
        html_cell(out, score);
        g_string_append(out, "<td><ul>\n");
        each_finding(e, out, html_finding);
        g_string_append(out, "</ul></td>\n<td>");
        if (by_reply(d, e)) {
            mailto_link(out, d->control_address, "release", e->release_token);
            g_string_append(out, " | ");
            mailto_link(out, d->control_address, "delete", e->delete_token);
            g_string_append(out, "<br>\n");
        }
        g_string_append(out, "<small>commguardctl quarantine release|delete ");
        append_escaped(out, it->id);
        g_string_append(out, "</small></td>\n</tr>\n");
        g_free(cats);
        g_free(to);
        g_free(when);
    }
    g_string_append(out, "</table>\n</body></html>\n");
    g_free(counts);
    return g_string_free(out, FALSE);
}

/* ---- the MIME message ---- */

static GMimeObject *
text_part(const char *subtype, const char *text)
{
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
    g_mime_text_part_set_text(part, text);
    g_mime_part_set_content_encoding(
        GMIME_PART(part), g_mime_part_get_best_content_encoding(GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_8BIT));
    return GMIME_OBJECT(part);
}

GBytes *
cg_digest_message(const cg_digest *d)
{
    GMimeMessage *msg = g_mime_message_new(TRUE);
    g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, "commguard", d->from);
    for (const char *const *to = d->to; *to; to++)
        g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, NULL, *to);
    if (d->control_address && *d->control_address)
        g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_REPLY_TO, NULL, d->control_address);
    char *subject = g_strdup_printf("commguard: %u quarantined message%s for %s review", d->n_entries,
                                    d->n_entries == 1 ? "" : "s", d->group);
    g_mime_message_set_subject(msg, subject, "utf-8");
    GDateTime *now = g_date_time_new_now_local();
    g_mime_message_set_date(msg, now);
    const char *at = strrchr(d->from, '@');
    char *message_id = g_mime_utils_generate_message_id(at ? at + 1 : "localhost");
    g_mime_message_set_message_id(msg, message_id);
    /* RFC 3834: autoresponders must not answer it */
    g_mime_object_set_header(GMIME_OBJECT(msg), "Auto-Submitted", "auto-generated", NULL);

    GMimeMultipart *alternative = g_mime_multipart_new_with_subtype("alternative");
    char *text = cg_digest_text(d), *html = cg_digest_html(d);
    GMimeObject *plain = text_part("plain", text), *rich = text_part("html", html);
    g_mime_multipart_add(alternative, plain);    /* the richest part comes last */
    g_mime_multipart_add(alternative, rich);
    g_mime_message_set_mime_part(msg, GMIME_OBJECT(alternative));

    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, mem);
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    GBytes *out = g_bytes_new(bytes->data, bytes->len);

    g_object_unref(mem);
    g_object_unref(rich);
    g_object_unref(plain);
    g_object_unref(alternative);
    g_free(html);
    g_free(text);
    g_free(message_id);
    g_date_time_unref(now);
    g_free(subject);
    g_object_unref(msg);
    return out;
}
