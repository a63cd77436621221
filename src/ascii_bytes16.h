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

typedef guint8 bytes16 __attribute__((vector_size(16)));
typedef gint8 mask16 __attribute__((vector_size(16)));

static inline bytes16
load16(const char *s)
{
    bytes16 v;
    memcpy(&v, s, sizeof v);
    return v;
}

/* The ASCII letters of v: setting 0x20 makes capitals small and moves no
 * other byte into 'a' to 'z'. */
static inline mask16
ascii_letters16(bytes16 v)
{
    return (bytes16)((v | 0x20) - 'a') < 26;
}

/* The ASCII digits of v. */
static inline mask16
ascii_digits16(bytes16 v)
{
    return (bytes16)(v - '0') < 10;
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

/* Whether any byte is marked in m: the test alone, for the loops where most
 * steps mark none and the halves are wanted only when one is. */
static inline gboolean
mask16_any(mask16 m)
{
    guint64 half[2];
    memcpy(half, &m, sizeof half);
    return ((half[0] | half[1]) & BYTES64_HIGH) != 0;
}

#endif
