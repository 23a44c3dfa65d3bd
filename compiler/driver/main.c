/* main.c: the goc command line, shaped like the go command:
 *   goc build [-o out] [-gcflags='...'] [-v] file.go... | dir
 *   goc run file.go... [args]
 *   goc version | goc help
 *   goc tool compile [flags] file.go...   the package compiler (gc's flags)
 *   goc tool syntax [-ast] file.go...     parse only
 *   goc tool check [-std DIR] pkg...      type-check packages from source
 * Exit status: 0 success, 1 compile errors, 2 usage errors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../parse/parse.h"
#include "driver.h"

static const char usage_text[] =
	"goc is a compiler for Go programs.\n"
	"\n"
	"Usage:\n"
	"\n"
	"\tgoc <command> [arguments]\n"
	"\n"
	"The commands are:\n"
	"\n"
	"\tbuild       compile packages and dependencies\n"
	"\trun         compile and run Go program\n"
	"\tversion     print goc version\n"
	"\thelp        print this help\n"
	"\ttool        run a goc tool (compile, syntax, check)\n";

static int usage(void) {
	fputs(usage_text, stderr);
	return 2;
}

/* goc tool syntax [-ast] [-e] file.go...: the front end alone. */
static int tool_syntax(int argc, char **argv) {
	bool dump = false;
	int i = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-ast")) dump = true;
		else if (!strcmp(argv[i], "-e")) diag_limit = 0;
		else {
			fprintf(stderr, "goc tool syntax: unknown flag %s\nusage: goc tool syntax [-ast] [-e] file.go...\n", argv[i]);
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "usage: goc tool syntax [-ast] [-e] file.go...\n");
		return 2;
	}
	int status = 0;
	parse_gofmt_checks = true;
	g_arena = arena_new();
	intern_scope(g_arena); /* nothing outlives a file: names neither */
	for (; i < argc; i++) {
		intern_reset();
		arena_reset(g_arena);
		Source *src = source_read(argv[i]);
		if (!src) {
			fprintf(stderr, "open %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		int errors_before = diag_count(); /* the count is the process's, not the file's */
		ParsedFile *pf = parse_file(src);
		if (diag_count() > errors_before) {
			diag_flush();
			status = 1;
		} else if (dump) {
			ast_dump(pf->file, stdout);
		}
		free((void *)src->text);
		src->text = NULL;
	}
	return status;
}

static int tool(int argc, char **argv) {
	if (argc < 1) {
		fprintf(stderr, "usage: goc tool <compile|syntax|check> [arguments]\n");
		return 2;
	}
	if (!strcmp(argv[0], "syntax")) return tool_syntax(argc - 1, argv + 1);
	if (!strcmp(argv[0], "compile")) return cmd_tool_compile(argc - 1, argv + 1);
	if (!strcmp(argv[0], "check")) return cmd_tool_check(argc - 1, argv + 1);
	fprintf(stderr, "goc tool: no such tool \"%s\"\n", argv[0]);
	return 2;
}

int main(int argc, char **argv) {
	if (argc < 2) return usage();
	const char *cmd = argv[1];
	if (!strcmp(cmd, "version")) {
		printf("goc version %s linux/amd64\n", GOC_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(cmd, "tool")) return tool(argc - 2, argv + 2);
	if (!strcmp(cmd, "build")) return cmd_build(argc - 2, argv + 2, false);
	if (!strcmp(cmd, "run")) return cmd_build(argc - 2, argv + 2, true);
	fprintf(stderr, "goc %s: unknown command\nRun 'goc help' for usage.\n", cmd);
	return 2;
}
