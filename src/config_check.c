/*
 * config_check.c -- validators for option values whose syntax is more than a
 * type (see config_check.h).
 */
#include "config_check.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>


char *
cg_check_socket(const char *v)
{
    const char *rest;
    if (g_str_has_prefix(v, "unix:") || g_str_has_prefix(v, "local:")) {
        rest = strchr(v, ':') + 1;
        return rest[0] == '/' ? NULL : g_strdup_printf("\"%s\": the socket path must be absolute", v);
    }
    if (g_str_has_prefix(v, "inet:") || g_str_has_prefix(v, "inet6:")) {
        rest = strchr(v, ':') + 1;
        char *end;
        unsigned long port = strtoul(rest, &end, 10);
        if (end != rest && *end == '@' && end[1] && port >= 1 && port <= 65535)
            return NULL;
        return g_strdup_printf("\"%s\" is not inet:PORT@HOST", v);
    }
    return g_strdup_printf("\"%s\" is not unix:/path, local:/path, inet:port@host or inet6:port@host", v);
}

char *
cg_check_mode(const char *v)
{
    char *end;
    unsigned long mode = strtoul(v, &end, 8);
    if (end == v || *end || mode > 0777)
        return g_strdup_printf("\"%s\" is not an octal file mode", v);
    return NULL;
}

char *
cg_check_path_or_empty(const char *v)
{
    return !*v || v[0] == '/' ? NULL : g_strdup_printf("\"%s\" is not an absolute path", v);
}

static gboolean
is_header_name(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] <= ' ' || s[i] >= 127 || s[i] == ':')
            return FALSE;
    return n > 0;
}

char *
cg_check_header_match(const char *v)
{
    const char *colon = strchr(v, ':');
    if (!*v)
        return NULL;
    if (!colon || !is_header_name(v, colon - v) || !colon[strspn(colon + 1, " \t") + 1])
        return g_strdup_printf("\"%s\" is not \"Header-Name: value|value\"", v);
    return NULL;
}

/* An address or a domain for exemption lists: no spaces, at most one '@', and
 * a domain after it. */
char *
cg_check_address_or_domain(const char *v)
{
    const char *at = strchr(v, '@');
    if ((at && (strchr(at + 1, '@') || !at[1])) || strchr(v, '<') || strchr(v, '>'))
        return g_strdup_printf("\"%s\" is not an address or a domain", v);
    return NULL;
}

char *
cg_check_address_or_empty(const char *v)
{
    const char *at = strchr(v, '@');
    if (!*v || (at && at != v && at[1] && !strchr(at + 1, '@') && !strpbrk(v, " <>\t")))
        return NULL;
    return g_strdup_printf("\"%s\" is not a mail address", v);
}

char *
cg_check_reply_code(const char *v)
{
    if ((v[0] == '4' || v[0] == '5') && g_ascii_isdigit(v[1]) && g_ascii_isdigit(v[2]) && !v[3])
        return NULL;
    return g_strdup_printf("\"%s\" is not a 4xx or 5xx SMTP reply code", v);
}

char *
cg_check_enhanced_code(const char *v)
{
    if (g_regex_match_simple("^[45]\\.[0-9]{1,3}\\.[0-9]{1,3}$", v, 0, 0))
        return NULL;
    return g_strdup_printf("\"%s\" is not an enhanced status code like 5.7.1", v);
}

char *
cg_check_printable(const char *v)
{
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p < ' ' || (unsigned char)*p >= 127)
            return g_strdup_printf("\"%s\" must be printable ASCII", v);
    return NULL;
}

/* GIO's parser also refuses host bits beyond the prefix ("10.0.0.1/8"),
 * which is most likely a typing error. */
char *
cg_check_network(const char *v)
{
    GError *err = NULL;
    GInetAddressMask *mask = g_inet_address_mask_new_from_string(v, &err);
    if (mask) {
        g_object_unref(mask);
        return NULL;
    }
    char *problem = g_strdup_printf("\"%s\" is not a network (address/prefix): %s", v, err->message);
    g_error_free(err);
    return problem;
}

char *
cg_check_path(const char *v)
{
    return v[0] == '/' ? NULL : g_strdup_printf("\"%s\" is not an absolute path", v);
}

/* A command line whose program is an absolute path. */
char *
cg_check_command(const char *v)
{
    char **argv = NULL;
    gboolean ok = g_shell_parse_argv(v, NULL, &argv, NULL) && argv[0][0] == '/';
    g_strfreev(argv);
    return ok ? NULL : g_strdup_printf("\"%s\" is not a command starting with an absolute path", v);
}
