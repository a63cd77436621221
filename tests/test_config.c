/*
 * test_config.c -- the option table, cg_config_load and its error messages,
 * and the agreement of the table with commguard.conf(5) and the sample
 * etc/commguard.conf.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

#ifndef CG_TOP_SRCDIR
#error "CG_TOP_SRCDIR must be defined"
#endif

/* ---- helpers ------------------------------------------------------------------- */

static char *write_tmp(const char *contents, gssize len)
{
    GError *err = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("cg-test-config-XXXXXX.conf", &path, &err);
    assert_null(err);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, contents, len, &err));
    assert_null(err);
    return path;
}

static const cg_option *option(const char *name)
{
    for (size_t i = 0; i < cg_n_options; i++)
        if (strcmp(cg_options[i].name, name) == 0)
            return &cg_options[i];
    fail_msg("no option %s", name);
    return NULL;
}

static const void *field(const cg_config *cfg, const cg_option *opt)
{
    return (const char *) cfg + opt->offset;
}

/* A size in the file's syntax, parsed independently of config.c. */
static double size_value(const char *text)
{
    char *end;
    double v = g_ascii_strtod(text, &end);
    switch (*end) {
    case 'k': case 'K': v *= 1024; break;
    case 'm': case 'M': v *= 1024 * 1024; break;
    case 'g': case 'G': v *= 1024.0 * 1024 * 1024; break;
    default: break;
    }
    return floor(v);
}

/* The field of opt in cfg holds what text (in the file's syntax) says. */
static void assert_field_is(const cg_config *cfg, const cg_option *opt, const char *text)
{
    const void *f = field(cfg, opt);
    switch (opt->type) {
    case CG_OPT_UINT:
        assert_int_equal(*(const unsigned *) f, (unsigned) g_ascii_strtod(text, NULL));
        break;
    case CG_OPT_SIZE:
        assert_int_equal(*(const size_t *) f, (size_t) size_value(text));
        break;
    case CG_OPT_DOUBLE:
        assert_true(*(const double *) f == g_ascii_strtod(text, NULL));
        break;
    case CG_OPT_BOOL: {
        gboolean want = !g_ascii_strcasecmp(text, "yes") || !g_ascii_strcasecmp(text, "true") ||
                        !g_ascii_strcasecmp(text, "on") || !strcmp(text, "1");
        assert_int_equal(*(const gboolean *) f, want);
        break;
    }
    case CG_OPT_STRING:
        assert_string_equal(*(char *const *) f, text);
        break;
    case CG_OPT_LIST: {
        char *const *got = *(char **const *) f;
        char **words = g_strsplit_set(text, ", \t", -1);
        size_t k = 0;
        assert_non_null(got);
        for (char **w = words; *w; w++) {
            if (!**w)
                continue;
            assert_non_null(got[k]);
            assert_string_equal(got[k], *w);
            k++;
        }
        assert_null(got[k]);
        g_strfreev(words);
        break;
    }
    }
}

static cg_config *load_ok(const char *contents)
{
    char *path = write_tmp(contents, -1);
    GError *err = NULL;
    cg_config *cfg = cg_config_load(path, &err);
    if (err)
        fail_msg("unexpected error: %s", err->message);
    assert_non_null(cfg);
    assert_string_equal(cfg->path, path);
    g_unlink(path);
    g_free(path);
    return cfg;
}

/* Loading contents fails with exactly these lines, each given without the
 * "FILE:" prefix, e.g. "3: max_parts: unknown option". */
static void expect_errors_v(const char *contents, const char *const *want)
{
    char *path = write_tmp(contents, -1);
    GError *err = NULL;
    cg_config *cfg = cg_config_load(path, &err);
    GString *expected = g_string_new(NULL);

    for (size_t i = 0; want[i]; i++) {
        if (i)
            g_string_append_c(expected, '\n');
        g_string_append_printf(expected, "%s:%s", path, want[i]);
    }
    assert_null(cfg);
    assert_non_null(err);
    assert_true(err->domain == CG_CONFIG_ERROR);
    assert_int_equal(err->code, 2);
    assert_string_equal(err->message, expected->str);

    /* a caller that does not want the details gets NULL all the same */
    assert_null(cg_config_load(path, NULL));

    g_string_free(expected, TRUE);
    g_error_free(err);
    g_unlink(path);
    g_free(path);
}

