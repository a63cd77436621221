/*
 * namelist.c -- names found by hashing word n-grams (see namelist.h).
 */
#include "namelist.h"

#include <string.h>

struct cg_namelist {
    GHashTable *names;       /* normalised name -> itself */
    unsigned max_words;      /* longest name, in words */
};

static gboolean
is_word_byte(unsigned char c)
{
    return g_ascii_isalnum(c) || c >= 0x80 || c == '&' || c == '\'';
}

/* Lower-case words joined by one space; *nwords counts them. */
static char *
normalise(const char *s, size_t len, unsigned *nwords)
{
    GString *out = g_string_new(NULL);
    unsigned n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !is_word_byte((unsigned char)s[i]))
            i++;
        if (i == len)
            break;
        if (out->len)
            g_string_append_c(out, ' ');
        while (i < len && is_word_byte((unsigned char)s[i]))
            g_string_append_c(out, g_ascii_tolower(s[i++]));
        n++;
    }
    if (nwords)
        *nwords = n;
    return g_string_free(out, FALSE);
}

cg_namelist *
cg_namelist_new(void)
{
    cg_namelist *nl = g_new0(cg_namelist, 1);
    nl->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return nl;
}

void
cg_namelist_add(cg_namelist *nl, const char *name)
{
    unsigned n;
    char *key = normalise(name, strlen(name), &n);
    if (n == 0) {
        g_free(key);
        return;
    }
    nl->max_words = MAX(nl->max_words, n);
    g_hash_table_add(nl->names, key);
}

gboolean
cg_namelist_contains(const cg_namelist *nl, const char *name)
{
    char *key = normalise(name, strlen(name), NULL);
    gboolean found = g_hash_table_contains(nl->names, key);
    g_free(key);
    return found;
}

gboolean
cg_namelist_is_empty(const cg_namelist *nl)
{
    return g_hash_table_size(nl->names) == 0;
}

void
cg_namelist_free(cg_namelist *nl)
{
    if (!nl)
        return;
    g_hash_table_destroy(nl->names);
    g_free(nl);
}

gboolean
cg_namelist_find(const cg_namelist *nl, const char *text, size_t len, size_t pos,
                 size_t *start, size_t *end)
{
    if (nl->max_words == 0)
        return FALSE;
    GString *key = g_string_new(NULL);
    size_t i = pos;
    /* Only start at a word boundary. */
    while (i > 0 && i < len && is_word_byte((unsigned char)text[i - 1]) &&
           is_word_byte((unsigned char)text[i]))
        i++;
    while (i < len) {
        while (i < len && !is_word_byte((unsigned char)text[i]))
            i++;
        if (i == len)
            break;
        /* Extend word by word; the longest name wins, so "Acme Bank" beats "Acme". */
        size_t j = i, found_end = 0;
        g_string_truncate(key, 0);
        for (unsigned nw = 0; nw < nl->max_words && j < len; nw++) {
            if (nw)
                g_string_append_c(key, ' ');
            while (j < len && is_word_byte((unsigned char)text[j]))
                g_string_append_c(key, g_ascii_tolower(text[j++]));
            if (g_hash_table_contains(nl->names, key->str))
                found_end = j;
            size_t k = j;
            while (k < len && (text[k] == ' ' || text[k] == '\t'))
                k++;
            if (k == j || k == len || !is_word_byte((unsigned char)text[k]))
                break;
            j = k;
        }
        if (found_end) {
            *start = i;
            *end = found_end;
            g_string_free(key, TRUE);
            return TRUE;
        }
        while (i < len && is_word_byte((unsigned char)text[i]))
            i++;
    }
    g_string_free(key, TRUE);
    return FALSE;
}
