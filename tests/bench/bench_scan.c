/*
 * bench_scan.c -- detector throughput without an MTA (`make bench`).
 *
 * Generates reproducible plain-text messages of 10 KB, 100 KB, 1 MB and
 * 10 MB (ordinary marketplace prose with prices, dates, order numbers and a
 * few contact details) and reports, per size, the time and MB/s of parsing
 * alone, of the contact detector (what a platform message costs) and of all
 * three detectors.  Time per MB must stay flat as the size grows: the
 * detectors are linear.  Then, on the 1 MB body, the contact detector with
 * no family and with each family alone, so each family's cost shows.
 * Then the mixed corpus of issue 8: the generated MIME mix the milter
 * benchmark sends (tests/bench/mail_mix.c), scanned message by message: MB/s
 * of raw mail and messages/s per core for parsing alone, the contact
 * detector and all detectors.  Last, given a directory of sample mail (the
 * Makefile passes the sample corpus), its text/plain parts repeated to one
 * 10 MB body: realistic text, where the generated one is dense in triggers.
 * Times are CPU seconds of this single-threaded process, so a busy machine
 * does not inflate them.
 */
#include "engine.h"
#include "mail_mix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const words[] = {
    "the", "project", "budget", "is", "$450", "and", "we", "can", "deliver", "by", "Friday",
    "please", "review", "attached", "mockups", "call", "it", "done", "zoom", "in", "on", "logo",
    "version", "10.4.2", "order", "#4155550142", "meet", "at", "noon", "2026-12-01", "14:30",
    "milestone", "invoice", "INV-2291", "thanks", "design", "landing", "page", "copy", "review",
    "@media", "user@", "regex", "café", "naïve", "Grüße", "über", "€1.200,00", "ticket", "TK-5512",
};
static const char *const contacts[] = {
    "reach me at ana.lee@example.com", "WhatsApp +44 7700 900123", "calendly.com/ana/30min",
    "five five five oh one four two eight eight", "my skype is live:.cid.7f3a9c21e0b4",
};

