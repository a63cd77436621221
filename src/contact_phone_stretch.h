/*
 * contact_phone_stretch.h -- a stretch of number tokens as the spelled-number
 * scan (contact_phone_words.c) collects it: the atoms its tokens stand for
 * ("fifty" a ten, "double" a times, "y" a connector) and where each token is,
 * and the judgement of a finished stretch (contact_phone_stretch.c).
 */
#ifndef CG_CONTACT_PHONE_STRETCH_H
#define CG_CONTACT_PHONE_STRETCH_H

#include "contact_phone.h"

#define MAX_ATOMS 64        /* a longer stretch is far beyond any phone number */

typedef enum { A_DIGIT, A_TEEN, A_TENS, A_TIMES, A_AND, A_OH } atom_kind;

typedef struct {
    atom_kind kind;
    int value;              /* the digit, 10-19, 20-90, or 2/3 for double/triple */
    gboolean word;          /* spelled as a word, not a digit */
} atom;

typedef struct {
    size_t start, end;      /* view range of the token */
    size_t first_atom;
} token_span;

/*
 * Fixed arrays rather than GArrays: most stretches are one "and" or one run
 * of digits, and a call to grow or empty an array cost more than judging
 * them.  A stretch of more than MAX_ATOMS atoms is never judged, so atoms
 * past the array are only counted, and spans (one atom at least each) fit.
 */
typedef struct {
    atom atoms[MAX_ATOMS + 1];
    size_t natoms;          /* may exceed the array while a token is added */
    size_t words;           /* atoms spelled as words: the stretch spells no more digits */
    token_span spans[MAX_ATOMS + 1];
    size_t nspans;
    gboolean overflow;      /* the stretch outgrew MAX_ATOMS: not a phone number */
} stretch;

static inline gboolean
stretch_is_open(const stretch *st)
{
    return st->nspans || st->natoms || st->overflow;
}

static inline void
stretch_add_atom(stretch *st, atom_kind kind, int value, gboolean word)
{
    if (st->natoms < G_N_ELEMENTS(st->atoms))
        st->atoms[st->natoms] = (atom){kind, value, word};
    st->natoms++;
    st->words += word;
}

/* Add a finding if the stretch is a phone number (unless 'shortcut' says
 * it cannot be one: too few words), then empty it. */
void stretch_judge_and_clear(stretch *st, const cg_text *text, GPtrArray *findings, gboolean shortcut);

#endif
