/* load.c: packages from source. The checker's Importer: an import path
 * names a directory under the standard library root (goc's stdlib/); its
 * .go files that match linux/amd64 (file name suffixes and //go:build
 * lines, as go/build decides) are parsed and checked, the package's own
 * imports first, each package once. The loader records the packages in
 * dependency order, which is the order they are compiled and linked in.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/base.h"
#include "../parse/parse.h"
#include "driver.h"

/* ---- build constraints ------------------------------------------------------ */

static bool tag_on(const char *tag, size_t n) {
	static const char *const on[] = {"linux", "amd64", "unix", "gc", "go1.1", "go1.2", "go1.3", "go1.4", "go1.5",
	                                 "go1.6", "go1.7", "go1.8", "go1.9", "go1.10", "go1.11", "go1.12", "go1.13",
	                                 "go1.14", "go1.15", "go1.16", "go1.17", "go1.18", "go1.19", NULL};
	for (int i = 0; on[i]; i++)
		if (strlen(on[i]) == n && !strncmp(on[i], tag, n)) return true;
	return false;
}

/* //go:build expressions: ||, &&, !, parentheses and tags (go/build/constraint) */
typedef struct { const char *p; bool bad; } Expr;

static void skip_space(Expr *e) { while (*e->p == ' ' || *e->p == '\t') e->p++; }
static bool or_expr(Expr *e);

static bool unary(Expr *e) {
	skip_space(e);
	if (*e->p == '!') {
		e->p++;
		return !unary(e);
	}
	if (*e->p == '(') {
		e->p++;
		bool v = or_expr(e);
		skip_space(e);
		if (*e->p == ')') e->p++;
		else e->bad = true;
		return v;
	}
	const char *s = e->p;
	while ((*e->p >= 'a' && *e->p <= 'z') || (*e->p >= 'A' && *e->p <= 'Z') || (*e->p >= '0' && *e->p <= '9') ||
	       *e->p == '_' || *e->p == '.')
		e->p++;
	if (e->p == s) {
		e->bad = true;
		return false;
	}
	return tag_on(s, (size_t)(e->p - s));
}

static bool and_expr(Expr *e) {
	bool v = unary(e);
	for (;;) {
		skip_space(e);
		if (e->p[0] != '&' || e->p[1] != '&') return v;
		e->p += 2;
		v = unary(e) && v;
	}
}

static bool or_expr(Expr *e) {
	bool v = and_expr(e);
	for (;;) {
		skip_space(e);
		if (e->p[0] != '|' || e->p[1] != '|') return v;
		e->p += 2;
		v = and_expr(e) || v;
	}
}

/* Whether a file's //go:build line (before the package clause) holds. */
static bool build_line_ok(const Source *src) {
	const char *p = (const char *)src->text, *end = p + src->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *q = p;
		while (q < le && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
		if (le - q >= 10 && !strncmp(q, "//go:build", 10) && (q[10] == ' ' || q[10] == '\t')) {
			char *line = strndup(q + 10, (size_t)(le - q - 10));
			Expr e = {line, false};
			bool v = or_expr(&e);
			free(line);
			return v || e.bad; /* a malformed line is go/build's error, not a skip */
		}
		if (q < le && !(le - q >= 2 && q[0] == '/' && q[1] == '/')) {
			/* the first line that is neither blank nor a // comment ends the header
			 * (block comments before the package clause are rare; gc allows them) */
			if (!(le - q >= 2 && q[0] == '/' && q[1] == '*')) break;
		}
		p = nl ? nl + 1 : end;
	}
	return true;
}