static char *
make_message(size_t body_bytes, guint32 seed)
{
    GRand *rand = g_rand_new_with_seed(seed);
    GString *m = g_string_sized_new(body_bytes + 512);
    g_string_append(m, "From: Ana via Gigloft <relay@mail.gigloft.example.com>\nTo: client@example.org\n"
                       "Subject: bench\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                       "Content-Transfer-Encoding: 8bit\n\n");
    size_t start = m->len, line = 0;
    while (m->len - start < body_bytes) {
        if (g_rand_int_range(rand, 0, 4000) == 0)
            g_string_append(m, contacts[g_rand_int_range(rand, 0, G_N_ELEMENTS(contacts))]);
        else
            g_string_append(m, words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
        if (++line % 14 == 0)
            g_string_append_c(m, '\n');
        else
            g_string_append_c(m, ' ');
    }
    g_string_append_c(m, '\n');
    g_rand_free(rand);
    return g_string_free(m, FALSE);
}

static double
cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds for one run of what, best of reps. */
static double
best_of(int reps, const cg_engine *engine, const char *raw, size_t len, const cg_limits *limits,
        unsigned mask)
{
    double best = 1e9;
    for (int r = 0; r < reps; r++) {
        double t0 = cpu_seconds();
        cg_message *msg = cg_message_parse_bytes(raw, len, limits, NULL);
        if (engine)
            cg_result_free(cg_engine_scan_only(engine, msg, mask));
        cg_message_free(msg);
        double s = cpu_seconds() - t0;
        best = MIN(best, s);
    }
    return best;
}

/* Contact s/MB on raw with only the named family enabled ("" for none). */
static void
family_costs(cg_config *cfg, const char *raw, size_t len)
{
    static const char *const families[] = { "", "email", "request", "handle", "link", "address",
                                             "phone" };
    char **saved = cfg->contact_rules;
    double mb = len / (1024.0 * 1024.0);
    printf("\n%-8s %12s\n", "family", "contact s/MB");
    for (size_t i = 0; i < G_N_ELEMENTS(families); i++) {
        char *only[] = { (char *)families[i], NULL };
        cfg->contact_rules = *families[i] ? only : only + 1;
        GError *error = NULL;
        cg_engine *engine = cg_engine_new(cfg, &error);
        if (!engine) {
            fprintf(stderr, "bench_scan: %s\n", error->message);
            g_clear_error(&error);
            continue;
        }
        double t = best_of(5, engine, raw, len, &cfg->limits, 1u << CG_CAT_CONTACT);
        printf("%-8s %12.4f\n", *families[i] ? families[i] : "(none)", t / mb);
        cg_engine_free(engine);
    }
    cfg->contact_rules = saved;
}

/* CPU seconds to parse (and scan with mask) every message of mix, best of reps. */
static double
mix_seconds(int reps, const cg_engine *engine, const GPtrArray *mix, const cg_limits *limits,
            unsigned mask)
{
    double best = 1e9;
    for (int r = 0; r < reps; r++) {
        double t0 = cpu_seconds();
        for (guint i = 0; i < mix->len; i++) {
            const GString *m = g_ptr_array_index(mix, i);
            cg_message *msg = cg_message_parse_bytes(m->str, m->len, limits, NULL);
            if (engine)
                cg_result_free(cg_engine_scan_only(engine, msg, mask));
            cg_message_free(msg);
        }
        best = MIN(best, cpu_seconds() - t0);
    }
    return best;
}

/* Issue 8's mixed corpus: n generated MIME messages, per core. */
static void
mix_throughput(const cg_engine *engine, const cg_limits *limits, guint n)
{
    GPtrArray *mix = mail_mix_generate(n, 42, 0);
    size_t raw = 0, text = 0;
    for (guint i = 0; i < mix->len; i++) {
        const GString *m = g_ptr_array_index(mix, i);
        raw += m->len;
        cg_message *msg = cg_message_parse_bytes(m->str, m->len, limits, NULL);
        for (guint k = 0; k < msg->segments->len; k++)
            text += strlen(((const cg_segment *)g_ptr_array_index(msg->segments, k))->text);
        cg_message_free(msg);
    }
    double mb = raw / (1024.0 * 1024.0);
    printf("\nmixed corpus: %u generated MIME messages (tests/bench/mail_mix.c, seed 42), "
           "%.1f MB raw, %.1f MB of text to scan\n", mix->len, mb, text / (1024.0 * 1024.0));
    printf("%-8s %12s %12s %12s\n", "stage", "CPU s", "raw MB/s", "msg/s");
    static const struct { const char *name; unsigned mask; gboolean scan; } stages[] = {
        { "parse", 0, FALSE },
        { "contact", 1u << CG_CAT_CONTACT, TRUE },
        { "all", CG_ALL_CATEGORIES, TRUE },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(stages); i++) {
        double s = mix_seconds(3, stages[i].scan ? engine : NULL, mix, limits, stages[i].mask);
        printf("%-8s %12.3f %12.1f %12.1f\n", stages[i].name, s, mb / s, mix->len / s);
    }
    g_ptr_array_free(mix, TRUE);
}

/* The text/plain parts of every .eml in dir, repeated to size bytes, as one
 * plain-text message; NULL when dir holds none. */
static char *
realistic_message(const char *dir, size_t size, const cg_limits *limits)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return NULL;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *n; (n = g_dir_read_name(d));)
        if (g_str_has_suffix(n, ".eml"))
            g_ptr_array_add(names, g_build_filename(dir, n, NULL));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)(void (*)(void))g_strcmp0);
    GString *texts = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++) {
        cg_message *msg = cg_message_parse_file(g_ptr_array_index(names, i), limits, NULL);
        for (guint k = 0; msg && k < msg->segments->len; k++) {
            const cg_segment *seg = g_ptr_array_index(msg->segments, k);
            if (seg->origin != CG_SEG_HEADER && g_strcmp0(seg->content_type, "text/plain") == 0)
                g_string_append_printf(texts, "%s\n\n", seg->text);
        }
        if (msg)
            cg_message_free(msg);
    }
    g_ptr_array_free(names, TRUE);
    if (texts->len == 0) {
        g_string_free(texts, TRUE);
        return NULL;
    }
    GString *m = g_string_new("From: a@example.com\nTo: b@example.com\nSubject: bench\n"
                              "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                              "Content-Transfer-Encoding: 8bit\n\n");
    size_t start = m->len;
    while (m->len - start < size)
        g_string_append_len(m, texts->str, MIN(texts->len, size - (m->len - start)));
    g_string_free(texts, TRUE);
    /* The cut may split a character: back up to a whole one. */
    while (m->len > start && ((guchar)m->str[m->len - 1] & 0xC0) == 0x80)
        g_string_truncate(m, m->len - 1);
    if (m->len > start && (guchar)m->str[m->len - 1] >= 0xC0)
        g_string_truncate(m, m->len - 1);
    g_string_append_c(m, '\n');
    return g_string_free(m, FALSE);
}