static void expect_error(const char *contents, const char *want)
{
    const char *const lines[] = { want, NULL };
    expect_errors_v(contents, lines);
}

/* ---- the table ------------------------------------------------------------------- */

static void test_option_table(void **state)
{
    (void) state;
    assert_true(cg_n_options > 0);
    for (size_t i = 0; i < cg_n_options; i++) {
        const cg_option *o = &cg_options[i];

        assert_non_null(o->name);
        assert_true(g_regex_match_simple("^[a-z][a-z0-9_]*$", o->name, 0, 0));
        for (size_t k = 0; k < i; k++)
            if (strcmp(cg_options[k].name, o->name) == 0)
                fail_msg("option %s listed twice", o->name);
        assert_non_null(o->def);
        assert_non_null(o->doc);
        assert_true(strlen(o->doc) > 10);
        assert_true(o->offset < sizeof(cg_config));
        assert_string_not_equal(cg_opt_type_name(o->type), "?");
        switch (o->type) {
        case CG_OPT_UINT:
        case CG_OPT_SIZE:
        case CG_OPT_DOUBLE: {
            double v = o->type == CG_OPT_SIZE ? size_value(o->def) : g_ascii_strtod(o->def, NULL);
            assert_true(o->min <= o->max);
            if (v < o->min || v > o->max)
                fail_msg("%s: default %s outside %g..%g", o->name, o->def, o->min, o->max);
            break;
        }
        case CG_OPT_LIST:
        case CG_OPT_STRING:
        case CG_OPT_BOOL:
            break;
        }
        /* no two options share storage */
        for (size_t k = 0; k < i; k++)
            assert_int_not_equal(cg_options[k].offset, o->offset);
    }
}

static void test_opt_type_names(void **state)
{
    (void) state;
    assert_string_equal(cg_opt_type_name(CG_OPT_UINT), "integer");
    assert_string_equal(cg_opt_type_name(CG_OPT_SIZE), "size");
    assert_string_equal(cg_opt_type_name(CG_OPT_DOUBLE), "number");
    assert_string_equal(cg_opt_type_name(CG_OPT_BOOL), "boolean");
    assert_string_equal(cg_opt_type_name(CG_OPT_STRING), "string");
    assert_string_equal(cg_opt_type_name(CG_OPT_LIST), "list");
    assert_string_equal(cg_opt_type_name((cg_opt_type) 99), "?");
}

static void test_defaults(void **state)
{
    cg_config *cfg = cg_config_new_default();
    (void) state;

    assert_non_null(cfg);
    assert_null(cfg->path);
    for (size_t i = 0; i < cg_n_options; i++)
        assert_field_is(cfg, &cg_options[i], cg_options[i].def);

    /* the table agrees with message.h's built-in limits */
    assert_int_equal(cfg->limits.max_parts, CG_DEFAULT_MAX_PARTS);
    assert_int_equal(cfg->limits.max_depth, CG_DEFAULT_MAX_DEPTH);
    assert_int_equal(cfg->limits.max_scan_bytes, CG_DEFAULT_MAX_SCAN_BYTES);
    assert_int_equal(cfg->limits.max_scan_bytes, 8 * 1024 * 1024);
    for (int c = 0; c < CG_CAT_COUNT; c++)
        assert_true(cfg->threshold[c] == 0.6);
    assert_non_null(cfg->contact_rules);
    assert_string_equal(cfg->contact_rules[0], "email");
    assert_string_equal(cfg->contact_rules[1], "phone");
    assert_null(cfg->contact_rules[2]);
    cg_config_free(cfg);
    cg_config_free(NULL);
}

/* ---- loading good files -------------------------------------------------------------- */

