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
 */
#include "contact.h"
#include "ascii_words64.h"
#include "filtered_regex.h"

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

/* The street types are also read, as words, by next_street_start. */
#define EN_TYPE_WORDS \
    "street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl" \
    "|square|sq|terrace|close|crescent|highway|hwy|parkway|pkwy|circle|gardens|mews|row" \
    "|nagar|marg|salai|chowk"
#define EN_TYPE "(?:" EN_TYPE_WORDS ")\\b\\.?(?!\\s+view\\b)"
/* Brands and devices named like streets: "2 Google Drive folders". */
#define NOT_A_STREET_NAME "(?:google|hard|flash|usb|disk|shared|network)\\s"
/* Each begins with two letters: next_street_start reads them. */
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

typedef struct {
    const char *text;
    size_t len;
} street_word;

#define WORD(w) { w, sizeof w - 1 }

/* The street and box words of IB_TYPE and BOX_WORD by their first letter (see
 * begins_street_or_box_word).  "av" stands for avenida, avda, avd. and av.:
 * all go on with a ROMANCE_NAME or a space, and none of them is cheaper to
 * tell apart. */
static const street_word street_words_a[] = { WORD("av"), WORD("alameda"), WORD("apartado"),
                                              WORD("Al."), { NULL, 0 } };
static const street_word street_words_b[] = { WORD("boite"), WORD("bo\xc3\xaete"), { NULL, 0 } };
static const street_word street_words_c[] = { WORD("calle"), WORD("c/"), WORD("cl."),
                                              WORD("carrer"), WORD("camino"), WORD("caixa"),
                                              WORD("casilla"), WORD("Corso"), { NULL, 0 } };
static const street_word street_words_e[] = { WORD("estrada"), { NULL, 0 } };
static const street_word street_words_l[] = { WORD("largo"), { NULL, 0 } };
static const street_word street_words_p[] = { WORD("plaza"), WORD("pza."), WORD("paseo"),
                                              WORD("pra\xc3\xa7" "a"), WORD("praca"),
                                              WORD("p\xc3\xa7."), WORD("Piazza"), { NULL, 0 } };
static const street_word street_words_r[] = { WORD("ronda"), WORD("rua"), WORD("rodovia"),
                                              WORD("R."), { NULL, 0 } };
static const street_word street_words_t[] = { WORD("travessa"), WORD("tv."), { NULL, 0 } };
static const street_word street_words_v[] = { WORD("Via"), { NULL, 0 } };
static const street_word *const street_words_by_letter[26] = {
    ['a' - 'a'] = street_words_a, ['b' - 'a'] = street_words_b, ['c' - 'a'] = street_words_c,
    ['e' - 'a'] = street_words_e, ['l' - 'a'] = street_words_l, ['p' - 'a'] = street_words_p,
    ['r' - 'a'] = street_words_r, ['t' - 'a'] = street_words_t, ['v' - 'a'] = street_words_v,
};

static size_t next_street_start(void *data, const char *text, size_t len, size_t from);
static size_t next_line_start(void *data, const char *s, size_t len, size_t from);

typedef struct {
    cg_filtered_regex *street; /* tried at the positions of next_street_start */
    cg_filtered_regex *vcard;  /* tried at the start and at line breaks */
    cg_regex *postcode_tail, *city_tail, *context;
    char **en_type_text;       /* EN_TYPE_WORDS, one word each */
    street_word *en_types;     /* the same with their lengths */
    /* By a word's second byte, the first bytes (first_byte_bit) of the
     * street and box words it may go on. */
    guint64 street_word_pairs[256];
    char **fr_types;           /* FR_TYPE_WORDS, one alternative each */
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
    g_strfreev(st->en_type_text);
    g_free(st->en_types);
    g_strfreev(st->fr_types);
    g_free(st);
}

/* The bit of a street or box word's first byte in street_word_pairs: 0..25
 * for 'a'..'z', 26..51 for 'A'..'Z', 63 (never set) for any other byte. */
static inline unsigned
first_byte_bit(guchar c)
{
    return g_ascii_islower(c) ? (unsigned)(c - 'a') : g_ascii_isupper(c) ? 26u + (c - 'A') : 63;
}

/* Marks first then second; both cases of each unless exact. */
static void
mark_word_pair(address_state *st, guchar first, guchar second, gboolean exact)
{
    for (int f = 0; f < (exact ? 1 : 2); f++)
        for (int c = 0; c < (exact ? 1 : 2); c++)
            st->street_word_pairs[c ? (guchar)g_ascii_toupper(second) : second] |=
                G_GUINT64_CONSTANT(1) << first_byte_bit(f ? (guchar)g_ascii_toupper(first) : first);
}

