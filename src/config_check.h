/*
 * config_check.h -- validators for option values whose syntax is more than a
 * type.  Each returns a problem ("\"x\" is not ...", newly allocated) or NULL
 * when the value is good; config.c's option table names them, and list
 * options run them on every word.
 */
#ifndef CG_CONFIG_CHECK_H
#define CG_CONFIG_CHECK_H

#include <glib.h>

char *cg_check_socket(const char *v);           /* unix:/path, local:/path, inet:port@host, inet6:port@host */
char *cg_check_mode(const char *v);             /* an octal file mode */
char *cg_check_path_or_empty(const char *v);    /* an absolute path or "" */
char *cg_check_path(const char *v);             /* an absolute path */
char *cg_check_header_match(const char *v);     /* "Header-Name: value|value" or "" */
char *cg_check_address_or_domain(const char *v);
char *cg_check_address_or_empty(const char *v); /* a mail address or "" */
char *cg_check_reply_code(const char *v);       /* 4xx or 5xx */
char *cg_check_enhanced_code(const char *v);    /* 5.7.1 */
char *cg_check_printable(const char *v);        /* printable ASCII */
char *cg_check_command(const char *v);          /* a command line with an absolute program path */
char *cg_check_network(const char *v);          /* an IPv4 or IPv6 address with an optional /prefix */

#endif