/* name_GOOS.go, name_GOARCH.go, name_GOOS_GOARCH.go (go/build's goodOSArchFile) */
static bool file_name_ok(const char *name) {
	static const char *const oses[] = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	                                   "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos", NULL};
	static const char *const arches[] = {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
	                                     "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
	                                     "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64",
	                                     "wasm", NULL};
	char stem[NAME_MAX + 1];
	snprintf(stem, sizeof stem, "%s", name);
	char *dot = strrchr(stem, '.');
	if (dot) *dot = 0;
	char *parts[64];
	int n = 0;
	for (char *s = stem, *save = NULL, *t; (t = strtok_r(s, "_", &save)) && n < 64; s = NULL) parts[n++] = t;
	if (n >= 1 && !strcmp(parts[n - 1], "test")) n--;
	bool isos = false, isarch = false;
	const char *last = n >= 2 ? parts[n - 1] : NULL, *prev = n >= 3 ? parts[n - 2] : NULL;
	if (!last) return true;
	for (int i = 0; arches[i]; i++)
		if (!strcmp(last, arches[i])) isarch = true;
	if (isarch) {
		if (strcmp(last, "amd64")) return false;
		if (prev)
			for (int i = 0; oses[i]; i++)
				if (!strcmp(prev, oses[i])) return !strcmp(prev, "linux");
		return true;
	}
	for (int i = 0; oses[i]; i++)
		if (!strcmp(last, oses[i])) isos = true;
	return !isos || !strcmp(last, "linux");
}

/* ---- finding packages ------------------------------------------------------- */

static bool is_dir(const char *path) {
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* goc's standard library: $GOCROOT/stdlib, else stdlib/ next to the goc
 * binary (an installed tree), else the source tree goc was built from. */
const char *std_root(void) {
	static char path[PATH_MAX + 16];
	const char *env = getenv("GOCROOT");
	if (env && *env) {
		snprintf(path, sizeof path, "%s/stdlib", env);
		return path;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) *slash = 0;
		snprintf(path, sizeof path, "%s/stdlib", exe);
		if (is_dir(path)) return path;
	}
	snprintf(path, sizeof path, "%s/stdlib", GOC_SOURCE_ROOT);
	return path;
}

/* ---- modules -----------------------------------------------------------------
 * As the go command in module mode: the main package's directory, or the
 * nearest one above it with a go.mod, is the main module's root, and the
 * go.mod's `module` line its path; an import path under that path is the
 * directory below the root, one found in the root's vendor/ tree is
 * vendored, and the rest are the standard library's. */

/* The module path of a go.mod's text (its `module` directive), or NULL. */
static char *module_path(const char *text) {
	for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		while (*l == ' ' || *l == '\t') l++;
		if (strncmp(l, "module", 6) || (l[6] != ' ' && l[6] != '\t')) continue;
		l += 6;
		while (*l == ' ' || *l == '\t') l++;
		bool quoted = *l == '"';
		if (quoted) l++;
		size_t n = 0;
		while (l[n] && l[n] != '\n' && l[n] != '\r' && (quoted ? l[n] != '"' : l[n] != ' ' && l[n] != '\t' && strncmp(l + n, "//", 2)))
			n++;
		return n ? strndup(l, n) : NULL;
	}
	return NULL;
}

void loader_find_module(Loader *l, const char *file) {
	char dir[PATH_MAX];
	if (!realpath(file, dir)) return;
	if (!is_dir(dir)) {
		char *slash = strrchr(dir, '/');
		if (!slash) return;
		*slash = 0;
	}
	for (;;) {
		char *gomod = arena_printf(g_arena, "%s/go.mod", dir);
		Source *src = source_read(gomod);
		if (src) {
			char *text = strndup((const char *)src->text, src->len);
			l->modpath = module_path(text);
			free(text);
			if (l->modpath) l->modroot = arena_printf(g_arena, "%s", dir);
			return;
		}
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir) return;
		*slash = 0;
	}
}

/* The directory of import path path: in the main module, vendored, or std. */
static const char *package_dir(Loader *l, const char *path) {
	if (l->modpath) {
		size_t n = strlen(l->modpath);
		if (!strcmp(path, l->modpath)) return l->modroot;
		if (!strncmp(path, l->modpath, n) && path[n] == '/') return arena_printf(g_arena, "%s%s", l->modroot, path + n);
		char *vendored = arena_printf(g_arena, "%s/vendor/%s", l->modroot, path);
		if (is_dir(vendored)) return vendored;
	}
	/* the standard library's own vendored modules (golang.org/x/...) */
	char *stdvendored = arena_printf(g_arena, "%s/vendor/%s", l->stdroot, path);
	if (strchr(path, '.') && is_dir(stdvendored)) return stdvendored;
	return arena_printf(g_arena, "%s/%s", l->stdroot, path);
}

