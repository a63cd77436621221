/*
 * message.c -- parse a mail message into ordered UTF-8 text segments (see message.h).
 *
 * GMime does the MIME work: structure, transfer decoding, RFC 2047.  This
 * file walks the tree in order, decides what is text, converts charsets
 * leniently (bad bytes become U+FFFD, unknown charsets are read as
 * windows-1252), renders HTML, and enforces the limits.
 */
#include "message.h"
#include "html.h"
#include "utf8_text.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <string.h>

G_DEFINE_QUARK(cg-message-error-quark, cg_message_error)

typedef struct {
    cg_message *msg;
    const cg_limits *limits;
    unsigned parts;
    size_t scanned;
} walker;

void
cg_message_init(void)
{
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        g_mime_init();
        g_once_init_leave(&once, 1);
    }
}

static void
segment_free(gpointer p)
{
    cg_segment *s = p;
    g_free(s->where);
    g_free(s->content_type);
    g_free(s->text);
    g_free(s);
}

static void
attachment_free(gpointer p)
{
    cg_attachment *a = p;
    g_free(a->where);
    g_free(a->content_type);
    g_free(a->filename);
    g_free(a);
}

static void
hit_limit(walker *w, const char *which)
{
    w->msg->truncated = TRUE;
    for (guint i = 0; i < w->msg->limits_hit->len; i++)
        if (strcmp(g_ptr_array_index(w->msg->limits_hit, i), which) == 0)
            return;
    g_ptr_array_add(w->msg->limits_hit, g_strdup(which));
}

/* Keep text (takes ownership) within the per-message byte budget. */
static void
add_segment(walker *w, const char *where, cg_segment_origin origin, const char *ctype,
            char *text, size_t len)
{
    size_t room = w->limits->max_scan_bytes - w->scanned;
    if (len == 0) {
        g_free(text);
        return;
    }
    if (len > room) {
        hit_limit(w, "max_scan_bytes");
        const char *end = text + room;
        /* Cut on a character boundary so the segment stays valid UTF-8. */
        while (end > text && (((unsigned char)*end) & 0xC0) == 0x80)
            end--;
        len = end - text;
        if (len == 0) {
            g_free(text);
            return;
        }
        text = g_realloc(text, len + 1);     /* give back what is not scanned */
        text[len] = '\0';
    }
    cg_segment *s = g_new0(cg_segment, 1);
    s->where = g_strdup(where);
    s->origin = origin;
    s->content_type = g_strdup(ctype);
    s->text = text;
    s->len = len;
    w->scanned += len;
    g_ptr_array_add(w->msg->segments, s);
}

static void
add_header_text(walker *w, const char *prefix, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    char *where = prefix ? g_strdup_printf("%s:header:%s", prefix, name)
                         : g_strdup_printf("header:%s", name);
    char *text = g_utf8_make_valid(value, -1);
    add_segment(w, where, CG_SEG_HEADER, NULL, text, strlen(text));
    g_free(where);
}

/* Display names only: addresses in routing headers are not content. */
static void
add_display_names(walker *w, const char *prefix, const char *name, InternetAddressList *list)
{
    if (!list)
        return;
    GString *names = g_string_new(NULL);
    int n = internet_address_list_length(list);
    for (int i = 0; i < n; i++) {
        const char *dn = internet_address_get_name(internet_address_list_get_address(list, i));
        if (dn && *dn) {
            if (names->len)
                g_string_append(names, ", ");
            g_string_append(names, dn);
        }
    }
    add_header_text(w, prefix, name, names->str);
    g_string_free(names, TRUE);
}

static void
add_headers(walker *w, GMimeMessage *m, const char *prefix)
{
    add_header_text(w, prefix, "Subject", g_mime_message_get_subject(m));
    add_display_names(w, prefix, "From", g_mime_message_get_from(m));
    add_display_names(w, prefix, "Reply-To", g_mime_message_get_reply_to(m));
    add_display_names(w, prefix, "To", g_mime_message_get_to(m));
    add_display_names(w, prefix, "Cc", g_mime_message_get_cc(m));
}

