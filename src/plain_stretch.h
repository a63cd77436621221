/*
 * plain_stretch.h -- stretches of plain ASCII prose, which the detector view
 * (normalize.h) keeps as they are: whole printable-ASCII tokens separated by
 * lone spaces, LFs or CRLFs (written as LFs), none of them a number written
 * with look-alike letters.  The view's builder copies such a stretch at once
 * instead of character by character.
 */
#ifndef CG_PLAIN_STRETCH_H
#define CG_PLAIN_STRETCH_H

#include <glib.h>

static inline gboolean
is_ascii_graphic(unsigned char c)
{
    return c > ' ' && c < 0x7f;
}

static inline gboolean
is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Whether the printable-ASCII token of n bytes at s is a number written with
 * look-alike letters ("1O0", "l0l"), which the view folds to digits: digits
 * and at least one of O, o, l or I, as many digits at least, no other letter. */
gboolean cg_ascii_lookalike_number(const char *s, size_t n);

/* The length of the plain stretch at p, a printable ASCII byte that starts a
 * token, up to end; 0 when p does not start one. */
size_t cg_plain_stretch(const char *p, const char *end);

#endif
