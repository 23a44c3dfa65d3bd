/* check.c: goc tool check [-std DIR] [-v] [-e] [-declsonly] importpath...
 * Type-checks packages and everything they import, from source, and stops
 * there: no code is generated. Without -std the packages are goc's own
 * standard library's; with -std DIR they are found under DIR, so that
 * `goc tool check -std "$(go env GOROOT)/src" strings` checks Go's real
 * standard library (runtime and internal/... included) as a stress test of
 * the checker (tools/stdcheck.sh). Errors are printed as the compiler
 * prints them; -v lists every package of the closure with its verdict;
 * -declsonly checks the imported packages' declarations but not their
 * function bodies, the work go/types' source importer does (gotype -c=source).
 * Exit status 1 if any package failed. */
#include <stdio.h>
#include <string.h>

#include "../base/base.h"
#include "driver.h"

static int check_usage(void) {
	fprintf(stderr, "usage: goc tool check [-std DIR] [-v] [-e] [-declsonly] importpath...\n");
	return 2;
}

int cmd_tool_check(int argc, char **argv) {
	const char *root = NULL;
	bool verbose = false, ld_decls_only = false;
	int i = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-std") && i + 1 < argc) root = argv[++i];
		else if (!strcmp(argv[i], "-v")) verbose = true;
		else if (!strcmp(argv[i], "-declsonly")) ld_decls_only = true;
		else if (!strcmp(argv[i], "-e")) diag_limit = 0;
		else return check_usage();
	}
	if (i == argc) return check_usage();
	g_arena = arena_new();
	Loader ld;
	loader_init(&ld);
	if (root) ld.stdroot = root;
	ld.imports_decls_only = ld_decls_only;
	int status = 0;
	for (; i < argc; i++) {
		const char *err = NULL;
		if (!ld.importer.import(ld.importer.ctx, argv[i], &err)) {
			status = 1;
			/* a package whose own errors were printed needs no more words */
			if (err && diag_count() == 0) fprintf(stderr, "%s: %s\n", argv[i], err);
		}
	}
	if (diag_count() > 0) status = 1;
	diag_flush();
	int failed = 0;
	for (int j = 0; j < ld.pkgs.n; j++) {
		LoadedPkg *lp = ld.pkgs.v[j];
		if (!lp->pkg) failed++;
		if (verbose) printf("%-4s %s\n", lp->pkg ? "ok" : "FAIL", lp->path);
	}
	if (verbose) printf("%d packages checked, %d passed, %d failed\n", ld.pkgs.n, ld.pkgs.n - failed, failed);
	return status;
}
