/* import.c: imports. Each file has its own scope, between the package
 * scope and the universe's children, holding the package names its import
 * declarations bind (spec: "the file block"); a qualified identifier p.X
 * resolves X in the imported package's scope and must be exported. The
 * built-in package unsafe is made here; every other package comes from the
 * driver's Importer, already checked.
 *
 * A qualified identifier is rewritten in place into the N_NAME of the
 * object it denotes (n->a keeps the package name, for printing), so later
 * stages treat fmt.Println exactly like a name of their own package.
 */
#include <stdio.h>
#include <string.h>

#include "check_int.h"

const char *import_path(const Node *d) {
	const Node *lit = d->a;
	Const *v = const_from_literal(T_STRING, lit->lit, lit->litlen);
	if (!v || v->kind != CV_STRING) return "";
	char *s = arena_alloc(g_arena, (size_t)v->len + 1);
	memcpy(s, v->s, (size_t)v->len);
	s[v->len] = 0;
	return s;
}

/* package unsafe: made once, like the universe, and shared by every check */
static Package *unsafe_pkg;

static Package *unsafe_package(void) {
	if (unsafe_pkg) return unsafe_pkg;
	Arena *saved = g_arena;
	g_arena = arena_new();
	Package *p = NEW(Package);
	p->path = "unsafe";
	p->name = internz("unsafe");
	p->scope = scope_new(universe);
	Object *ptr = obj_new(OBJ_TYPENAME, internz("Pointer"), basic_type(TY_UNSAFEPTR), NOPOS);
	ptr->state = 2;
	ptr->pkg = p;
	declare(p->scope, ptr);
	static const struct { int id; const char *name; } fns[] = {
		{BUILTIN_SIZEOF, "Sizeof"}, {BUILTIN_ALIGNOF, "Alignof"}, {BUILTIN_OFFSETOF, "Offsetof"},
		{BUILTIN_ADD, "Add"}, {BUILTIN_SLICE, "Slice"},
	};
	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
		Object *o = obj_new(OBJ_BUILTIN, internz(fns[i].name), ty_invalid, NOPOS);
		o->builtin = fns[i].id;
		o->pkg = p;
		declare(p->scope, o);
	}
	g_arena = saved;
	return unsafe_pkg = p;
}

static bool is_exported(const Str *name) {
	unsigned char ch = (unsigned char)name->s[0];
	if (ch < 0x80) return ch >= 'A' && ch <= 'Z';
	/* a non-ASCII first letter: exported if upper case (spec: Exported
	 * identifiers); the lexer's tables would answer exactly, but Go's
	 * library has no such names and gc treats them rarely */
	return false;
}

static const char *last_elem(const char *path) {
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Enters a file's imports into its scope. */
void declare_imports(Checker *c, Node *file, Scope *fscope, const Importer *imp) {
	for (Node *d = file->list; d; d = d->next) {
		if (d->kind != N_IMPORTDECL) continue;
		const char *path = import_path(d);
		Package *p = NULL;
		if (!strcmp(path, "unsafe")) {
			p = unsafe_package();
		} else if (!strcmp(path, "C")) {
			diag_error(d->a->pos, "cgo is not supported by goc (import \"C\")");
			continue;
		} else {
			const char *err = "no importer";
			if (imp) p = imp->import(imp->ctx, path, &err);
			if (!p) {
				diag_error(d->a->pos, "%s", err);
				continue;
			}
			bool have = false;
			for (int i = 0; i < c->pkg->imports.n; i++)
				if (c->pkg->imports.v[i] == p) have = true;
			if (!have) vec_push(&c->pkg->imports, p);
		}
		const Str *name = d->name ? d->name : p->name;
		if (name->len == 1 && name->s[0] == '_') continue; /* imported for its initialization only */
		Object *pn = obj_new(OBJ_PKGNAME, name, ty_invalid, d->pos);
		pn->imported = p;
		pn->pkg = c->pkg;
		d->obj = pn;
		vec_push(&c->pkgnames, pn);
		if (name->len == 1 && name->s[0] == '.') {
			/* dot import: the package's exported names join the file scope.
			 * Whether any is used is not tracked: a dot import is never
			 * reported unused (gc does report it). */
			pn->used = true;
			for (int i = 0; i < p->scope->objs.n; i++) {
				Object *o = p->scope->objs.v[i];
				if (is_exported(o->name)) declare(fscope, o);
			}
			continue;
		}
		/* a package-level name may not also be a package name in a file */
		Object *clash = scope_lookup_local(c->pkg->scope, name);
		if (clash) {
			LineCol lc = pos_linecol(pn->pos);
			diag_error(clash->pos, "%s already declared through import of package %s (\"%s\")\n\t%s:%d:%d: other declaration of %s",
			           name->s, p->name->s, p->path, lc.src ? lc.src->name : "?", lc.line, lc.col, name->s);
		}
		declare(fscope, pn);
	}
}

/* gc's message for an import no file uses */
void check_unused_imports(Checker *c) {
	for (int i = 0; i < c->pkgnames.n; i++) {
		Object *pn = c->pkgnames.v[i];
		if (pn->used) continue;
		/* a dot import counts as used if any of its names was */
		const char *path = pn->imported->path;
		if (!strcmp(pn->name->s, ".") || !strcmp(pn->name->s, last_elem(path)))
			diag_error(pn->pos, "imported and not used: \"%s\"", path);
		else
			diag_error(pn->pos, "imported and not used: \"%s\" as %s", path, pn->name->s);
	}
}

/* If sel is p.X for a package name p in scope, resolves it: reports what
 * is wrong, or rewrites sel into the N_NAME of X and returns X. Returns
 * NULL, with *qualified false, for a selector that is not qualified. */
Object *qualified_ident(Checker *c, Node *sel, bool *qualified) {
	*qualified = false;
	Node *x = sel->a;
	if (!x || x->kind != N_NAME) return NULL;
	Object *pn = scope_lookup(c->scope, x->name);
	if (!pn || pn->kind != OBJ_PKGNAME) return NULL;
	*qualified = true;
	pn->used = true;
	x->obj = pn;
	Package *p = pn->imported;
	Object *o = scope_lookup_local(p->scope, sel->name);
	if (!o) {
		diag_error(sel->pos, "undefined: %s.%s", p->name->s, sel->name->s);
		return NULL;
	}
	if (!is_exported(o->name)) {
		diag_error(sel->pos, "%s not exported by package %s", sel->name->s, p->name->s);
		return NULL;
	}
	sel->kind = N_NAME;
	sel->pos = x->pos;
	sel->obj = o;
	return o;
}
