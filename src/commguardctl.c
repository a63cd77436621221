/*
 * commguardctl.c -- the administration tool: dispatches to a subcommand.
 */
#include "ctl.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

static void
usage(FILE *out)
{
    fputs("usage: commguardctl scan [-c FILE] [--pretty] FILE...   (- reads standard input)\n"
          "       commguardctl quarantine [-c FILE] list|show|release|delete|expire ...\n"
          "       commguardctl report [-c FILE] [--dry-run]\n"
          "       commguardctl --version\n", out);
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EX_USAGE;
    }
    if (strcmp(argv[1], "scan") == 0)
        return ctl_scan(argc - 1, argv + 1);
    if (strcmp(argv[1], "quarantine") == 0)
        return ctl_quarantine(argc - 1, argv + 1);
    if (strcmp(argv[1], "report") == 0)
        return ctl_report(argc - 1, argv + 1);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("commguardctl %s\n", PACKAGE_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "commguardctl: unknown command \"%s\"\n", argv[1]);
    usage(stderr);
    return EX_USAGE;
}
