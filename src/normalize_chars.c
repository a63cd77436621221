/*
 * normalize_chars.c -- the per-character folds of the detector view
 * (normalize.h): which characters are invisible, which letters of other
 * scripts look like Latin ones, which look like digits.  Kept apart from the
 * view's builder, which asks them only of characters off its ASCII paths.
 */
#include "normalize.h"

gboolean
cg_char_is_invisible(gunichar c)
{
    if (c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 ||
        c == 0x20E3 || c == 0x17B4 || c == 0x17B5)
        return TRUE;                                /* CGJ, Hangul fillers, keycap, Khmer */
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF))
        return TRUE;                                /* variation selectors */
    return g_unichar_type(c) == G_UNICODE_FORMAT;   /* ZW*, soft hyphen, bidi, BOM, tags */
}

/* Cyrillic, Greek and Latin-extension letters that render like basic Latin. */
gunichar
cg_char_latin_skeleton(gunichar c)
{
    static const struct { gunichar from, to; } table[] = {
        /* Cyrillic capitals and small letters */
        {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'},
        {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
        {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
        {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
        {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},
        {0x04BB, 'h'}, {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},
        /* Greek */
        {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
        {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
        {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'},
        {0x03B9, 'i'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'},
        /* Latin letters that are not in NFKC's reach */
        {0x0131, 'i'}, {0x0237, 'j'}, {0x0251, 'a'}, {0x0261, 'g'}, {0x026A, 'i'},
        {0x1D00, 'a'}, {0x1D04, 'c'}, {0x1D0F, 'o'}, {0x1D1C, 'u'}, {0x1D20, 'v'},
    };
    if (c < 0x0131)
        return c;
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
        if (table[i].from == c)
            return table[i].to;
    return c;
}

/* Characters written in place of digits inside phone numbers. */
int
cg_char_digit_lookalike(gunichar c)
{
    switch (c) {
    case 'O': case 'o': case 0x041E: case 0x043E: case 0x039F: case 0x03BF:
        return 0;
    case 'l': case 'I': case 0x0406: case 0x0456: case 0x04CF:
        return 1;
    case 0x0417: case 0x0437:            /* З з */
        return 3;
    case 0x0427: case 0x0447:            /* Ч ч */
        return 4;
    case 0x0411: case 0x0431: case 0x042C: /* Б б Ь */
        return 6;
    default:
        return -1;
    }
}
