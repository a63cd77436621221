/*
 * contact_phone_words.c -- phone numbers spelled out in words, or mixed words and digits.
 *
 * A token state machine: every word or digit token between separators is
 * turned into atoms (a digit, a teen, a ten, "double"/"triple", a connector
 * like "y"/"und"), tokens such as "fivefive" or "fünfundfünfzig" are split
 * into known number words, and a stretch of such tokens is handed to
 * contact_phone_stretch.c to be combined into a digit string ("fifty-five"
 * -> 55, "double 0" -> 00, "oh" -> 0) and judged.  English, Spanish,
 * Portuguese, French and German.
 */
#include "contact_phone_stretch.h"
#include "ascii_bytes16.h"

#include <string.h>

#define MAX_TOKEN 40        /* longer words are never number words */
#define MAX_GAP 4           /* separator characters between two number tokens */
typedef struct {
    const char *word;
    atom_kind kind;
    int value;
} number_word;

static const number_word number_words[] = {
    /* English */
    {"zero", A_DIGIT, 0}, {"oh", A_OH, 0}, {"o", A_OH, 0}, {"one", A_DIGIT, 1}, {"two", A_DIGIT, 2},
    {"three", A_DIGIT, 3}, {"four", A_DIGIT, 4}, {"five", A_DIGIT, 5}, {"six", A_DIGIT, 6},
    {"seven", A_DIGIT, 7}, {"eight", A_DIGIT, 8}, {"nine", A_DIGIT, 9}, {"ten", A_TEEN, 10},
    {"eleven", A_TEEN, 11}, {"twelve", A_TEEN, 12}, {"thirteen", A_TEEN, 13},
    {"fourteen", A_TEEN, 14}, {"fifteen", A_TEEN, 15}, {"sixteen", A_TEEN, 16},
    {"seventeen", A_TEEN, 17}, {"eighteen", A_TEEN, 18}, {"nineteen", A_TEEN, 19},
    {"twenty", A_TENS, 20}, {"thirty", A_TENS, 30}, {"forty", A_TENS, 40}, {"fifty", A_TENS, 50},
    {"sixty", A_TENS, 60}, {"seventy", A_TENS, 70}, {"eighty", A_TENS, 80}, {"ninety", A_TENS, 90},
    {"double", A_TIMES, 2}, {"triple", A_TIMES, 3}, {"and", A_AND, 0},
    /* Spanish */
    {"cero", A_DIGIT, 0}, {"uno", A_DIGIT, 1}, {"una", A_DIGIT, 1}, {"dos", A_DIGIT, 2},
    {"tres", A_DIGIT, 3}, {"cuatro", A_DIGIT, 4}, {"cinco", A_DIGIT, 5}, {"seis", A_DIGIT, 6},
    {"siete", A_DIGIT, 7}, {"ocho", A_DIGIT, 8}, {"nueve", A_DIGIT, 9}, {"diez", A_TEEN, 10},
    {"once", A_TEEN, 11}, {"doce", A_TEEN, 12}, {"trece", A_TEEN, 13}, {"catorce", A_TEEN, 14},
    {"quince", A_TEEN, 15}, {"dieciséis", A_TEEN, 16}, {"dieciseis", A_TEEN, 16},
    {"diecisiete", A_TEEN, 17}, {"dieciocho", A_TEEN, 18}, {"diecinueve", A_TEEN, 19},
    {"veinte", A_TENS, 20}, {"treinta", A_TENS, 30}, {"cuarenta", A_TENS, 40},
    {"cincuenta", A_TENS, 50}, {"sesenta", A_TENS, 60}, {"setenta", A_TENS, 70},
    {"ochenta", A_TENS, 80}, {"noventa", A_TENS, 90}, {"doble", A_TIMES, 2}, {"y", A_AND, 0},
    /* Portuguese */
    {"um", A_DIGIT, 1}, {"uma", A_DIGIT, 1}, {"dois", A_DIGIT, 2}, {"duas", A_DIGIT, 2},
    {"três", A_DIGIT, 3}, {"quatro", A_DIGIT, 4}, {"sete", A_DIGIT, 7}, {"oito", A_DIGIT, 8},
    {"nove", A_DIGIT, 9}, {"meia", A_DIGIT, 6}, {"dez", A_TEEN, 10}, {"onze", A_TEEN, 11},
    {"doze", A_TEEN, 12}, {"treze", A_TEEN, 13}, {"catorze", A_TEEN, 14}, {"quatorze", A_TEEN, 14},
    {"quinze", A_TEEN, 15}, {"dezesseis", A_TEEN, 16}, {"dezessete", A_TEEN, 17},
    {"dezoito", A_TEEN, 18}, {"dezenove", A_TEEN, 19}, {"vinte", A_TENS, 20},
    {"trinta", A_TENS, 30}, {"quarenta", A_TENS, 40}, {"cinquenta", A_TENS, 50},
    {"sessenta", A_TENS, 60}, {"oitenta", A_TENS, 80}, {"duplo", A_TIMES, 2},
    {"dupla", A_TIMES, 2}, {"triplo", A_TIMES, 3}, {"e", A_AND, 0},
    /* French */
    {"zéro", A_DIGIT, 0}, {"un", A_DIGIT, 1}, {"une", A_DIGIT, 1}, {"deux", A_DIGIT, 2},
    {"trois", A_DIGIT, 3}, {"quatre", A_DIGIT, 4}, {"cinq", A_DIGIT, 5}, {"sept", A_DIGIT, 7},
    {"huit", A_DIGIT, 8}, {"neuf", A_DIGIT, 9}, {"dix", A_TEEN, 10}, {"douze", A_TEEN, 12},
    {"treize", A_TEEN, 13}, {"seize", A_TEEN, 16}, {"vingt", A_TENS, 20}, {"trente", A_TENS, 30},
    {"quarante", A_TENS, 40}, {"cinquante", A_TENS, 50}, {"soixante", A_TENS, 60},
    {"et", A_AND, 0},
    /* German */
    {"null", A_DIGIT, 0}, {"eins", A_DIGIT, 1}, {"ein", A_DIGIT, 1}, {"zwei", A_DIGIT, 2},
    {"zwo", A_DIGIT, 2}, {"drei", A_DIGIT, 3}, {"vier", A_DIGIT, 4}, {"fünf", A_DIGIT, 5},
    {"fuenf", A_DIGIT, 5}, {"sechs", A_DIGIT, 6}, {"sieben", A_DIGIT, 7}, {"acht", A_DIGIT, 8},
    {"neun", A_DIGIT, 9}, {"zehn", A_TEEN, 10}, {"elf", A_TEEN, 11}, {"zwölf", A_TEEN, 12},
    {"zwanzig", A_TENS, 20}, {"dreißig", A_TENS, 30}, {"vierzig", A_TENS, 40},
    {"fünfzig", A_TENS, 50}, {"sechzig", A_TENS, 60}, {"siebzig", A_TENS, 70},
    {"achtzig", A_TENS, 80}, {"neunzig", A_TENS, 90}, {"doppel", A_TIMES, 2}, {"und", A_AND, 0},
};

