/*
 * plain_stretch.c -- find the stretches of plain ASCII prose that the
 * detector view keeps as they are (see plain_stretch.h), eight bytes a step.
 */
#include "plain_stretch.h"
#include "ascii_words64.h"

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
 * The first byte at or after q that breaks a stretch, end if none.  Eight
 * bytes a step mark the bytes that may: all but printable ASCII and spaces
 * before it, which prose is nearly all made of; breaks_stretch settles the
 * marked ones.  not_graphic is carried from one step to the next, which
 * needs it for the byte after its last.
 */
static const char *
next_stretch_break(const char *q, const char *end)
{
    if (q + 16 <= end) {
        guint64 x = load_le64(q), not_graphic = bytes_not_graphic(x);
        for (; q + 16 <= end; q += 8) {
            guint64 next = load_le64(q + 8), next_not_graphic = bytes_not_graphic(next);
            guint64 not_graphic_after = (not_graphic >> 8) | (next_not_graphic << 56);
            guint64 maybe = not_graphic & (~bytes_equal(x, ' ') | not_graphic_after);
            for (; maybe != 0; maybe &= maybe - 1) {
                const char *r = q + first_marked_byte(maybe);
                if (breaks_stretch(r, end))
                    return r;
            }
            x = next;
            not_graphic = next_not_graphic;
        }
    }
    while (q < end && !breaks_stretch(q, end))
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

/* The first ASCII digit in [q, end), end if none. */
static const char *
next_digit(const char *q, const char *end)
{
    for (; q + 8 <= end; q += 8) {
        guint64 digits = ascii_digit_bytes(load_le64(q));
        if (digits != 0)
            return q + first_marked_byte(digits);
    }
    while (q < end && !g_ascii_isdigit(*q))
        q++;
    return q;
}

/*
 * The length of the stretch at p, a printable ASCII byte starting a token,
 * of whole plain tokens separated by lone spaces, LFs or CRLFs: the view of
 * the stretch is the stretch itself with CRLFs written as LFs, so it is
 * copied at once instead of token by token.  0 when p does not start one.  The bytes it may span are
 * found eight at a time; only tokens with a digit are then looked at, as
 * only those can be numbers written with look-alike letters.
 */
size_t
cg_plain_stretch(const char *p, const char *end)
{
    const char *limit = next_stretch_break(p, end);
    if (limit < end && !is_ascii_space(*limit)) {
        /* The token limit is in is not ASCII: the stretch ends before it. */
        while (limit > p && !is_stretch_separator(limit[-1]))
            limit--;
        if (limit == p)
            return 0;
        limit = separator_start(p, limit - 1);
    }
    for (const char *d = next_digit(p, limit); d < limit; d = next_digit(d, limit)) {
        const char *start = d;
        while (start > p && !is_stretch_separator(start[-1]))
            start--;
        while (d < limit && !is_stretch_separator(*d))
            d++;
        if (cg_ascii_lookalike_number(start, d - start))
            return start > p ? (size_t)(separator_start(p, start - 1) - p) : 0;
    }
    return limit - p;
}
