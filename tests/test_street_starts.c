/*
 * test_street_starts.c -- the address family's street-line search finds
 * exactly what a plain unanchored search finds for every street type, street
 * word and box word of its pattern, in lower case, capitalised and in
 * capitals, and with the word in the last eight bytes of the text: each of
 * those words is ruled in or out by a table of contact_street.c (its first
 * byte and length, its first two bytes, its first eight bytes at once), and
 * a word a table leaves out loses a finding here.  contact_street.c marks
 * where a line may start sixteen bytes at a time, so each kind of start is
 * also tried at every offset of the first chunks and of the last.  It
 * skips names and letter runs sixteen bytes a step, so names of every
 * length up to past the longest a street may have are tried too.
 */
#include "testutil.h"

#include "filtered_regex.h"

/* The pattern's English street types (EN_TYPE_WORDS of contact_address.c). */
static const char *const english_types[] = {
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
    "blvd", "way", "court", "ct", "place", "pl", "square", "sq", "terrace", "close", "crescent",
    "highway", "hwy", "parkway", "pkwy", "circle", "gardens", "mews", "row", "nagar", "marg",
    "salai", "chowk",
};

/* Its French types (FR_TYPE_WORDS). */
static const char *const french_types[] = {
    "rue", "avenue", "av.", "bd.", "bd", "boulevard", "chemin", "place", "allee", "all\xc3\xa9" "e",
    "impasse", "quai", "cours", "route", "passage",
};

/* Its street words before a name (IB_TYPE) and box words (BOX_WORD). */
static const char *const street_words[] = {
    "calle", "c/", "cl.", "avenida", "avda.", "avda", "avd.", "av.", "plaza", "pza.", "paseo",
    "carrer", "camino", "ronda", "rua", "R.", "travessa", "tv.", "alameda", "Al.",
    "pra\xc3\xa7" "a", "praca", "p\xc3\xa7.", "rodovia", "estrada", "largo", "Via", "Viale",
    "Piazza", "Corso",
};
static const char *const box_words[] = {
    "p.o. box", "po box", "p o box", "post office box", "postfach", "apartado",
    "apartado de correos", "apartado postal", "caixa postal", "boite postale",
    "bo\xc3\xaete postale", "postbus", "casilla", "casilla de correo",
};

/* Where each kind of word goes: "%s" is the word. */
static const char *const english_lines[] = {
    "12 Baker %s", "12 Baker %s, London NW1 6XE", "Old Kent %s, London SE1 5AA", "10 42nd %s",
};
static const char *const french_lines[] = { "12 %s de la Paix", "12, %s Victor Hugo, 75016 Paris" };
static const char *const street_word_lines[] = { "%s Mayor 5", "%s das Flores, 123", "%s X 5" };
static const char *const box_lines[] = { "%s 123", "%s 1" };

/* Before a line: nothing, a word, a letter or digit that makes it no start,
 * a mark after which a box word starts but a street word does not. */
static const char *const leads[] = { "", "see ", "x", "\n", "7", "/" };

/* The address findings of a scan, one line each. */
static char *
address_lines(const char *body)
{
    cg_result *r = scan_text(body);
    char *lines = finding_lines(r, CG_CAT_CONTACT, "address");
    cg_result_free(r);
    return lines;
}

/* Both ways find the same; returns how many findings they made. */
static unsigned
check_same(const char *body)
{
    return plain_and_filtered_agree(address_lines, body);
}

/* Each word in each of its lines, in three casings, after each lead: both
 * ways find the same, and at least one address in each. */
static void
check_words(const char *const *words, size_t n_words, const char *const *lines, size_t n_lines)
{
    unsigned found = 0;
    for (size_t w = 0; w < n_words; w++) {
        char *capitalised = g_strdup(words[w]);
        capitalised[0] = g_ascii_toupper(capitalised[0]);
        char *upper = g_ascii_strup(words[w], -1);
        const char *casings[] = { words[w], capitalised, upper };
        for (size_t c = 0; c < G_N_ELEMENTS(casings); c++)
            for (size_t l = 0; l < n_lines; l++)
                for (size_t lead = 0; lead < G_N_ELEMENTS(leads); lead++) {
                    char **around = g_strsplit(lines[l], "%s", 2);
                    char *body = g_strconcat(leads[lead], around[0], casings[c], around[1], NULL);
                    found += check_same(body);
                    g_free(body);
                    g_strfreev(around);
                }
        g_free(upper);
        g_free(capitalised);
    }
    assert_true(found >= 3 * n_words * n_lines);
}