/* Homophones: digits only inside a run-together token ("for80", "2ate"). */
static const number_word homophones[] = {
    {"for", A_DIGIT, 4}, {"to", A_DIGIT, 2}, {"too", A_DIGIT, 2}, {"ate", A_DIGIT, 8},
};

static gboolean
is_homophone(const number_word *e)
{
    return (uintptr_t)e >= (uintptr_t)homophones
           && (uintptr_t)e < (uintptr_t)(homophones + G_N_ELEMENTS(homophones));
}

/* ASCII: a letter or digit, a separator allowed between number tokens, any
 * other; and the bytes of multi-byte characters. */
enum { BYTE_OTHER, BYTE_GAP, BYTE_ALNUM, BYTE_HIGH };

#define WORD_SLOTS 512      /* a power of two, over twice the words: short probes */
#define START_ROWS 256      /* rows of start_third: pairs that begin a word, and two more */
enum { ROW_REJECT, ROW_ACCEPT };

struct phone_words {
    /* The words by slot_of, open addressing with linear probing; a string
     * hash table cost a key copy and a hash of the whole token per lookup. */
    const number_word *slots[WORD_SLOTS];
    guint8 slot_len[WORD_SLOTS];
    size_t longest;
    gboolean starts[256];   /* bytes a number token can start with */
    guint8 byte_kind[256];  /* BYTE_*: the token loop's test without a call per byte */
    /* Whether a token may be digits and number words, from its first three
     * bytes as they are: start_third[start_row[pair_key(first, second)]][third]
     * (a key a two-byte load gives, one load less per word).  A
     * row for each pair of bytes that begins a word, ROW_ACCEPT where the
     * first two bytes settle it, ROW_REJECT for all others; one lookup
     * without a branch rejects most ordinary words.  Built on the bytes
     * lowered (any byte that ends a token as 0), then spread over every byte
     * that lowers to the same, so that the scan lowers nothing. */
    guint8 start_row[256 * 256];
    guint8 start_third[START_ROWS][256];
    guint rows;
    /* By the first two bytes of every word of two or more, the lengths of
     * those words as bits (bit 31: 31 or more), so only lengths that exist
     * are hashed. */
    guint32 pair_lengths[256][256];
};

