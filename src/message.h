/*
 * message.h -- a parsed mail message as an ordered list of UTF-8 text segments.
 *
 * message.c turns raw RFC 5322 bytes into what the detectors read: the decoded
 * Subject and display names, every text part (HTML rendered to text), text
 * attachments and forwarded messages, in message order, each tagged with where
 * it came from.  Binary attachments are recorded but not read.  Limits bound
 * the work; whatever goes over a limit is recorded, never silently dropped.
 */
#ifndef CG_MESSAGE_H
#define CG_MESSAGE_H

#include <gmime/gmime.h>

typedef struct {
    unsigned max_parts;       /* MIME parts visited, all levels together */
    unsigned max_depth;       /* nesting of multiparts and message/rfc822 */
    size_t   max_scan_bytes;  /* decoded text kept for detection, per message */
} cg_limits;

typedef enum {
    CG_SEG_HEADER,      /* Subject, display names */
    CG_SEG_BODY,        /* an inline text part */
    CG_SEG_ATTACHMENT   /* a text part with a file name or disposition attachment */
} cg_segment_origin;

typedef struct {
    char *where;            /* "1.2", "header:Subject", "2.1:notes.txt" */
    cg_segment_origin origin;
    char *content_type;     /* "text/plain"; NULL for headers */
    char *text;             /* valid UTF-8, NUL-terminated */
    size_t len;
} cg_segment;

typedef struct {
    char *where;
    char *content_type;
    char *filename;         /* NULL when the part has none */
} cg_attachment;

typedef struct {
    GMimeMessage *mime;     /* kept for header look-ups */
    char *message_id;       /* without angle brackets; NULL when absent */
    GPtrArray *segments;    /* cg_segment *, message order */
    GPtrArray *attachments; /* cg_attachment *, binary parts not scanned */
    gboolean truncated;     /* some content went over a limit */
    GPtrArray *limits_hit;  /* char *: "max_parts", "max_depth", "max_scan_bytes" */
} cg_message;

/* Default limits: generous for real mail, small enough to bound one message. */
#define CG_DEFAULT_MAX_PARTS      1000
#define CG_DEFAULT_MAX_DEPTH      32
#define CG_DEFAULT_MAX_SCAN_BYTES (8u * 1024 * 1024)

/* Call once per process before parsing (wraps g_mime_init). */
void cg_message_init(void);

cg_message *cg_message_parse_stream(GMimeStream *stream, const cg_limits *limits, GError **error);
cg_message *cg_message_parse_bytes(const char *data, size_t len, const cg_limits *limits, GError **error);
cg_message *cg_message_parse_file(const char *path, const cg_limits *limits, GError **error);
void cg_message_free(cg_message *msg);

/* First value of a top-level header, raw (not decoded); NULL when absent. */
const char *cg_message_header(const cg_message *msg, const char *name);

#define CG_MESSAGE_ERROR cg_message_error_quark()
GQuark cg_message_error_quark(void);

#endif