static void test_load_empty(void **state)
{
    (void) state;
    static const char *const files[] = { "", "\n\n\n", "# only a comment\n", "   \t\n#\n  # x = y\n" };
    for (size_t f = 0; f < G_N_ELEMENTS(files); f++) {
        cg_config *cfg = load_ok(files[f]);
        for (size_t i = 0; i < cg_n_options; i++)
            assert_field_is(cfg, &cg_options[i], cg_options[i].def);
        cg_config_free(cfg);
    }
}

static void test_load_good(void **state)
{
    (void) state;
    cg_config *cfg = load_ok("max_parts = 50\n"
                             "max_depth = 4\n"
                             "max_scan_bytes = 2M\n"
                             "contact_threshold = 0.25\n"
                             "confidential_threshold = 1\n"
                             "media_threshold = 0\n"
                             "contact_rules = email\n");
    assert_int_equal(cfg->limits.max_parts, 50);
    assert_int_equal(cfg->limits.max_depth, 4);
    assert_int_equal(cfg->limits.max_scan_bytes, 2 * 1024 * 1024);
    assert_true(cfg->threshold[CG_CAT_CONTACT] == 0.25);
    assert_true(cfg->threshold[CG_CAT_CONFIDENTIAL] == 1.0);
    assert_true(cfg->threshold[CG_CAT_MEDIA] == 0.0);
    assert_string_equal(cfg->contact_rules[0], "email");
    assert_null(cfg->contact_rules[1]);
    assert_field_is(cfg, option("max_scan_bytes"), "2M");
    assert_field_is(cfg, option("contact_threshold"), "0.25");
    cg_config_free(cfg);

    /* setting one option leaves the others at their defaults */
    cfg = load_ok("max_depth = 7\n");
    assert_int_equal(cfg->limits.max_depth, 7);
    for (size_t i = 0; i < cg_n_options; i++)
        if (strcmp(cg_options[i].name, "max_depth") != 0)
            assert_field_is(cfg, &cg_options[i], cg_options[i].def);
    cg_config_free(cfg);
}

static void test_load_each_default_explicitly(void **state)
{
    (void) state;
    /* every default, written out, is accepted and means the same */
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < cg_n_options; i++)
        g_string_append_printf(s, "%s = %s\n", cg_options[i].name, cg_options[i].def);
    cg_config *cfg = load_ok(s->str);
    for (size_t i = 0; i < cg_n_options; i++)
        assert_field_is(cfg, &cg_options[i], cg_options[i].def);
    cg_config_free(cfg);
    g_string_free(s, TRUE);
}

static void test_comments_and_whitespace(void **state)
{
    (void) state;
    cg_config *cfg = load_ok("# commguard.conf\n"
                             "\n"
                             "   # indented comment\n"
                             "max_parts=10\n"
                             "  max_depth\t=\t5   \n"
                             "\tmax_scan_bytes   =   4K # trailing comment\n"
                             "contact_threshold =0.5#no space before the comment\n"
                             "media_threshold= 0.75\r\n"
                             "#confidential_threshold = 0.1\n"
                             "\t \n"
                             "contact_rules =  email  ");    /* no final newline */
    assert_int_equal(cfg->limits.max_parts, 10);
    assert_int_equal(cfg->limits.max_depth, 5);
    assert_int_equal(cfg->limits.max_scan_bytes, 4096);
    assert_true(cfg->threshold[CG_CAT_CONTACT] == 0.5);
    assert_true(cfg->threshold[CG_CAT_MEDIA] == 0.75);
    assert_true(cfg->threshold[CG_CAT_CONFIDENTIAL] == 0.6);       /* commented out */
    assert_string_equal(cfg->contact_rules[0], "email");
    assert_null(cfg->contact_rules[1]);
    cg_config_free(cfg);

    /* Windows line endings throughout */
    cfg = load_ok("max_parts = 11\r\n# c\r\n\r\nmax_depth = 6\r\n");
    assert_int_equal(cfg->limits.max_parts, 11);
    assert_int_equal(cfg->limits.max_depth, 6);
    cg_config_free(cfg);
}

