/*
 * header.c -- clean, encode and fold header values (see header.h).
 */
#include "header.h"

#include <gmime/gmime.h>

#include <string.h>

/* Input bytes per encoded-word: 45 bytes are 60 base64 characters, which with
 * "=?UTF-8?B?" and "?=" keeps each word within the 75 RFC 2047 allows. */
#define ENCODED_CHUNK 45

typedef struct {
    GString *out;
    size_t column;
} folder;

/* Append one token, separated from the previous one by a space or a fold. */
static void
fold_append(folder *f, const char *token, size_t len, gboolean first)
{
    if (!first) {
        if (f->column + 1 + len > CG_HEADER_LINE_MAX) {
            g_string_append(f->out, "\n ");
            f->column = 1;
        } else {
            g_string_append_c(f->out, ' ');
            f->column++;
        }
    }
    g_string_append_len(f->out, token, len);
    f->column += len;
}

static gboolean
needs_encoding(const char *word)
{
    for (const char *p = word; *p; p++)
        if ((unsigned char)*p >= 127)
            return TRUE;
    /* a plain word that looks like an encoded-word would be decoded by readers */
    return strstr(word, "=?") != NULL || strlen(word) > CG_HEADER_LINE_MAX - 2;
}

/* Encode text as encoded-words split on character boundaries.  Readers drop
 * the whitespace between adjacent encoded-words, so the spaces inside text
 * travel inside the encoding. */
static void
append_encoded(folder *f, const char *text, gboolean first)
{
    const char *p = text, *end = text + strlen(text);
    while (p < end) {
        /* fill what is left of the line, or start a new one when that is too little */
        size_t room = CG_HEADER_LINE_MAX - MIN(f->column + (first ? 0 : 1), CG_HEADER_LINE_MAX);
        size_t max = room > 12 ? (room - 12) / 4 * 3 : 0;
        if (max < 6 || max > ENCODED_CHUNK)
            max = ENCODED_CHUNK;
        /* Prefer a cut at a multiple of 3 bytes: no '=' padding inside the
         * text, which readers that join adjacent words (GMime) cannot decode. */
        const char *stop = p, *whole = NULL;
        while (stop < end) {
            const char *next = g_utf8_next_char(stop);
            if ((size_t)(next - p) > max && stop > p)
                break;
            stop = next;
            if ((stop - p) % 3 == 0)
                whole = stop;
        }
        if (whole && stop < end)
            stop = whole;
        char *b64 = g_base64_encode((const guchar *)p, stop - p);
        char *word = g_strdup_printf("=?UTF-8?B?%s?=", b64);
        fold_append(f, word, strlen(word), first);
        first = FALSE;
        g_free(word);
        g_free(b64);
        p = stop;
    }
}

char *
cg_header_encode(const char *name, const char *value)
{
    char *clean = g_utf8_make_valid(value, -1);
    for (char *p = clean; *p; p++)
        if ((unsigned char)*p < ' ' || *p == 127)
            *p = ' ';
    char **words = g_strsplit(clean, " ", -1);
    folder f = { g_string_new(NULL), strlen(name) + 2 };
    GString *run = g_string_new(NULL);      /* consecutive words that need encoding */
    gboolean first = TRUE;

    for (char **w = words;; w++) {
        if (*w && !**w)
            continue;
        if (*w && needs_encoding(*w)) {
            if (run->len)
                g_string_append_c(run, ' ');
            g_string_append(run, *w);
            continue;
        }
        if (run->len) {
            append_encoded(&f, run->str, first);
            first = FALSE;
            g_string_truncate(run, 0);
        }
        if (!*w)
            break;
        fold_append(&f, *w, strlen(*w), first);
        first = FALSE;
    }
    g_string_free(run, TRUE);
    g_strfreev(words);
    g_free(clean);
    return g_string_free(f.out, FALSE);
}

char *
cg_header_decode(const char *raw)
{
    char *unfolded = g_mime_utils_header_unfold(raw);
    char *decoded = g_mime_utils_header_decode_text(NULL, unfolded);
    char *valid = g_utf8_make_valid(decoded, -1);
    g_free(decoded);
    g_free(unfolded);
    return valid;
}

char *
cg_header_prefix_subject(const char *subject_raw, const char *prefix)
{
    char *subject = cg_header_decode(subject_raw ? subject_raw : "");
    char *result = NULL;
    if (!g_str_has_prefix(g_strchug(subject), prefix)) {
        char *prefixed = *subject ? g_strconcat(prefix, " ", subject, NULL) : g_strdup(prefix);
        result = cg_header_encode("Subject", prefixed);
        g_free(prefixed);
    }
    g_free(subject);
    return result;
}