/* The index in start_row of the pair a, b: what a little-endian load of
 * the two bytes gives. */
static inline guint
pair_key(guint8 a, guint8 b)
{
    return a | (guint)b << 8;
}

static guint32
length_bit(size_t n)
{
    return 1u << MIN(n, 31);
}

static void
add_pair(phone_words *w, const char *word)
{
    if (word[0] && word[1])
        w->pair_lengths[(guint8)word[0]][(guint8)word[1]] |= length_bit(strlen(word));
}

/* Whether some word of two or more bytes begins with a, b. */
static gboolean
has_pair(const phone_words *w, char a, char b)
{
    return w->pair_lengths[(guint8)a][(guint8)b] != 0;
}

/* Whether some word of n >= 2 bytes begins with a, b. */
static gboolean
may_be_word(const phone_words *w, char a, char b, size_t n)
{
    return (w->pair_lengths[(guint8)a][(guint8)b] & length_bit(n)) != 0;
}

static gboolean
is_gap_char(char c)
{
    switch (c) {
    case ' ': case '\n': case ',': case '.': case '-': case '/': case '(': case ')':
    case '~': case '*': case '|': case ':': case ';':
        return TRUE;
    default:
        return FALSE;
    }
}

static inline guint
slot_of(const char *s, size_t n)
{
    guint h = (guint8)s[0] * 31u + (guint8)s[n - 1] * 131u + (guint)n * 17u;
    if (n > 1)
        h += (guint8)s[1] * 7u;
    return h & (WORD_SLOTS - 1);
}

/* A byte loop: the words are short, and a call to memcmp cost more. */
static inline gboolean
slot_holds(const phone_words *w, guint slot, const char *s, size_t n)
{
    if (w->slot_len[slot] != n)
        return FALSE;
    const char *word = w->slots[slot]->word;
    for (size_t i = 0; i < n; i++)
        if (word[i] != s[i])
            return FALSE;
    return TRUE;
}

/* A later entry for the same word replaces the earlier one. */
static void
add_word(phone_words *w, const number_word *e)
{
    size_t n = strlen(e->word);
    guint slot = slot_of(e->word, n);
    while (w->slots[slot] && !slot_holds(w, slot, e->word, n))
        slot = (slot + 1) & (WORD_SLOTS - 1);
    w->slots[slot] = e;
    w->slot_len[slot] = (guint8)n;
}

static inline const number_word *
lookup(const phone_words *w, const char *s, size_t n)
{
    if (n == 0 || n > MAX_TOKEN)
        return NULL;
    for (guint slot = slot_of(s, n); w->slots[slot]; slot = (slot + 1) & (WORD_SLOTS - 1))
        if (slot_holds(w, slot, s, n))
            return w->slots[slot];
    return NULL;
}

/*
 * Let tokens beginning like word through the start tables (after the words
 * are in: single-byte tokens and digits are set afterwards).  A word of two
 * bytes lets any token with those first two through; a longer one, its
 * third byte and any of 0x80 or more, as lowering may change those.
 */
