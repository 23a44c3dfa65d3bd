/* build.c: goc build, goc run and goc tool compile: the pipeline from
 * source files to an object (parse, check, generate) and from objects to a
 * static executable (link with runtime/'s archive). */
#include <errno.h>
#include <limits.h>
#include <dirent.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/base.h"
#include "../gen/gen.h"
#include "../parse/parse.h"
#include "../types/types.h"
#include "driver.h"

extern char **environ;

/* ---- flags ------------------------------------------------------------------ */

/* Parses gc's compile flags (-N, -l, -m, -m=2, -e, -d=..., -O2): the subset
 * with effect today changes opts; the rest is accepted as gc accepts it. */
bool parse_gcflag(const char *f, CompileFlags *cf) {
	if (!strcmp(f, "-N")) cf->gen.opt = OPT_NONE;
	else if (!strcmp(f, "-O2")) cf->gen.opt = OPT_O2;
	else if (!strcmp(f, "-l")) cf->noinline = true;
	else if (!strcmp(f, "-e")) diag_limit = 0;
	else if (!strcmp(f, "-m")) cf->m++;
	else if (!strncmp(f, "-m=", 3)) cf->m = atoi(f + 3);
	else if (!strcmp(f, "-d=checkonly")) cf->checkonly = true;
	else if (!strcmp(f, "-C") || !strncmp(f, "-d=", 3) || !strcmp(f, "-S") || !strcmp(f, "-live")) {
	} else if (!strcmp(f, "-emit-llvm")) cf->gen.emit_llvm = true;
	else return false;
	return true;
}

/* -gcflags='-m -l': split on spaces */
static bool parse_gcflags(const char *s, CompileFlags *cf) {
	char *copy = strdup(s), *save = NULL;
	bool ok = true;
	for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		if (!parse_gcflag(tok, cf)) {
			fprintf(stderr, "goc: unknown -gcflags flag %s\n", tok);
			ok = false;
		}
	}
	free(copy);
	return ok;
}

/* ---- compile: sources to one object --------------------------------------------- */

/* Removes a partial output, but never a device such as -o /dev/null. */
static void remove_regular(const char *path) {
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) unlink(path);
}

/* Parses and checks a package with its imports (load.c), writes its object
 * to obj and, if depobjs is given, each imported package's object into
 * depdir (appending their paths, imports first). */
int compile_files(char **files, int nfiles, const char *obj, const CompileFlags *cf, const char *depdir, StrVec *depobjs,
                  bool *is_main) {
	g_arena = arena_new();
	Node **trees = NEWARR(Node *, nfiles);
	for (int i = 0; i < nfiles; i++) {
		Source *src = source_read(files[i]);
		if (!src) {
			fprintf(stderr, "open %s: %s\n", files[i], strerror(errno));
			return 1;
		}
		trees[i] = parse_file(src)->file;
	}
	int nlate = parse_late_directives_count(); /* this package's, not its imports' */
	if (diag_hard_count() > 0) {
		diag_flush();
		return 1;
	}
	Loader ld;
	loader_init(&ld);
	loader_find_module(&ld, files[0]);
	Package *pkg = check_package(cf->pkgpath ? cf->pkgpath : "main", trees, nfiles, &ld.importer);
	/* gc reports these before it finds main missing (and after any other error, never) */
	if (diag_count() == diag_count_nopos()) parse_report_late_directives(nlate);
	/* as gc's linker: a program's main package needs func main (a lone
	 * package compile does not) */
	if (is_main) *is_main = pkg->name && !strcmp(pkg->name->s, "main");
	if (depobjs && diag_count() == 0 && pkg->name && !strcmp(pkg->name->s, "main") && !package_lookup(pkg, "main"))
		diag_error(NOPOS, "function main is undeclared in the main package");
	if (diag_count() > 0) {
		diag_flush();
		return 1;
	}
	if (cf->checkonly) return 0;
	for (int i = 0; depobjs && i < ld.pkgs.n; i++) {
		Package *dp = ld.pkgs.v[i]->pkg;
		char *o = xmalloc(PATH_MAX);
		snprintf(o, PATH_MAX, "%s/%d.o", depdir, i);
		vec_push(depobjs, o);
		bool cacheable = !cf->gen.emit_llvm;
		if (cacheable && cache_get(&ld.pkgs.v[i]->key, cf->gen.opt, o)) continue;
		if (!gen_package(dp, o, &cf->gen) || diag_count() > 0) {
			diag_flush();
			return 1;
		}
		if (cacheable) cache_put(&ld.pkgs.v[i]->key, cf->gen.opt, o);
	}
	if (!gen_package(pkg, obj, &cf->gen) || diag_count() > 0) {
		/* what the code generator cannot lower yet is an error, not undefined code */
		diag_flush();
		remove_regular(obj);
		return 1;
	}
	return 0;
}

/* ---- link -------------------------------------------------------------------------- */