int
main(int argc, char **argv)
{
    static const size_t sizes[] = { 10 * 1024, 100 * 1024, 1024 * 1024, 10 * 1024 * 1024 };
    cg_config *cfg = cg_config_new_default();
    cfg->limits.max_scan_bytes = 64 * 1024 * 1024;   /* scan the whole 10 MB body */
    GError *error = NULL;
    cg_engine *engine = cg_engine_new(cfg, &error);
    if (!engine) {
        fprintf(stderr, "bench_scan: %s\n", error->message);
        return 1;
    }
    printf("%-8s %12s %12s %12s %12s %12s %12s\n", "body", "parse s/MB", "parse MB/s",
           "contact s/MB", "contact MB/s", "all s/MB", "all MB/s");
    for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++) {
        char *raw = make_message(sizes[i], 42);
        size_t len = strlen(raw);
        double mb = len / (1024.0 * 1024.0);
        int reps = sizes[i] >= 1024 * 1024 ? 3 : 20;
        double parse = best_of(reps, NULL, raw, len, &cfg->limits, 0);
        double contact = best_of(reps, engine, raw, len, &cfg->limits, 1u << CG_CAT_CONTACT);
        double all = best_of(reps, engine, raw, len, &cfg->limits, CG_ALL_CATEGORIES);
        printf("%-8s %12.4f %12.1f %12.4f %12.1f %12.4f %12.1f\n",
               sizes[i] >= 1024 * 1024 ? g_strdup_printf("%zuM", sizes[i] >> 20)
                                       : g_strdup_printf("%zuK", sizes[i] >> 10),
               parse / mb, mb / parse, contact / mb, mb / contact, all / mb, mb / all);
        g_free(raw);
    }
    char *raw = make_message(1024 * 1024, 42);
    family_costs(cfg, raw, strlen(raw));
    g_free(raw);
    const char *n = g_getenv("BENCH_MIX_MESSAGES");
    mix_throughput(engine, &cfg->limits, n && atoi(n) > 0 ? (guint)atoi(n) : 300);
    raw = argc > 1 ? realistic_message(argv[1], 10 * 1024 * 1024, &cfg->limits) : NULL;
    if (raw) {
        size_t len = strlen(raw);
        printf("\nrealistic 10M (text/plain parts of %s)\n", argv[1]);
        printf("%-8s %12.4f s (parse %.4f s)\n", "contact", best_of(3, engine, raw, len, &cfg->limits,
               1u << CG_CAT_CONTACT), best_of(3, NULL, raw, len, &cfg->limits, 0));
        family_costs(cfg, raw, len);
        g_free(raw);
    }
    cg_engine_free(engine);
    cg_config_free(cfg);
    return 0;
}
