/*
 * contact_address.c -- physical and postal addresses.
 *
 * An address is found from its street line: a house number next to a
 * street-type word ("1234 Maple Ave", "221B Baker Street", "12 rue de la
 * Paix", "Calle Mayor 5", "Av. Paulista 1000", "Musterstraße 12",
 * "Hauptstr. 5", "12 MG Road") or a PO box ("P.O. Box 123", "Postfach 10",
 * "Caixa Postal 45").  What follows the street line decides how sure we are:
 * a postcode with or without its city, in the next few comma- or
 * line-separated parts ("Suite 200, Springfield, IL 62704", "\n10115
 * Berlin", "London NW1 6XE", "São Paulo - SP, 01234-567", "Bengaluru
 * 560001") makes it certain; a city alone makes it likely; a street line on
 * its own is weak unless words before it say it is an address ("my address",
 * "come by", "Anschrift", "endereço").  vCard ADR lines are addresses by
 * definition.  Postcodes and cities never make a finding by themselves, and a
 * street name without a number counts only right before a postcode ("MG
 * Road, Bengaluru 560001"), so ZIP lists, "Street View" and "Main Street" the
 * product stay clean.
 *
 * Here are the patterns, the scan and the vCard lines; where a street line
 * can start, which bounds the pattern's search, is contact_street.c's.
 */
#include "contact.h"
#include "contact_street.h"
#include "filtered_regex.h"
#include "ascii_bytes16.h"

#include <string.h>

/* Byte-mode building blocks: letters include UTF-8 Latin-1/Latin Extended-A. */
#define LET "[A-Za-z\\x80-\\xbf\\xc3-\\xc5]"
#define UP "(?-i:[A-Z]|\\xc3[\\x80-\\x9e])"
#define NOT_IN_WORD "(?![A-Za-z0-9\\x80-\\xbf])"
#define UPWORD UP LET "{0,24}+(?:(?:'|\\xe2\\x80\\x99|-)" LET "{1,24}+)?" NOT_IN_WORD
#define PARTICLE "(?:de|del|la|las|los|le|les|des|du|da|das|do|dos|di|y|e|von|der|den|van|am|an)"
#define PARTICLE_APOS "(?:[dl](?:'|\\xe2\\x80\\x99))"
/* A street name in a Romance language: "de la Paix", "das Flores", "Paulista". */
#define ROMANCE_NAME \
    "(?:(?:" PARTICLE "\\s+|" PARTICLE_APOS "){0,3}" UPWORD ")" \
    "(?:\\s+(?:(?:" PARTICLE "\\s+|" PARTICLE_APOS "){0,3}" UPWORD ")){0,3}"
/* Numbered things that are not houses: "page 12", "Tier 3", "Windows 11". */
#define NOT_AFTER_LABEL \
    "(?<!" \
    "\\bpage |\\bchapter |\\bsection |\\bstep |\\bphase |\\btier |\\blevel |" \
    "\\bsprint |\\bversion |\\bwindows |\\broom |\\bfloor |\\bitem |\\bweek |\\bday |" \
    "\\btop |\\bticket |\\bissue |\\border |\\bpart " \
    ")"
/* Not a price, time, date, decimal or version ("$12", "10:30", "v1.2").  The
 * digit is looked at first: the lookbehinds are long, and a search tries this
 * at every capital too. */
#define NUM_START "(?=\\d)(?<![\\w.,/$#\\xa3\\xac-])(?<!\\d:)" NOT_AFTER_LABEL
#define HOUSE_NUM "\\d{1,5}(?:\\s?[-\\x2f]\\s?\\d{1,5})?[A-Za-z]?" NOT_IN_WORD
#define NUM_END "(?![.,:/]\\d)"

/* The street types are also read, as words, by cg_next_street_start. */
#define EN_TYPE_WORDS \
    "street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl" \
    "|square|sq|terrace|close|crescent|highway|hwy|parkway|pkwy|circle|gardens|mews|row" \
    "|nagar|marg|salai|chowk"
#define EN_TYPE "(?:" EN_TYPE_WORDS ")\\b\\.?(?!\\s+view\\b)"
/* Brands and devices named like streets: "2 Google Drive folders". */
#define NOT_A_STREET_NAME "(?:google|hard|flash|usb|disk|shared|network)\\s"
/* Each begins with two letters: cg_next_street_start reads them. */
#define FR_TYPE_WORDS \
    "rue|avenue|av\\.|bd\\.?|boulevard|chemin|place|all(?:e|\\xc3\\xa9)e|impasse|quai" \
    "|cours|route|passage"