static void test_numbers_accepted(void **state)
{
    (void) state;
    static const struct { const char *text; unsigned want; } uints[] = {
        {"1", 1}, {"100000", 100000}, {"+7", 7}, {"007", 7}, {"1e3", 1000}, {"2.0", 2},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(uints); i++) {
        char *line = g_strdup_printf("max_parts = %s\n", uints[i].text);
        cg_config *cfg = load_ok(line);
        assert_int_equal(cfg->limits.max_parts, uints[i].want);
        cg_config_free(cfg);
        g_free(line);
    }
    static const struct { const char *text; double want; } doubles[] = {
        {"0", 0}, {"1", 1}, {"0.0", 0}, {"1.0", 1}, {".5", 0.5}, {"0.333", 0.333}, {"5e-1", 0.5},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(doubles); i++) {
        char *line = g_strdup_printf("media_threshold = %s\n", doubles[i].text);
        cg_config *cfg = load_ok(line);
        assert_true(cfg->threshold[CG_CAT_MEDIA] == doubles[i].want);
        cg_config_free(cfg);
        g_free(line);
    }
}

static void test_size_suffixes(void **state)
{
    (void) state;
    static const struct { const char *text; size_t want; } sizes[] = {
        {"1024", 1024},
        {"1K", 1024}, {"1k", 1024}, {"64K", 65536},
        {"1M", 1048576}, {"1m", 1048576}, {"8M", 8388608}, {"1.5M", 1572864},
        {"1G", 1073741824}, {"1g", 1073741824}, {"0.5G", 536870912},
        {"1024.9", 1024},                 /* fractions of a byte are dropped */
        {"1.0009765625K", 1025},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++) {
        char *line = g_strdup_printf("max_scan_bytes = %s\n", sizes[i].text);
        cg_config *cfg = load_ok(line);
        if (cfg->limits.max_scan_bytes != sizes[i].want)
            fail_msg("%s -> %zu, want %zu", sizes[i].text, cfg->limits.max_scan_bytes, sizes[i].want);
        cg_config_free(cfg);
        g_free(line);
    }
}

static void test_list_values(void **state)
{
    (void) state;
    cg_config *cfg = load_ok("contact_rules = email,email\n");
    assert_string_equal(cfg->contact_rules[0], "email");
    assert_string_equal(cfg->contact_rules[1], "email");
    assert_null(cfg->contact_rules[2]);
    cg_config_free(cfg);

    cfg = load_ok("contact_rules = ,\temail ,, \n");
    assert_string_equal(cfg->contact_rules[0], "email");
    assert_null(cfg->contact_rules[1]);
    cg_config_free(cfg);

    /* an empty list disables every family */
    cfg = load_ok("contact_rules =\n");
    assert_non_null(cfg->contact_rules);
    assert_null(cfg->contact_rules[0]);
    cg_config_free(cfg);
}

/* ---- errors ----------------------------------------------------------------------------- */

static void test_error_unknown_key(void **state)
{
    (void) state;
    expect_error("max_part = 5\n", "1: max_part: unknown option");
    expect_error("\n# x\nMAX_PARTS = 5\n", "3: MAX_PARTS: unknown option");
    expect_error("max_parts_extra = 5\n", "1: max_parts_extra: unknown option");
    expect_error("  bogus\t=\tvalue  # comment\n", "1: bogus: unknown option");
    expect_error("= 5\n", "1: : unknown option");
}

static void test_error_missing_equals(void **state)
{
    (void) state;
    expect_error("max_parts 5\n", "1: max_parts 5: expected \"key = value\"");
    expect_error("\n\n  max_parts   # = 5\n", "3: max_parts: expected \"key = value\"");
    expect_error("max_parts: 5\n", "1: max_parts: 5: expected \"key = value\"");
}

