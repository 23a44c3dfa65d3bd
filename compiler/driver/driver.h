/* driver.h: the commands of the goc tool, shared by main.c and build.c. */
#ifndef GOC_DRIVER_H
#define GOC_DRIVER_H

#include <stdbool.h>

#include "../gen/gen.h"

typedef struct CompileFlags {
	GenOptions gen;
	bool noinline; /* -l */
	int m;         /* -m: escape and inlining diagnostics (level) */
	const char *pkgpath; /* -p: the package's import path ("main" by default) */
} CompileFlags;

bool parse_gcflag(const char *flag, CompileFlags *cf);
int compile_files(char **files, int nfiles, const char *obj, const CompileFlags *cf);
int link_program(const char *obj, const char *out);
int cmd_build(int argc, char **argv, bool run_it);
int cmd_tool_compile(int argc, char **argv);

#endif
