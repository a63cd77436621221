/*
 * contact_street.c -- where a street line of the address family can start.
 *
 * The street pattern of contact_address.c has six alternatives (numbered
 * there, and below): a house number then a street type (1, 2), a street or
 * box word then a name and number (3, 5), a capitalised Germanic name then a
 * number (4) and capitalised names then a street type (6).  Searching it
 * unanchored tried every alternative's lookbehinds at every byte;
 * cg_next_street_start reads the text sixteen bytes at a time (a GCC
 * vector, ascii_bytes16.h) for the few bytes where one may start and keeps
 * those from which an alternative can reach its street word or house
 * number.  It must stay a superset of the
 * pattern's match starts (tests/test_contact_filter.c compares filtered and
 * plain searches), so every test here is a looser form of the pattern's own.
 */
#include "contact_street.h"
#include "ascii_bytes16.h"
#include "ascii_words64.h"

#include <string.h>

typedef struct {
    const char *text;
    size_t len;
} street_word;

#define WORD(w) { w, sizeof w - 1 }

/* The street and box words of the pattern's IB_TYPE and BOX_WORD by their
 * first letter (see begins_street_or_box_word).  "av" stands for avenida,
 * avda, avd. and av.: all go on with a ROMANCE_NAME or a space, and none of
 * them is cheaper to tell apart. */
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

/* The lower-case letters that begin a caseless street or box word above:
 * 'a' to 'c', 'e', 'l' and the even bytes 'p' to 't' ("Via" is read only
 * with its capital, and capitals are all looked at).  A lower-case letter
 * is a street start only there, so cg_next_street_start leaves out the
 * other word starts of prose; index_street_words checks this agrees with
 * street_words_by_letter. */
static inline mask16
street_word_initials16(bytes16 x)
{
    mask16 a_to_c = bytes16_within(x, 'a', 'c');
    mask16 p_r_t = bytes16_within(x, 'p', 't') & ((x & 1) == 0);
    return a_to_c | (x == 'e') | (x == 'l') | p_r_t;
}

/* A street or box word of at most eight bytes, read from eight bytes of
 * text x at once: it begins there when ((x | fold) & mask) == value.  fold
 * sets the 0x20 bit of the bytes where a caseless word has a lower-case
 * letter ('A' | 0x20 is 'a'), mask keeps the word's own bytes. */
typedef struct {
    guint64 fold, mask, value;
} word_key;

#define MAX_WORDS_BY_LETTER 8
/* The bit of "p.o. box" and the "post..." words in street_word_sets. */
#define BOX_PAIR (1u << MAX_WORDS_BY_LETTER)
/* first_byte_bit's letters: 'a'..'z' then 'A'..'Z'. */
#define FIRST_BYTE_LETTERS 52

struct cg_street_starts {
    char **en_type_text;       /* the English street types, one word each */
    street_word *en_types;     /* the same with their lengths */
    /* By a word's first byte, bit n set when an English type of n bytes
     * begins with it (either case): most capitalised names are ruled out by
     * their first byte and length before the types are compared. */
    guint16 en_type_lengths[256];
    /* By a word's first byte (first_byte_bit) and its second, the street
     * and box words it may be: bit i for street_word_keys[letter][i] and
     * BOX_PAIR, so that a word of prose is ruled out by its first two bytes
     * and one beginning like "pa" or "pl" is compared with that one word. */
    guint16 street_word_sets[FIRST_BYTE_LETTERS][256];
    /* By a lower-case letter and the byte after it, as a little-endian
     * load of the two gives them, whether street_word_sets has any word for
     * them: the first test at every lower-case mark, one load with no
     * arithmetic on the bytes (only 'a'..'z' first, a few kilobytes, are
     * ever read). */
    guint8 may_be_street_word[256 * 256];
    /* The street and box words of street_words_by_letter as word_keys. */
    word_key street_word_keys[26][MAX_WORDS_BY_LETTER];
    /* By a word's second byte, the first bytes of the French types it may
     * go on: bit first_byte_bit(first) of fr_type_pairs[second]. */
    guint64 fr_type_pairs[256];
};

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

/* The index of a word's first byte in street_word_sets and its bit in
 * fr_type_pairs: 0..25
 * for 'a'..'z', 26..51 for 'A'..'Z', 63 (never set) for any other byte. */