static void test_error_not_a_number(void **state)
{
    (void) state;
    expect_error("max_parts = abc\n", "1: max_parts: \"abc\" is not a number");
    expect_error("max_parts =\n", "1: max_parts: \"\" is not a number");
    expect_error("max_parts = 10x\n", "1: max_parts: \"10x\" is not a number");
    expect_error("max_parts = 1 000\n", "1: max_parts: \"1 000\" is not a number");
    expect_error("max_parts = nan\n", "1: max_parts: \"nan\" is not a number");
    expect_error("max_parts = inf\n", "1: max_parts: \"inf\" is not a number");
    expect_error("max_depth = 1e999\n", "1: max_depth: \"1e999\" is not a number");
    expect_error("contact_threshold = 0,5\n", "1: contact_threshold: \"0,5\" is not a number");
    expect_error("contact_threshold = high\n", "1: contact_threshold: \"high\" is not a number");
    expect_error("media_threshold = -nan\n", "1: media_threshold: \"-nan\" is not a number");
    expect_error("media_threshold = 0.5 = 0.6\n", "1: media_threshold: \"0.5 = 0.6\" is not a number");
}

static void test_error_not_whole(void **state)
{
    (void) state;
    expect_error("max_parts = 1.5\n", "1: max_parts: \"1.5\" is not a whole number");
    expect_error("max_depth = 2.0001\n", "1: max_depth: \"2.0001\" is not a whole number");
    expect_error("max_depth = 1e-1\n", "1: max_depth: \"1e-1\" is not a whole number");
}

static void test_error_out_of_range(void **state)
{
    (void) state;
    expect_error("max_parts = 0\n", "1: max_parts: 0 is out of range (1 to 100000)");
    expect_error("max_parts = 100001\n", "1: max_parts: 100001 is out of range (1 to 100000)");
    expect_error("max_parts = -1\n", "1: max_parts: -1 is out of range (1 to 100000)");
    expect_error("max_parts = 4294967296\n",
                 "1: max_parts: 4294967296 is out of range (1 to 100000)");
    expect_error("max_depth = 1001\n", "1: max_depth: 1001 is out of range (1 to 1000)");
    expect_error("max_scan_bytes = 1023\n",
                 "1: max_scan_bytes: 1023 is out of range (1024 to 1073741824)");
    expect_error("max_scan_bytes = 0\n",
                 "1: max_scan_bytes: 0 is out of range (1024 to 1073741824)");
    expect_error("max_scan_bytes = 0.5K\n",
                 "1: max_scan_bytes: 0.5K is out of range (1024 to 1073741824)");
    expect_error("max_scan_bytes = 2G\n",
                 "1: max_scan_bytes: 2G is out of range (1024 to 1073741824)");
    expect_error("max_scan_bytes = 1073741825\n",
                 "1: max_scan_bytes: 1073741825 is out of range (1024 to 1073741824)");
    expect_error("contact_threshold = 1.5\n",
                 "1: contact_threshold: 1.5 is out of range (0 to 1)");
    expect_error("confidential_threshold = -0.1\n",
                 "1: confidential_threshold: -0.1 is out of range (0 to 1)");
    expect_error("media_threshold = 1.0000001\n",
                 "1: media_threshold: 1.0000001 is out of range (0 to 1)");
}

static void test_error_bad_size(void **state)
{
    (void) state;
    static const char *const bad[] = {
        "8MB", "8 M", "M", "", "-1K", "-1", "1T", "K8", "1KK", "nan", "inf", "infK", "1e999",
        "0x", "eight",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *in = g_strdup_printf("max_scan_bytes = %s\n", bad[i]);
        char *want = g_strdup_printf("1: max_scan_bytes: \"%s\" is not a size "
                                     "(a number with optional K, M or G)", bad[i]);
        expect_error(in, want);
        g_free(in);
        g_free(want);
    }
}

