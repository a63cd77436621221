/*
 * ascii_words64.h -- eight bytes of text at a time in a 64-bit integer: which
 * are ASCII letters or digits, which are a given byte and which are 0x80 or
 * more, as the high bit of each byte, and those bits gathered into one bit
 * per byte.  Lets a scan step over ordinary words without a branch
 * per byte or per word.
 */
#ifndef CG_ASCII_WORDS64_H
#define CG_ASCII_WORDS64_H

#include <glib.h>
#include <string.h>

#define BYTES64_ONES G_GUINT64_CONSTANT(0x0101010101010101)
#define BYTES64_HIGH (BYTES64_ONES * 0x80)

/* The high bits of those bytes of x, each below 0x80, that are lo or more:
 * no byte's sum carries into the next. */
static inline guint64
bytes_at_least(guint64 x, guint8 lo)
{
    return (x + BYTES64_ONES * (guint8)(0x80 - lo)) & BYTES64_HIGH;
}

/* The high bits of the bytes of x that are ASCII letters. */
static inline guint64
ascii_letter_bytes(guint64 x)
{
    guint64 folded = (x & ~BYTES64_HIGH) | BYTES64_ONES * 0x20;
    return bytes_at_least(folded, 'a') & ~bytes_at_least(folded, 'z' + 1) & ~(x & BYTES64_HIGH);
}

/* The high bits of the bytes of x that are ASCII digits. */
static inline guint64
ascii_digit_bytes(guint64 x)
{
    guint64 ascii = x & ~BYTES64_HIGH;
    return bytes_at_least(ascii, '0') & ~bytes_at_least(ascii, '9' + 1) & ~(x & BYTES64_HIGH);
}

/* The high bits of the bytes of x that are ASCII letters or digits. */
static inline guint64
ascii_word_bytes(guint64 x)
{
    return ascii_letter_bytes(x) | ascii_digit_bytes(x);
}

/* The high bits of the bytes of x equal to c: a byte's low seven bits plus
 * 0x7f carry into its high bit unless they are all zero. */
static inline guint64
bytes_equal(guint64 x, guint8 c)
{
    guint64 diff = x ^ BYTES64_ONES * c;
    return ~(((diff & ~BYTES64_HIGH) + BYTES64_ONES * 0x7f) | diff) & BYTES64_HIGH;
}

/* The high bits of the bytes of x as eight bits, the first byte lowest. */
static inline guint64
gather_high_bits(guint64 high)
{
    return ((high >> 7) * G_GUINT64_CONSTANT(0x0102040810204080)) >> 56;
}

static inline guint64
load_le64(const char *s)
{
    guint64 x;
    memcpy(&x, s, 8);
    return GUINT64_FROM_LE(x);
}

static inline guint16
load_le16(const char *s)
{
    guint16 x;
    memcpy(&x, s, 2);
    return GUINT16_FROM_LE(x);
}

/* The index of the first byte marked in a non-zero mask of high bits. */
static inline size_t
first_marked_byte(guint64 high)
{
    return (size_t)__builtin_ctzll(high) / 8;
}

#endif
