/*
 * ctl.h -- commguardctl's subcommands, each in its own ctl_*.c file.
 */
#ifndef CG_CTL_H
#define CG_CTL_H

#include "config.h"

/* Each returns the process exit status. */
int ctl_scan(int argc, char **argv);
int ctl_quarantine(int argc, char **argv);
int ctl_report(int argc, char **argv);

/* Shared by the subcommands (ctl_quarantine.c). */
/* path, or /etc/commguard.conf when it exists, or the defaults; NULL after
 * printing the errors. */
cg_config *ctl_load_config(const char *path);
/* Who runs the command, for the quarantine's records. */
char *ctl_actor(void);
/* T for --since: Unix time, YYYY-MM-DD[THH:MM:SS] (UTC) or an age like 24h or 7d. */
gboolean ctl_parse_time(const char *text, gint64 now, gint64 *out);

#endif
