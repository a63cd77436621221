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
 *
 * The map is kept as anchors, not one offset per byte: most of a view is
 * the original copied byte for byte, so it is stored only where that stops
 * (a fold, a dropped invisible, a collapsed whitespace run, a joined
 * spelled run).  Between two anchors the view's characters follow the
 * original's one for one; the bytes of a multibyte view character map
 * with its first byte, to the start of the original character.
 */
#ifndef CG_NORMALIZE_H
#define CG_NORMALIZE_H

#include <glib.h>
#include <stdint.h>

/* From view byte `view` on, view character starts map to `orig` plus the
 * distance from `view`, up to the next anchor. */
typedef struct {
    uint32_t view;
    uint32_t orig;
} cg_view_anchor;

typedef struct {
    char *text;                 /* NUL-terminated, valid UTF-8 */
    size_t len;
    cg_view_anchor *anchors;    /* sorted by view; the first is at view 0 */
    size_t n_anchors;
    uint32_t end_orig;          /* where the view's end maps: past its last character */
} cg_view;

/* orig must be valid UTF-8 of at most 4 GiB - 1 bytes. */
void cg_view_build(cg_view *view, const char *orig, size_t orig_len);
void cg_view_clear(cg_view *view);

/* The same view built one character at a time, without the shortcuts that
 * copy plain ASCII whole: for the tests that check they change nothing. */
void cg_view_build_per_char(cg_view *view, const char *orig, size_t orig_len);

/* Original byte offset of view byte i (the view's end for i >= len). */
size_t cg_view_orig_offset(const cg_view *view, size_t i);

/* Original byte range [*ostart, *oend) of the view range [start, end). */
void cg_view_span(const cg_view *view, size_t start, size_t end, size_t *ostart, size_t *oend);

/* Per-character folds, exposed for the tests and for detectors. */
gboolean cg_char_is_invisible(gunichar c);
gunichar cg_char_latin_skeleton(gunichar c);   /* the Latin look-alike, or c itself */
int cg_char_digit_lookalike(gunichar c);       /* 0-9, or -1 */

#endif
