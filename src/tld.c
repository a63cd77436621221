/*
 * tld.c -- top-level domain check (see tld.h).
 */
#include "tld.h"

#include <stdlib.h>
#include <string.h>

/* Sorted: looked up with bsearch. */
static const char *const generic[] = {
    "academy", "agency", "app", "art", "asia", "biz", "blog", "cafe", "cloud", "club", "co",
    "com", "company", "consulting", "design", "dev", "digital", "edu", "email", "example",
    "expert", "google", "gov", "group", "guru", "info", "int", "invalid", "io", "jobs", "life", "link",
    "live", "local", "ltd", "mail", "me", "media", "mil", "mobi", "name", "net", "network",
    "news", "ninja", "one", "online", "org", "page", "partners", "photo", "photography",
    "pro", "services", "shop", "site", "social", "software", "solutions", "space", "store",
    "studio", "systems", "team", "tech", "technology", "test", "today", "tools", "top",
    "travel", "website", "work", "works", "world", "xyz", "zone",
};

/* Two-letter labels that are file extensions far more often than countries. */
static const char *const not_countries[] = { "js", "md", "py", "rs", "sh" };

static int
compare(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

gboolean
cg_tld_known(const char *label, size_t len)
{
    char buf[32];

    if (len < 2 || len >= sizeof buf)
        return FALSE;
    for (size_t i = 0; i < len; i++) {
        if (!g_ascii_isalpha(label[i]))
            return FALSE;
        buf[i] = g_ascii_tolower(label[i]);
    }
    buf[len] = '\0';
    if (len == 2) {
        for (size_t i = 0; i < G_N_ELEMENTS(not_countries); i++)
            if (strcmp(buf, not_countries[i]) == 0)
                return FALSE;
        return TRUE;
    }
    return bsearch(buf, generic, G_N_ELEMENTS(generic), sizeof generic[0], compare) != NULL;
}
