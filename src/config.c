/*
 * config.c -- the option table and the loader for commguard.conf (see config.h).
 */
#include "config.h"
#include "config_check.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK(cg-config-error-quark, cg_config_error)

#define OFF(field) offsetof(cg_config, field)

#define FLOWS "inbound outbound internal platform"
#define ACTIONS "accept tag redirect quarantine discard reject"
#define CATEGORY_OPTIONS(cat, CAT, default_flows, default_action) \
    { #cat "_flows", CG_OPT_LIST, default_flows, OFF(flows[CAT]), 0, 0, FLOWS, \
      "Mail flows the " #cat " detector's verdict applies to.", NULL }, \
    { #cat "_action", CG_OPT_STRING, default_action, OFF(action[CAT]), 0, 0, ACTIONS, \
      "What a " #cat " violation does to the message.", NULL }, \
    { #cat "_redirect_to", CG_OPT_STRING, "", OFF(redirect_to[CAT]), 0, 0, NULL, \
      "The address that replaces the recipients when " #cat "_action is redirect.", cg_check_address_or_empty }, \
    { #cat "_exempt_senders", CG_OPT_LIST, "", OFF(exempt_senders[CAT]), 0, 0, NULL, \
      "Sender addresses or domains whose mail the " #cat " verdict never acts on.", cg_check_address_or_domain }, \
    { #cat "_exempt_recipients", CG_OPT_LIST, "", OFF(exempt_recipients[CAT]), 0, 0, NULL, \
      "Recipient addresses or domains; mail whose recipients are all listed is exempt from the " #cat " verdict.", \
      cg_check_address_or_domain }, \
    { #cat "_exempt_trusted", CG_OPT_BOOL, "no", OFF(exempt_trusted[CAT]), 0, 0, NULL, \
      "Mail from trusted_networks or from an authenticated sender is exempt from the " #cat " verdict.", NULL }

/* Every option, once.  commguard.conf(5) and etc/commguard.conf mirror this
 * table, and tests/test_config.c checks that they do. */
const cg_option cg_options[] = {
    { "max_parts", CG_OPT_UINT, "1000", OFF(limits.max_parts), 1, 100000, NULL,
      "MIME parts examined per message; the rest is skipped and the message marked truncated.", NULL },
    { "max_depth", CG_OPT_UINT, "32", OFF(limits.max_depth), 1, 1000, NULL,
      "Nesting depth of multiparts and forwarded messages examined.", NULL },
    { "max_scan_bytes", CG_OPT_SIZE, "8M", OFF(limits.max_scan_bytes), 1024, 1024.0 * 1024 * 1024, NULL,
      "Decoded text scanned per message (suffixes K, M, G); text beyond it is not scanned and the message is marked truncated.", NULL },
    { "max_scan_time", CG_OPT_UINT, "10000", OFF(max_scan_time), 0, 3600000, NULL,
      "Milliseconds the detectors may spend on one message (0: no limit); past it the rest is skipped and the message marked truncated.", NULL },
    { "oversize_action", CG_OPT_STRING, "scan", OFF(oversize_action), 0, 0, "scan tag quarantine discard reject",
      "What a message that went over max_scan_bytes, max_parts, max_depth or max_scan_time gets when a category watches its flow: scan decides on the part that fits like on any message; another action applies unless the verdict's is stronger.", NULL },
    { "contact_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_CONTACT]), 0, 1, NULL,
      "Score at or above which the contact detector reports a violation.", NULL },
    { "confidential_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_CONFIDENTIAL]), 0, 1, NULL,
      "Score at or above which the confidential detector reports a violation.", NULL },
    { "media_threshold", CG_OPT_DOUBLE, "0.6", OFF(threshold[CG_CAT_MEDIA]), 0, 1, NULL,
      "Score at or above which the media detector reports a violation.", NULL },
    { "contact_rules", CG_OPT_LIST, CG_CONTACT_FAMILIES, OFF(contact_rules), 0, 0, CG_CONTACT_FAMILIES,
      "Built-in contact rule families that are enabled.", NULL },
    { "contact_rules_file", CG_OPT_STRING, "", OFF(contact_rules_file), 0, 0, NULL,
      "File of extra contact rules, one per line: NAME KIND SCORE PATTERN (PCRE2, case-insensitive, matched on the normalised text); empty for none.",
      cg_check_path_or_empty },
    { "contact_allow_domains", CG_OPT_LIST, "", OFF(contact_allow_domains), 0, 0, NULL,
      "Domains (and their subdomains) whose email addresses and links never count as contact details: your own sites, portfolio hosts you accept.",
      cg_check_address_or_domain },
    { "contact_systems_terms", CG_OPT_LIST, "", OFF(contact_systems_terms), 0, 0, NULL,
      "Extra system names (one word each) that, with an access word nearby, make an email the systems_access exception.", NULL },
    { "contact_legal_terms", CG_OPT_LIST, "", OFF(contact_legal_terms), 0, 0, NULL,
      "Extra words (one each) that make an email or postal address the legal exception.", NULL },
    { "confidential_terms", CG_OPT_LIST, "", OFF(confidential_terms), 0, 0, NULL,
      "Extra words (project code names, internal terms) that count as internal information when sent outside.", NULL },
    { "confidential_terms_file", CG_OPT_STRING, "", OFF(confidential_terms_file), 0, 0, NULL,
      "File of more such terms, one per line (# comments); empty for none.", NULL },
    { "confidential_clients_file", CG_OPT_STRING, "", OFF(confidential_clients_file), 0, 0, NULL,
      "File of client, contractor and partner names, one per line; a name near engagement details counts as a disclosure.", NULL },
    { "confidential_approved_file", CG_OPT_STRING, "", OFF(confidential_approved_file), 0, 0, NULL,
      "File of client names approved for reference, one per line; they never count.", NULL },
    { "media_domains", CG_OPT_LIST, "", OFF(media_domains), 0, 0, NULL,
      "Sender domains of media outlets; mail from them weighs more as a media request.", NULL },
    { "analyst_domains", CG_OPT_LIST, "gartner.com forrester.com idc.com", OFF(analyst_domains), 0, 0, NULL,
      "Sender domains of industry-analyst firms.", NULL },
    { "event_domains", CG_OPT_LIST, "", OFF(event_domains), 0, 0, NULL,
      "Sender domains of conference and event organisers.", NULL },
    { "socket", CG_OPT_STRING, "unix:/run/commguard/commguard.sock", OFF(socket), 0, 0, NULL,
      "Where the milter listens: unix:/path, local:/path, inet:port@host or inet6:port@host.", cg_check_socket },
    { "socket_mode", CG_OPT_STRING, "0660", OFF(socket_mode), 0, 0, NULL,
      "Octal permissions of a unix socket, so that the MTA's user can connect.", cg_check_mode },
    { "pid_file", CG_OPT_STRING, "", OFF(pid_file), 0, 0, NULL,
      "File the daemon writes its process ID to; empty for none.", cg_check_path_or_empty },
    { "user", CG_OPT_STRING, "", OFF(user), 0, 0, NULL,
      "User to run as after the socket is opened; empty to keep the starting user.", cg_check_printable },
    { "group", CG_OPT_STRING, "", OFF(group), 0, 0, NULL,
      "Group to run as after the socket is opened; empty for the user's primary group.", cg_check_printable },
    { "syslog_facility", CG_OPT_STRING, "mail", OFF(syslog_facility), 0, 0,
      "mail daemon user local0 local1 local2 local3 local4 local5 local6 local7",
      "Syslog facility of the daemon's log lines.", NULL },
    { "body_memory_limit", CG_OPT_SIZE, "1M", OFF(body_memory_limit), 0, 1024.0 * 1024 * 1024, NULL,
      "Message bytes buffered in memory per message; the rest goes to a temporary file in tmp_dir.", NULL },
    { "tmp_dir", CG_OPT_STRING, "/tmp", OFF(tmp_dir), 0, 0, NULL,
      "Directory for the temporary files of large messages.", cg_check_path_or_empty },
    { "quarantine_dir", CG_OPT_STRING, "/var/lib/commguard/quarantine", OFF(quarantine_dir), 0, 0, NULL,
      "Directory where quarantined messages are stored, one folder per message.", cg_check_path_or_empty },
    { "quarantine_mode", CG_OPT_STRING, "store", OFF(quarantine_mode), 0, 0, "store hold",
      "What quarantine does after storing the message and its verdict in quarantine_dir: store discards it from the MTA's flow; hold asks the MTA to keep it in its hold queue.", NULL },
    { "on_error", CG_OPT_STRING, "tempfail", OFF(on_error), 0, 0, "tempfail accept reject",
      "What a message gets when commguard fails internally while handling it.", NULL },
    { "quarantine_retention", CG_OPT_UINT, "30", OFF(quarantine_retention), 1, 3650, NULL,
      "Days a quarantined message is kept before commguardctl expire marks it expired and removes it; the record of an item that was acted on is kept as long again.", NULL },
    { "release_command", CG_OPT_STRING, "/usr/sbin/sendmail", OFF(release_command), 0, 0, NULL,
      "The MTA's sendmail command, with any options it needs (such as -C for a Postfix instance); released messages, digests and confirmations are handed to it with -i -f SENDER -- RECIPIENTS added.", cg_check_command },
    { "control_address", CG_OPT_STRING, "", OFF(control_address), 0, 0, NULL,
      "Address the milter intercepts for reviewers' release and delete replies; empty turns release by reply off.", cg_check_address_or_empty },
    { "report_from", CG_OPT_STRING, "", OFF(report_from), 0, 0, NULL,
      "Sender of digests and confirmations; empty uses control_address.", cg_check_address_or_empty },
    { "contact_reviewers", CG_OPT_LIST, "", OFF(reviewers[CG_CAT_CONTACT]), 0, 0, NULL,
      "Addresses that get the digest of quarantined contact messages and may release or delete them.", cg_check_address_or_empty },
    { "confidential_reviewers", CG_OPT_LIST, "", OFF(reviewers[CG_CAT_CONFIDENTIAL]), 0, 0, NULL,
      "Addresses that get the digest of quarantined confidential messages and may release or delete them.", cg_check_address_or_empty },
    { "media_reviewers", CG_OPT_LIST, "", OFF(reviewers[CG_CAT_MEDIA]), 0, 0, NULL,
      "Addresses that get the digest of quarantined media messages and may release or delete them.", cg_check_address_or_empty },
    { "release_secret", CG_OPT_STRING, "", OFF(release_secret), 0, 0, NULL,
      "Secret key of the release and delete tokens in digests; empty reads release_secret_file.", cg_check_printable },
    { "release_secret_file", CG_OPT_STRING, "", OFF(release_secret_file), 0, 0, NULL,
      "File whose first line is the token secret, readable only by commguard; used when release_secret is empty.", cg_check_path_or_empty },
    { "release_token_days", CG_OPT_UINT, "7", OFF(release_token_days), 1, 365, NULL,
      "Days a release or delete token in a digest stays valid.", NULL },
    { "report_when_empty", CG_OPT_BOOL, "no", OFF(report_when_empty), 0, 0, NULL,
      "Send a digest even when nothing was quarantined since the last one.", NULL },
    { "internal_domains", CG_OPT_LIST, "", OFF(internal_domains), 0, 0, NULL,
      "Domains of the organisation; senders in them (or authenticated senders) are internal.",
      cg_check_address_or_domain },
    { "trusted_networks", CG_OPT_LIST, "", OFF(trusted_networks), 0, 0, NULL,
      "Client networks (IPv4 or IPv6, address/prefix) whose senders count as internal, like authenticated ones.",
      cg_check_network },
    { "platform_header", CG_OPT_STRING, "", OFF(platform_header), 0, 0, NULL,
      "A header match (Name: value|value) that marks marketplace platform messages.", cg_check_header_match },
    { "platform_domains", CG_OPT_LIST, "", OFF(platform_domains), 0, 0, NULL,
      "Sender or recipient domains that mark marketplace platform messages.", cg_check_address_or_domain },
    CATEGORY_OPTIONS(contact, CG_CAT_CONTACT, "platform", "quarantine"),
    CATEGORY_OPTIONS(confidential, CG_CAT_CONFIDENTIAL, "outbound", "quarantine"),
    CATEGORY_OPTIONS(media, CG_CAT_MEDIA, "inbound", "tag"),
    { "contact_exempt_header", CG_OPT_STRING, "", OFF(contact_exempt_header), 0, 0, NULL,
      "A header match (Name: value|value) for account plans exempt from the contact verdict.",
      cg_check_header_match },
    { "contract_header", CG_OPT_STRING, "", OFF(contract_header), 0, 0, NULL,
      "A header match (Name: value|value) for contract states that exempt from the contact verdict.",
      cg_check_header_match },
    { "contract_file", CG_OPT_STRING, "", OFF(contract_file), 0, 0, NULL,
      "File of started contracts that exempt from the contact verdict: one address (a contract with anyone) or two addresses (between them) a line; empty for none.",
      cg_check_path_or_empty },
    { "redirect_notify", CG_OPT_BOOL, "no", OFF(redirect_notify), 0, 0, NULL,
      "Send the original recipients of a redirected message a short notice saying where it went (its subject, never its text).", NULL },
    { "sendmail_path", CG_OPT_STRING, "/usr/sbin/sendmail", OFF(sendmail_path), 0, 0, NULL,
      "The MTA's sendmail program, run as sendmail -i -f <> RECIPIENTS to send that notice.", cg_check_path },
    { "reject_code", CG_OPT_STRING, "550", OFF(reject_code), 0, 0, NULL,
      "SMTP reply code of the reject action.", cg_check_reply_code },
    { "reject_xcode", CG_OPT_STRING, "5.7.1", OFF(reject_xcode), 0, 0, NULL,
      "Enhanced status code of the reject action; its class matches reject_code's.", cg_check_enhanced_code },
    { "reject_text", CG_OPT_STRING, "Message refused by content policy", OFF(reject_text), 0, 0, NULL,
      "Text of the reject action's reply.", cg_check_printable },
    { "tag_subject_prefix", CG_OPT_STRING, "", OFF(tag_subject_prefix), 0, 0, NULL,
      "Text put before the Subject of a message that is tagged or redirected for a violation, such as [commguard]; empty for none.",
      cg_check_printable },
    { "tag_clean", CG_OPT_BOOL, "yes", OFF(tag_clean), 0, 0, NULL,
      "Add X-Commguard-Verdict: clean to messages that are accepted.", NULL },
    { "dry_run", CG_OPT_BOOL, "no", OFF(dry_run), 0, 0, NULL,
      "Log and tag what would have happened, and change nothing else.", NULL },
};
const size_t cg_n_options = G_N_ELEMENTS(cg_options);

const char *
cg_opt_type_name(cg_opt_type type)
{
    switch (type) {
    case CG_OPT_UINT:   return "integer";
    case CG_OPT_SIZE:   return "size";
    case CG_OPT_DOUBLE: return "number";
    case CG_OPT_BOOL:   return "boolean";
    case CG_OPT_STRING: return "string";
    case CG_OPT_LIST:   return "list";
    }
    return "?";
}

static const cg_option *
find_option(const char *name)
{
    for (size_t i = 0; i < cg_n_options; i++)
        if (strcmp(cg_options[i].name, name) == 0)
            return &cg_options[i];
    return NULL;
}

static gboolean
in_choices(const char *choices, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)                  /* strstr would match everywhere and never advance */
        return FALSE;
    for (const char *p = choices; (p = strstr(p, word)) != NULL; p += n)
        if ((p == choices || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return TRUE;
    return FALSE;
}

static gboolean
parse_size(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = g_ascii_strtod(s, &end);
    if (end == s || errno || v < 0)
        return FALSE;
    switch (g_ascii_toupper(*end)) {
    case 'K': v *= 1024; end++; break;
    case 'M': v *= 1024 * 1024; end++; break;
    case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
    default: break;
    }
    if (!isfinite(v))            /* "nan", "inf": no size, and NaN slips past any range check */
        return FALSE;
    *out = floor(v);
    return *end == '\0';
}

/* Store one value; on error, returns a message describing the problem. */
static char *
set_value(cg_config *cfg, const cg_option *opt, const char *value)
{
    char *field = (char *)cfg + opt->offset;
    double v = 0;
    char *end, *problem = NULL;

    switch (opt->type) {
    case CG_OPT_UINT:
    case CG_OPT_DOUBLE:
        errno = 0;
        v = g_ascii_strtod(value, &end);
        if (end == value || *end || errno || !isfinite(v))
            return g_strdup_printf("\"%s\" is not a number", value);
        if (opt->type == CG_OPT_UINT && v != floor(v))
            return g_strdup_printf("\"%s\" is not a whole number", value);
        break;
    case CG_OPT_SIZE:
        if (!parse_size(value, &v))
            return g_strdup_printf("\"%s\" is not a size (a number with optional K, M or G)", value);
        break;
    case CG_OPT_BOOL:
        if (!g_ascii_strcasecmp(value, "yes") || !g_ascii_strcasecmp(value, "true") ||
            !strcmp(value, "1") || !g_ascii_strcasecmp(value, "on"))
            *(gboolean *)field = TRUE;
        else if (!g_ascii_strcasecmp(value, "no") || !g_ascii_strcasecmp(value, "false") ||
                 !strcmp(value, "0") || !g_ascii_strcasecmp(value, "off"))
            *(gboolean *)field = FALSE;
        else
            return g_strdup_printf("\"%s\" is not yes or no", value);
        return NULL;
    case CG_OPT_STRING:
        if (opt->choices && !in_choices(opt->choices, value))
            return g_strdup_printf("\"%s\" is not one of: %s", value, opt->choices);
        if (opt->check && (problem = opt->check(value)))
            return problem;
        g_free(*(char **)field);
        *(char **)field = g_strdup(value);
        return NULL;
    case CG_OPT_LIST: {
        char **words = g_strsplit_set(value, ", \t", -1);
        GPtrArray *list = g_ptr_array_new_with_free_func(g_free);   /* frees words on error */
        for (char **w = words; *w; w++) {
            if (!**w)
                continue;
            if (opt->choices && !in_choices(opt->choices, *w)) {
                char *msg = g_strdup_printf("\"%s\" is not one of: %s", *w, opt->choices);
                g_ptr_array_free(list, TRUE);
                g_strfreev(words);
                return msg;
            }
            /* lists of addresses, domains or networks take more from files */
            if (opt->check && g_str_has_prefix(*w, "file:")) {
                problem = *w + 5 == strchr(*w, '/') ? cg_config_read_list_file(*w + 5, opt->check, list)
                                                    : g_strdup_printf("\"%s\": the file path must be absolute", *w);
                if (!problem)
                    continue;
            }
            if (problem || (opt->check && (problem = opt->check(*w)))) {
                g_ptr_array_free(list, TRUE);
                g_strfreev(words);
                return problem;
            }
            g_ptr_array_add(list, g_strdup(*w));
        }
        g_ptr_array_add(list, NULL);
        g_strfreev(words);
        g_strfreev(*(char ***)field);
        *(char ***)field = (char **)g_ptr_array_free(list, FALSE);
        return NULL;
    }
    }
    if (v < opt->min || v > opt->max)
        return g_strdup_printf("%s is out of range (%.15g to %.15g)", value, opt->min, opt->max);
    if (opt->type == CG_OPT_UINT)
        *(unsigned *)field = (unsigned)v;
    else if (opt->type == CG_OPT_SIZE)
        *(size_t *)field = (size_t)v;
    else
        *(double *)field = v;
    return NULL;
}

cg_config *
cg_config_new_default(void)
{
    cg_config *cfg = g_new0(cg_config, 1);
    for (size_t i = 0; i < cg_n_options; i++) {
        char *err = set_value(cfg, &cg_options[i], cg_options[i].def);
        g_assert(err == NULL);   /* the table's defaults are valid by construction */
    }
    return cfg;
}

static unsigned
line_of(const unsigned *set_on, const char *name)
{
    return set_on[find_option(name) - cg_options];
}

/* Problems that involve two options, reported at the line of the first. */
static void
cg_check_combinations(const cg_config *cfg, const unsigned *set_on, GString *errors)
{
    for (int c = 0; c < CG_CAT_COUNT; c++) {
        if (strcmp(cfg->action[c], "redirect") != 0 || *cfg->redirect_to[c])
            continue;
        char *key = g_strdup_printf("%s_action", cg_category_name((cg_category)c));
        g_string_append_printf(errors, "%s:%u: %s: redirect needs %s_redirect_to\n", cfg->path,
                               line_of(set_on, key), key, cg_category_name((cg_category)c));
        g_free(key);
    }
    if (cfg->reject_xcode[0] != cfg->reject_code[0])
        g_string_append_printf(errors, "%s:%u: reject_xcode: class %c does not match reject_code %s\n",
                               cfg->path, line_of(set_on, "reject_xcode"), cfg->reject_xcode[0],
                               cfg->reject_code);
}

cg_config *
cg_config_load(const char *path, GError **error)
{
    char *data;
    gsize len;
    GError *ferr = NULL;

    if (!g_file_get_contents(path, &data, &len, &ferr)) {
        g_set_error(error, CG_CONFIG_ERROR, 1, "%s", ferr->message);
        g_error_free(ferr);
        return NULL;
    }
    cg_config *cfg = cg_config_new_default();
    cfg->path = g_strdup(path);
    GString *errors = g_string_new(NULL);
    unsigned *set_on = g_new0(unsigned, cg_n_options);
    char **lines = g_strsplit(data, "\n", -1);
    g_free(data);

    for (unsigned n = 0; lines[n]; n++) {
        char *line = lines[n], *hash = strchr(line, '#');
        unsigned lineno = n + 1;
        if (hash)
            *hash = '\0';
        g_strstrip(line);
        if (!*line)
            continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            g_string_append_printf(errors, "%s:%u: %s: expected \"key = value\"\n", path, lineno, line);
            continue;
        }
        *eq = '\0';
        char *key = g_strstrip(line), *value = g_strstrip(eq + 1);
        const cg_option *opt = find_option(key);
        if (!opt) {
            g_string_append_printf(errors, "%s:%u: %s: unknown option\n", path, lineno, key);
            continue;
        }
        size_t idx = opt - cg_options;
        if (set_on[idx]) {
            g_string_append_printf(errors, "%s:%u: %s: already set on line %u\n", path, lineno, key,
                                   set_on[idx]);
            continue;
        }
        set_on[idx] = lineno;
        char *problem = set_value(cfg, opt, value);
        if (problem) {
            g_string_append_printf(errors, "%s:%u: %s: %s\n", path, lineno, key, problem);
            g_free(problem);
        }
    }
    g_strfreev(lines);
    cg_check_combinations(cfg, set_on, errors);
    char *problem = NULL;
    if (*cfg->contract_file && !(cfg->contracts = cg_contracts_load(cfg->contract_file, &problem))) {
        g_string_append_printf(errors, "%s:%u: contract_file: %s\n", path, line_of(set_on, "contract_file"),
                               problem);
        g_free(problem);
    }
    g_free(set_on);
    if (errors->len) {
        g_string_truncate(errors, errors->len - 1);
        g_set_error_literal(error, CG_CONFIG_ERROR, 2, errors->str);
        g_string_free(errors, TRUE);
        cg_config_free(cfg);
        return NULL;
    }
    g_string_free(errors, TRUE);
    return cfg;
}

void
cg_config_free(cg_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cg_n_options; i++) {
        char *field = (char *)cfg + cg_options[i].offset;
        if (cg_options[i].type == CG_OPT_STRING)
            g_free(*(char **)field);
        else if (cg_options[i].type == CG_OPT_LIST)
            g_strfreev(*(char ***)field);
    }
    g_clear_pointer(&cfg->contracts, g_hash_table_destroy);
    g_free(cfg->path);
    g_free(cfg);
}
