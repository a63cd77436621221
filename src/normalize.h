/*
 * normalize.h -- the detector view of a text and its map back to the original.
 *
 * Detectors match on a view of each segment in which disguises are undone:
 * NFKC (fullwidth forms, circled digits, ligatures), invisible format
 * characters removed (zero-width, soft hyphen, bidi controls, variation
 * selectors, keycap marks), digits of every script folded to ASCII,
 * Cyrillic/Greek letters that look Latin folded to Latin inside words that
 * mix scripts (a TR39-style skeleton), digit look-alikes (O, l, I, З, Ч...)
 * folded to digits only inside tokens that are otherwise digits, and
 * whitespace runs collapsed to one space (or one newline if the run held a
 * line break), and words spelled out letter by letter ("j o h n") joined.
 * Every view byte maps to the original byte it came from, so a
 * finding can quote the text as written.
 */
#ifndef CG_NORMALIZE_H
#define CG_NORMALIZE_H

#include <glib.h>
#include <stdint.h>

typedef struct {
    char *text;       /* NUL-terminated, valid UTF-8 */
    size_t len;
    uint32_t *map;    /* len + 1 entries: original byte offset of each view byte */
} cg_view;

/* orig must be valid UTF-8 of at most 4 GiB - 1 bytes. */
void cg_view_build(cg_view *view, const char *orig, size_t orig_len);
void cg_view_clear(cg_view *view);

/* Original byte range [*ostart, *oend) of the view range [start, end). */
void cg_view_span(const cg_view *view, size_t start, size_t end, size_t *ostart, size_t *oend);

/* Per-character folds, exposed for the tests and for detectors. */
gboolean cg_char_is_invisible(gunichar c);
gunichar cg_char_latin_skeleton(gunichar c);   /* the Latin look-alike, or c itself */
int cg_char_digit_lookalike(gunichar c);       /* 0-9, or -1 */

#endif