#define FR_TYPE "(?:" FR_TYPE_WORDS ")\\b"
#define IB_TYPE \
    "(?:calle|c/|cl\\.|avenida|avda\\.?|avd\\.|av\\.|plaza|pza\\.|paseo|carrer|camino|ronda" \
    "|rua|(?-i:R\\.)|travessa|tv\\.|alameda|(?-i:Al\\.)|pra(?:\\xc3\\xa7|c)a|p\\xc3\\xa7\\." \
    "|rodovia|estrada|largo|(?-i:Via|Viale|Piazza|Corso))"
#define GERMANIC_SUFFIX \
    "(?:stra\\xc3\\x9fe|strasse|str\\.|weg|platz|allee|gasse|damm|ufer|chaussee" \
    "|straat|laan|gracht|plein|kade|vej|gade|gatan|v\\xc3\\xa4gen)"
#define GERMANIC_WORD \
    "(?-i:Stra\\xc3\\x9fe|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Damm|Ufer|Ring)"
#define BOX_WORD \
    "(?:p\\.?\\s?o\\.?\\s?box|post\\s+office\\s+box|postfach|apartado(?:\\s+(?:de\\s+)?correos" \
    "|\\s+postal)?|caixa\\s+postal|bo(?:i|\\xc3\\xae)te\\s+postale|postbus" \
    "|casilla(?:\\s+de\\s+correo)?)"

static const char street_pattern[] =
    /* 1: number first, English/Indian street type last: "221B Baker Street". */
    "(" NUM_START HOUSE_NUM ",?\\s+"
    "(?:(?!" NOT_A_STREET_NAME ")(?:" UPWORD "|\\d{1,3}(?:st|nd|rd|th))\\s+){1,4}?" EN_TYPE ")"
    /* 2: number first, French type next: "12, rue de la Paix". */
    "|(" NUM_START HOUSE_NUM ",?\\s+" FR_TYPE "\\s+" ROMANCE_NAME ")"
    /* 3: type, name, number: "Calle Mayor 5", "Rua das Flores, 123", "Av. Paulista 1000". */
    "|((?<![\\w/.])" IB_TYPE "\\s*" ROMANCE_NAME ",?\\s+(?:(?:n[.o]{0,2}|n\\xc2\\xb0|n\\xc3\\xbam\\.?"
    "|nr\\.?)\\s*)?\\d{1,5}[A-Za-z]?" NOT_IN_WORD NUM_END ")"
    /* 4: Germanic name, number: "Musterstraße 12", "Hauptstr. 5", "Berliner Straße 3a". */
    "|((?<![A-Za-z\\x80-\\xbf])(?:" UP LET "{0,30}?" GERMANIC_SUFFIX "|" UPWORD "\\s+" GERMANIC_WORD ")"
    "\\s?\\d{1,3}[a-z]?(?:\\s?[-\\x2f]\\s?\\d{1,3}[a-z]?)?" NOT_IN_WORD NUM_END ")"
    /* 5: PO box: "P.O. Box 123", "Postfach 10 02 03", "Caixa Postal 45". */
    "|((?<![\\w])" BOX_WORD "\\s*(?:n[.o]{0,2}\\s*)?\\d{1,6}(?:\\s\\d{2}){0,2}" NOT_IN_WORD ")"
    /* 6: no number, counted only before a postcode: "MG Road, Bengaluru 560001". */
    "|((?<![\\w])(?:(?!" NOT_A_STREET_NAME ")" UPWORD "\\s+){1,3}?" EN_TYPE ")";

/* Between the street line and the postcode: parts like "Suite 200", "Apt 3B", "3º B". */
#define TAIL_SEP "(?:\\s*(?:,|\\\\,|;|\\n)\\s*|\\s+(?:-|\\xe2\\x80\\x93)\\s+)"
#define TAIL_PART "[^,;\\n\\\\]{1,48}+"
#define CITY \
    UPWORD "(?:[ -]+(?:(?:am|an|der|de|del|da|do|dos|das|la|le|sur|upon|on)[ -]+)?" UPWORD "){0,2}"

static const char postcode_tail_pattern[] =
    "\\G(?:" TAIL_SEP TAIL_PART "){0,4}?(?:" TAIL_SEP "|\\s+)(?:"
    "(?-i:(?:[A-Z]{1,2}-)?\\d{5}\\s+" CITY ")"                              /* 10115 Berlin */
    /* 1012 AB Amsterdam, but not a year */
    "|(?-i:(?!(?:19|20)\\d\\d )\\d{4}(?:\\s?[A-Z]{2})?\\s+" CITY ")"
    "|(?-i:(?:" CITY ",?\\s+)?[A-Z]{2},?\\s+\\d{5}(?:-\\d{4})?)"              /* Springfield, IL 62704 */
    "|(?-i:(?:" CITY ",?\\s+)?(?:[A-Z]{2}\\s+)?[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)" /* Toronto, ON M5V 2T6 */
    "|(?-i:(?:" CITY ",?\\s+)?[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})"          /* London NW1 6XE */
    "|(?:cep:?\\s*)?\\d{5}-\\d{3}"                                           /* 01234-567 */
    "|(?-i:" CITY "\\s*(?:-\\s*)?[1-9]\\d{2}\\s?\\d{3})"                      /* Bengaluru 560001 */
    ")" NOT_IN_WORD;