static inline unsigned
first_byte_bit(guchar c)
{
    return g_ascii_islower(c) ? (unsigned)(c - 'a') : g_ascii_isupper(c) ? 26u + (c - 'A') : 63;
}

/* Marks first then second in pairs (by second byte); both cases of each
 * unless exact. */
static void
mark_word_pair(guint64 *pairs, guchar first, guchar second, gboolean exact)
{
    for (int f = 0; f < (exact ? 1 : 2); f++)
        for (int c = 0; c < (exact ? 1 : 2); c++)
            pairs[c ? (guchar)g_ascii_toupper(second) : second] |=
                G_GUINT64_CONSTANT(1) << first_byte_bit(f ? (guchar)g_ascii_toupper(first) : first);
}

/* Adds word to the street_word_sets of first then second, as
 * mark_word_pair: both cases of each unless exact.  first is a letter. */
static void
mark_word_set(cg_street_starts *starts, guchar first, guchar second, gboolean exact,
              guint word)
{
    for (int f = 0; f < (exact ? 1 : 2); f++)
        for (int c = 0; c < (exact ? 1 : 2); c++)
            starts->street_word_sets[first_byte_bit(f ? (guchar)g_ascii_toupper(first) : first)]
                                    [c ? (guchar)g_ascii_toupper(second) : second] |= word;
}

/* Lower-case words caseless (none has a capital after its first byte), the
 * others exactly. */
static word_key
word_key_of(const street_word *w)
{
    word_key key = { 0, 0, 0 };
    gboolean caseless = !g_ascii_isupper(w->text[0]);
    g_assert(w->len <= 8);
    for (size_t i = 0; i < w->len; i++) {
        guchar c = (guchar)w->text[i];
        key.mask |= G_GUINT64_CONSTANT(0xff) << (8 * i);
        key.value |= (guint64)c << (8 * i);
        if (caseless && g_ascii_islower(c))
            key.fold |= G_GUINT64_CONSTANT(0x20) << (8 * i);
    }
    return key;
}

static void
index_street_words(cg_street_starts *starts)
{
    for (int letter = 0; letter < 26; letter++) {
        bytes16 initial = { (guint8)('a' + letter) };
        guint count = 0;
        for (const street_word *w = street_words_by_letter[letter]; w && w->text; w++) {
            gboolean exact = g_ascii_isupper(w->text[0]);
            g_assert(exact || street_word_initials16(initial)[0]);
            g_assert(count < MAX_WORDS_BY_LETTER);
            mark_word_set(starts, (guchar)w->text[0], (guchar)w->text[1], exact, 1u << count);
            starts->street_word_keys[letter][count++] = word_key_of(w);
        }
    }
    /* "p.o. box", "po box", "p o box", "post...": a '.', a space or an 'o'. */
    for (guint c = 0; c < 256; c++)
        if (c == '.' || c == 'o' || is_space_byte((guchar)c))
            mark_word_set(starts, 'p', (guchar)c, FALSE, BOX_PAIR);
    for (guint first = 'a'; first <= 'z'; first++)
        for (guint second = 0; second < 256; second++)
            starts->may_be_street_word[first | second << 8] =
                starts->street_word_sets[first - 'a'][second] != 0;
}

cg_street_starts *
cg_street_starts_new(const char *en_type_words, const char *fr_type_words)
{
    cg_street_starts *starts = g_new0(cg_street_starts, 1);
    starts->en_type_text = g_strsplit(en_type_words, "|", -1);
    starts->en_types = g_new0(street_word, g_strv_length(starts->en_type_text) + 1);
    for (guint i = 0; starts->en_type_text[i]; i++) {
        street_word *t = &starts->en_types[i];
        *t = (street_word){ starts->en_type_text[i], strlen(starts->en_type_text[i]) };
        g_assert(t->len < 16);
        starts->en_type_lengths[(guchar)t->text[0]] |= 1u << t->len;
        starts->en_type_lengths[(guchar)g_ascii_toupper(t->text[0])] |= 1u << t->len;
    }
    index_street_words(starts);
    char **fr_types = g_strsplit(fr_type_words, "|", -1);
    /* A piece split off inside a group ("\\xc3\\xa9)e" of "all(?:e|...)e")
     * begins no type: the type's first piece holds its first two letters. */
    for (char **t = fr_types; *t; t++)
        if (g_ascii_isalpha((*t)[0]) && g_ascii_isalpha((*t)[1]))
            mark_word_pair(starts->fr_type_pairs, (guchar)(*t)[0], (guchar)(*t)[1], FALSE);
    g_strfreev(fr_types);
    return starts;
}

