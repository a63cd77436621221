/*
 * mail_mix.c -- generate the milter benchmark's reproducible mix of mail
 * (see mail_mix.h).
 *
 * Each message is drawn from its own GRand seeded with seed + index, so a
 * message does not depend on how many others are made.  The text is
 * ordinary prose (not the trigger-dense text of bench_scan.c): the mix is
 * meant to look like a day of a marketplace's mail.
 */
#include "mail_mix.h"

#include <math.h>
#include <string.h>

typedef enum {
    SHAPE_PLAIN, SHAPE_ALTERNATIVE, SHAPE_HTML_ONLY, SHAPE_BASE64_TEXT, SHAPE_QP_LATIN1,
    SHAPE_ATTACHMENT, SHAPE_FORWARDED, SHAPE_NESTED, SHAPE_COUNT
} shape;

static const char *const words[] = {
    "the", "project", "budget", "is", "and", "we", "can", "deliver", "by", "Friday", "please",
    "review", "attached", "mockups", "logo", "version", "order", "meet", "at", "noon", "milestone",
    "invoice", "thanks", "design", "landing", "page", "copy", "for", "your", "feedback", "on",
    "the", "draft", "next", "week", "I", "have", "updated", "colours", "fonts", "a", "few",
    "questions", "about", "scope", "$450", "3", "revisions", "included", "timeline", "looks",
    "good", "to", "me", "let", "know", "if", "you", "need", "anything", "else", "delivery",
    "files", "source", "final", "payment", "through", "the", "platform", "regards",
};
/* Latin-1 words written as quoted-printable. */
static const char *const latin1_words[] = { "caf=E9", "na=EFve", "Gr=FC=DFe", "=FCber", "r=E9sum=E9" };
static const char *const contacts[] = {
    "You can reach me at ana.lee@example.com if that is easier.",
    "WhatsApp me on +44 7700 900123 and we sort it out there.",
    "Book a call with me: calendly.com/ana-lee/30min",
    "my number is five five five oh one four two eight eight",
    "add me on skype, live:.cid.7f3a9c21e0b4",
};

