/*
 * ascii_bytes16.h -- sixteen bytes of text at a time as a GCC vector: a
 * comparison gives 0xff or 0 in each byte, one SIMD instruction for all
 * sixteen where the machine has them (plain code where it has not).  The
 * result comes back as sixteen bits, one per byte (mask16_bits).  Two
 * loops the scans share: run_end16 finds where a run of a class of bytes
 * ends, next_settled16 the first position a test holds at, both sixteen
 * bytes a step.
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

/* The end of the run of in_run bytes that begins at q: the first byte
 * before end that outside16 marks, end if none.  Sixteen bytes a step, the
 * last fifteen one by one.  Always inlined, and the two tests with it. */
static inline G_ALWAYS_INLINE const char *
run_end16(const char *q, const char *end, mask16 (*outside16)(bytes16), gboolean (*in_run)(guchar))
{
    for (; end - q >= 16; q += 16) {
        guint outside = mask16_bits(outside16(load16(q)));
        if (outside)
            return q + __builtin_ctz(outside);
    }
    while (q < end && in_run((guchar)*q))
        q++;
    return q;
}

/* The first position p from i on, before n, where settle(t, n, p) holds, n
 * if none.  marks(t + p) gives as bits which of the sixteen positions from p
 * may (a superset); it reads from the byte before them to the byte after,
 * so position 0 and the last sixteen are settled one by one.  Most steps
 * mark nothing.  Always inlined, and the two tests with it. */
static inline G_ALWAYS_INLINE size_t
next_settled16(const char *t, size_t n, size_t i, guint (*marks)(const char *),
               gboolean (*settle)(const char *, size_t, size_t))
{
    if (i == 0) {
        if (n == 0 || settle(t, n, 0))
            return 0;
        i = 1;
    }
    for (; i + 17 <= n; i += 16)
        for (guint m = marks(t + i); m; m &= m - 1) {
            size_t p = i + (size_t)__builtin_ctz(m);
            if (settle(t, n, p))
                return p;
        }
    while (i < n && !settle(t, n, i))
        i++;
    return i;
}

/* The bytes of v that are not printable ASCII ('!' to '~'). */
static inline mask16
not_ascii_graphic16(bytes16 v)
{
    return ~bytes16_within(v, '!', '~');
}

static inline gboolean
is_ascii_graphic_byte(guchar c)
{
    return c >= '!' && c <= '~';
}

/* The end of a token of plain ASCII at q: its first byte that is not
 * printable ASCII, end if it runs to there. */
static inline const char *
ascii_graphic_end(const char *q, const char *end)
{
    return run_end16(q, end, not_ascii_graphic16, is_ascii_graphic_byte);
}

#endif