static int run(char **argv) {
	pid_t pid;
	int err = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (err) {
		fprintf(stderr, "goc: %s: %s\n", argv[0], strerror(err));
		return -1;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) return -1;
	if (WIFEXITED(status)) return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* The runtime archive: next to the goc binary (build tree and install
 * layout agree: goc and lib/libgocrt.a), else where the build put it. */
static const char *runtime_archive(void) {
	static char path[PATH_MAX + 32];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) *slash = 0;
		snprintf(path, sizeof path, "%s/lib/libgocrt.a", exe);
		if (access(path, R_OK) == 0) return path;
	}
	snprintf(path, sizeof path, "%s/lib/libgocrt.a", GOC_BUILD_ROOT);
	return path;
}

static char *dirof(const char *file) {
	char *d = strdup(file);
	char *slash = strrchr(d, '/');
	if (slash) *slash = 0;
	return d;
}

int link_program(char **objs, int nobjs, const char *out) {
	const char *rt = runtime_archive();
	StrVec argv = {0};
	char *gccdir = dirof(GOC_LIBGCC_A), *libcdir = dirof(GOC_LIBC_A);
	char lg[PATH_MAX + 3], lc[PATH_MAX + 3];
	snprintf(lg, sizeof lg, "-L%s", gccdir);
	snprintf(lc, sizeof lc, "-L%s", libcdir);
	int st = -1;
	if (GOC_LLD[0]) {
		char *head[] = {GOC_LLD, "-static", "--gc-sections", "-o", (char *)out, GOC_CRT1_O, GOC_CRTI_O, GOC_CRTBEGINT_O};
		char *tail[] = {(char *)rt, lg, lc, "--start-group", "-lgcc", "-lgcc_eh", "-lc", "--end-group", GOC_CRTEND_O, GOC_CRTN_O, NULL};
		for (size_t i = 0; i < sizeof head / sizeof *head; i++) vec_push(&argv, head[i]);
		for (int i = 0; i < nobjs; i++) vec_push(&argv, objs[i]);
		for (size_t i = 0; i < sizeof tail / sizeof *tail; i++) vec_push(&argv, tail[i]);
		st = run(argv.v);
	}
	if (st < 0) {
		argv.n = 0;
		char *head[] = {"cc", "-static", "-o", (char *)out};
		for (size_t i = 0; i < sizeof head / sizeof *head; i++) vec_push(&argv, head[i]);
		for (int i = 0; i < nobjs; i++) vec_push(&argv, objs[i]);
		vec_push(&argv, (char *)rt);
		vec_push(&argv, NULL);
		st = run(argv.v);
	}
	free(argv.v);
	free(gccdir);
	free(libcdir);
	return st == 0 ? 0 : 1;
}

/* ---- goc build / goc run ------------------------------------------------------------- */

