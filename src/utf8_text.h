/*
 * utf8_text.h -- UTF-8 checks that are cheap on mail, which is mostly
 * ASCII: runs of ASCII are read eight bytes at a time.
 */
#ifndef CG_UTF8_TEXT_H
#define CG_UTF8_TEXT_H

#include <glib.h>

/* Length of the run at s of bytes 1..0x7F. */
size_t cg_ascii_run(const char *s, size_t len);

/* g_utf8_validate over len bytes (a NUL is invalid, *end is where the text
 * stops being valid); only the runs of bytes of 0x80 or more go to
 * g_utf8_validate. */
gboolean cg_utf8_validate(const char *s, size_t len, const char **end);

#endif
