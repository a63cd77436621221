/*
 * symbol_trie.c -- building a double-array trie (see symbol_trie.h).
 *
 * A child goes at its parent's base plus its symbol.  When that cell is
 * taken, the parent's children move together to a base where all of them
 * and the new one find free cells, and their own children learn their new
 * index.  Bases are sought first-fit among the last SEARCH_WINDOW cells
 * and on past the end: a string of single children takes consecutive
 * cells, and the search costs little.  The cells moves free further back
 * stay unused: a search from the front took 770M steps to build the
 * contact group's trie, and the window costs its tries 40% more cells.
 */
#include "symbol_trie.h"

#include <string.h>

#define SEARCH_WINDOW 64           /* cells before the end a base is sought from */
#define TAKEN_NO_PARENT G_MAXUINT32   /* the check of cell 0 and of the roots */

void
cg_symbol_trie_init(cg_symbol_trie *t, guint roots, guint32 max_size)
{
    t->max_size = MAX(max_size, roots + 1 + CG_TRIE_SYMBOLS);
    t->size = MIN(4096u, t->max_size);
    t->cell = g_new0(cg_trie_cell, t->size);
    for (guint i = 0; i <= roots; i++)
        t->cell[i].check = TAKEN_NO_PARENT;
    t->end = roots + 1;
}

void
cg_symbol_trie_clear(cg_symbol_trie *t)
{
    g_free(t->cell);
    t->cell = NULL;
    t->size = 0;
}

/* Grows the array to `need` cells at least; FALSE past max_size. */
static gboolean
ensure_size(cg_symbol_trie *t, guint32 need)
{
    if (need <= t->size)
        return TRUE;
    if (need > t->max_size)
        return FALSE;
    guint32 size = t->size;
    while (size < need)
        size = (guint32)MIN((guint64)size * 2, t->max_size);
    t->cell = g_renew(cg_trie_cell, t->cell, size);
    memset(t->cell + t->size, 0, (size - t->size) * sizeof *t->cell);
    t->size = size;
    return TRUE;
}

static void
take(cg_symbol_trie *t, guint32 i, cg_trie_cell c)
{
    t->cell[i] = c;
    t->end = MAX(t->end, i + 1);
}

/* The lowest base at which each of the n symbols finds a free cell (want[0]
 * the lowest of them); 0 when the array may not grow so far. */
static guint32
free_base(cg_symbol_trie *t, const guint8 *want, int n)
{
    guint32 from = t->end > SEARCH_WINDOW ? t->end - SEARCH_WINDOW : 0;
    for (guint32 base = MAX(from, want[0] + 1u) - want[0];; base++) {
        if (!ensure_size(t, base + CG_TRIE_SYMBOLS))
            return 0;
        int i = 0;
        while (i < n && t->cell[base + want[i]].check == 0)
            i++;
        if (i == n)
            return base;
    }
}

/* Moves s's children to a base where symbol finds a free cell too: that
 * base, or 0 (nothing moved) when the array is full. */
static guint32
move_children(cg_symbol_trie *t, guint32 s, guint8 symbol)
{
    guint8 want[CG_TRIE_SYMBOLS];
    int n = 0;
    guint32 old = t->cell[s].base;
    for (guint8 c = 0; c < CG_TRIE_SYMBOLS; c++)
        if (c == symbol || (old && t->cell[old + c].check == s))
            want[n++] = c;
    guint32 base = free_base(t, want, n);
    if (!base)
        return 0;
    for (int i = 0; old && i < n; i++) {
        if (want[i] == symbol)
            continue;
        guint32 from = old + want[i], to = base + want[i];
        cg_trie_cell moved = t->cell[from];
        for (guint8 c = 0; moved.base && c < CG_TRIE_SYMBOLS; c++)
            if (t->cell[moved.base + c].check == from)
                t->cell[moved.base + c].check = to;
        t->cell[from] = (cg_trie_cell){ 0 };
        take(t, to, moved);
    }
    t->cell[s].base = base;
    return base;
}

guint32
cg_symbol_trie_add(cg_symbol_trie *t, guint32 s, guint8 symbol)
{
    g_assert(symbol < CG_TRIE_SYMBOLS);
    guint32 found = cg_symbol_trie_child(t, s, symbol);
    if (found)
        return found;
    guint32 base = t->cell[s].base;
    if (!base || t->cell[base + symbol].check) {
        base = move_children(t, s, symbol);
        if (!base)
            return 0;
    }
    take(t, base + symbol, (cg_trie_cell){ .check = s });
    return base + symbol;
}