static bool has_suffix(const char *s, const char *suf) {
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* The package's files: the .go files named, or a directory's .go files
 * (tests excluded), in name order as the go command reads them. */

static int gather(int argc, char **argv, StrVec *files, char **outname) {
	struct stat st;
	if (argc == 1 && stat(argv[0], &st) == 0 && S_ISDIR(st.st_mode)) {
		struct dirent **ents;
		int n = scandir(argv[0], &ents, NULL, alphasort);
		if (n < 0) {
			fprintf(stderr, "goc: %s: %s\n", argv[0], strerror(errno));
			return 1;
		}
		for (int i = 0; i < n; i++) {
			const char *nm = ents[i]->d_name;
			if (has_suffix(nm, ".go") && !has_suffix(nm, "_test.go") && nm[0] != '.' && nm[0] != '_') {
				char *p = xmalloc(strlen(argv[0]) + strlen(nm) + 2);
				sprintf(p, "%s/%s", argv[0], nm);
				vec_push(files, p);
			}
			free(ents[i]);
		}
		free(ents);
		char *base = strdup(argv[0]);
		while (strlen(base) > 1 && base[strlen(base) - 1] == '/') base[strlen(base) - 1] = 0;
		char *slash = strrchr(base, '/');
		*outname = strdup(slash ? slash + 1 : base);
		if (!strcmp(*outname, ".")) {
			char cwd[PATH_MAX];
			if (getcwd(cwd, sizeof cwd)) {
				char *s2 = strrchr(cwd, '/');
				free(*outname);
				*outname = strdup(s2 ? s2 + 1 : cwd);
			}
		}
		free(base);
		if (files->n == 0) {
			fprintf(stderr, "no Go files in %s\n", argv[0]);
			return 1;
		}
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		if (!has_suffix(argv[i], ".go")) {
			fprintf(stderr, "goc: %s: not a .go file\n", argv[i]);
			return 2;
		}
		vec_push(files, argv[i]);
	}
	const char *slash = strrchr(argv[0], '/');
	char *b = strdup(slash ? slash + 1 : argv[0]);
	b[strlen(b) - 3] = 0;
	*outname = b;
	return 0;
}

static char *tempdir(void) {
	const char *t = getenv("TMPDIR");
	char *tmpl = xmalloc(PATH_MAX);
	snprintf(tmpl, PATH_MAX, "%s/goc-build-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpl)) {
		fprintf(stderr, "goc: mkdtemp: %s\n", strerror(errno));
		exit(1);
	}
	return tmpl;
}

/* Removes the objects (and the program, if given) and the temporary directory. */
static void cleanup(const char *dir, StrVec *objs, const char *exe) {
	for (int i = 0; objs && i < objs->n; i++) unlink(objs->v[i]);
	if (objs) objs->n = 0;
	if (exe) unlink(exe);
	rmdir(dir);
}

int cmd_build(int argc, char **argv, bool run_it) {
	CompileFlags cf = {.gen = {.opt = OPT_DEFAULT}};
	const char *out = NULL;
	int i = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-o") && !run_it && i + 1 < argc) out = argv[++i];
		else if (!strncmp(a, "-gcflags=", 9)) {
			if (!parse_gcflags(a + 9, &cf)) return 2;
		} else if (!strcmp(a, "-gcflags") && i + 1 < argc) {
			if (!parse_gcflags(argv[++i], &cf)) return 2;
		} else if (!strcmp(a, "-v") || !strcmp(a, "-x")) {
		} else {
			fprintf(stderr, "flag provided but not defined: %s\nusage: goc %s [-o output] [-gcflags='...'] [packages]\n", a,
			        run_it ? "run" : "build");
			return 2;
		}
	}
	int nfiles = argc - i;
	if (run_it) { /* goc run a.go b.go arg1 arg2: files end at the first non-.go */
		nfiles = 0;
		while (i + nfiles < argc && has_suffix(argv[i + nfiles], ".go")) nfiles++;
		/* or one package directory: goc run . args */
		struct stat st;
		if (nfiles == 0 && i < argc && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) nfiles = 1;
		if (nfiles == 0) {
			fprintf(stderr, "goc run: no go files listed\n");
			return 2;
		}
	}
	if (nfiles == 0) {
		fprintf(stderr, "goc build: no go files listed\n");
		return 2;
	}
	StrVec files = {0};
	char *outname = NULL;
	int st = gather(nfiles, argv + i, &files, &outname);
	if (st) return st;
	char *dir = tempdir();
	char obj[PATH_MAX + 16], exe[PATH_MAX + 16];
	snprintf(obj, sizeof obj, "%s/main.o", dir);
	StrVec objs = {0};
	bool is_main = true;
	st = compile_files(files.v, files.n, obj, &cf, dir, &objs, &is_main);
	vec_push(&objs, obj);
	if (st) {
		cleanup(dir, &objs, NULL);
		return st;
	}
	if (!is_main) {
		/* as the go command: building a library package only checks that it
		 * compiles; running one is an error */
		cleanup(dir, &objs, NULL);
		if (!run_it) return 0;
		fprintf(stderr, "package command-line-arguments is not a main package\n");
		return 1;
	}
	if (!run_it) {
		st = link_program(objs.v, objs.n, out ? out : outname);
		cleanup(dir, &objs, NULL);
		return st;
	}
	snprintf(exe, sizeof exe, "%s/%s", dir, outname);
	st = link_program(objs.v, objs.n, exe);
	cleanup(dir, &objs, NULL);
	if (st) {
		cleanup(dir, NULL, exe);
		return st;
	}
	/* run it with the remaining arguments; its exit status is ours */
	int nargs = argc - i - nfiles;
	char **args = xmalloc(sizeof(char *) * (size_t)(nargs + 2));
	args[0] = exe;
	for (int k = 0; k < nargs; k++) args[k + 1] = argv[i + nfiles + k];
	args[nargs + 1] = NULL;
	fflush(stdout);
	st = run(args);
	cleanup(dir, NULL, exe);
	if (st < 0) return 1;
	/* as go run: a failing program is reported, and goc run exits 1 */
	if (st != 0) {
		fprintf(stderr, "exit status %d\n", st);
		return 1;
	}
	return 0;
}

/* goc tool compile [-o file.o] [-p path] [flags] file.go... */
int cmd_tool_compile(int argc, char **argv) {
	CompileFlags cf = {.gen = {.opt = OPT_DEFAULT}};
	const char *out = NULL;
	int i = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
		else if (!strcmp(argv[i], "-p") && i + 1 < argc) cf.pkgpath = argv[++i];
		else if (!strncmp(argv[i], "-p=", 3)) cf.pkgpath = argv[i] + 3;
		else if (!parse_gcflag(argv[i], &cf)) {
			fprintf(stderr, "flag provided but not defined: %s\nusage: goc tool compile [options] file.go...\n", argv[i]);
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "usage: goc tool compile [options] file.go...\n");
		return 2;
	}
	char *def = NULL;
	if (!out) {
		const char *slash = strrchr(argv[i], '/');
		def = strdup(slash ? slash + 1 : argv[i]);
		if (has_suffix(def, ".go")) def[strlen(def) - 3] = 0;
		char *o = xmalloc(strlen(def) + 3);
		sprintf(o, "%s.o", def);
		free(def);
		def = o;
		out = def;
	}
	return compile_files(argv + i, argc - i, out, &cf, NULL, NULL, NULL);
}
