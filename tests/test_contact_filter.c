/*
 * test_contact_filter.c -- the contact families find exactly the same with
 * their search filters (filtered_regex.c, the email local-part windows, the
 * address street-line and vCard line starts, the link starts before a dot,
 * the request words near a request's start) as with plain unanchored searches: on the fixtures, the holdout set and
 * generated texts dense in every kind of contact detail and its look-alikes.
 */
#include "testutil.h"

#include "filtered_regex.h"

/* Contact details, requests, refusals and near misses the families react to. */
static const char *const pieces[] = {
    "ana.lee@example.com", "ana [at] example (dot) com", "john dot smith at gmail dot com",
    "maria arroba correo punto es", "jean arobase free point fr", "ana&#64;example.com",
    "a n a @ e x a m p l e . c o m", "I work at acme.com", "git@github.com:org/repo.git",
    "write me at ana.dev@example.com", "ana(at)mail(dot)de", "ana {at} web {dot} de",
    "mailto:ana@example.org", "x@y", "@media", "user@", "me at ana.lee",
    "what's your WhatsApp?", "send me your email", "can I call you directly?",
    "¿me pasas tu número?", "me passa seu zap", "donne-moi ton numéro", "gib mir deine Handynummer",
    "please don't send me your number", "do you have Telegram", "hast du WhatsApp",
    "skype: ana.lee77", "my skype is live:.cid.7f3a9c21e0b4", "s.k.y.p.e ana_lee",
    "t3l3gr4m @ana_lee", "discord ravenbyte#1234", "signal ana.42", "the green app",
    "same name on the blue bird", "on x @ana", "WhatsApp integration", "@BotFather",
    "I can't share my WhatsApp before a contract", "insta: ana.designs", "wa.me/447700900123",
    "t.me/analee", "calendly.com/ana/30min", "forms.gle/abc123", "discord.gg/xyz",
    "+44 7700 900123", "(415) 555-0142", "five five five oh one four two eight eight",
    "cinco cinco cinco", "0049 30 1234567", "order #4155550142", "version 10.4.2",
    "221B Baker Street, London NW1 6XE", "1600 Amphitheatre Parkway, Mountain View, CA 94043",
    "Hauptstraße 5, 10115 Berlin", "12 rue de la Paix, 75002 Paris", "Calle Mayor 3, 28013 Madrid",
    "Rua Augusta 100, São Paulo", "call it done", "zoom in", "$450", "2026-12-01 14:30",
    "ana [dot] at [dot] lee@example.com", "at (dot) lee@example.com", "#ana@example.com",
    "ana . lee at example . com", "x&#46;y@example.com", "look at me [at] example [dot] org",
    "Musterstraße 12", "Berliner Straße 3a", "P.O. Box 123", "p o box 45", "Postfach 10 02 03",
    "caixa postal 45", "Av. Paulista 1000", "avenida Paulista 1000", "MG Road, Bengaluru 560001",
    "page 12 Main Street", "10:30 Baker Street", "Élysée Platz 4", "pç. da Sé 3",
    "https://www.example.com/contact", "HTTP://Shop.Example.co.uk/apply", "www.acme.io/jobs",
    "https://calendly.com/ana", "e.g.", "end.Next", "ana-lee.example.com/contact", "x_y.com",
    "BEGIN:VCARD\nADR;TYPE=work:;;123 Main St;Springfield;IL;62704;USA\nEND:VCARD",
    "item1.ADR:;;5 Rue de la Paix;Paris;;75002;France",
    "note\nitem-2_b.adr:;;5 Rue de la Paix;Paris;;75002;France",
    "x\nabcdefghijklmnopq.ADR:;;5 Rue;Paris;;75002\nabcdefghijklmnopqrst.ADR:;;5 Rue;Paris;;75002",
    "x\nabcdefghijklmnop.ADR:;;5 Rue;Paris;;75002",
    "x\nabcdefghijklmnopqrstu.ADR:;;5 Rue;Paris;;75002\nab cd.ADR:;;5 Rue;Paris;;75002 and more",
    "12-14 High Street, Leeds LS1 4DY", "12 / 3b Old Kent Road", "5, Court Road", "10 42nd Street",
    "1600 Pennsylvania Avenue NW", "12 avenue des Champs, 75008 Paris", "Via Roma 10, 00184 Roma",
    "R. Augusta 5", "Al. Santos 200", "Piazza Navona 2", "Corso Italia 7", "Hauptstr. 5",
    "Hauptstr.5", "Neue Weg 3", "Kaiser Ring 5", "Old Kent Road, London SE1 5AA",
    "apartado de correos 45", "boîte postale 12", "casilla 33", "postbus 1200",
    "Post Office Box 9", "calle mayor 3", "Travessa do Carmo 4", "Largo do Chiado 12",
    "plaza Mayor 1", "Élysée Road, Leeds LS1 4DY", "123456 Main St", "12 Google Drive files",
};

