/*
 * config.c -- the option table and the loader for commguard.conf (see config.h).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK(cg-config-error-quark, cg_config_error)

#define OFF(field) offsetof(cg_config, field)

/* Every option, once.  commguard.conf(5) and etc/commguard.conf mirror this
 * table, and tests/test_config.c checks that they do. */
const cg_option cg_options[] = {
    { "max_parts", CG_OPT_UINT, "1000", OFF(limits.max_parts), 1, 100000, NULL,
      "MIME parts examined per message; the rest is skipped and the message marked truncated." },
    { "max_depth", CG_OPT_UINT, "32", OFF(limits.max_depth), 1, 1000, NULL,
      "Nesting depth of multiparts and forwarded messages examined." },
    { "max_scan_bytes", CG_OPT_SIZE, "8M", OFF(limits.max_scan_bytes), 1024, 1024.0 * 1024 * 1024, NULL,
      "Decoded text scanned per message (suffixes K, M, G); text beyond it is not scanned and the message is marked truncated." },
    { "contact_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_CONTACT]), 0, 1, NULL,
      "Score at or above which the contact detector reports a violation." },
    { "confidential_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_CONFIDENTIAL]), 0, 1, NULL,
      "Score at or above which the confidential detector reports a violation." },
    { "media_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_MEDIA]), 0, 1, NULL,
      "Score at or above which the media detector reports a violation." },
    { "contact_rules", CG_OPT_LIST, "email phone", OFF(contact_rules), 0, 0, "email phone",
      "Built-in contact rule families that are enabled." },
};
const size_t cg_n_options = G_N_ELEMENTS(cg_options);

const char *
cg_opt_type_name(cg_opt_type type)
{
    switch (type) {
    case CG_OPT_UINT:   return "integer";
    case CG_OPT_SIZE:   return "size";
    case CG_OPT_DOUBLE: return "number";
    case CG_OPT_BOOL:   return "boolean";
    case CG_OPT_STRING: return "string";
    case CG_OPT_LIST:   return "list";
    }
    return "?";
}

static const cg_option *
find_option(const char *name)
{
    for (size_t i = 0; i < cg_n_options; i++)
        if (strcmp(cg_options[i].name, name) == 0)
            return &cg_options[i];
    return NULL;
}

