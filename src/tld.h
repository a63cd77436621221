/*
 * tld.h -- is this the last label of a real domain name?
 *
 * Every two-letter country code, the generic TLDs seen in mail, and the
 * reserved .test/.example names (used by test data and documentation), but
 * not file extensions such as .png or .js: "logo@2x.png" is no address.
 */
#ifndef CG_TLD_H
#define CG_TLD_H

#include <glib.h>

gboolean cg_tld_known(const char *label, size_t len);

#endif