/* Requests of every form, each with the longest lead-in the pattern allows
 * before the word contact_request.c looks for ("where could i contact" before
 * "you"), so that a word left out or a reach one byte short loses one. */
static const char *const requests[] = {
    "what’s over your phone number", "what’s over ur number", "what’s over yr cell",
    "provide me your email", "shall I have your number", "could I get ur digits",
    "would you mind sharing your WhatsApp", "do you have a Skype", "where could I contact you directly",
    "how do I reach you privately", "could I whatsapp you directly", "may I e-mail you personally",
    "me compartes tu número", "me regalas su correo", "me envías tu whatsapp", "pasa su telefono",
    "cuál es tu número", "cuál es teléfono", "cual es su correo", "tienes whatsapp", "tiene usted teléfono",
    "me compartilha o seu zap", "me compartilha a sua endereço", "me compartilha o teu email",
    "me compartilha a tua contato", "qual é o seu número", "qual é o whatsapp", "¿tienes whatsapp", "você tem whatsapp", "voce tem telegram",
    "communiquez-moi votre numéro", "laissez-moi vos coordonnées", "c'est quoi ton numéro",
    "quel est votre email", "as-tu whatsapp", "avez-vous un skype",
    "schicken sie mir deine nummer", "gib mir deine Handynummer", "hast du whatsapp",
    "haben sie eine e-mail", "wie ist deine nummer", "was ist ihre adresse", "(what's your email",
};

static const char *const filler[] = {
    "the", "project", "budget", "is", "and", "we", "can", "deliver", "by", "Friday", "at",
    "noon", "on", "in", "your", "my", "me", ",", ".", "?", "!", "\n", "café", "über", "(", ")",
    "[", "]", "dot", "ar", "arroba", "&", "#", ";", "-", "_", "+", "@", "x",
};

/* The contact findings of a scan, one line each. */
static char *
contact_lines(const char *body)
{
    cg_result *r = scan_text(body);
    char *lines = finding_lines(r, CG_CAT_CONTACT, NULL);
    cg_result_free(r);
    return lines;
}

/* Both ways find the same; returns how many findings they made. */
static unsigned
check_same(const char *body)
{
    return plain_and_filtered_agree(contact_lines, body);
}

static void
test_pieces_alone(void **state)
{
    (void)state;
    unsigned found = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(pieces); i++)
        found += check_same(pieces[i]);
    assert_true(found >= 40);
}

static void
test_generated_mixes(void **state)
{
    (void)state;
    unsigned found = 0;
    for (guint32 seed = 1; seed <= 30; seed++) {
        GRand *rand = g_rand_new_with_seed(seed);
        GString *body = g_string_new(NULL);
        for (int w = 0; w < 400; w++) {
            if (g_rand_int_range(rand, 0, 8) == 0)
                g_string_append(body, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
            else
                g_string_append(body, filler[g_rand_int_range(rand, 0, G_N_ELEMENTS(filler))]);
            g_string_append_c(body, g_rand_int_range(rand, 0, 3) ? ' ' : '\n');
        }
        found += check_same(body->str);
        g_string_free(body, TRUE);
        g_rand_free(rand);
    }
    assert_true(found >= 300);
}

/* Street lines the address family's candidate scan must not step over, and
 * look-alikes it must not start at ("$12", letters before a capital). */
static const char *const street_lines[] = {
    "12 Main St", "Calle Mayor 5", "\xc3\x89lys\xc3\xa9" "e Platz 4", "P.O. Box 12", "Hauptstr. 5",
    "4B Old Kent Road", "Via X 5", "R. Al 5", "$12 Main St", "x12 Main St", "fooBaker Street 5",
    "5Baker Street 3", "ab\xc3\x89lys\xc3\xa9" "e Platz 4", "#12 Main St", "12 rue de la Paix",
};

/* Each street line at every offset around the 64-byte blocks next_street_start
 * reads, after a space, a letter, a digit or a '$', alone and then the end
 * of the text or more words, so that a start at a block's first or last byte
 * or the byte before it read wrong loses one; and texts shorter than eight bytes. */
static void
test_street_offsets(void **state)
{
    (void)state;
    static const char lead[] = "see the list of places we can go to next week, and ";
    static const char *const before[] = {" ", "a", "7", "$", "\n"};
    unsigned found = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(street_lines); i++)
        for (size_t pad = 0; pad < 140; pad++)
            for (size_t b = 0; b < G_N_ELEMENTS(before); b++) {
                GString *body = g_string_new(NULL);
                while (body->len < pad)
                    g_string_append_len(body, lead, MIN(sizeof lead - 1, pad - body->len));
                if (pad > 0)
                    g_string_overwrite(body, pad - 1, before[b]);
                g_string_append(body, street_lines[i]);
                found += check_same(body->str);
                g_string_append(body, " and 7 Main St");
                found += check_same(body->str);
                g_string_free(body, TRUE);
            }
    assert_true(found >= 10000);
    for (size_t n = 1; n < 8; n++)
        for (size_t i = 0; i < G_N_ELEMENTS(street_lines); i++) {
            char *shortened = g_strndup(street_lines[i], n);
            check_same(shortened);
            g_free(shortened);
        }
}