static void
add_start(phone_words *w, const char *word)
{
    guint8 a = (guint8)word[0], b = (guint8)word[1];
    if (!b || b >= 0x80)
        return;
    if (!word[2]) {
        w->start_row[pair_key(a, b)] = ROW_ACCEPT;
        return;
    }
    guint8 *row = &w->start_row[pair_key(a, b)];
    if (*row == ROW_REJECT) {
        g_assert(w->rows < START_ROWS);
        *row = (guint8)w->rows++;
        memset(w->start_third[*row] + 0x80, 1, 0x80);
    }
    w->start_third[*row][(guint8)word[2]] = 1;
}

/* The start tables, built on lowered bytes, made to take bytes as they are. */
static void
spread_start_tables(phone_words *w)
{
    guint8 key[256];        /* ASCII letters lowered, digits and 0x80 or more kept, others 0 */
    for (int c = 0; c < 256; c++)
        key[c] = c >= 0x80 || g_ascii_isalnum(c) ? (guint8)ascii_lower((char)c) : 0;
    guint8 *by_key = g_memdup2(w->start_row, sizeof w->start_row);
    for (int a = 0; a < 256; a++)
        for (int b = 0; b < 256; b++)
            w->start_row[pair_key(a, b)] = by_key[pair_key(key[a], key[b])];
    g_free(by_key);
    for (guint row = 0; row < w->rows; row++) {
        guint8 third_by_key[256];
        memcpy(third_by_key, w->start_third[row], 256);
        for (int c = 0; c < 256; c++)
            w->start_third[row][c] = third_by_key[key[c]];
    }
}

phone_words *
phone_words_new(void)
{
    phone_words *w = g_new0(phone_words, 1);
    w->rows = ROW_ACCEPT + 1;
    G_STATIC_ASSERT(2 * (G_N_ELEMENTS(number_words) + G_N_ELEMENTS(homophones)) < WORD_SLOTS);
    for (size_t i = 0; i < G_N_ELEMENTS(number_words); i++) {
        add_word(w, &number_words[i]);
        w->longest = MAX(w->longest, strlen(number_words[i].word));
        w->starts[(unsigned char)number_words[i].word[0]] = TRUE;
        add_pair(w, number_words[i].word);
        add_start(w, number_words[i].word);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(homophones); i++) {
        add_word(w, &homophones[i]);
        w->starts[(unsigned char)homophones[i].word[0]] = TRUE;
        add_pair(w, homophones[i].word);
        add_start(w, homophones[i].word);
    }
    for (int c = '0'; c <= '9'; c++)
        w->starts[c] = TRUE;
    for (int c = 0; c < 256; c++)
        w->byte_kind[c] = c >= 0x80 ? BYTE_HIGH : g_ascii_isalnum(c) ? BYTE_ALNUM
                          : is_gap_char((char)c) ? BYTE_GAP : BYTE_OTHER;
    /* A token of one byte is a digit or a whole word; after a digit, or a
     * second byte of 0x80 or more (lowering may change it), token_atoms
     * decides. */
    memset(w->start_third[ROW_ACCEPT], 1, 256);
    for (int a = 0; a < 256; a++) {
        char one = (char)a;
        const number_word *whole = lookup(w, &one, 1);
        if (g_ascii_isdigit(a) || (whole && !is_homophone(whole)))
            w->start_row[pair_key(a, 0)] = ROW_ACCEPT;
        for (int b = 1; b < 256; b++)
            if (g_ascii_isdigit(a) || (w->starts[a] && b >= 0x80))
                w->start_row[pair_key(a, b)] = ROW_ACCEPT;
    }
    spread_start_tables(w);
    return w;
}

void
phone_words_free(phone_words *w)
{
    g_free(w);
}

/*
 * Append the atoms of one lower-cased token; FALSE if it is not made of
 * number words and digits only.  A whole token may be any number word; inside
 * a run-together token ("fiveoh", "2sixseven") single letters are not taken
 * as words, so "tree" or "done" stay words, and homophones ("for80",
 * "2ate") count only there.
 */