static gboolean
in_choices(const char *choices, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)                  /* strstr would match everywhere and never advance */
        return FALSE;
    for (const char *p = choices; (p = strstr(p, word)) != NULL; p += n)
        if ((p == choices || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return TRUE;
    return FALSE;
}

static gboolean
parse_size(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = g_ascii_strtod(s, &end);
    if (end == s || errno || v < 0)
        return FALSE;
    switch (g_ascii_toupper(*end)) {
    case 'K': v *= 1024; end++; break;
    case 'M': v *= 1024 * 1024; end++; break;
    case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
    default: break;
    }
    if (!isfinite(v))            /* "nan", "inf": no size, and NaN slips past any range check */
        return FALSE;
    *out = floor(v);
    return *end == '\0';
}

/* Store one value; on error, returns a message describing the problem. */
static char *
set_value(cg_config *cfg, const cg_option *opt, const char *value)
{
    char *field = (char *)cfg + opt->offset;
    double v = 0;
    char *end;

    switch (opt->type) {
    case CG_OPT_UINT:
    case CG_OPT_DOUBLE:
        errno = 0;
        v = g_ascii_strtod(value, &end);
        if (end == value || *end || errno || !isfinite(v))
            return g_strdup_printf("\"%s\" is not a number", value);
        if (opt->type == CG_OPT_UINT && v != floor(v))
            return g_strdup_printf("\"%s\" is not a whole number", value);
        break;
    case CG_OPT_SIZE:
        if (!parse_size(value, &v))
            return g_strdup_printf("\"%s\" is not a size (a number with optional K, M or G)", value);
        break;
    case CG_OPT_BOOL:
        if (!g_ascii_strcasecmp(value, "yes") || !g_ascii_strcasecmp(value, "true") ||
            !strcmp(value, "1") || !g_ascii_strcasecmp(value, "on"))
            *(gboolean *)field = TRUE;
        else if (!g_ascii_strcasecmp(value, "no") || !g_ascii_strcasecmp(value, "false") ||
                 !strcmp(value, "0") || !g_ascii_strcasecmp(value, "off"))
            *(gboolean *)field = FALSE;
        else
            return g_strdup_printf("\"%s\" is not yes or no", value);
        return NULL;
    case CG_OPT_STRING:
        if (opt->choices && !in_choices(opt->choices, value))
            return g_strdup_printf("\"%s\" is not one of: %s", value, opt->choices);
        g_free(*(char **)field);
        *(char **)field = g_strdup(value);
        return NULL;
    case CG_OPT_LIST: {
        char **words = g_strsplit_set(value, ", \t", -1);
        GPtrArray *list = g_ptr_array_new_with_free_func(g_free);   /* frees words on error */
        for (char **w = words; *w; w++) {
            if (!**w)
                continue;
            if (opt->choices && !in_choices(opt->choices, *w)) {
                char *msg = g_strdup_printf("\"%s\" is not one of: %s", *w, opt->choices);
                g_ptr_array_free(list, TRUE);
                g_strfreev(words);
                return msg;
            }
            g_ptr_array_add(list, g_strdup(*w));
        }
        g_ptr_array_add(list, NULL);
        g_strfreev(words);
        g_strfreev(*(char ***)field);
        *(char ***)field = (char **)g_ptr_array_free(list, FALSE);
        return NULL;
    }
    }
    if (v < opt->min || v > opt->max)
        return g_strdup_printf("%s is out of range (%.15g to %.15g)", value, opt->min, opt->max);
    if (opt->type == CG_OPT_UINT)
        *(unsigned *)field = (unsigned)v;
    else if (opt->type == CG_OPT_SIZE)
        *(size_t *)field = (size_t)v;
    else
        *(double *)field = v;
    return NULL;
}

cg_config *
cg_config_new_default(void)
{
    cg_config *cfg = g_new0(cg_config, 1);
    for (size_t i = 0; i < cg_n_options; i++) {
        char *err = set_value(cfg, &cg_options[i], cg_options[i].def);
        g_assert(err == NULL);   /* the table's defaults are valid by construction */
    }
    return cfg;
}

cg_config *
cg_config_load(const char *path, GError **error)
{
    char *data;
    gsize len;
    GError *ferr = NULL;

    if (!g_file_get_contents(path, &data, &len, &ferr)) {
        g_set_error(error, CG_CONFIG_ERROR, 1, "%s", ferr->message);
        g_error_free(ferr);
        return NULL;
    }
    cg_config *cfg = cg_config_new_default();
    cfg->path = g_strdup(path);
    GString *errors = g_string_new(NULL);
    unsigned *set_on = g_new0(unsigned, cg_n_options);
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);

    for (unsigned n = 0; lines[n]; n++) {
        char *line = lines[n], *hash = strchr(line, '#');
        unsigned lineno = n + 1;
        if (hash)
            *hash = '\0';
        g_strstrip(line);
        if (!*line)
            continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            g_string_append_printf(errors, "%s:%u: %s: expected \"key = value\"\n", path, lineno, line);
            continue;
        }
        *eq = '\0';
        char *key = g_strstrip(line), *value = g_strstrip(eq + 1);
        const cg_option *opt = find_option(key);
        if (!opt) {
            g_string_append_printf(errors, "%s:%u: %s: unknown option\n", path, lineno, key);
            continue;
        }
        size_t idx = opt - cg_options;
        if (set_on[idx]) {
            g_string_append_printf(errors, "%s:%u: %s: already set on line %u\n", path, lineno, key,
                                   set_on[idx]);
            continue;
        }
        set_on[idx] = lineno;
        char *problem = set_value(cfg, opt, value);
        if (problem) {
            g_string_append_printf(errors, "%s:%u: %s: %s\n", path, lineno, key, problem);
            g_free(problem);
        }
    }
    g_strfreev(lines);
    g_free(set_on);
    if (errors->len) {
        g_string_truncate(errors, errors->len - 1);
        g_set_error_literal(error, CG_CONFIG_ERROR, 2, errors->str);
        g_string_free(errors, TRUE);
        cg_config_free(cfg);
        return NULL;
    }
    g_string_free(errors, TRUE);
    return cfg;
}

void
cg_config_free(cg_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cg_n_options; i++) {
        char *field = (char *)cfg + cg_options[i].offset;
        if (cg_options[i].type == CG_OPT_STRING)
            g_free(*(char **)field);
        else if (cg_options[i].type == CG_OPT_LIST)
            g_strfreev(*(char ***)field);
    }
    g_free(cfg->path);
    g_free(cfg);
}
