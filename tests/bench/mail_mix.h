/*
 * mail_mix.h -- a reproducible mix of generated mail for the milter benchmark.
 *
 * Messages in the MIME shapes of tests/fixtures (plain, alternative,
 * HTML only, base64 and quoted-printable text, Latin-1, attachments,
 * forwarded and nested), sizes spread evenly on a log scale from 2 KB to
 * 1 MB, ordinary marketplace prose with a contact detail in about one
 * message in five.  The same seed gives the same messages.
 */
#ifndef MAIL_MIX_H
#define MAIL_MIX_H

#include <glib.h>

/* n messages (GString *, CRLF line ends, no line starting with '.') made
 * from seed.  With fixed_size > 0 every message is a plain text message of
 * about that many bytes instead of the mix. */
GPtrArray *mail_mix_generate(guint n, guint32 seed, gsize fixed_size);

#endif
