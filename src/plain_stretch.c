/*
 * plain_stretch.c -- find the stretches of plain ASCII prose that the
 * detector view keeps as they are (see plain_stretch.h), sixteen bytes a
 * step.
 */
#include "plain_stretch.h"
#include "ascii_bytes16.h"

/* What an ASCII byte counts as when deciding whether a token is a number
 * written with look-alike letters (cg_char_digit_lookalike, for ASCII);
 * a table, as it is asked for every byte of the tokens it looks at. */
enum { ASCII_OTHER, ASCII_DIGIT, ASCII_LOOKALIKE, ASCII_LETTER };

static const guint8 ascii_classes[256] = {
    ['0' ... '9'] = ASCII_DIGIT,
    ['A' ... 'H'] = ASCII_LETTER, ['I'] = ASCII_LOOKALIKE, ['J' ... 'N'] = ASCII_LETTER,
    ['O'] = ASCII_LOOKALIKE, ['P' ... 'Z'] = ASCII_LETTER,
    ['a' ... 'k'] = ASCII_LETTER, ['l'] = ASCII_LOOKALIKE, ['m' ... 'n'] = ASCII_LETTER,
    ['o'] = ASCII_LOOKALIKE, ['p' ... 'z'] = ASCII_LETTER,
};

static inline guint8
ascii_class(unsigned char c)
{
    return ascii_classes[c];
}

gboolean
cg_ascii_lookalike_number(const char *s, size_t n)
{
    size_t digits = 0, lookalikes = 0;
    /* Most tokens are words: the first letter that is not a look-alike
     * settles it. */
    for (size_t i = 0; i < n; i++) {
        switch (ascii_class((unsigned char)s[i])) {
        case ASCII_DIGIT: digits++; break;
        case ASCII_LOOKALIKE: lookalikes++; break;
        case ASCII_LETTER: return FALSE;
        default: break;
        }
    }
    return digits > 0 && lookalikes > 0 && digits >= lookalikes;
}

/*
 * Whether the byte at q ends the bytes a plain stretch may span.  Besides
 * printable ASCII, these are separators the view writes as they are or
 * nearly: a lone space or LF (a whitespace run of one, collapsed to itself)
 * and a CRLF (collapsed to LF) before printable ASCII.
 */
static gboolean
breaks_stretch(const char *q, const char *end)
{
    if (is_ascii_graphic(*q))
        return FALSE;
    if (*q == ' ' || *q == '\n')
        return q + 1 == end || !is_ascii_graphic(q[1]);
    if (*q == '\r')
        return end - q < 3 || q[1] != '\n' || !is_ascii_graphic(q[2]);
    return TRUE;
}

/*
 * 0xff in those of the sixteen bytes at q that may break a stretch or be a
 * digit: the bytes neither printable ASCII nor a space, the digits, and the
 * spaces followed by a byte that is not printable ASCII (another space, a
 * line break, the end of a token that is not ASCII).  Reads the byte after
 * the sixteen, so it needs q + 17 <= end.  A superset of what
 * is_break_or_digit holds for: a marked byte is only a candidate.
 */
static inline mask16
maybe_break_or_digit(const char *q)
{
    bytes16 x = load16(q), after = load16(q + 1);
    mask16 prose = bytes16_within(x, ' ', '~');
    mask16 graphic_after = bytes16_within(after, '!', '~');
    return ~prose | ascii_digits16(x) | ((x == ' ') & ~graphic_after);
}

static gboolean
is_break_or_digit(const char *q, const char *end)
{
    return g_ascii_isdigit(*q) || breaks_stretch(q, end);
}

/*
 * The first byte at or after q that breaks a stretch or is a digit (whose
 * token may be a number written with look-alike letters), end if none.
 * Sixteen bytes a step mark the bytes that may be: all but letters,
 * punctuation and spaces before them, which prose is nearly all made of, so
 * most steps mark nothing; is_break_or_digit settles the marked ones.  The
 * last bytes, too few for a step that also reads the byte after it, go one
 * at a time.
 */
static const char *
next_break_or_digit(const char *q, const char *end)
{
    for (; end - q >= 17; q += 16) {    /* a step reads up to q + 16 */
        guint maybe = mask16_bits(maybe_break_or_digit(q));
        for (; maybe; maybe &= maybe - 1) {     /* most steps: nothing marked */
            const char *at = q + __builtin_ctz(maybe);
            if (is_break_or_digit(at, end))
                return at;
        }
    }
    while (q < end && !is_break_or_digit(q, end))
        q++;
    return q;
}

/* Where the separator at s, inside a stretch starting at p, starts: at the
 * CR of a CRLF. */
static const char *
separator_start(const char *p, const char *s)
{
    return *s == '\n' && s > p && s[-1] == '\r' ? s - 1 : s;
}

static gboolean
is_stretch_separator(char c)
{
    return c == ' ' || c == '\n' || c == '\r';
}

/* The length of a stretch at p that ends before the token at start. */
static size_t
before_token(const char *p, const char *start)
{
    return start > p ? (size_t)(separator_start(p, start - 1) - p) : 0;
}

/*
 * The length of the stretch at p, a printable ASCII byte starting a token,
 * of whole plain tokens separated by lone spaces, LFs or CRLFs: the view of
 * the stretch is the stretch itself with CRLFs written as LFs, so it is
 * copied at once instead of token by token.  0 when p does not start one.
 * Its end is found sixteen bytes a step; only tokens with a digit are looked
 * at closer, as only those can be numbers written with look-alike letters.
 */
size_t
cg_plain_stretch(const char *p, const char *end)
{
    const char *q = p, *start;
    for (;;) {
        q = next_break_or_digit(q, end);
        if (q == end || is_ascii_space(*q))
            return q - p;               /* the break is whitespace after a token */
        start = q;
        while (start > p && !is_stretch_separator(start[-1]))
            start--;
        if (!g_ascii_isdigit(*q))
            return before_token(p, start);   /* the token is not all ASCII */
        q = ascii_graphic_end(q, end);
        if ((q < end && !is_ascii_space(*q)) || cg_ascii_lookalike_number(start, q - start))
            return before_token(p, start);
    }
}
