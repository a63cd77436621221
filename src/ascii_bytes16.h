/*
 * ascii_bytes16.h -- sixteen bytes of text at a time as a GCC vector: a
 * comparison gives 0xff or 0 in each byte, one SIMD instruction for all
 * sixteen where the machine has them (plain code where it has not).  The
 * result comes back as sixteen bits, one per byte (mask16_bits), and
 * ascii_graphic_end finds the end of a plain ASCII token with it.
 */
#ifndef CG_ASCII_BYTES16_H
#define CG_ASCII_BYTES16_H

#include "ascii_words64.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef guint8 bytes16 __attribute__((vector_size(16)));
typedef gint8 mask16 __attribute__((vector_size(16)));

static inline bytes16
load16(const char *s)
{
    bytes16 v;
    memcpy(&v, s, sizeof v);
    return v;
}

/* 0xff in the bytes of v from lo to hi, 0 in the others.  Adding 0x80 - lo
 * moves lo..hi to the bottom of the signed bytes and everything else above
 * it, so one signed "less than" tests the whole range: the comparison the
 * machine has, where "greater than" a constant would cost a negation. */
static inline mask16
bytes16_within(bytes16 v, guint8 lo, guint8 hi)
{
    mask16 moved = (mask16)(v + (guint8)(0x80 - lo));
    return moved < (gint8)(hi - lo + 1 - 0x80);
}

/* The ASCII letters of v: setting 0x20 makes capitals small and moves no
 * other byte into 'a' to 'z'. */
static inline mask16
ascii_letters16(bytes16 v)
{
    return bytes16_within(v | 0x20, 'a', 'z');
}

/* The ASCII digits of v. */
static inline mask16
ascii_digits16(bytes16 v)
{
    return bytes16_within(v, '0', '9');
}

/* The bytes marked in m as the low sixteen bits of an int, the first byte
 * lowest: one instruction (pmovmskb) where the machine has SSE2.  A scan
 * tests the int for zero and settles its marked bytes by their trailing
 * zeros (__builtin_ctz), clearing the lowest bit each time. */
static inline guint
mask16_bits(mask16 m)
{
#ifdef __SSE2__
    return (guint)_mm_movemask_epi8((__m128i)m);
#else
    guint64 half[2];
    memcpy(half, &m, sizeof half);
    guint64 first = GUINT64_FROM_LE(half[0]) & BYTES64_HIGH;
    guint64 second = GUINT64_FROM_LE(half[1]) & BYTES64_HIGH;
    return (guint)(gather_high_bits(first) | gather_high_bits(second) << 8);
#endif
}

/* The first byte from q on, before end, that is not printable ASCII ('!'
 * to '~'): the end of a token of plain ASCII, end if it runs to there.
 * Sixteen bytes a step, the last fifteen one by one. */
static inline const char *
ascii_graphic_end(const char *q, const char *end)
{
    for (; end - q >= 16; q += 16) {
        guint other = mask16_bits(~bytes16_within(load16(q), '!', '~'));
        if (other)
            return q + __builtin_ctz(other);
    }
    while (q < end && (guchar)*q >= '!' && (guchar)*q <= '~')
        q++;
    return q;
}

#endif
