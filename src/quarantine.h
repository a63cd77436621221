/*
 * quarantine.h -- the quarantine store: one folder per message.
 *
 * An item is DIR/ID/ holding message.eml (the message as received) and
 * meta.json (envelope and verdict).  It is written under a temporary name,
 * fsynced and renamed into place, so a reader sees a whole item or none and
 * a crash never leaves half of one under a real ID.  Folders are 0700 and
 * files 0600: quarantined mail is as private as a mailbox.
 */
#ifndef CG_QUARANTINE_H
#define CG_QUARANTINE_H

#include <gmime/gmime.h>

/* Copy message (from its current position to the end) and meta_json into a
 * new item under dir (created if missing).  Returns the item's ID, or NULL
 * with error; a failure leaves nothing behind. */
char *cg_quarantine_store(const char *dir, const char *queue_id, GMimeStream *message,
                          const char *meta_json, GError **error);

#endif
