/*
 * config.h -- /etc/commguard.conf: the option table, loading and validation.
 *
 * The file is "key = value" lines; '#' starts a comment.  Every option is
 * listed once, in config.c's table, with its type, default and a one-line
 * description; commguard.conf(5) documents exactly that table.  Unknown keys
 * and bad values are errors reported as FILE:LINE: key: problem, all of them,
 * not just the first.  A loaded configuration is immutable.
 */
#ifndef CG_CONFIG_H
#define CG_CONFIG_H

#include "detect.h"
#include "message.h"

/* The built-in contact rule families, all enabled by default. */
#define CG_CONTACT_FAMILIES "email request handle link address phone"

typedef struct {
    char *path;                              /* NULL for built-in defaults */
    cg_limits limits;
    char *oversize_action;                   /* for a truncated scan: "scan" or an action word */
    unsigned max_scan_time;                  /* milliseconds of detection per message; 0 = no budget */
    double threshold[CG_CAT_COUNT];
    char **contact_rules;                    /* enabled built-in rule families */
    char *contact_rules_file;                /* administrator's own rules; "" = none */
    char **contact_allow_domains;            /* addresses and links there never count */
    char **contact_systems_terms;            /* more systems-access exception words */
    char **contact_legal_terms;              /* more legal exception words */
    char **confidential_terms;               /* extra confidential words and phrases */
    char *confidential_terms_file;           /* more of them, one a line; "" = none */
    char *confidential_clients_file;         /* client/partner names, one a line */
    char *confidential_approved_file;        /* names approved for reference */
    char **media_domains;                    /* sender domains of media outlets */
    char **analyst_domains;                  /* sender domains of analyst firms */
    char **event_domains;                    /* sender domains of conferences and events */

    /* the daemon */
    char *socket;                            /* unix:/path, local:/path, inet:port@host, inet6:port@host */
    char *socket_mode;                       /* octal, applied to a unix socket */
    char *pid_file, *user, *group;           /* "" = none / do not change */
    char *syslog_facility;
    size_t body_memory_limit;                /* message bytes kept in memory before spilling */
    char *tmp_dir, *quarantine_dir;
    char *quarantine_mode;                   /* "store" (then discard) or "hold" (in the MTA's hold queue) */
    char *on_error;                          /* action when something inside fails */

    /* quarantine review */
    unsigned quarantine_retention;           /* days */
    char *release_command;                   /* sendmail command line */
    char *control_address, *report_from;     /* "" = release by reply off / use control_address */
    char **reviewers[CG_CAT_COUNT];
    char *release_secret, *release_secret_file;
    unsigned release_token_days;
    gboolean report_when_empty;

    /* the policy */
    char **internal_domains, **platform_domains;
    char *platform_header;                   /* "Name: value|value" or "" */
    char **flows[CG_CAT_COUNT];
    char **exempt_senders[CG_CAT_COUNT], **exempt_recipients[CG_CAT_COUNT];
    gboolean exempt_trusted[CG_CAT_COUNT];   /* trusted networks and authenticated senders */
    char **trusted_networks;                 /* CIDR: clients there send like internal users */
    char *contact_exempt_header, *contract_header;
    char *contract_file;                     /* address or address-pair lines; "" = none */
    GHashTable *contracts;                   /* contract_file's entries (see cg_contract_between) */
    char *action[CG_CAT_COUNT];
    char *redirect_to[CG_CAT_COUNT];
    gboolean redirect_notify;                /* tell the original recipients where it went */
    char *sendmail_path;                     /* the MTA's sendmail program, for that notice */
    char *reject_code, *reject_xcode, *reject_text;
    char *tag_subject_prefix;                /* put before the Subject of tagged and redirected mail */
    gboolean tag_clean, dry_run;
} cg_config;

typedef enum { CG_OPT_UINT, CG_OPT_SIZE, CG_OPT_DOUBLE, CG_OPT_BOOL, CG_OPT_STRING, CG_OPT_LIST } cg_opt_type;

typedef struct {
    const char *name;
    cg_opt_type type;
    const char *def;       /* default, in the file's own syntax */
    size_t offset;         /* into cg_config */
    double min, max;       /* numeric range, inclusive */
    const char *choices;   /* allowed words, space-separated; NULL = any */
    const char *doc;
    char *(*check)(const char *value);   /* extra validation: a problem, or NULL; per word for lists */
} cg_option;

extern const cg_option cg_options[];
extern const size_t cg_n_options;
const char *cg_opt_type_name(cg_opt_type type);

cg_config *cg_config_new_default(void);
/* Errors: one line per problem in error->message. */
cg_config *cg_config_load(const char *path, GError **error);
void cg_config_free(cg_config *cfg);

/* The lists read from other files (config_files.c).  Entries of a list file
 * are one a line, '#' comments; each is validated with check.  A problem
 * (with the file's line) or NULL; good entries are appended to into. */
char *cg_config_read_list_file(const char *path, char *(*check)(const char *), GPtrArray *into);
/* contract_file: lines "address" (a started contract with anyone) or
 * "address address" (between the two).  NULL with a problem when bad. */
GHashTable *cg_contracts_load(const char *path, char **problem);
/* Whether a contract covers mail between a and b, in either direction. */
gboolean cg_contract_between(GHashTable *contracts, const char *a, const char *b);

#define CG_CONFIG_ERROR cg_config_error_quark()
GQuark cg_config_error_quark(void);

#endif