static void test_error_bad_list_word(void **state)
{
    (void) state;
    expect_error("contact_rules = fax\n", "1: contact_rules: \"fax\" is not one of: email phone");
    expect_error("contact_rules = email, fax\n", "1: contact_rules: \"fax\" is not one of: email phone");
    expect_error("contact_rules = Email\n", "1: contact_rules: \"Email\" is not one of: email phone");
    /* a part or an extension of a choice is not that choice */
    expect_error("contact_rules = ema\n", "1: contact_rules: \"ema\" is not one of: email phone");
    expect_error("contact_rules = mail\n", "1: contact_rules: \"mail\" is not one of: email phone");
    expect_error("contact_rules = emails\n", "1: contact_rules: \"emails\" is not one of: email phone");
    expect_error("contact_rules = email;phone\n",
                 "1: contact_rules: \"email;phone\" is not one of: email phone");
}

static void test_error_duplicate(void **state)
{
    (void) state;
    expect_error("max_parts = 5\nmax_parts = 6\n", "2: max_parts: already set on line 1");
    expect_error("# header\n\nmax_depth = 3\n# again\n  max_depth=3\n",
                 "5: max_depth: already set on line 3");
    /* a bad first value still counts as setting the option */
    const char *const lines[] = {
        "1: max_parts: \"x\" is not a number",
        "2: max_parts: already set on line 1",
        "3: max_parts: already set on line 1",
        NULL,
    };
    expect_errors_v("max_parts = x\nmax_parts = 5\nmax_parts = 6\n", lines);
}

static void test_error_several(void **state)
{
    (void) state;
    const char *const lines[] = {
        "2: bogus: unknown option",
        "3: max_parts: \"many\" is not a number",
        "5: just some words: expected \"key = value\"",
        "6: max_depth: \"2.5\" is not a whole number",
        "7: max_scan_bytes: \"8Q\" is not a size (a number with optional K, M or G)",
        "8: contact_threshold: 2 is out of range (0 to 1)",
        "9: contact_rules: \"fax\" is not one of: email phone",
        "11: max_parts: already set on line 3",
        NULL,
    };
    expect_errors_v("# a file with everything wrong\n"
                    "bogus = 1\n"
                    "max_parts = many\n"
                    "media_threshold = 0.5\n"          /* fine */
                    "just some words\n"
                    "max_depth = 2.5\n"
                    "max_scan_bytes = 8Q\n"
                    "contact_threshold = 2\n"
                    "contact_rules = fax\n"
                    "\n"
                    "max_parts = 3\n",
                    lines);
}

static void test_error_missing_file(void **state)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp("cg-test-config-XXXXXX", NULL);
    char *path = g_build_filename(dir, "absent.conf", NULL);
    (void) state;

    assert_null(cg_config_load(path, &err));
    assert_non_null(err);
    assert_true(err->domain == CG_CONFIG_ERROR);
    assert_int_equal(err->code, 1);
    if (!strstr(err->message, path))
        fail_msg("message does not name the file: %s", err->message);
    g_clear_error(&err);
    assert_null(cg_config_load(path, NULL));

    /* a directory is not a file either */
    assert_null(cg_config_load(dir, &err));
    assert_non_null(err);
    assert_true(err->domain == CG_CONFIG_ERROR);
    assert_int_equal(err->code, 1);
    g_clear_error(&err);

    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

/* ---- the man page and the sample file agree with the table ------------------------------ */

static char *read_srcfile(const char *rel)
{
    char *path = g_build_filename(CG_TOP_SRCDIR, rel, NULL);
    char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(path, &text, NULL, &err))
        fail_msg("cannot read %s: %s", path, err->message);
    g_free(path);
    return text;
}

/* One roff source line as plain text: font escapes dropped, a leading
 * font macro (.B, .I, .BR, ...) removed, "\-" and "\ " made plain. */