static gboolean
token_atoms(const phone_words *w, const char *t, size_t n, stretch *st)
{
    /* Most tokens are ordinary words: unless a single byte, a number word
     * must begin with one of the words' first pairs, which is no hashing. */
    if (n >= 2 && !g_ascii_isdigit(t[0]) && !has_pair(w, t[0], t[1]))
        return FALSE;
    const number_word *whole = n < 2 || may_be_word(w, t[0], t[1], n) ? lookup(w, t, n) : NULL;
    /* A homophone as the whole token comes out the same from the split
     * below, as its only part: taken here without a second lookup. */
    if (whole) {
        stretch_add_atom(st, whole->kind, whole->value, TRUE);
        return TRUE;
    }
    size_t atoms_mark = st->natoms, words_mark = st->words, i = 0;
    while (i < n) {
        if (g_ascii_isdigit(t[i])) {
            stretch_add_atom(st, A_DIGIT, t[i++] - '0', FALSE);
            continue;
        }
        const number_word *part = NULL;
        size_t k = 0;
        if (i + 1 < n && has_pair(w, t[i], t[i + 1]))
            k = MIN(w->longest, n - i);
        for (; k >= 2 && !part; k--)
            if (may_be_word(w, t[i], t[i + 1], k))
                part = lookup(w, t + i, k);
        if (!part || part->kind == A_OH || (part->kind == A_AND && strcmp(part->word, "und") != 0)) {
            st->natoms = atoms_mark;
            st->words = words_mark;
            return FALSE;
        }
        stretch_add_atom(st, part->kind, part->value, TRUE);
        i += k + 1;
    }
    return TRUE;
}

const char *
phone_lower(const char *s, size_t n, char *buf, char **owned)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return *owned = g_utf8_strdown(s, n);
        buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];  /* inline: a call per byte showed */
    }
    buf[n] = 0;
    return buf;
}

static inline gboolean
is_token_char(const char *s, size_t i, size_t len, size_t *width)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *width = 1;
        return g_ascii_isalnum(c);
    }
    const char *next = g_utf8_find_next_char(s + i, s + len);
    *width = (next ? (size_t)(next - s) : len) - i;
    return g_unichar_isalpha(g_utf8_get_char(s + i));
}

static inline void
end_stretch(stretch *st, const cg_text *text, GPtrArray *findings, gboolean shortcuts)
{
    if (stretch_is_open(st))
        stretch_judge_and_clear(st, text, findings, shortcuts);  /* else the usual case: an ordinary word */
}

/* Whether a token beginning at p may be digits and number words: a
 * superset of those token_atoms takes, from the first three bytes. */
static inline gboolean
may_begin_number(const phone_words *w, const char *s, size_t p, size_t len)
{
    guint8 second = p + 1 < len ? (guint8)s[p + 1] : ' ';  /* the end of the text ends the token */
    guint8 third = p + 2 < len ? (guint8)s[p + 2] : ' ';
    return w->start_third[w->start_row[pair_key((guint8)s[p], second)]][third];
}

/*
 * With no stretch open, the tokens that cannot be number words and the
 * separators between them change nothing: the first position from i on where
 * a token may begin a number, sixteen bytes a step (ascii_bytes16.h), the
 * word starts among them found without a branch per byte and each looked up
 * in the start tables until one passes.  A scan goes on from just after the
 * token found and works out the rest of its step again, but only one token
 * in eight or so passes.  It stops at a byte of 0x80 or more (the caller
 * takes that character on; within a token, the rest of it cannot be a number
 * either) and leaves the last bytes to the caller, from the start of a token
 * running into them.  s[i] is not inside a token.  When the token found
 * ends within its step at an ASCII byte, *end is set to that end, so that
 * the caller neither looks for it nor tests the token's start again; else
 * *end is left alone.
 */
static size_t
skip_to_candidate(const phone_words *w, const char *s, size_t i, size_t len, size_t *end)
{
    guint in_token = 0;      /* 1 if the byte before the step is in a token */
    size_t from = i;
    /* Two bytes beyond the step, so that a start's third byte is in the text. */
    for (; i + 18 <= len; i += 16) {
        bytes16 v = load16(s + i);
        guint words = mask16_bits(ascii_letters16(v) | ascii_digits16(v));
        guint starts = words & ~(words << 1 | in_token);
        guint high_bits = mask16_bits((mask16)v < 0);
        if (high_bits)
            starts &= (high_bits & -high_bits) - 1;    /* those before the first high byte */
        const char *step = s + i;
        for (; starts; starts &= starts - 1) {
            size_t at = (size_t)__builtin_ctz(starts);
            if (w->start_third[w->start_row[load_le16(step + at)]][(guint8)step[at + 2]]) {
                guint after = ~words & (0xfffeu << at) & 0xffffu;
                guint stop = after & -after;                /* the first byte after the token */
                if (stop && !(stop & high_bits))
                    *end = i + (guint)__builtin_ctz(stop);
                return i + at;
            }
        }
        if (high_bits)
            return i + (size_t)__builtin_ctz(high_bits);
        in_token = words >> 15;
    }
    /* A token running into the last bytes: back to its start, once per text
     * rather than keeping the last start at every step.  The bytes passed are
     * ASCII, so a letter or digit is a token byte as in the steps. */
    if (in_token)
        while (i > from && g_ascii_isalnum(s[i - 1]))
            i--;
    return i;
}

