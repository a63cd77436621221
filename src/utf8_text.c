/*
 * utf8_text.c -- UTF-8 checks that are cheap on mail (see utf8_text.h).
 */
#include "utf8_text.h"
#include "ascii_words64.h"

/* Length of the run at s of bytes 1..0x7F: what g_utf8_validate would pass
 * one at a time.  In a word, the lowest byte that is 0 or has its high bit
 * set is the first to show in ((w - 0x01..) | w) & 0x80..: the bytes below
 * it borrow nothing. */
size_t
cg_ascii_run(const char *s, size_t len)
{
    size_t i = 0;
    for (guint64 w; i + 8 <= len; i += 8) {
        w = load_le64(s + i);
        if (((w - BYTES64_ONES) | w) & BYTES64_HIGH)
            break;
    }
    while (i < len && (guchar)s[i] - 1u < 0x7Fu)
        i++;
    return i;
}

/* Length of the run at s of bytes >= 0x80.  A character never spans an
 * ASCII byte, so validating such a run alone gives what validating the whole
 * text would give there. */
static size_t
high_run(const char *s, size_t len)
{
    size_t i = 0;
    for (guint64 w; i + 8 <= len; i += 8) {
        w = load_le64(s + i);
        if ((w & BYTES64_HIGH) != BYTES64_HIGH)
            break;
    }
    while (i < len && (guchar)s[i] >= 0x80)
        i++;
    return i;
}

gboolean
cg_utf8_validate(const char *s, size_t len, const char **end)
{
    size_t i = 0;
    while ((i += cg_ascii_run(s + i, len - i)) < len) {
        size_t n = high_run(s + i, len - i);
        const char *stop;
        if (n == 0) {                                   /* a NUL */
            if (end)
                *end = s + i;
            return FALSE;
        }
        if (!g_utf8_validate(s + i, (gssize)n, &stop)) {
            if (end)
                *end = stop;
            return FALSE;
        }
        i += n;
    }
    if (end)
        *end = s + len;
    return TRUE;
}