static gboolean
is_utf8_name(const char *cs)
{
    return g_ascii_strcasecmp(cs, "utf-8") == 0 || g_ascii_strcasecmp(cs, "utf8") == 0 ||
           g_ascii_strcasecmp(cs, "us-ascii") == 0 || g_ascii_strcasecmp(cs, "ascii") == 0;
}

/* Charsets that iconv reads one byte at a time, with no state, bytes below
 * 0x80 being ASCII: converting a text piece by piece, split anywhere, gives
 * what converting it whole gives, and its ASCII needs no converting. */
static gboolean
is_ascii_based_8bit(const char *iconv_name)
{
    static const char *const prefixes[] = { "iso-8859-", "iso8859-", "windows-125", "cp125", "koi8-" };
    for (size_t k = 0; k < G_N_ELEMENTS(prefixes); k++)
        if (g_ascii_strncasecmp(iconv_name, prefixes[k], strlen(prefixes[k])) == 0)
            return TRUE;
    return FALSE;
}

/* Append the conversion of data to out, replacing undecodable bytes with U+FFFD. */
static void
iconv_append(iconv_t cd, GString *out, const char *data, size_t len)
{
    char buf[4096];
    char *in = (char *)data;
    size_t inleft = len;

    while (inleft > 0) {
        char *o = buf;
        size_t oleft = sizeof buf;
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        g_string_append_len(out, buf, o - buf);
        if (rc == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            g_string_append(out, "\xEF\xBF\xBD");
            if (errno == EINVAL)
                break;               /* truncated sequence at the end */
            in++;
            inleft--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
}

/* Runs of ASCII at least this long are copied rather than converted, in
 * charsets where that is the same (shorter ones cost less than an iconv call). */
#define ASCII_COPY_MIN 32

/* iconv into UTF-8, replacing undecodable bytes with U+FFFD. */
static char *
iconv_lenient(iconv_t cd, gboolean ascii_based, const char *data, size_t len, size_t *out_len)
{
    GString *out = g_string_sized_new(len + len / 2 + 16);
    size_t from = 0;                            /* data[from..i) is still to convert */
    for (size_t i = 0; ascii_based && i < len; i++) {   /* each step ends on a non-ASCII byte */
        size_t n = cg_ascii_run(data + i, len - i);
        if (n >= ASCII_COPY_MIN) {
            iconv_append(cd, out, data + from, i - from);
            g_string_append_len(out, data + i, (gssize)n);
            from = i + n;
        }
        i += n;
    }
    iconv_append(cd, out, data + from, len - from);
    char buf[4096];
    char *o = buf;
    size_t oleft = sizeof buf;
    iconv(cd, NULL, NULL, &o, &oleft);
    g_string_append_len(out, buf, o - buf);
    *out_len = out->len;
    return g_string_free(out, FALSE);
}

/* Decoded part bytes -> valid UTF-8 (newly allocated). */
static char *
to_utf8(const char *data, size_t len, const char *charset, size_t *out_len)
{
    char *text;

    if (!charset || is_utf8_name(charset)) {
        if (cg_utf8_validate(data, len, NULL)) {
            *out_len = len;
            return g_strndup(data, len);
        }
        if (charset) {                      /* labelled UTF-8, but is not */
            text = g_utf8_make_valid(data, len);
            *out_len = strlen(text);
            return text;
        }
        charset = "windows-1252";           /* unlabelled 8-bit text */
    }
    const char *name = g_mime_charset_iconv_name(charset);
    /* Mail labelled Latin-1 routinely uses Windows-1252's curly quotes and dashes. */
    if (g_ascii_strcasecmp(name, "iso-8859-1") == 0 || g_ascii_strcasecmp(name, "latin1") == 0)
        name = "windows-1252";
    iconv_t cd = g_mime_iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) {                /* unknown charset: the likeliest guess */
        name = "windows-1252";
        cd = g_mime_iconv_open("UTF-8", name);
    }
    if (cd == (iconv_t)-1) {
        text = g_utf8_make_valid(data, len);
        *out_len = strlen(text);
        return text;
    }
    char *raw = iconv_lenient(cd, is_ascii_based_8bit(name), data, len, out_len);
    g_mime_iconv_close(cd);
    if (cg_utf8_validate(raw, *out_len, NULL))
        return raw;
    text = g_utf8_make_valid(raw, *out_len);
    g_free(raw);
    *out_len = strlen(text);
    return text;
}

/* to_utf8 for a buffer of ours (len bytes and a NUL), which it frees: text
 * that is already UTF-8 is kept where it is instead of copied. */
static char *
to_utf8_owned(char *data, size_t len, const char *charset, size_t *out_len)
{
    if ((!charset || is_utf8_name(charset)) && cg_utf8_validate(data, len, NULL)) {
        *out_len = len;
        return data;
    }
    char *text = to_utf8(data, len, charset, out_len);
    g_free(data);
    return text;
}

/* A part's content, transfer-decoded and NUL-terminated, at most max bytes
 * of it: a part far larger than max_scan_bytes is never held whole in
 * memory.  *cut says that there was more.  Decoding never makes more bytes
 * than it reads, so a buffer the size of the encoded content takes it all
 * straight from the stream, with no copy and no regrowth. */
static char *
decoded_content(GMimeDataWrapper *content, size_t max, size_t *len, gboolean *cut)
{
    GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
    GMimeStream *decoded = g_mime_stream_filter_new(raw);
    GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
    if (encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
        encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
        GMimeFilter *filter = g_mime_filter_basic_new(encoding, FALSE);
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(decoded), filter);
        g_object_unref(filter);
    }
    g_mime_stream_reset(raw);
    gint64 raw_len = g_mime_stream_length(raw);
    /* One byte past max shows that there is more; one more holds the NUL. */
    size_t size = MIN(raw_len >= 0 ? (size_t)raw_len : 4096, max) + 2;
    char *data = g_malloc(size);
    *len = 0;
    *cut = FALSE;
    for (;;) {
        size_t want = MIN(size - 1 - *len, max + 1 - *len);
        if (want == 0) {                    /* full, yet not past max */
            size = MIN(2 * size, max + 2);
            data = g_realloc(data, size);
            continue;
        }
        ssize_t n = g_mime_stream_read(decoded, data + *len, want);
        if (n <= 0)
            break;
        *len += (size_t)n;
        if (*len > max) {
            *len = max;
            *cut = TRUE;
            break;
        }
    }
    data[*len] = '\0';
    g_object_unref(decoded);
    return data;
}

