/*
 * contact_phone_stretch.c -- judging a stretch of number tokens that the
 * spelled-number scan (contact_phone_words.c) collected: "o", "oh" and "and"
 * at its edges dropped, its atoms combined into a digit string ("fifty-five"
 * -> 55, "double 0" -> 00, "treinta y cinco" -> 35), and a finding when that
 * is 7-15 digits with at least three spelled as words, not a placeholder,
 * and not after words that make it some other kind of number.
 */
#include "contact_phone_stretch.h"

/* Combine atoms into digits; returns the number of digits, or more than 15 if too many. */
static size_t
combine(const atom *a, size_t n, char *out, size_t cap, size_t *spelled)
{
    size_t nd = 0;
    *spelled = 0;
#define EMIT(v) do { if (nd < cap) out[nd] = (char)('0' + (v)); nd++; } while (0)
    for (size_t i = 0; i < n; i++) {
        const atom *next = i + 1 < n ? &a[i + 1] : NULL;
        const atom *after = i + 2 < n ? &a[i + 2] : NULL;
        if (a[i].word && a[i].kind != A_AND && a[i].kind != A_TIMES)
            (*spelled)++;
        switch (a[i].kind) {
        case A_TIMES:
            if (next && next->kind == A_DIGIT) {
                for (int k = 0; k < a[i].value; k++)
                    EMIT(next->value);
                *spelled += next->word;
                i++;
            }
            break;
        case A_TENS:
            if (next && next->kind == A_DIGIT && next->value > 0) {          /* fifty-five */
                EMIT(a[i].value / 10);
                EMIT(next->value);
                i++;
            } else if (next && next->kind == A_AND && after && after->kind == A_DIGIT) {
                EMIT(a[i].value / 10);                                      /* treinta y cinco */
                EMIT(after->value);
                i += 2;
            } else if (next && next->kind == A_TEEN && a[i].value + next->value < 100) {
                /* soixante-dix; "ninety nineteen" is two numbers, not 109 */
                EMIT((a[i].value + next->value) / 10);
                EMIT(next->value % 10);
                i++;
            } else {
                EMIT(a[i].value / 10);
                EMIT(0);
            }
            break;
        case A_DIGIT:
            if (a[i].word && next && next->kind == A_AND && after && after->kind == A_TENS) {
                EMIT(after->value / 10);                                    /* fünfundfünfzig */
                EMIT(a[i].value);
                i += 2;
            } else {
                EMIT(a[i].value);
            }
            break;
        case A_TEEN:
            EMIT(1);
            EMIT(a[i].value - 10);
            break;
        case A_OH:
            EMIT(0);
            break;
        case A_AND:
            break;
        }
    }
#undef EMIT
    return nd;
}

/* Judge the stretch of tokens spans[0..n) whose atoms are atoms[0..natoms). */
static void
judge_stretch(const cg_text *text, const token_span *spans, size_t n, const atom *atoms,
              size_t natoms, GPtrArray *findings)
{
    /* "o", "oh", "and" at the edges belong to the sentence, not the number. */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        const atom *first = &atoms[spans[lo].first_atom];
        size_t count = (lo + 1 < n ? spans[lo + 1].first_atom : natoms) - spans[lo].first_atom;
        if (count != 1 || (first->kind != A_OH && first->kind != A_AND && first->kind != A_TIMES))
            break;
        lo++;
    }
    while (hi > lo) {
        const atom *last = &atoms[spans[hi - 1].first_atom];
        size_t count = (hi < n ? spans[hi].first_atom : natoms) - spans[hi - 1].first_atom;
        if (count != 1 || (last->kind != A_OH && last->kind != A_AND))
            break;
        hi--;
    }
    if (lo >= hi)
        return;
    size_t from = spans[lo].first_atom, to = hi < n ? spans[hi].first_atom : natoms;
    char digits[16];
    size_t spelled;
    size_t nd = combine(atoms + from, to - from, digits, sizeof digits, &spelled);
    if (nd < 7 || nd > 15 || spelled < 3 || phone_digits_look_fake(digits, nd))
        return;
    phone_context_kind ctx = phone_context(text->view.text, spans[lo].start);
    if (ctx == PHONE_CONTEXT_NOT_PHONE)
        return;
    g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, "phone", "phone.spelled", text,
                                             spans[lo].start, spans[hi - 1].end,
                                             ctx == PHONE_CONTEXT_NONE ? 0.85 : 0.95));
}

void
stretch_judge_and_clear(stretch *st, const cg_text *text, GPtrArray *findings, gboolean shortcut)
{
    /* combine() counts a word at most once towards the three spelled digits
     * a finding needs, so a stretch of fewer words (one "and", a run of
     * digits: most of them) is passed over without judging. */
    gboolean may_be_phone = !shortcut || st->words >= 3;
    if (st->nspans && !st->overflow && may_be_phone)
        judge_stretch(text, st->spans, st->nspans, st->atoms, st->natoms, findings);
    st->nspans = st->natoms = st->words = 0;
    st->overflow = FALSE;
}