void
cg_street_starts_free(cg_street_starts *starts)
{
    g_strfreev(starts->en_type_text);
    g_free(starts->en_types);
    g_free(starts);
}

/* The eight bytes at p, NULs past the end: no word has a NUL. */
static inline guint64
eight_bytes_at(const guchar *s, size_t len, size_t p)
{
    char last[8] = { 0 };
    if (len - p >= 8)
        return load_le64((const char *)s + p);
    memcpy(last, s + p, len - p);
    return load_le64(last);
}

/* Whether one of words (as street_word_sets, BOX_PAIR left out) of the
 * first letter keys is x, the eight bytes where a word begins. */
static inline gboolean
is_one_of_words(const word_key *keys, guint words, guint64 x)
{
    for (; words; words &= words - 1) {
        const word_key *key = &keys[__builtin_ctz(words)];
        if (((x | key->fold) & key->mask) == key->value)
            return TRUE;
    }
    return FALSE;
}

/* Whether a street or box word of IB_TYPE or BOX_WORD begins at p, where
 * begins_street_or_box_word found an ASCII letter and the words its first
 * two bytes may begin (words, as street_word_sets): the shortest forms
 * those alternations accept, caseless but for "R.", "Al.", "Via", "Piazza"
 * and "Corso"; "p.o. box" and the "post..." words as a 'p', an optional
 * '.', an optional space and an 'o'. */
static gboolean
street_or_box_word_after_pair(const cg_street_starts *starts, const guchar *s, size_t p,
                              size_t len, guint words)
{
    if (words & BOX_PAIR) {
        size_t q = p + 1;
        if (q < len && s[q] == '.')
            q++;
        if (q < len && is_space_byte(s[q]))
            q++;
        if (q < len && fold_byte(s[q]) == 'o')
            return TRUE;
    }
    words &= ~BOX_PAIR;
    if (!words)
        return FALSE;
    return is_one_of_words(starts->street_word_keys[fold_byte(s[p]) - 'a'], words,
                           eight_bytes_at(s, len, p));
}

/* The same, first ruling out by their first two bytes (street_word_sets)
 * nearly all the words of prose it runs at, without a call. */
