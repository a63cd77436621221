/*
 * contact_user.c -- the administrator's own contact rules (contact_rules_file).
 *
 * One rule per line: NAME KIND SCORE PATTERN, where KIND is a contact kind,
 * SCORE is 0..1 and PATTERN (the rest of the line) is a case-insensitive
 * PCRE2 pattern matched on the normalised text, in byte mode like the
 * built-in rules.  '#' starts a comment line.  A bad line is an error that
 * names the file and line, and the configuration is refused.
 */
#include "contact_user.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name, *kind;
    double score;
    cg_regex *re;
} user_rule;

struct cg_user_rules {
    GPtrArray *rules;   /* user_rule * */
};

static const char *const kinds[] = { "email", "phone", "address", "handle", "link", "booking" };

static void
rule_free(gpointer p)
{
    user_rule *r = p;
    g_free(r->name);
    g_free(r->kind);
    cg_regex_free(r->re);
    g_free(r);
}

void
cg_user_rules_free(cg_user_rules *ur)
{
    if (!ur)
        return;
    g_ptr_array_free(ur->rules, TRUE);
    g_free(ur);
}

/* Parse one non-comment line; on error, returns the problem. */
static char *
parse_rule(char *line, user_rule **out)
{
    char *fields[3], *rest = line;
    for (int i = 0; i < 3; i++) {
        rest += strspn(rest, " \t");
        fields[i] = rest;
        rest += strcspn(rest, " \t");
        if (!*rest)
            return g_strdup("expected NAME KIND SCORE PATTERN");
        *rest++ = '\0';
    }
    rest += strspn(rest, " \t");
    if (!*rest)
        return g_strdup("expected NAME KIND SCORE PATTERN");
    gboolean known = FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
        known = known || strcmp(fields[1], kinds[i]) == 0;
    if (!known)
        return g_strdup_printf("\"%s\" is not one of: email phone address handle link booking", fields[1]);
    char *end;
    double score = g_ascii_strtod(fields[2], &end);
    if (end == fields[2] || *end || !(score >= 0 && score <= 1))
        return g_strdup_printf("score \"%s\" is not a number from 0 to 1", fields[2]);
    GError *error = NULL;
    cg_regex *re = cg_regex_new(rest, CG_RE_CASELESS, &error);
    if (!re) {
        char *problem = g_strdup_printf("rule %s: %s", fields[0], error->message);
        g_error_free(error);
        return problem;
    }
    user_rule *r = g_new0(user_rule, 1);
    r->name = g_strdup_printf("user.%s", fields[0]);
    r->kind = g_strdup(fields[1]);
    r->score = score;
    r->re = re;
    *out = r;
    return NULL;
}

cg_user_rules *
cg_user_rules_load(const char *path, GError **error)
{
    char *data;
    GError *ferr = NULL;
    if (!g_file_get_contents(path, &data, NULL, &ferr)) {
        g_set_error(error, CG_CONFIG_ERROR, 1, "contact_rules_file: %s", ferr->message);
        g_error_free(ferr);
        return NULL;
    }
    cg_user_rules *ur = g_new0(cg_user_rules, 1);
    ur->rules = g_ptr_array_new_with_free_func(rule_free);
    GString *errors = g_string_new(NULL);
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);
    for (unsigned n = 0; lines[n]; n++) {
        char *line = g_strstrip(lines[n]);
        user_rule *r = NULL;
        if (!*line || *line == '#')
            continue;
        char *problem = parse_rule(line, &r);
        if (problem) {
            g_string_append_printf(errors, "%s%s:%u: contact_rules_file: %s", errors->len ? "\n" : "",
                                   path, n + 1, problem);
            g_free(problem);
        } else {
            g_ptr_array_add(ur->rules, r);
        }
    }
    g_strfreev(lines);
    if (errors->len) {
        g_set_error_literal(error, CG_CONFIG_ERROR, 2, errors->str);
        g_string_free(errors, TRUE);
        cg_user_rules_free(ur);
        return NULL;
    }
    g_string_free(errors, TRUE);
    return ur;
}

void
cg_user_rules_scan(const cg_user_rules *ur, const cg_text *text, GPtrArray *findings)
{
    gssize ov[2];
    for (guint i = 0; i < ur->rules->len; i++) {
        const user_rule *r = g_ptr_array_index(ur->rules, i);
        size_t pos = 0;
        while (pos < text->view.len && cg_regex_find(r->re, text->view.text, text->view.len, pos, ov, 1)) {
            if (ov[1] > ov[0])
                g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, r->kind, r->name, text,
                                                         ov[0], ov[1], r->score));
            pos = (size_t)ov[1] > pos ? (size_t)ov[1] : pos + 1;
        }
    }
}
