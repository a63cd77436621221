/*
 * testutil.h -- shared helpers for the cmocka tests.
 */
#ifndef CG_TESTUTIL_H
#define CG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "engine.h"
#include "filtered_regex.h"
#include "message.h"

static const cg_limits test_limits = {
    CG_DEFAULT_MAX_PARTS, CG_DEFAULT_MAX_DEPTH, CG_DEFAULT_MAX_SCAN_BYTES
};

static inline cg_message *
load_fixture(const char *name)
{
    char *path = g_build_filename(CG_TOP_SRCDIR, "tests", "fixtures", name, NULL);
    GError *error = NULL;
    cg_message *msg = cg_message_parse_file(path, &test_limits, &error);
    if (!msg)
        fail_msg("%s: %s", path, error->message);
    g_free(path);
    return msg;
}

/* Appends the path of every .eml file under dir, subdirectories included. */
static inline void
collect_eml_files(const char *dir, GPtrArray *paths)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_non_null(d);
    const char *name;
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            collect_eml_files(path, paths);
        else if (g_str_has_suffix(name, ".eml"))
            g_ptr_array_add(paths, g_steal_pointer(&path));
        g_free(path);
    }
    g_dir_close(d);
}

/* The raw bytes of every fixture message (GStrings). */
static inline GPtrArray *
fixture_texts(void)
{
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    char *dir = g_build_filename(CG_TOP_SRCDIR, "tests", "fixtures", NULL);
    collect_eml_files(dir, paths);
    g_free(dir);
    assert_true(paths->len > 50);
    GPtrArray *texts = g_ptr_array_new_with_free_func((GDestroyNotify)(void (*)(void))g_string_free);
    for (guint i = 0; i < paths->len; i++) {
        char *data;
        gsize len;
        assert_true(g_file_get_contents(g_ptr_array_index(paths, i), &data, &len, NULL));
        g_ptr_array_add(texts, g_string_new_len(data, (gssize)len));
        g_free(data);
    }
    g_ptr_array_free(paths, TRUE);
    return texts;
}

/* The segment at where, or NULL. */
static inline const cg_segment *
find_segment(const cg_message *msg, const char *where)
{
    for (guint i = 0; i < msg->segments->len; i++) {
        const cg_segment *s = g_ptr_array_index(msg->segments, i);
        if (strcmp(s->where, where) == 0)
            return s;
    }
    return NULL;
}

/* Scan text as the body of a plain message with the default configuration. */
static inline cg_result *
scan_text(const char *body)
{
    static cg_config *cfg;      /* both live for the whole test program */
    static cg_engine *engine;
    if (!cfg) {
        cfg = cg_config_new_default();
        engine = cg_engine_new(cfg, NULL);
        assert_non_null(engine);
    }
    char *raw = g_strdup_printf("From: a@b.example\nTo: c@d.example\nSubject: t\n"
                                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                                "Content-Transfer-Encoding: 8bit\n\n%s\n", body);
    cg_message *msg = cg_message_parse_bytes(raw, strlen(raw), &test_limits, NULL);
    assert_non_null(msg);
    cg_result *r = cg_engine_scan(engine, msg);
    cg_message_free(msg);
    g_free(raw);
    return r;
}

/* The findings of category c in r (of kind only, unless NULL), one line
 * each with what they found, where and how sure: for comparing two ways of
 * finding the same. */
static inline char *
finding_lines(const cg_result *r, cg_category c, const char *kind)
{
    GString *out = g_string_new(NULL);
    GPtrArray *f = r->cat[c].findings;
    for (guint i = 0; i < f->len; i++) {
        const cg_finding *x = g_ptr_array_index(f, i);
        if (!kind || strcmp(x->kind, kind) == 0)
            g_string_append_printf(out, "%s|%s|%s|%zu-%zu|%.3f|%s\n", x->kind, x->rule, x->match,
                                   x->view_start, x->view_end, x->score,
                                   x->exception ? x->exception : "");
    }
    return g_string_free(out, FALSE);
}

/* The contact findings of kind in body, as "rule|match" lines. */
static inline char *
contact_findings(const char *body, const char *kind)
{
    cg_result *r = scan_text(body);
    GString *out = g_string_new(NULL);
    GPtrArray *f = r->cat[CG_CAT_CONTACT].findings;
    for (guint i = 0; i < f->len; i++) {
        const cg_finding *x = g_ptr_array_index(f, i);
        if (strcmp(x->kind, kind) == 0)
            g_string_append_printf(out, "%s%s|%s", out->len ? "\n" : "", x->rule, x->match);
    }
    cg_result_free(r);
    return g_string_free(out, FALSE);
}

/* body has a contact finding of kind by rule matching exactly match. */
static inline void
expect_contact_finding(const char *body, const char *kind, const char *rule, const char *match)
{
    char *got = contact_findings(body, kind);
    char *want = g_strdup_printf("%s|%s", rule, match);
    if (!strstr(got, want))
        fail_msg("\"%s\": wanted %s, got \"%s\"", body, want, got);
    g_free(want);
    g_free(got);
}

/* The contact verdict on body is violation. */
static inline void
expect_contact_violation(const char *body, gboolean violation)
{
    cg_result *r = scan_text(body);
    if (r->cat[CG_CAT_CONTACT].violation != violation)
        fail_msg("\"%s\": violation should be %d (score %.2f)", body, violation,
                 r->cat[CG_CAT_CONTACT].score);
    cg_result_free(r);
}

/* Runs lines(body) with plain searches only (cg_filtered_regex_force_plain)
 * and with the filters, fails unless both describe the body alike, and
 * returns how many lines they gave. */
static inline unsigned
plain_and_filtered_agree(char *(*lines)(const char *body), const char *body)
{
    cg_filtered_regex_force_plain(TRUE);
    char *want = lines(body);
    cg_filtered_regex_force_plain(FALSE);
    char *got = lines(body);
    if (strcmp(want, got) != 0)
        fail_msg("\"%s\": plain search found\n%sfiltered search found\n%s", body, want, got);
    unsigned n = 0;
    for (const char *c = want; *c; c++)
        n += *c == '\n';
    g_free(want);
    g_free(got);
    return n;
}

#endif