static inline gboolean
begins_street_or_box_word(const cg_street_starts *starts, const guchar *s, size_t p,
                          size_t len)
{
    unsigned first = first_byte_bit(s[p]);
    guint words;
    return p + 1 < len && first < FIRST_BYTE_LETTERS &&
           (words = starts->street_word_sets[first][s[p + 1]]) != 0 &&
           street_or_box_word_after_pair(starts, s, p, len, words);
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

/* The bytes of x outside the classes of is_word_byte, is_let_byte and
 * is_not_space_byte, for word_end. */
static inline mask16
not_word_bytes16(bytes16 x)
{
    return ~(ascii_letters16(x) | ascii_digits16(x) | (x == '_'));
}

static inline mask16
not_let_bytes16(bytes16 x)
{
    return ~(ascii_letters16(x) | bytes16_within(x, 0x80, 0xbf) | bytes16_within(x, 0xc3, 0xc5));
}

static inline mask16
space_bytes16(bytes16 x)
{
    return (x == ' ') | bytes16_within(x, '\t', '\r');
}

/* The end of the run of in_class bytes at q, or len if it is max bytes or
 * longer (as if the text ended there).  outside16 marks the bytes not in
 * in_class: names and words are skipped sixteen bytes a step, so that a
 * long run of letters ("XXXX...", a base64 line) costs about an
 * instruction a byte, and their last bytes one by one. */
static inline G_ALWAYS_INLINE size_t
word_end(const guchar *s, size_t len, size_t q, gboolean (*in_class)(guchar),
         mask16 (*outside16)(bytes16), size_t max)
{
    const char *text = (const char *)s;
    size_t limit = len > q + max ? q + max : len;
    size_t end = (size_t)(run_end16(text + q, text + limit, outside16, in_class) - text);
    return end == q + max ? len : end;
}

/* The word of an EN_TYPE ("Street", "rd"): its whole ASCII word run. */
static gboolean
is_english_street_type(const cg_street_starts *starts, const guchar *s, size_t len,
                       size_t q)
{
    if (q >= len || !starts->en_type_lengths[s[q]])
        return FALSE;
    size_t n = word_end(s, len, q, is_word_byte, not_word_bytes16, sizeof "boulevard") - q;
    if (n >= 16 || !(starts->en_type_lengths[s[q]] >> n & 1))
        return FALSE;
    for (const street_word *t = starts->en_types; t->text; t++)
        if (t->len == n && fold_byte(s[q]) == (guchar)t->text[0] &&
            g_ascii_strncasecmp((const char *)s + q, t->text, n) == 0)
            return TRUE;
    return FALSE;
}

/* A word of the names before an EN_TYPE: a capital or (numbered streets) a
 * digit first. */
static gboolean
begins_name(guchar c)
{
    return g_ascii_isupper(c) || c == 0xc3 || is_digit_byte(c);
}

/* The rest of english_type_follows from word, the word after a name: the
 * type is it or one of the more_names words after it, every word before the
 * type a name followed by white space. */
static gboolean
english_type_from(const cg_street_starts *starts, const guchar *s, size_t len, size_t word,
                  int more_names)
{
    for (;;) {
        if (is_english_street_type(starts, s, len, word))
            return TRUE;
        if (more_names-- == 0 || word >= len || !begins_name(s[word]))
            return FALSE;
        size_t end = word_end(s, len, word, is_not_space_byte, space_bytes16, MAX_NAME_WORD);
        if (end == len)
            return FALSE;
        word = skip_while(s, len, end, is_space_byte);
    }
}

/* Names then an EN_TYPE (alternatives 1 and 6): the type is one of the words
 * after the first, at most max_names on, and every word before it starts with
 * a capital or (numbered streets) a digit and is followed by white space. */
static gboolean
english_type_follows(const cg_street_starts *starts, const guchar *s, size_t len, size_t word,
                     int max_names)
{
    if (word >= len || !begins_name(s[word]))
        return FALSE;
    size_t end = word_end(s, len, word, is_not_space_byte, space_bytes16, MAX_NAME_WORD);
    if (end == len)
        return FALSE;
    return english_type_from(starts, s, len, skip_while(s, len, end, is_space_byte),
                             max_names - 1);
}

/* Alternative 4 at q: a run of letters (a Germanic suffix or word at its
 * end), an optional '.', an optional space, then the house number. */
static gboolean
number_after_letters(const guchar *s, size_t len, size_t q)
{
    q = word_end(s, len, q, is_let_byte, not_let_bytes16, MAX_LETTER_RUN);
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

/* Whether a street line can start at p, where one of the pattern's
 * alternatives may begin: a house number (1, 2: a digit after no word byte
 * and no price, decimal or path mark), a capitalised name (4, 6: a capital,
 * "\xc3\x80".."\xc3\x9e" included, after no ASCII letter) or a caseless
 * street or box word (3, 5: after no word byte; a lower-case letter must
 * begin one of the words).  It drops the positions from which no
 * alternative can reach its street word or house number, which were nearly
 * all capitals and every word beginning like "pl", "pa" or "ca". */
static gboolean
street_may_start(const cg_street_starts *starts, const guchar *s, size_t len, size_t p)
{
    if (g_ascii_isdigit(s[p])) {
        size_t word = word_after_house_number(s, len, p);
        if (word >= len)
            return FALSE;
        if (word + 1 < len &&
            starts->fr_type_pairs[s[word + 1]] >> first_byte_bit(s[word]) & 1)
            return TRUE;
        return english_type_follows(starts, s, len, word, 4);
    }
    if (begins_street_or_box_word(starts, s, p, len))
        return TRUE;
    if (!g_ascii_isupper(s[p]) && s[p] != 0xc3)
        return FALSE;
    if (number_after_letters(s, len, p))
        return TRUE;
    size_t end = word_end(s, len, p, is_not_space_byte, space_bytes16, MAX_NAME_WORD);
    if (end == len)
        return FALSE;
    size_t next = skip_while(s, len, end, is_space_byte);      /* after the first name */
    return number_after_letters(s, len, next) || english_type_from(starts, s, len, next, 2);
}

/* The bytes after which no house number starts (NUM_START): a word byte or
 * a price, decimal or path mark. */
static const gboolean ends_no_house_number[256] = {
    ['0' ... '9'] = TRUE, ['A' ... 'Z'] = TRUE, ['a' ... 'z'] = TRUE, ['_'] = TRUE,
    ['.'] = TRUE, [','] = TRUE, ['/'] = TRUE, ['$'] = TRUE, ['#'] = TRUE, ['-'] = TRUE,
    [0xa3] = TRUE, [0xac] = TRUE,
};

/* Whether a street line can start at p, a digit or capital where its
 * alternatives allow one, and street_may_start. */
static inline gboolean
number_or_name_starts_at(const cg_street_starts *starts, const guchar *s, size_t len, size_t p)
{
    guchar c = s[p], before = p > 0 ? s[p - 1] : ' ';
    gboolean start;
    if (g_ascii_isdigit(c))
        start = !ends_no_house_number[before];
    else
        start = (g_ascii_isupper(c) || (c == 0xc3 && p + 1 < len && s[p + 1] >= 0x80 &&
                                        s[p + 1] <= 0x9e)) && !g_ascii_isalpha(before);
    return start && street_may_start(starts, s, len, p);
}

/* Whether a street or box word begins at p, a lower-case letter after no
 * word byte whose first two bytes may_be_street_word lets through; at holds
 * the bytes from p, a NUL after the last.  Those, mostly words like "pa..."
 * or "pl...", are compared here with the one or few street words they may
 * be, without a call. */
static inline gboolean
street_word_starts_at(const cg_street_starts *starts, const guchar *s, size_t len, size_t p,
                      const char *at)
{
    guint words = starts->street_word_sets[(guchar)at[0] - 'a'][(guchar)at[1]];
    if (words & BOX_PAIR || len - p < 8)
        return street_or_box_word_after_pair(starts, s, p, len, words);
    return is_one_of_words(starts->street_word_keys[(guchar)at[0] - 'a'], words,
                           load_le64((const char *)s + p));
}

/* The bytes of x where a street line may start, before being the bytes one
 * earlier, as the bits of mask16_bits: a capital after no ASCII letter (it
 * may follow a digit), a digit after no ASCII letter or digit, a 0xc3 (the
 * first byte of the accented capitals) after no ASCII letter, and the first
 * letter of a lower-case street or box word after no word byte, which are
 * also *words.  Prose is mostly letters inside words and spaces, none of
 * which is a start. */
static inline guint
street_start_marks(bytes16 before, bytes16 x, guint *words)
{
    mask16 letter_before = ascii_letters16(before), digit_before = ascii_digits16(before);
    mask16 first_digit = ascii_digits16(x) & ~digit_before;
    mask16 capital = bytes16_within(x, 'A', 'Z');
    *words = mask16_bits(street_word_initials16(x) &
                         ~(letter_before | digit_before | (before == '_')));
    return *words | mask16_bits((capital | first_digit | (x == 0xc3)) & ~letter_before);
}

size_t
cg_next_street_start(void *data, const char *text, size_t len, size_t from)
{
    const cg_street_starts *starts = data;
    const guchar *s = (const guchar *)text;
    for (size_t p = from; p < len; p += 16) {
        /* The byte before the sixteen at p, those sixteen and the one
         * after (street_word_starts_at reads the second byte of a word).
         * At the ends of the text they come from a copy with NULs after the
         * last byte and a space before the first: neither is a start nor
         * keeps one from being one, as in number_or_name_starts_at.  The
         * true byte before is copied where there is one only to keep the
         * marks few. */
        char edge[18];
        const char *chunk;
        if (p > 0 && len - p > 16) {
            chunk = text + p - 1;
        } else {                        /* filled only here: not on every step */
            edge[0] = p > 0 ? text[p - 1] : ' ';
            memset(edge + 1, 0, 17);
            memcpy(edge + 1, text + p, MIN(len - p, 17));
            chunk = edge;
        }
        /* Most chunks mark none; the others a few, mostly words of prose,
         * which their first two bytes rule out: those are dropped first,
         * without a branch each, and the marks left settled in order. */
        guint words, marks = street_start_marks(load16(chunk), load16(chunk + 1), &words);
        const char *at = chunk + 1;
        marks &= ~words;
        for (guint w = words; w; w &= w - 1) {
            size_t i = (size_t)__builtin_ctz(w);
            marks |= (guint)starts->may_be_street_word[load_le16(at + i)] << i;
        }
        for (; marks; marks &= marks - 1) {
            int i = __builtin_ctz(marks);
            if (words >> i & 1 ? street_word_starts_at(starts, s, len, p + i, at + i)
                               : number_or_name_starts_at(starts, s, len, p + i))
                return p + (size_t)i;
        }
    }
    return len + 1;
}