static char *roff_plain(const char *line)
{
    GString *s = g_string_new(NULL);
    const char *p = line;
    if (*p == '.' || *p == '\'') {
        while (*p && *p != ' ' && *p != '\t')
            p++;
        while (*p == ' ' || *p == '\t')
            p++;
    }
    while (*p) {
        if (p[0] == '\\' && p[1] == 'f') {
            p += 2;
            if (*p == '(')
                p += *(p + 1) && *(p + 2) ? 3 : 1;
            else if (*p == '[') {
                while (*p && *p != ']')
                    p++;
                if (*p)
                    p++;
            } else if (*p)
                p++;
        } else if (p[0] == '\\' && (p[1] == '-' || p[1] == ' ' || p[1] == '&' || p[1] == '.')) {
            if (p[1] != '&')
                g_string_append_c(s, p[1]);
            p += 2;
        } else if (*p == '"') {
            p++;
        } else {
            g_string_append_c(s, *p++);
        }
    }
    return g_string_free(s, FALSE);
}

static gboolean starts_paragraph(const char *line)
{
    static const char *const macros[] = { ".TP", ".SH", ".SS", ".PP", ".P", ".LP", ".IP", ".HP" };
    for (size_t i = 0; i < G_N_ELEMENTS(macros); i++) {
        size_t n = strlen(macros[i]);
        if (strncmp(line, macros[i], n) == 0 && (line[n] == '\0' || line[n] == ' '))
            return TRUE;
    }
    return FALSE;
}

/* "Default: VALUE" with VALUE not followed by more of a value. */
static gboolean has_default(const char *text, const char *def)
{
    char *escaped = g_regex_escape_string(def, -1);
    char *re = g_strdup_printf("Default:\\s*%s(?![A-Za-z0-9_]|\\.[0-9])", escaped);
    gboolean ok = g_regex_match_simple(re, text, 0, 0);
    g_free(re);
    g_free(escaped);
    return ok;
}

static void test_man_page_documents_every_option(void **state)
{
    (void) state;
    char *text = read_srcfile("man/commguard.conf.5");
    char **lines = g_strsplit(text, "\n", -1);
    GString *problems = g_string_new(NULL);
    size_t nlines = g_strv_length(lines);

    for (size_t l = 0; l < nlines; l++)
        g_strchomp(lines[l]);

    for (size_t i = 0; i < cg_n_options; i++) {
        const cg_option *o = &cg_options[i];
        char *heading = g_strdup_printf(".B %s", o->name);
        char *quoted = g_strdup_printf(".B \"%s\"", o->name);
        size_t found = 0, at = 0;

        for (size_t l = 0; l < nlines; l++)
            if (strcmp(lines[l], heading) == 0 || strcmp(lines[l], quoted) == 0) {
                found++;
                at = l;
            }
        if (found != 1) {
            g_string_append_printf(problems, "%s: %zu \".B %s\" heading lines, want 1\n",
                                   o->name, found, o->name);
        } else {
            if (at == 0 || strcmp(lines[at - 1], ".TP") != 0)
                g_string_append_printf(problems, "%s: heading not preceded by .TP\n", o->name);
            /* the paragraph: up to the next paragraph or section macro */
            GString *para = g_string_new(NULL);
            for (size_t l = at + 1; l < nlines && !starts_paragraph(lines[l]); l++) {
                if (lines[l][0] == '.' && lines[l][1] == '\\' && lines[l][2] == '"')
                    continue;                       /* roff comment */
                char *plain = roff_plain(lines[l]);
                g_string_append(para, plain);
                g_string_append_c(para, ' ');
                g_free(plain);
            }
            if (!has_default(para->str, o->def))
                g_string_append_printf(problems, "%s: paragraph lacks \"Default: %s\": %s\n",
                                       o->name, o->def, para->str);
            g_string_free(para, TRUE);
        }
        g_free(heading);
        g_free(quoted);
    }

    /* and the page documents no option the table does not have */
    for (size_t l = 1; l < nlines; l++) {
        if (strcmp(lines[l - 1], ".TP") != 0 || strncmp(lines[l], ".B ", 3) != 0)
            continue;
        char *name = roff_plain(lines[l]);
        g_strstrip(name);
        if (g_regex_match_simple("^[a-z][a-z0-9]*(_[a-z0-9]+)+$", name, 0, 0)) {
            gboolean known = FALSE;
            for (size_t i = 0; i < cg_n_options; i++)
                known |= strcmp(cg_options[i].name, name) == 0;
            if (!known)
                g_string_append_printf(problems, "line %zu: documents unknown option %s\n", l + 1, name);
        }
        g_free(name);
    }

    if (problems->len)
        fail_msg("man/commguard.conf.5 disagrees with the option table:\n%s", problems->str);
    g_string_free(problems, TRUE);
    g_strfreev(lines);
    g_free(text);
}