/* A city on its own closing the address: "221B Baker Street, London." */
static const char city_tail_pattern[] =
    "\\G(?:" TAIL_SEP TAIL_PART "){0,2}?" TAIL_SEP "(?-i:" CITY ")"
    "(?=\\s*(?:[,.;)\\n]|\\\\,|$|\\s(?:-|\\xe2\\x80\\x93)\\s))";

/* Words before a street line that say it is an address. */
static const char context_pattern[] =
    "(?<![A-Za-z])(?:address|adress|addr\\.|located\\s+at|we(?:'|\\xe2\\x80\\x99)?re\\s+at"
    "|(?:office|studio|shop|house|home)\\s+is\\s+(?:at|on)|find\\s+(?:us|me)\\s+at"
    "|come\\s+(?:to|by|over)|(?:stop|drop|swing)\\s+by|visit\\s+(?:us|me)|meet\\s+(?:us|me)?\\s*at"
    "|(?:send|mail|post|ship|deliver)\\s+(?:it|them|me|us|the\\s+\\w+)?\\s*(?:to|at)"
    "|i\\s+live\\s+(?:at|on)|location\\s*:|direcci(?:o|\\xc3\\xb3)n|domicilio|endere(?:c|\\xc3\\xa7)o"
    "|morada|adresse|anschrift|indirizzo|vorbei|wohne)";

/* vCard "ADR;TYPE=work:;;123 Main St;Springfield;IL;62704;USA". */
static const char vcard_pattern[] =
    "(?:^|\\n)(?:[\\w-]{1,20}\\.)?adr(?:;[^:\\n]{0,120})?:([^\\n]{1,300})";

#define CONTEXT_WINDOW 150
#define MAX_FINDINGS_PER_TEXT 64

static size_t next_line_start(void *data, const char *s, size_t len, size_t from);

typedef struct {
    cg_filtered_regex *street;       /* tried where cg_next_street_start says */
    cg_street_starts *street_starts; /* what it reads */
    cg_filtered_regex *vcard;        /* tried at the start and at line breaks */
    cg_regex *postcode_tail, *city_tail, *context;
} address_state;

static void
address_free(void *state)
{
    address_state *st = state;
    cg_filtered_regex_free(st->street);
    cg_filtered_regex_free(st->vcard);
    cg_regex_free(st->postcode_tail);
    cg_regex_free(st->city_tail);
    cg_regex_free(st->context);
    cg_street_starts_free(st->street_starts);
    g_free(st);
}

static void *
address_compile(const cg_config *cfg, cg_filter_group *group G_GNUC_UNUSED, GError **error)
{
    (void)cfg;
    address_state *st = g_new0(address_state, 1);
    st->street_starts = cg_street_starts_new(EN_TYPE_WORDS, FR_TYPE_WORDS);
    if (!(st->street = cg_filtered_regex_new_with(street_pattern, CG_RE_CASELESS,
                                                  cg_next_street_start, error)) ||
        !(st->postcode_tail = cg_regex_new(postcode_tail_pattern, CG_RE_CASELESS, error)) ||
        !(st->city_tail = cg_regex_new(city_tail_pattern, CG_RE_CASELESS, error)) ||
        !(st->context = cg_regex_new(context_pattern, CG_RE_CASELESS, error)) ||
        !(st->vcard = cg_filtered_regex_new_with(vcard_pattern, CG_RE_CASELESS, next_line_start,
                                                 error))) {
        address_free(st);
        return NULL;
    }
    return st;
}

static gboolean
context_before(const address_state *st, const char *s, size_t start)
{
    size_t from = start > CONTEXT_WINDOW ? start - CONTEXT_WINDOW : 0;
    gssize ov[2];
    return cg_regex_find(st->context, s, start, from, ov, 1);
}

/* A vCard address value needs a street or box part and one more part. */
static gboolean
vcard_value_is_address(const char *s, gssize a, gssize b)
{
    int filled = 0;
    gboolean in_part = FALSE, digit = FALSE;
    for (gssize i = a; i <= b; i++) {
        if (i == b || s[i] == ';') {
            filled += in_part;
            in_part = FALSE;
        } else if (!g_ascii_isspace(s[i])) {
            in_part = TRUE;
            digit |= g_ascii_isdigit(s[i]) != 0;
        }
    }
    return filled >= 2 && digit;
}