/* The end of the token whose characters go on at i: sixteen bytes a step
 * while they are ASCII, without a branch per byte or per word; from a
 * multi-byte character on, a character at a time. */
static size_t
token_end(const phone_words *w, const char *s, size_t i, size_t len)
{
    for (; i + 16 <= len; i += 16) {
        bytes16 x = load16(s + i);
        guint high = mask16_bits((mask16)x < 0);
        guint stops = mask16_bits(~(ascii_letters16(x) | ascii_digits16(x))) & ~high;
        if (high & (stops ? (stops & -stops) - 1 : 0xffffu))
            break;
        if (stops)
            return i + (size_t)__builtin_ctz(stops);
    }
    size_t width = 1;
    for (; i < len; i += width) {
        guint8 kind = w->byte_kind[(unsigned char)s[i]];
        width = 1;
        if (kind < BYTE_ALNUM || (kind == BYTE_HIGH && !is_token_char(s, i, len, &width)))
            break;
    }
    return i;
}

/* With 'shortcuts', ordinary words are skipped by the start tables and
 * stretches of too few words are not judged; without, every token and
 * stretch is, for tests to compare. */
static inline void
scan(const phone_words *w, const cg_text *text, GPtrArray *findings, gboolean shortcuts)
{
    const char *s = text->view.text;
    size_t len = text->view.len, i = 0, gap = 0;
    stretch st;
    st.natoms = st.words = st.nspans = 0;
    st.overflow = FALSE;
    while (i < len) {
        size_t end = 0;     /* the token's end, where skip_to_candidate knows it */
        if (shortcuts && !stretch_is_open(&st)) {
            i = skip_to_candidate(w, s, i, len, &end);
            if (i == len)
                break;
        }
        size_t start = i;
        if (!end) {
            guint8 kind = w->byte_kind[(unsigned char)s[i]];
            size_t width = 1;
            if (kind < BYTE_ALNUM || (kind == BYTE_HIGH && !is_token_char(s, i, len, &width))) {
                if (kind != BYTE_GAP || ++gap > MAX_GAP)
                    end_stretch(&st, text, findings, shortcuts);
                i += width;
                continue;
            }
            end = token_end(w, s, i + width, len);
            if (shortcuts && !may_begin_number(w, s, start, len)) {
                i = end;
                gap = 0;
                end_stretch(&st, text, findings, shortcuts);     /* cannot be a number word or digits */
                continue;
            }
        }
        i = end;
        gap = 0;
        char buf[MAX_TOKEN + 1], *owned = NULL;
        const char *lower = i - start <= MAX_TOKEN ? phone_lower(s + start, i - start, buf, &owned) : NULL;
        token_span span = {start, i, st.natoms};
        if (lower && token_atoms(w, lower, owned ? strlen(lower) : i - start, &st)) {
            st.spans[st.nspans++] = span;
            if (st.natoms > MAX_ATOMS) {           /* keep only the flag, not the atoms */
                st.overflow = TRUE;
                st.nspans = st.natoms = st.words = 0;
            }
        } else {
            end_stretch(&st, text, findings, shortcuts);
        }
        g_free(owned);
    }
    end_stretch(&st, text, findings, shortcuts);
}

void
phone_words_scan(const phone_words *w, const cg_text *text, GPtrArray *findings)
{
    scan(w, text, findings, TRUE);
}

void
phone_words_scan_plain(const phone_words *w, const cg_text *text, GPtrArray *findings)
{
    scan(w, text, findings, FALSE);
}