/* Drop a multibyte character cut short at the end of UTF-8 text, so that a
 * truncated part is not mistaken for text in another charset. */
static void
trim_partial_utf8(char *data, size_t *len)
{
    const char *end;
    if (!cg_utf8_validate(data, *len, &end) && *len - (size_t)(end - data) < 4) {
        *len = (size_t)(end - data);
        data[*len] = '\0';
    }
}

static gboolean
is_text_type(GMimeContentType *ct)
{
    return g_mime_content_type_is_type(ct, "text", "*");
}

static void
walk_part(walker *w, GMimePart *part, const char *path)
{
    GMimeObject *obj = GMIME_OBJECT(part);
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    char *mime_type = g_mime_content_type_get_mime_type(ct);
    const char *filename = g_mime_part_get_filename(part);
    GMimeContentDisposition *disp = g_mime_object_get_content_disposition(obj);
    gboolean attached = filename || (disp && g_mime_content_disposition_is_attachment(disp));
    char *where = filename ? g_strdup_printf("%s:%s", path, filename) : g_strdup(path);

    if (!is_text_type(ct)) {
        cg_attachment *a = g_new0(cg_attachment, 1);
        a->where = g_strdup(path);
        a->content_type = g_strdup(mime_type);
        a->filename = g_strdup(filename);
        g_ptr_array_add(w->msg->attachments, a);
    } else if (w->scanned >= w->limits->max_scan_bytes) {
        hit_limit(w, "max_scan_bytes");
    } else {
        GMimeDataWrapper *content = g_mime_part_get_content(part);
        if (content) {
            gboolean cut;
            size_t raw_len, len;
            char *raw = decoded_content(content, 2 * (w->limits->max_scan_bytes - w->scanned), &raw_len, &cut);
            const char *charset = g_mime_content_type_get_parameter(ct, "charset");
            if (cut) {
                hit_limit(w, "max_scan_bytes");
                if (!charset || is_utf8_name(charset))
                    trim_partial_utf8(raw, &raw_len);
            }
            char *text = to_utf8_owned(raw, raw_len, charset, &len);
            if (g_mime_content_type_is_type(ct, "text", "html")) {
                char *plain = cg_html_to_text(text, len, &len);
                g_free(text);
                text = plain;
            }
            add_segment(w, where, attached ? CG_SEG_ATTACHMENT : CG_SEG_BODY, mime_type, text, len);
        }
    }
    g_free(where);
    g_free(mime_type);
}

