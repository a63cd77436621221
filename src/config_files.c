/*
 * config_files.c -- the lists a configuration reads from other files: the
 * "file:/path" entries of address, domain and network lists, and the
 * contract file.  They are read when the configuration is loaded, so a
 * reload (SIGUSR1) picks up their changes too.
 */
#include "config.h"

#include <string.h>

/* Each entry of the file at path: lines with '#' comments and surrounding
 * blanks removed, empty ones skipped; entry_line gets each one's line number.
 * NULL with a problem when the file cannot be read. */
static char **
read_entries(const char *path, GArray *entry_line, char **problem)
{
    char *data;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, NULL, &err)) {
        *problem = g_strdup(err->message);
        g_error_free(err);
        return NULL;
    }
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);
    GPtrArray *entries = g_ptr_array_new();
    for (guint n = 0; lines[n]; n++) {
        char *hash = strchr(lines[n], '#');
        if (hash)
            *hash = '\0';
        if (!*g_strstrip(lines[n])) {
            g_free(lines[n]);
            continue;
        }
        g_ptr_array_add(entries, lines[n]);
        guint lineno = n + 1;
        g_array_append_val(entry_line, lineno);
    }
    g_free(lines);               /* the kept strings moved to entries */
    g_ptr_array_add(entries, NULL);
    return (char **)g_ptr_array_free(entries, FALSE);
}

char *
cg_config_read_list_file(const char *path, char *(*check)(const char *), GPtrArray *into)
{
    GArray *at = g_array_new(FALSE, FALSE, sizeof(guint));
    char *problem = NULL;
    char **entries = read_entries(path, at, &problem);
    for (guint i = 0; entries && entries[i] && !problem; i++) {
        char *bad = strpbrk(entries[i], " \t,") ? g_strdup_printf("\"%s\" is more than one entry", entries[i])
                                                : check(entries[i]);
        if (bad) {
            problem = g_strdup_printf("%s:%u: %s", path, g_array_index(at, guint, i), bad);
            g_free(bad);
        } else {
            g_ptr_array_add(into, g_strdup(entries[i]));
        }
    }
    g_strfreev(entries);
    g_array_unref(at);
    return problem;
}

/* "a" for an address alone, "a b" (in byte order) for a pair: the same key
 * whichever of the two writes to the other. */
static char *
contract_key(const char *a, const char *b)
{
    char *la = g_ascii_strdown(a, -1), *lb = b ? g_ascii_strdown(b, -1) : NULL;
    char *key = !lb ? g_strdup(la) : strcmp(la, lb) < 0 ? g_strjoin(" ", la, lb, NULL)
                                                        : g_strjoin(" ", lb, la, NULL);
    g_free(la);
    g_free(lb);
    return key;
}

static gboolean
is_address(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at != s && at[1] && !strchr(at + 1, '@') && !strpbrk(s, "<>");
}

GHashTable *
cg_contracts_load(const char *path, char **problem)
{
    GArray *at = g_array_new(FALSE, FALSE, sizeof(guint));
    char **entries = read_entries(path, at, problem);
    GHashTable *contracts = entries ? g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL) : NULL;
    for (guint i = 0; entries && entries[i]; i++) {
        char **words = g_strsplit_set(entries[i], " \t", -1);
        GPtrArray *addrs = g_ptr_array_new();
        gboolean ok = TRUE;
        for (char **w = words; *w; w++)
            if (**w) {
                ok &= is_address(*w);
                g_ptr_array_add(addrs, *w);
            }
        if (!ok || addrs->len > 2) {
            *problem = g_strdup_printf("%s:%u: \"%s\" is not an address or two addresses", path,
                                       g_array_index(at, guint, i), entries[i]);
            g_clear_pointer(&contracts, g_hash_table_destroy);
        } else {
            g_hash_table_add(contracts, contract_key(g_ptr_array_index(addrs, 0),
                                                     addrs->len == 2 ? g_ptr_array_index(addrs, 1) : NULL));
        }
        g_ptr_array_free(addrs, TRUE);
        g_strfreev(words);
        if (!contracts)
            break;
    }
    g_strfreev(entries);
    g_array_unref(at);
    return contracts;
}

gboolean
cg_contract_between(GHashTable *contracts, const char *a, const char *b)
{
    if (!contracts)
        return FALSE;
    char *ka = contract_key(a, NULL), *kb = contract_key(b, NULL), *kab = contract_key(a, b);
    gboolean found = g_hash_table_contains(contracts, ka) || g_hash_table_contains(contracts, kb) ||
                     g_hash_table_contains(contracts, kab);
    g_free(ka);
    g_free(kb);
    g_free(kab);
    return found;
}