static bool has_suffix(const char *s, const char *suf) {
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* The .go files of a package directory that build for linux/amd64, in
 * name order (tests and files starting with _ or . excluded). */
int package_files(const char *dir, char ***out) {
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0) return -1;
	VEC(char *) files = {0};
	for (int i = 0; i < n; i++) {
		const char *nm = ents[i]->d_name;
		if (has_suffix(nm, ".go") && !has_suffix(nm, "_test.go") && nm[0] != '.' && nm[0] != '_' && file_name_ok(nm)) {
			char *p = xmalloc(strlen(dir) + strlen(nm) + 2);
			sprintf(p, "%s/%s", dir, nm);
			vec_push(&files, p);
		}
		free(ents[i]);
	}
	free(ents);
	*out = files.v;
	return files.n;
}

/* ---- the importer ---------------------------------------------------------- */

static LoadedPkg *find(Loader *l, const char *path) {
	for (int i = 0; i < l->pkgs.n; i++)
		if (!strcmp(l->pkgs.v[i]->path, path)) return l->pkgs.v[i];
	for (int i = 0; i < l->loading.n; i++)
		if (!strcmp(l->loading.v[i]->path, path)) return l->loading.v[i];
	return NULL;
}

static Package *import(void *ctx, const char *path, const char **err) {
	Loader *l = ctx;
	LoadedPkg *lp = find(l, path);
	if (lp) {
		if (lp->failed) *err = arena_printf(g_arena, "could not import %s (type-checking package \"%s\" failed)", path, path);
		else if (!lp->pkg) *err = "import cycle not allowed";
		return lp->pkg;
	}
	if (path[0] == '.' || path[0] == '/') {
		*err = arena_printf(g_arena, "local import \"%s\" is not supported by goc", path);
		return NULL;
	}
	const char *dir = package_dir(l, path);
	if (!is_dir(dir)) {
		/* the go command's words: a path with a dot in its first element
		 * is a module's, and goc downloads none */
		const char *slash = strchr(path, '/');
		const char *dot = strchr(path, '.');
		if (dot && (!slash || dot < slash))
			*err = l->modpath ? arena_printf(g_arena, "no required module provides package %s; goc builds only the main module and its vendor directory", path)
			                  : arena_printf(g_arena, "cannot find package %s (no go.mod found: goc builds only the main module and the standard library)", path);
		else
			*err = arena_printf(g_arena, "package %s is not in std (%s)", path, dir);
		return NULL;
	}
	char **names;
	int before = diag_count();
	int n = package_files(dir, &names);
	Node **trees = NEWARR(Node *, n + 1);
	int nt = 0;
	CacheKey key; /* the sources, then the imports' keys (cache.c) */
	cache_key_init(&key, path);
	for (int i = 0; i < n; i++) {
		Source *src = source_read(names[i]);
		if (!src) {
			*err = arena_printf(g_arena, "open %s: %s", names[i], strerror(errno));
			return NULL;
		}
		if (!build_line_ok(src)) continue;
		cache_key_add(&key, src->text, src->len);
		trees[nt++] = parse_file(src)->file;
	}
	free(names);
	if (nt == 0) {
		*err = arena_printf(g_arena, "no buildable Go source files in %s", dir);
		return NULL;
	}
	lp = NEW(LoadedPkg);
	lp->path = arena_printf(g_arena, "%s", path);
	vec_push(&l->loading, lp);
	/* the packages asked for (first on the chain) are checked whole */
	CheckOptions opts = {.ignore_func_bodies = l->imports_decls_only && l->loading.n > 1};
	Package *p = diag_count() > before ? NULL : check_package_opts(lp->path, trees, nt, &l->importer, opts);
	l->loading.n--;
	if (!p || diag_count() > before) {
		*err = arena_printf(g_arena, "could not import %s (type-checking package \"%s\" failed)", path, path);
		lp->failed = true;
		vec_push(&l->pkgs, lp);
		return NULL;
	}
	lp->pkg = p;
	lp->key = key;
	for (int i = 0; i < p->imports.n; i++)
		for (int j = 0; j < l->pkgs.n; j++)
			if (l->pkgs.v[j]->pkg == p->imports.v[i]) cache_key_add(&lp->key, &l->pkgs.v[j]->key, sizeof(CacheKey));
	vec_push(&l->pkgs, lp);
	return p;
}

void loader_init(Loader *l) {
	memset(l, 0, sizeof *l);
	l->stdroot = std_root();
	l->importer.import = import;
	l->importer.ctx = l;
}