#define CHECK_WORDS(words, lines) \
    check_words(words, G_N_ELEMENTS(words), lines, G_N_ELEMENTS(lines))

static void
test_english_types(void **state)
{
    (void)state;
    CHECK_WORDS(english_types, english_lines);
}

static void
test_french_types(void **state)
{
    (void)state;
    CHECK_WORDS(french_types, french_lines);
}

static void
test_street_words(void **state)
{
    (void)state;
    CHECK_WORDS(street_words, street_word_lines);
}

static void
test_box_words(void **state)
{
    (void)state;
    CHECK_WORDS(box_words, box_lines);
}

/* One line for each kind of start: a house number, a capital, an accented
 * capital, a lower-case street word and a lower-case box word. */
static const char *const shifted_lines[] = {
    "12 Baker Street, London NW1 6XE", "Old Kent Road, London SE1 5AA",
    "\xc3\x89lys\xc3\xa9" "e Gardens, London W1 2AA", "calle Mayor 5", "po box 123",
};

/* Each line after 0 to 40 bytes (a word of 'x's and a ':', which keeps the
 * start a start), at the end of the text and before more text. */
static void
test_every_offset(void **state)
{
    (void)state;
    for (size_t l = 0; l < G_N_ELEMENTS(shifted_lines); l++)
        for (size_t shift = 0; shift <= 40; shift++)
            for (int more = 0; more < 2; more++) {
                char *lead = shift ? g_strnfill(shift - 1, 'x') : g_strdup("");
                char *body = g_strconcat(lead, shift ? ":" : "", shifted_lines[l],
                                         more ? " and then some more words of text here" : "",
                                         NULL);
                if (check_same(body) == 0)
                    fail_msg("\"%s\": no address found", body);
                g_free(body);
                g_free(lead);
            }
}

/* Where a long name goes: "%s" is the name. */
static const char *const long_name_lines[] = {
    "%s 12", "%s.12", "%sstrasse 5", "%s Road", "12 %s Road", "Old %s Road", "%s Kent Road",
    "Am %s 5", "%s-Nord 5", "%s\tGardens",
    "%sstrasse1", "%sweg.5",
};

/* A capital, then n letters: ASCII ones, or with an accented letter (two
 * bytes) every few. */
static char *
long_name(size_t n, gboolean accented)
{
    GString *name = g_string_new("K");
    while (name->len < n + 1)
        if (accented && name->len % 7 == 3 && name->len + 2 <= n + 1)
            g_string_append(name, "\xc3\xa9");
        else
            g_string_append_c(name, (char)('a' + name->len % 26));
    return g_string_free(name, FALSE);
}

/* Each line with names of 0 to 70 letters, at the end of the text and
 * before more: both ways find the same, and the short names an address. */
static void
test_long_names(void **state)
{
    (void)state;
    unsigned found = 0;
    for (size_t l = 0; l < G_N_ELEMENTS(long_name_lines); l++)
        for (size_t n = 0; n <= 70; n++)
            for (int variant = 0; variant < 4; variant++) {
                char *name = long_name(n, variant & 1);
                char **around = g_strsplit(long_name_lines[l], "%s", 2);
                char *body = g_strconcat(around[0], name, around[1],
                                         variant & 2 ? ", London NW1 6XE and more" : "", NULL);
                found += check_same(body);
                g_free(body);
                g_strfreev(around);
                g_free(name);
            }
    assert_true(found >= G_N_ELEMENTS(long_name_lines) * 4 * 10);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_types),
        cmocka_unit_test(test_french_types),
        cmocka_unit_test(test_street_words),
        cmocka_unit_test(test_box_words),
        cmocka_unit_test(test_every_offset),
        cmocka_unit_test(test_long_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