/* Lines of prose totalling about bytes; one contact sentence somewhere when asked. */
static void
prose(GString *out, GRand *rand, gsize bytes, gboolean contact, gboolean latin1)
{
    gsize start = out->len, line = out->len;
    gsize contact_at = contact ? (gsize)g_rand_int_range(rand, 0, (gint32)MAX(bytes, 1)) : G_MAXSIZE;
    while (out->len - start < bytes) {
        if (out->len - start >= contact_at) {
            g_string_append(out, contacts[g_rand_int_range(rand, 0, G_N_ELEMENTS(contacts))]);
            contact_at = G_MAXSIZE;
        } else if (latin1 && g_rand_int_range(rand, 0, 20) == 0) {
            g_string_append(out, latin1_words[g_rand_int_range(rand, 0, G_N_ELEMENTS(latin1_words))]);
        } else {
            g_string_append(out, words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
        }
        if (out->len - line >= 66) {
            g_string_append(out, "\r\n");
            line = out->len;
        } else {
            g_string_append_c(out, ' ');
        }
    }
    g_string_append(out, "\r\n");
}

static void
html_prose(GString *out, GRand *rand, gsize bytes, gboolean contact)
{
    g_string_append(out, "<html><body>\r\n");
    gsize start = out->len;
    gboolean contact_left = contact;
    while (out->len - start < bytes) {
        g_string_append(out, "<p>");
        gsize para = MIN(bytes - (out->len - start), (gsize)g_rand_int_range(rand, 200, 800));
        gboolean here = contact_left && g_rand_int_range(rand, 0, 4) == 0;
        prose(out, rand, para, here, FALSE);
        contact_left = contact_left && !here;
        g_string_append(out, "</p>\r\n");
    }
    if (contact_left) {
        g_string_append(out, "<p>");
        prose(out, rand, 1, TRUE, FALSE);
        g_string_append(out, "</p>\r\n");
    }
    g_string_append(out, "</body></html>\r\n");
}

/* data as base64 in 76-character lines */
static void
base64_lines(GString *out, const guchar *data, gsize len)
{
    for (gsize i = 0; i < len; i += 57) {
        gchar *line = g_base64_encode(data + i, MIN(57, len - i));
        g_string_append(out, line);
        g_string_append(out, "\r\n");
        g_free(line);
    }
}

static void
binary_base64(GString *out, GRand *rand, gsize encoded_bytes)
{
    gsize len = encoded_bytes / 4 * 3;
    guchar *data = g_malloc(len + 4);
    for (gsize i = 0; i < len; i += 4) {
        guint32 r = g_rand_int(rand);
        memcpy(data + i, &r, 4);
    }
    base64_lines(out, data, len);
    g_free(data);
}

static void
text_part(GString *out, GRand *rand, gsize bytes, gboolean contact)
{
    g_string_append(out, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    prose(out, rand, bytes, contact, FALSE);
}

static void
html_part(GString *out, GRand *rand, gsize bytes, gboolean contact)
{
    g_string_append(out, "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    html_prose(out, rand, bytes, contact);
}

static void
alternative(GString *out, GRand *rand, gsize bytes, gboolean contact, const char *boundary)
{
    g_string_append_printf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n--%s\r\n",
                           boundary, boundary);
    text_part(out, rand, bytes / 2, contact);
    g_string_append_printf(out, "--%s\r\n", boundary);
    html_part(out, rand, bytes / 2, contact);
    g_string_append_printf(out, "--%s--\r\n", boundary);
}

static void
body(GString *out, GRand *rand, shape kind, gsize bytes, gboolean contact)
{
    switch (kind) {
    case SHAPE_PLAIN:
    case SHAPE_COUNT:
        text_part(out, rand, bytes, contact);
        break;
    case SHAPE_ALTERNATIVE:
        alternative(out, rand, bytes, contact, "alt-1");
        break;
    case SHAPE_HTML_ONLY:
        html_part(out, rand, bytes, contact);
        break;
    case SHAPE_BASE64_TEXT: {
        GString *text = g_string_new(NULL);
        prose(text, rand, bytes * 3 / 4, contact, FALSE);
        g_string_append(out, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        base64_lines(out, (const guchar *)text->str, text->len);
        g_string_free(text, TRUE);
        break;
    }
    case SHAPE_QP_LATIN1:
        g_string_append(out, "Content-Type: text/plain; charset=iso-8859-1\r\n"
                             "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        prose(out, rand, bytes, contact, TRUE);
        break;
    case SHAPE_ATTACHMENT:
        g_string_append(out, "Content-Type: multipart/mixed; boundary=\"mix-1\"\r\n\r\n--mix-1\r\n");
        text_part(out, rand, MIN(bytes, 2048), contact);
        g_string_append(out, "--mix-1\r\nContent-Type: application/pdf; name=\"brief.pdf\"\r\n"
                             "Content-Disposition: attachment; filename=\"brief.pdf\"\r\n"
                             "Content-Transfer-Encoding: base64\r\n\r\n");
        binary_base64(out, rand, bytes > 2048 ? bytes - 2048 : 512);
        g_string_append(out, "--mix-1--\r\n");
        break;
    case SHAPE_FORWARDED:
        g_string_append(out, "Content-Type: multipart/mixed; boundary=\"fwd-1\"\r\n\r\n--fwd-1\r\n");
        text_part(out, rand, 200, FALSE);
        g_string_append(out, "--fwd-1\r\nContent-Type: message/rfc822\r\n\r\n"
                             "From: \"Bob Stone\" <bob@example.net>\r\nTo: ana@example.com\r\n"
                             "Subject: the brief\r\nMIME-Version: 1.0\r\n");
        alternative(out, rand, bytes, contact, "fwd-alt");
        g_string_append(out, "--fwd-1--\r\n");
        break;
    case SHAPE_NESTED:
        g_string_append(out, "Content-Type: multipart/mixed; boundary=\"n1\"\r\n\r\n--n1\r\n"
                             "Content-Type: multipart/related; boundary=\"n2\"\r\n\r\n--n2\r\n");
        alternative(out, rand, bytes * 2 / 3, contact, "n3");
        g_string_append(out, "--n2\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\n"
                             "Content-Transfer-Encoding: base64\r\n\r\n");
        binary_base64(out, rand, bytes / 3);
        g_string_append(out, "--n2--\r\n--n1--\r\n");
        break;
    }
}

static GString *
make_message(guint index, guint32 seed, gsize fixed_size)
{
    GRand *rand = g_rand_new_with_seed(seed + index);
    /* log-uniform from 2 KB to 1 MB */
    gsize size = fixed_size ? fixed_size : (gsize)(2048.0 * exp(g_rand_double(rand) * log(512.0)));
    shape kind = fixed_size ? SHAPE_PLAIN : (shape)g_rand_int_range(rand, 0, SHAPE_COUNT);
    gboolean contact = g_rand_int_range(rand, 0, 5) == 0;
    GString *m = g_string_sized_new(size + size / 4 + 1024);
    g_string_append_printf(m, "From: \"Ana Lee\" <relay@market.example>\r\nTo: client@example.org\r\n"
                              "Subject: bench mix %u\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\n"
                              "Message-ID: <mix-%u-%u@bench.example>\r\nMIME-Version: 1.0\r\n",
                           index, seed, index);
    gsize header = m->len;
    body(m, rand, kind, size > header + 200 ? size - header - 200 : 256, contact);
    g_rand_free(rand);
    return m;
}

static void
string_free(gpointer s)
{
    g_string_free(s, TRUE);
}

GPtrArray *
mail_mix_generate(guint n, guint32 seed, gsize fixed_size)
{
    GPtrArray *mix = g_ptr_array_new_full(n, string_free);
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(mix, make_message(i, seed, fixed_size));
    return mix;
}
