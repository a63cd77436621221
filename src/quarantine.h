/*
 * quarantine.h -- the quarantine store: one folder per message.
 *
 * An item is DIR/ID/ holding message.eml (the message as received),
 * meta.json (envelope and verdict, written once) and, once someone acted on
 * it, state.json (released, deleted or expired; who and when).  Every file is
 * written under a temporary name, fsynced and renamed into place, so a reader
 * sees a whole item or none and a crash never leaves half of one under a real
 * ID.  State changes hold an flock on the item's folder, so two reviewers (or
 * the CLI and the milter) never both release one message.  Folders are 0700
 * and files 0600: quarantined mail is as private as a mailbox.
 *
 * Listing goes through DIR/.index (see quarantine_index.c): a cache of every
 * item's summary, so a list or a digest reads only the directory and the
 * items that are new or changed, never the messages.
 */
#ifndef CG_QUARANTINE_H
#define CG_QUARANTINE_H

#include <gmime/gmime.h>

#include "json_read.h"

#define CG_QUARANTINE_ERROR cg_quarantine_error_quark()
GQuark cg_quarantine_error_quark(void);
typedef enum {
    CG_QUARANTINE_ERROR_NOT_FOUND,
    CG_QUARANTINE_ERROR_NOT_HELD,     /* released, deleted or expired already */
    CG_QUARANTINE_ERROR_CORRUPT,
} cg_quarantine_error;

typedef enum { CG_QSTATE_HELD, CG_QSTATE_RELEASED, CG_QSTATE_DELETED, CG_QSTATE_EXPIRED } cg_qstate;
const char *cg_qstate_name(cg_qstate state);
gboolean cg_qstate_from_name(const char *name, cg_qstate *out);

/* What a list or a digest shows of an item. */
typedef struct {
    char *id;
    gint64 received;            /* Unix time */
    char *queue_id, *sender, *subject, *flow;
    char **recipients;
    char **categories;          /* the categories in violation */
    double score;               /* the highest of their scores */
    cg_qstate state;
    char *actor;                /* who changed the state; "" while held */
    gint64 acted_at;            /* when; 0 while held */
} cg_qitem;

/* Copy message (from its current position to the end) and meta_json into a
 * new item under dir (created if missing).  Returns the item's ID, or NULL
 * with error; a failure leaves nothing behind. */
char *cg_quarantine_store(const char *dir, const char *queue_id, GMimeStream *message,
                          const char *meta_json, GError **error);

/* An ID as the store makes them: letters, digits, 'T' and '-' only.  Anything
 * else (a path, a dot file) is refused before it reaches the file system. */
gboolean cg_quarantine_id_valid(const char *id);

/* The item's summary from its meta.json and state.json; a missing, damaged
 * or half-written file is an error (CORRUPT) for that item alone. */
cg_qitem *cg_qitem_load(const char *dir, const char *id, GError **error);
void cg_qitem_free(cg_qitem *item);
/* The item's whole meta.json (findings with their excerpts included). */
cg_jv *cg_quarantine_read_meta(const char *dir, const char *id, GError **error);
char *cg_quarantine_message_path(const char *dir, const char *id);

/* Called with the item locked and still held, before its state changes; a
 * FALSE return (with error) leaves the item held. */
typedef gboolean (*cg_qbefore_fn)(const cg_qitem *item, const char *message_path, gpointer data,
                                  GError **error);

/* Move a held item to state (released, deleted or expired) on behalf of
 * actor, after before() succeeded (when given).  Deleting or expiring
 * removes the message and keeps the record.  An item that is not held is
 * refused with NOT_HELD, which is what makes a second release do nothing. */
gboolean cg_quarantine_transition(const char *dir, const char *id, cg_qstate state, const char *actor,
                                  cg_qbefore_fn before, gpointer data, GError **error);

/* Remove an item's folder for good. */
gboolean cg_quarantine_remove(const char *dir, const char *id, GError **error);

/* Every readable item, oldest first (cg_qitem *, owning).  Items that cannot
 * be read are reported in problems (char *, "ID: reason") and left out. */
GPtrArray *cg_quarantine_list(const char *dir, GPtrArray *problems, GError **error);

/* commguardctl expire: held items received more than retention seconds
 * before now become expired (message removed); records acted on more than
 * retention seconds ago are removed.  Counts go to *expired and *removed;
 * failures per item to problems. */
void cg_quarantine_expire(const char *dir, gint64 retention, gint64 now, guint *expired, guint *removed,
                          GPtrArray *problems);

#endif