static void test_sample_config_lists_every_option(void **state)
{
    (void) state;
    char *text = read_srcfile("etc/commguard.conf");
    GString *problems = g_string_new(NULL);

    for (size_t i = 0; i < cg_n_options; i++) {
        const cg_option *o = &cg_options[i];
        char *name = g_regex_escape_string(o->name, -1);
        char *def = g_regex_escape_string(o->def, -1);
        char *re = g_strdup_printf("^[ \\t]*(#[ \\t]*)?%s[ \\t]*=[ \\t]*%s[ \\t]*(#.*)?\\r?$", name, def);
        if (!g_regex_match_simple(re, text, G_REGEX_MULTILINE, 0))
            g_string_append_printf(problems, "no line \"# %s = %s\"\n", o->name, o->def);
        g_free(re);
        g_free(def);
        g_free(name);
    }

    /* every "name = value" line, commented out or not, names a real option */
    char **lines = g_strsplit(text, "\n", -1);
    GRegex *assign = g_regex_new("^[ \\t]*#?[ \\t]*([a-z][a-z0-9]*(_[a-z0-9]+)+)[ \\t]*=", 0, 0, NULL);
    for (size_t l = 0; lines[l]; l++) {
        GMatchInfo *mi = NULL;
        if (g_regex_match(assign, lines[l], 0, &mi)) {
            char *name = g_match_info_fetch(mi, 1);
            gboolean known = FALSE;
            for (size_t i = 0; i < cg_n_options; i++)
                known |= strcmp(cg_options[i].name, name) == 0;
            if (!known)
                g_string_append_printf(problems, "line %zu: unknown option %s\n", l + 1, name);
            g_free(name);
        }
        g_match_info_free(mi);
    }
    g_regex_unref(assign);
    g_strfreev(lines);

    if (problems->len)
        fail_msg("etc/commguard.conf disagrees with the option table:\n%s", problems->str);
    g_string_free(problems, TRUE);
    g_free(text);

    /* and the shipped file loads cleanly, to the defaults */
    char *path = g_build_filename(CG_TOP_SRCDIR, "etc", "commguard.conf", NULL);
    GError *err = NULL;
    cg_config *cfg = cg_config_load(path, &err);
    if (!cfg)
        fail_msg("%s", err->message);
    for (size_t i = 0; i < cg_n_options; i++)
        assert_field_is(cfg, &cg_options[i], cg_options[i].def);
    cg_config_free(cfg);
    g_free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_option_table),
        cmocka_unit_test(test_opt_type_names),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_load_empty),
        cmocka_unit_test(test_load_good),
        cmocka_unit_test(test_load_each_default_explicitly),
        cmocka_unit_test(test_comments_and_whitespace),
        cmocka_unit_test(test_numbers_accepted),
        cmocka_unit_test(test_size_suffixes),
        cmocka_unit_test(test_list_values),
        cmocka_unit_test(test_error_unknown_key),
        cmocka_unit_test(test_error_missing_equals),
        cmocka_unit_test(test_error_not_a_number),
        cmocka_unit_test(test_error_not_whole),
        cmocka_unit_test(test_error_out_of_range),
        cmocka_unit_test(test_error_bad_size),
        cmocka_unit_test(test_error_bad_list_word),
        cmocka_unit_test(test_error_duplicate),
        cmocka_unit_test(test_error_several),
        cmocka_unit_test(test_error_missing_file),
        cmocka_unit_test(test_man_page_documents_every_option),
        cmocka_unit_test(test_sample_config_lists_every_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
