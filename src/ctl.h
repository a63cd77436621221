/*
 * ctl.h -- commguardctl's subcommands, each in its own ctl_*.c file.
 */
#ifndef CG_CTL_H
#define CG_CTL_H

/* Each returns the process exit status. */
int ctl_scan(int argc, char **argv);

#endif
