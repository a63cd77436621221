/*
 * ascii_bytes16.h -- sixteen bytes of text at a time as a GCC vector: a
 * comparison gives 0xff or 0 in each byte, one SIMD instruction for all
 * sixteen where the machine has them (plain code where it has not).  The
 * result comes back as two masks of high bits, eight bytes each, for
 * first_marked_byte (ascii_words64.h).
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

/* The bytes marked in m as high bits: half[0] the first eight, half[1] the
 * next, the first byte lowest in each.  FALSE when none is marked. */
static inline gboolean
mask16_halves(mask16 m, guint64 half[2])
{
    memcpy(half, &m, 2 * sizeof *half);
    half[0] = GUINT64_FROM_LE(half[0]) & BYTES64_HIGH;
    half[1] = GUINT64_FROM_LE(half[1]) & BYTES64_HIGH;
    return (half[0] | half[1]) != 0;
}

/* The index (0 to 15) of the first byte still marked in half, which it
 * clears there; -1 once none is.  A scan settles its marked bytes in
 * order with it. */
static inline int
take_marked16(guint64 half[2])
{
    int k = half[0] ? 0 : 1;
    if (!half[k])
        return -1;
    int i = 8 * k + (int)first_marked_byte(half[k]);
    half[k] &= half[k] - 1;
    return i;
}

/* Whether any byte is marked in m: the test alone, for the loops where most
 * steps mark none and the halves are wanted only when one is. */
static inline gboolean
mask16_any(mask16 m)
{
    guint64 half[2];
    memcpy(half, &m, sizeof half);
    return ((half[0] | half[1]) & BYTES64_HIGH) != 0;
}

/* The bytes marked in m as the low sixteen bits of an int, the first byte
 * lowest: one instruction (pmovmskb) where the machine has SSE2, where
 * mask16_halves takes several.  A scan with many marked bytes settles them
 * with the bit tricks of an int. */
static inline guint
mask16_bits(mask16 m)
{
#ifdef __SSE2__
    return (guint)_mm_movemask_epi8((__m128i)m);
#else
    guint64 half[2];
    mask16_halves(m, half);
    /* The high bit of byte i, moved to bit 0 of it, times the constant
     * lands in bit 56 + i: one multiply gathers the eight. */
    guint64 gather = G_GUINT64_CONSTANT(0x0102040810204080);
    return (guint)((half[0] >> 7) * gather >> 56) | (guint)((half[1] >> 7) * gather >> 56) << 8;
#endif
}

#endif
