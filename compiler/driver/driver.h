/* driver.h: the commands of the goc tool, shared by main.c and build.c. */
#ifndef GOC_DRIVER_H
#define GOC_DRIVER_H

#include <stdbool.h>

#include "../base/base.h"
#include "../gen/gen.h"

typedef struct CompileFlags {
	GenOptions gen;
	bool noinline; /* -l */
	int m;         /* -m: escape and inlining diagnostics (level) */
	const char *pkgpath; /* -p: the package's import path ("main" by default) */
	bool checkonly;      /* -d=checkonly (goc's own): stop after type checking */
} CompileFlags;

/* cache.c: imported packages' objects, kept between builds */
typedef struct CacheKey {
	uint64_t a, b;
} CacheKey;
void cache_key_init(CacheKey *k, const char *path);
void cache_key_add(CacheKey *k, const void *p, size_t n);
bool cache_get(const CacheKey *k, int opt, const char *obj); /* copies the entry to obj */
void cache_put(const CacheKey *k, int opt, const char *obj);

/* load.c: packages from source, in dependency order */
typedef struct LoadedPkg {
	const char *path;
	Package *pkg;  /* NULL while being loaded, or if it failed */
	bool failed;
	CacheKey key;  /* its sources and its imports' keys (cache.c) */
} LoadedPkg;

typedef struct Loader {
	const char *stdroot;      /* where import paths are found */
	Importer importer;        /* what the checker calls */
	VEC(LoadedPkg *) pkgs;    /* loaded, imports before importers */
	VEC(LoadedPkg *) loading; /* the chain being loaded (cycle detection) */
	char *modpath;            /* the main module's path (go.mod), or NULL */
	char *modroot;            /* its directory */
	bool imports_decls_only;  /* imports' function bodies unchecked (goc tool check -declsonly) */
} Loader;

void loader_init(Loader *l);
void loader_find_module(Loader *l, const char *file); /* the go.mod at or above file's directory */
const char *std_root(void);
int package_files(const char *dir, char ***out);

bool parse_gcflag(const char *flag, CompileFlags *cf);
typedef VEC(char *) StrVec;
/* Returns the exit status; *is_main (if given) says whether the package is a program's. */
int compile_files(char **files, int nfiles, const char *obj, const CompileFlags *cf, const char *depdir, StrVec *depobjs,
                  bool *is_main);
int link_program(char **objs, int nobjs, const char *out);
int cmd_build(int argc, char **argv, bool run_it);
int cmd_tool_compile(int argc, char **argv);
int cmd_tool_check(int argc, char **argv); /* check.c */

#endif