static void
mark_street_word_pairs(address_state *st)
{
    for (int letter = 0; letter < 26; letter++)
        for (const street_word *w = street_words_by_letter[letter]; w && w->text; w++)
            mark_word_pair(st, (guchar)w->text[0], (guchar)w->text[1], g_ascii_isupper(w->text[0]));
    /* "p.o. box", "po box", "p o box", "post...": a '.', a space or an 'o'. */
    for (guint c = 0; c < 256; c++)
        if (c == '.' || c == 'o' || c == ' ' || (c >= '\t' && c <= '\r'))
            mark_word_pair(st, 'p', (guchar)c, FALSE);
}

static void *
address_compile(const cg_config *cfg, GError **error)
{
    (void)cfg;
    address_state *st = g_new0(address_state, 1);
    st->en_type_text = g_strsplit(EN_TYPE_WORDS, "|", -1);
    st->en_types = g_new0(street_word, g_strv_length(st->en_type_text) + 1);
    for (guint i = 0; st->en_type_text[i]; i++)
        st->en_types[i] = (street_word){ st->en_type_text[i], strlen(st->en_type_text[i]) };
    mark_street_word_pairs(st);
    st->fr_types = g_strsplit(FR_TYPE_WORDS, "|", -1);
    if (!(st->street = cg_filtered_regex_new_with(street_pattern, CG_RE_CASELESS,
                                                  next_street_start, error)) ||
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

/* Where a street line can start.  Its alternatives begin with a house number
 * (1, 2: a digit after no word byte and no price, decimal or path mark), a
 * capitalised name (4, 6: a capital, "\xc3\x80".."\xc3\x9e" included, after no
 * ASCII letter) or a caseless street or box word (3, 5: after no word byte;
 * a capital there is a capital as above, a lower-case letter must begin one
 * of the words).  An unanchored search tried every alternative's lookbehinds
 * at every byte; street_may_start then drops the positions where no
 * alternative can reach its street word or house number, which were nearly
 * all capitals and every word beginning like "pl", "pa" or "ca". */
static gboolean
is_space_byte(guchar c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');      /* \s in byte mode */
}

static gboolean
is_word_byte(guchar c)
{
    return g_ascii_isalnum(c) || c == '_';
}

static gboolean
is_let_byte(guchar c)                                 /* LET */
{
    return g_ascii_isalpha(c) || (c >= 0x80 && c <= 0xbf) || (c >= 0xc3 && c <= 0xc5);
}

static gboolean
is_digit_byte(guchar c)
{
    return c >= '0' && c <= '9';
}

static guchar
fold_byte(guchar c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether one of words (ending with a NULL text) begins at p; lower-case
 * words caseless, the others exactly. */
static gboolean
any_word_at(const guchar *s, size_t len, size_t p, const street_word *words)
{
    for (; words->text; words++) {
        const guchar *w = (const guchar *)words->text;
        gboolean caseless = !g_ascii_isupper(w[0]);
        size_t i = 0;
        if (len - p < words->len)
            continue;
        while (i < words->len && (caseless ? fold_byte(s[p + i]) : s[p + i]) == w[i])
            i++;
        if (i == words->len)
            return TRUE;
    }
    return FALSE;
}

/* Whether a street or box word of IB_TYPE or BOX_WORD begins at p: the
 * shortest forms those alternations accept, caseless but for "R.", "Al.",
 * "Via", "Piazza" and "Corso"; "p.o. box" and the "post..." words as a 'p',
 * an optional '.', an optional space and an 'o'. */
static gboolean
street_or_box_word_after_pair(const guchar *s, size_t p, size_t len)
{
    guchar first = fold_byte(s[p]);
    if (first == 'p') {
        size_t q = p + 1;
        if (q < len && s[q] == '.')
            q++;
        if (q < len && is_space_byte(s[q]))
            q++;
        if (q < len && fold_byte(s[q]) == 'o')
            return TRUE;
    }
    return any_word_at(s, len, p, street_words_by_letter[first - 'a']);
}

/* The same, first ruling out by their first two bytes (street_word_pairs)
 * nearly all the words of prose it runs at, without a call. */
static inline gboolean
begins_street_or_box_word(const address_state *st, const guchar *s, size_t p, size_t len)
{
    return p + 1 < len && st->street_word_pairs[s[p + 1]] >> first_byte_bit(s[p]) & 1 &&
           street_or_box_word_after_pair(s, p, len);
}

static size_t
skip_while(const guchar *s, size_t len, size_t q, gboolean (*in_class)(guchar))
{
    while (q < len && in_class(s[q]))
        q++;
    return q;
}

static gboolean
is_not_space_byte(guchar c)
{
    return !is_space_byte(c);
}

/* The longest name word (UPWORD: a capital, 24 letters, an apostrophe or
 * hyphen and 24 more) and the longest letter run before a house number
 * (alternative 4: a capital, 30 letters and "straße"); longer runs are no
 * street, and stopping there keeps a text without spaces linear. */
#define MAX_NAME_WORD 60
#define MAX_LETTER_RUN 48

static size_t
word_end(const guchar *s, size_t len, size_t q, gboolean (*in_class)(guchar), size_t max)
{
    size_t end = skip_while(s, len > q + max ? q + max : len, q, in_class);
    return end == q + max ? len : end;     /* too long: as if the text ended there */
}

/* The word of an EN_TYPE ("Street", "rd"): its whole ASCII word run. */
static gboolean
is_english_street_type(const address_state *st, const guchar *s, size_t len, size_t q)
{
    size_t n = word_end(s, len, q, is_word_byte, sizeof "boulevard") - q;
    for (const street_word *t = st->en_types; t->text; t++)
        if (t->len == n && g_ascii_strncasecmp((const char *)s + q, t->text, n) == 0)
            return TRUE;
    return FALSE;
}

/* Names then an EN_TYPE (alternatives 1 and 6): the type is one of the words
 * after the first, at most max_names on, and every word before it starts with
 * a capital or (numbered streets) a digit and is followed by white space. */
static gboolean
english_type_follows(const address_state *st, const guchar *s, size_t len, size_t word,
                     int max_names)
{
    for (int names = 1; names <= max_names; names++) {
        if (word >= len || !(g_ascii_isupper(s[word]) || s[word] == 0xc3 || is_digit_byte(s[word])))
            return FALSE;
        size_t end = word_end(s, len, word, is_not_space_byte, MAX_NAME_WORD);
        if (end == len)
            return FALSE;
        word = skip_while(s, len, end, is_space_byte);
        if (is_english_street_type(st, s, len, word))
            return TRUE;
    }
    return FALSE;
}

/* Alternative 4 at q: a run of letters (a Germanic suffix or word at its
 * end), an optional '.', an optional space, then the house number. */
static gboolean
number_after_letters(const guchar *s, size_t len, size_t q)
{
    q = word_end(s, len, q, is_let_byte, MAX_LETTER_RUN);
    if (q < len && s[q] == '.')
        q++;
    if (q < len && is_space_byte(s[q]))
        q++;
    return q < len && g_ascii_isdigit(s[q]);
}

/* Alternatives 1 and 2 from the house number at p: where the word after it
 * (and its ",?\s+") starts, or len + 1 if the number cannot be a house. */
static size_t
word_after_house_number(const guchar *s, size_t len, size_t p)
{
    size_t q = skip_while(s, len, p, is_digit_byte);
    if (q - p > 5)
        return len + 1;
    size_t r = q < len && is_space_byte(s[q]) ? q + 1 : q;       /* "12 - 14", "12/3" */
    if (r < len && (s[r] == '-' || s[r] == '/')) {
        r++;
        if (r < len && is_space_byte(s[r]))
            r++;
        size_t e = skip_while(s, len, r, is_digit_byte);
        if (e > r && e - r <= 5)
            q = e;      /* the only way on when the range is there: a space or mark ends no house */
    }
    if (q < len && g_ascii_isalpha(s[q]))
        q++;
    if (q < len && s[q] == ',')
        q++;
    if (q >= len || !is_space_byte(s[q]))
        return len + 1;
    return skip_while(s, len, q, is_space_byte);
}

static gboolean
street_may_start(const address_state *st, const guchar *s, size_t len, size_t p)
{
    if (g_ascii_isdigit(s[p])) {
        size_t word = word_after_house_number(s, len, p);
        if (word >= len)
            return FALSE;
        for (char **t = st->fr_types; *t && word + 1 < len; t++)
            if (fold_byte(s[word]) == (guchar)(*t)[0] && fold_byte(s[word + 1]) == (guchar)(*t)[1])
                return TRUE;
        return english_type_follows(st, s, len, word, 4);
    }
    if (begins_street_or_box_word(st, s, p, len))
        return TRUE;
    if (!g_ascii_isupper(s[p]) && s[p] != 0xc3)
        return FALSE;
    if (number_after_letters(s, len, p))
        return TRUE;
    size_t end = word_end(s, len, p, is_not_space_byte, MAX_NAME_WORD);
    if (end == len)
        return FALSE;
    size_t next = skip_while(s, len, end, is_space_byte);
    return number_after_letters(s, len, next) || english_type_follows(st, s, len, p, 3);
}

/* Whether a street line can start at p: a digit, capital or street or box
 * word where its alternatives allow one, and street_may_start. */
static inline gboolean
street_starts_at(const address_state *st, const guchar *s, size_t len, size_t p)
{
    guchar c = s[p], before = p > 0 ? s[p - 1] : ' ';
    gboolean start;
    if (g_ascii_islower(c))         /* the most frequent: a word of prose */
        start = !is_word_byte(before) && begins_street_or_box_word(st, s, p, len);
    else if (g_ascii_isdigit(c))
        start = !is_word_byte(before) && !(before && strchr(".,/$#-\xa3\xac", before));
    else
        start = (g_ascii_isupper(c) || (c == 0xc3 && p + 1 < len && s[p + 1] >= 0x80 &&
                                        s[p + 1] <= 0x9e)) && !g_ascii_isalpha(before);
    return start && street_may_start(st, s, len, p);
}

/* The bytes of the eight at x (high bits) where street_starts_at may hold:
 * an ASCII letter after no ASCII letter (a capital may follow a digit), a
 * digit after no ASCII letter or digit, a 0xc3 after no ASCII letter.  letter_before and digit_before say
 * (in their highest bit) what the byte before the eight is; they become
 * those of the last of them.  Prose is mostly letters inside words and
 * spaces, none of which is a start. */
static inline guint64
street_start_bytes(guint64 x, guint64 *letter_before, guint64 *digit_before)
{
    guint64 letter = ascii_letter_bytes(x), digit = ascii_digit_bytes(x);
    guint64 after_letter = letter << 8 | *letter_before >> 56;
    guint64 after_digit = digit << 8 | *digit_before >> 56;
    *letter_before = letter;
    *digit_before = digit;
    return (letter | (digit & ~after_digit) | bytes_equal(x, 0xc3)) & ~after_letter;
}

static size_t
next_street_start(void *data, const char *text, size_t len, size_t from)
{
    const address_state *st = data;
    const guchar *s = (const guchar *)text;
    guchar before = from > 0 ? s[from - 1] : ' ';
    guint64 letter_before = g_ascii_isalpha(before) ? BYTES64_HIGH : 0;
    guint64 digit_before = g_ascii_isdigit(before) ? BYTES64_HIGH : 0;
    for (size_t p = from; p < len; p += 64) {
        const char *block = text + p;
        char last[64] = { 0 };      /* the last bytes, and NULs: no start */
        if (len - p < 64)
            block = memcpy(last, block, len - p);
        guint64 may_start = 0;
        for (int k = 0; k < 8; k++)
            may_start |= gather_high_bits(street_start_bytes(load_le64(block + 8 * k),
                                                             &letter_before, &digit_before))
                         << (8 * k);
        for (; may_start; may_start &= may_start - 1) {
            size_t q = p + (size_t)__builtin_ctzll(may_start);
            if (street_starts_at(st, s, len, q))
                return q;
        }
    }
    return len + 1;
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

/* Whether a vCard ADR property can begin at q: "adr" after an optional
 * "group." (the pattern's own prefix, read in C: PCRE2 looked ahead for the
 * required ':' from every line break, up to thousands of bytes each). */
static gboolean
adr_property_at(const char *s, size_t len, size_t q)
{
    size_t g = q;
    while (g < len && g - q < 20 && (g_ascii_isalnum(s[g]) || s[g] == '_' || s[g] == '-'))
        g++;
    if (g > q && g < len && s[g] == '.' && len - (g + 1) >= 3 &&
        g_ascii_strncasecmp(s + g + 1, "adr", 3) == 0)
        return TRUE;
    return len - q >= 3 && g_ascii_strncasecmp(s + q, "adr", 3) == 0;
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
    while (found < MAX_FINDINGS_PER_TEXT && cg_filtered_regex_find(st->street, (void *)st, s, len, pos, ov, 7)) {
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