/* The bytes of a vCard property group name ("item1" of "item1.ADR"). */
static const gboolean group_name_byte[256] = {
    ['0' ... '9'] = TRUE, ['A' ... 'Z'] = TRUE, ['a' ... 'z'] = TRUE, ['_'] = TRUE, ['-'] = TRUE,
};

/* "adr" caseless at q: c | 0x20 is 'a' for 'a' and 'A' only. */
static gboolean
adr_at(const char *s, size_t len, size_t q)
{
    return len - q >= 3 && (s[q] | 0x20) == 'a' && (s[q + 1] | 0x20) == 'd' &&
           (s[q + 2] | 0x20) == 'r';
}

/* The bytes of x outside group_name_byte. */
static inline mask16
not_group_name_bytes16(bytes16 x)
{
    return ~(ascii_letters16(x) | ascii_digits16(x) | (x == '_') | (x == '-'));
}

/* Whether a vCard ADR property can begin at q: "adr" after an optional
 * "group." (the pattern's own prefix, read in C: PCRE2 looked ahead for the
 * required ':' from every line break, up to thousands of bytes each).  It
 * runs at every line, so the bytes are compared inline, and the first
 * sixteen of the group name at once: nearly every line's first word ends
 * there. */
static gboolean
adr_property_at(const char *s, size_t len, size_t q)
{
    if (adr_at(s, len, q))
        return TRUE;
    size_t g = q, group_end = MIN(len, q + 20);
    if (len - q >= 16) {
        guint other = mask16_bits(not_group_name_bytes16(load16(s + q)));
        if (other)
            group_end = g = q + (size_t)__builtin_ctz(other);     /* the name ends there */
        else
            g = q + 16;
    }
    while (g < group_end && group_name_byte[(guchar)s[g]])
        g++;
    return g > q && g < len && s[g] == '.' && adr_at(s, len, g + 1);
}

/* A vCard line starts at the start of the text or at a line break. */
static size_t
next_line_start(void *data, const char *s, size_t len, size_t from)
{
    (void)data;
    if (from == 0 && adr_property_at(s, len, 0))
        return 0;
    for (size_t p = MAX(from, 1) - 1; p < len; p++) {
        const char *nl = memchr(s + p, '\n', len - p);
        if (!nl)
            break;
        p = (size_t)(nl - s);
        if (p >= from && adr_property_at(s, len, p + 1))
            return p;
    }
    return len + 1;
}

static void
scan_vcard(const address_state *st, const cg_text *text, GPtrArray *findings)
{
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[4];
    while (cg_filtered_regex_find(st->vcard, NULL, s, len, pos, ov, 2)) {
        pos = (size_t)ov[1];
        if (vcard_value_is_address(s, ov[2], ov[3]))
            g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "address", "address.vcard",
                                                     text, ov[2], ov[3], 0.9));
    }
}

static void
address_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const address_state *st = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    unsigned found = 0;
    gssize ov[14], tail[2];

    scan_vcard(st, text, findings);
    while (found < MAX_FINDINGS_PER_TEXT &&
           cg_filtered_regex_find(st->street, st->street_starts, s, len, pos, ov, 7)) {
        gboolean box = ov[10] >= 0, numberless = ov[12] >= 0;
        size_t start = (size_t)ov[0], end = (size_t)ov[1];
        const char *rule;
        double score;
        pos = end;
        if (cg_regex_find(st->postcode_tail, s, len, end, tail, 1)) {
            rule = box ? "address.po-box" : numberless ? "address.street-postcode" : "address.postal";
            score = numberless ? 0.85 : 0.9;
            end = (size_t)tail[1];
        } else if (numberless) {
            continue;           /* "Main Street" the product, "Street View" */
        } else if (cg_regex_find(st->city_tail, s, len, end, tail, 1)) {
            rule = box ? "address.po-box" : "address.street-city";
            score = 0.85;
            end = (size_t)tail[1];
        } else if (context_before(st, s, start)) {
            rule = "address.street-context";
            score = 0.65;
        } else {
            rule = box ? "address.po-box-alone" : "address.street";
            score = box ? 0.45 : 0.5;
        }
        g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "address", rule, text,
                                                 start, end, score));
        found++;
        pos = end;
    }
}

const cg_contact_family cg_family_address = {
    .name = "address",
    .compile = address_compile,
    .scan = address_scan,
    .free = address_free,
};