/* The email trigger search steps sixteen bytes at a time, reading the byte
 * before and after each: every disguised at (after a space, a line break or
 * each bracket, and each entity) at every place in a chunk and right after
 * one, with words before it of every length so that a local part and an at
 * word straddle the chunk edges too. */
static void
test_email_at_every_offset(void **state)
{
    (void)state;
    static const char *const ats[] = {
        "ana at gmail dot com", "ana\nat gmail dot com", "ana arroba correo punto es",
        "jean arobase free point fr", "ana (at) web (dot) de", "ana [at] web [dot] de",
        "ana {at} web {dot} de", "ana <at> web <dot> de", "ana&#64;example.com",
        "ana&commat;example.com", "ana@example.com", "AT (dot) lee@example.com",
        /* every form of the dot after the first domain label */
        "ana@example&#46;com", "ana@example&period;com", "ana at example . com",
        "ana [@] example[dot]com", "ana at mail ponto com", "ana at web punkt de",
        "ana @ sub-domain.example.com", "ana AT Example\t(Dot)\tcom",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(ats); i++)
        for (int pad = 0; pad < 34; pad++) {
            char *lead = g_strnfill(pad, 'x');
            char *body = g_strdup_printf("%s %s\n%s%s", lead, ats[i], lead, ats[i]);
            if (check_same(body) == 0)
                fail_msg("no finding for \"%s\"", body);
            g_free(body);
            g_free(lead);
        }
}

/* Each request found the same alone, in capitals, across a line break and
 * within a sentence; the plain search must find every one. */
static void
test_requests(void **state)
{
    (void)state;
    for (size_t i = 0; i < G_N_ELEMENTS(requests); i++) {
        char *upper = g_ascii_strup(requests[i], -1);
        char **words = g_strsplit(requests[i], " ", -1);
        char *broken = g_strjoinv("\n", words);
        char *sentence = g_strdup_printf("Thanks so much, %s? Talk soon.", requests[i]);
        const char *forms[] = {requests[i], upper, broken, sentence};
        for (size_t f = 0; f < G_N_ELEMENTS(forms); f++)
            if (check_same(forms[f]) == 0)
                fail_msg("no finding for \"%s\"", forms[f]);
        g_free(sentence);
        g_free(broken);
        g_strfreev(words);
        g_free(upper);
    }
}

static void
test_fixtures(void **state)
{
    (void)state;
    char *dir = g_build_filename(CG_TOP_SRCDIR, "tests", "fixtures", NULL);
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    collect_eml_files(dir, paths);
    unsigned found = 0;
    for (guint i = 0; i < paths->len; i++) {
        char *text = NULL;
        assert_true(g_file_get_contents(g_ptr_array_index(paths, i), &text, NULL, NULL));
        found += check_same(text);
        g_free(text);
    }
    assert_true(paths->len > 10 && found > 0);
    g_ptr_array_free(paths, TRUE);
    g_free(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces_alone),
        cmocka_unit_test(test_requests),
        cmocka_unit_test(test_generated_mixes),
        cmocka_unit_test(test_street_offsets),
        cmocka_unit_test(test_email_at_every_offset),
        cmocka_unit_test(test_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
