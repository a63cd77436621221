/*
 * symbol_trie.h -- a trie of short strings over a small alphabet, laid out
 * as a double array: the child of cell s by symbol c is cell base(s) + c
 * when that cell's check names s.  A step is two loads and no hashing, and
 * the cells near the roots, made first, share few cache lines.  The term
 * filter's second stage (term_filter.c) keeps its prefixes in one.
 *
 * Cells are named by index; adding a child may move the other children of
 * its parent (and grow the array), so only the parent's index and those of
 * cells outside its children stay valid across cg_symbol_trie_add.
 */
#ifndef CG_SYMBOL_TRIE_H
#define CG_SYMBOL_TRIE_H

#include <glib.h>

#define CG_TRIE_SYMBOLS 29         /* symbols are 0 .. CG_TRIE_SYMBOLS - 1 */

typedef struct {
    guint32 check;                 /* the parent's index; 0: a free cell */
    guint32 base;                  /* the children are at base + symbol; 0: none */
    guint64 bits;                  /* what the caller marks the string up to here with */
} cg_trie_cell;

typedef struct {
    cg_trie_cell *cell;
    guint32 size;                  /* cells; every base + CG_TRIE_SYMBOLS fits */
    guint32 max_size;
    guint32 end;                   /* no cell taken from here on */
} cg_symbol_trie;

/* A trie with roots 0 .. roots - 1 (cg_symbol_trie_root) and at most
 * max_size cells. */
void cg_symbol_trie_init(cg_symbol_trie *t, guint roots, guint32 max_size);
void cg_symbol_trie_clear(cg_symbol_trie *t);

/* The child of s by symbol, made when missing; 0 when the trie may grow no
 * more. */
guint32 cg_symbol_trie_add(cg_symbol_trie *t, guint32 s, guint8 symbol);

static inline guint32
cg_symbol_trie_root(guint i)
{
    return 1 + i;                  /* cell 0 is never a node: index 0 means none */
}

/* The child of s by symbol, or 0. */
static inline G_ALWAYS_INLINE guint32
cg_symbol_trie_child(const cg_symbol_trie *t, guint32 s, guint8 symbol)
{
    guint32 base = t->cell[s].base;
    if (!base)
        return 0;
    guint32 c = base + symbol;
    return t->cell[c].check == s ? c : 0;
}

/* The bits of the cells on the path from s spelled by the first n bytes,
 * each read as the symbol symbol_of[byte], ORed; the walk ends where the
 * path leaves the trie.  Always inlined: it runs at most word starts of a
 * scan, and a step is a dozen instructions. */
static inline G_ALWAYS_INLINE guint64
cg_symbol_trie_walk(const cg_symbol_trie *t, guint32 s, const guint8 symbol_of[256],
                    const guint8 *bytes, int n)
{
    const cg_trie_cell *cell = t->cell;
    guint64 bits = 0;
    for (int i = 0; i < n; i++) {
        /* A cell without children has base 0: the cell it names then is
         * one of the first CG_TRIE_SYMBOLS, whose check is never s. */
        guint32 c = cell[s].base + symbol_of[bytes[i]];
        if (cell[c].check != s)
            break;
        bits |= cell[c].bits;
        s = c;
    }
    return bits;
}

#endif