static void walk_message(walker *w, GMimeMessage *m, const char *prefix, unsigned depth);

static void
walk_object(walker *w, GMimeObject *obj, const char *path, unsigned depth)
{
    if (++w->parts > w->limits->max_parts) {
        hit_limit(w, "max_parts");
        return;
    }
    if (depth > w->limits->max_depth) {
        hit_limit(w, "max_depth");
        return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
        GMimeMultipart *mp = GMIME_MULTIPART(obj);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n && w->parts < w->limits->max_parts; i++) {
            char *child = *path ? g_strdup_printf("%s.%d", path, i + 1) : g_strdup_printf("%d", i + 1);
            walk_object(w, g_mime_multipart_get_part(mp, i), child, depth + 1);
            g_free(child);
        }
        if (w->parts >= w->limits->max_parts && n > 0)
            hit_limit(w, "max_parts");
    } else if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        if (inner)
            walk_message(w, inner, path, depth + 1);
    } else if (GMIME_IS_PART(obj)) {
        walk_part(w, GMIME_PART(obj), *path ? path : "1");
    }
}

/* A message's headers, then its body; prefix is its part path ("" at top). */
static void
walk_message(walker *w, GMimeMessage *m, const char *prefix, unsigned depth)
{
    add_headers(w, m, *prefix ? prefix : NULL);
    GMimeObject *body = g_mime_message_get_mime_part(m);
    if (!body)
        return;
    if (GMIME_IS_MULTIPART(body)) {
        walk_object(w, body, prefix, depth);
    } else {
        char *path = *prefix ? g_strdup_printf("%s.1", prefix) : g_strdup("1");
        walk_object(w, body, path, depth);
        g_free(path);
    }
}

cg_message *
cg_message_parse_stream(GMimeStream *stream, const cg_limits *limits, GError **error)
{
    cg_message_init();
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *mime = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    if (!mime) {
        g_set_error(error, CG_MESSAGE_ERROR, 1, "not a mail message (no header block found)");
        return NULL;
    }
    cg_message *msg = g_new0(cg_message, 1);
    msg->mime = mime;
    msg->segments = g_ptr_array_new_with_free_func(segment_free);
    msg->attachments = g_ptr_array_new_with_free_func(attachment_free);
    msg->limits_hit = g_ptr_array_new_with_free_func(g_free);
    const char *id = g_mime_message_get_message_id(mime);
    msg->message_id = id ? g_utf8_make_valid(id, -1) : NULL;

    walker w = { .msg = msg, .limits = limits };
    walk_message(&w, mime, "", 0);
    return msg;
}

cg_message *
cg_message_parse_bytes(const char *data, size_t len, const cg_limits *limits, GError **error)
{
    cg_message_init();
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
    cg_message *msg = cg_message_parse_stream(stream, limits, error);
    g_object_unref(stream);
    return msg;
}

cg_message *
cg_message_parse_file(const char *path, const cg_limits *limits, GError **error)
{
    cg_message_init();
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", path,
                    g_strerror(errno));
        return NULL;
    }
    GMimeStream *stream = g_mime_stream_fs_new(fd);   /* owns fd */
    cg_message *msg = cg_message_parse_stream(stream, limits, error);
    g_object_unref(stream);
    return msg;
}

void
cg_message_free(cg_message *msg)
{
    if (!msg)
        return;
    g_object_unref(msg->mime);
    g_free(msg->message_id);
    g_ptr_array_free(msg->segments, TRUE);
    g_ptr_array_free(msg->attachments, TRUE);
    g_ptr_array_free(msg->limits_hit, TRUE);
    g_free(msg);
}

const char *
cg_message_header(const cg_message *msg, const char *name)
{
    return g_mime_object_get_header(GMIME_OBJECT(msg->mime), name);
}
