/* decl.c: package-level declarations and constants; check_package, the
 * checker's entry point.
 *
 * Algorithm: (1) the universe scope holds the predeclared objects
 * (scope.c); (2) every package-level declaration of every file is entered
 * into the package scope first, so declarations may appear in any order;
 * (3) constants are resolved on first use (so they may refer to later
 * ones, and cycles are found); (4) signatures, then each function body
 * (stmt.c, expr.c), recording on every expression node its mode and type,
 * for constants the exact value, and on every identifier its object.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

/* A constant's value is computed on first use. A spec without values
 * repeats the previous spec's type and expressions with its own iota (the
 * spec's "implicit repetition"): the expression nodes are shared between
 * specs, so each constant re-evaluates the same tree. */
static const char *pos_string(Pos p) {
	LineCol lc = pos_linecol(p);
	return arena_printf(g_arena, "%s:%d:%d", lc.src ? lc.src->name : "?", lc.line, lc.col);
}

/* The package-level constants and variables being resolved, outermost
 * first: a reference back to one of them closes an initialization loop,
 * reported as types2 does ("initialization loop for a", then "a refers
 * to" for each object around the loop). */
static Object *resolving[256];
static int nresolving;
static bool loop_reported;

static void report_loop(Object *o) {
	int i = nresolving - 1;
	while (i >= 0 && resolving[i] != o) i--;
	if (i < 0) {
		diag_error(o->pos, "initialization loop for %s", o->name->s);
		loop_reported = true;
		return;
	}
	const char *m = arena_printf(g_arena, "initialization loop for %s", o->name->s);
	for (int k = i; k < nresolving; k++)
		m = arena_printf(g_arena, "%s\n\t%s: %s refers to", m, pos_string(resolving[k]->pos), resolving[k]->name->s);
	m = arena_printf(g_arena, "%s\n\t%s: %s", m, pos_string(o->pos), o->name->s);
	diag_error(o->pos, "%s", m);
	loop_reported = true;
}

static void push_resolving(Object *o) {
	if (nresolving < 256) resolving[nresolving] = o;
	nresolving++;
}

void resolve_const(Checker *c, Object *o) {
	if (o->state == 2) return;
	if (o->state == 1) {
		report_loop(o);
		o->type = ty_invalid;
		o->state = 2;
		return;
	}
	o->state = 1;
	push_resolving(o);
	int saved_iota = c->iota;
	Scope *saved_scope = c->scope;
	if (o->fscope) c->scope = o->fscope;
	c->iota = o->spec->iota;
	Type *t = o->typeexpr ? resolve_type(c, o->typeexpr) : NULL;
	Node *v = o->valexpr;
	o->type = ty_invalid;
	if (!v) {
		if (!(o->spec->flags & NF_BAD)) diag_error(o->pos, "missing init expr for const declaration");
	} else {
		expr(c, v);
		if (v->mode == M_INVALID) {
		} else if (v->mode != M_CONST) {
			diag_error(node_startpos(v), "%s is not constant", operand_string(v));
		} else if (t) {
			if (!type_is_untyped(v->type) && !type_identical(v->type, t))
				diag_error(node_startpos(v), "cannot use %s as %s value in constant declaration", operand_string(v), type_string(t));
			else if (assign_to(c, v, t, "constant declaration")) {
				o->type = t;
				o->val = v->val;
			}
		} else {
			o->type = v->type;
			o->val = v->val;
		}
	}
	c->iota = saved_iota;
	c->scope = saved_scope;
	o->state = 2;
	nresolving--;
}

/* A package-level variable's type comes from its declaration or its
 * initializer, which is checked on first use (so a variable may be used
 * before the line that declares it). The initializer's references to other
 * package variables are recorded for the initialization order. */
void resolve_var(Checker *c, Object *o) {
	if (o->state == 2) return;
	Node *spec = o->spec;
	if (o->state == 1) {
		report_loop(o);
		o->type = ty_invalid;
		o->state = 2;
		return;
	}
	push_resolving(o);
	/* all names of the spec resolve together */
	for (Node *l = spec->list; l; l = l->next)
		if (l->obj) l->obj->state = 1;
	Scope *saved_scope = c->scope;
	Node *saved_deps = c->initdeps;
	Type *saved_sig = c->fnsig;
	c->scope = o->fscope;
	c->initdeps = spec;
	int nl = list_len(spec->list), i = 0;
	Type **types = NEWARR(Type *, nl + 1);
	var_types(c, spec, types);
	for (Node *l = spec->list; l; l = l->next, i++) {
		if (l->obj) {
			l->obj->type = types[i];
			l->obj->state = 2;
		}
		l->type = types[i];
	}
	c->scope = saved_scope;
	c->initdeps = saved_deps;
	c->fnsig = saved_sig;
	nresolving--;
}

/* Go's initialization order (spec: Package initialization): repeatedly the
 * earliest declared variable that depends on no uninitialized variable.
 * Dependencies are the variables an initializer refers to directly
 * (references through functions: issue 3). */
/* The package variables a function reaches through its body and the
 * functions it calls, added to spec's dependencies (spec: Package
 * initialization: "references" are transitive through functions). */
static void add_fn_deps(Node *spec, Object *fn, Object **seen, int *nseen) {
	for (int i = 0; i < *nseen; i++)
		if (seen[i] == fn) return;
	if (*nseen < 4096) seen[(*nseen)++] = fn;
	for (int i = 0; i < fn->refs.n; i++) {
		Object *r = fn->refs.v[i];
		if (r->kind == OBJ_FUNC) add_fn_deps(spec, r, seen, nseen);
		else if (r->kind == OBJ_VAR && r->spec && r->spec != spec) vec_push(&node_deps(spec)->deps, r->spec);
	}
}

static void init_order(Package *pkg, Node **specs, int n) {
	Object **seen = xmalloc(sizeof(Object *) * 4096);
	for (int i = 0; i < n; i++) {
		int nseen = 0;
		for (int k = 0; k < node_deps(specs[i])->fdeps.n; k++) add_fn_deps(specs[i], node_deps(specs[i])->fdeps.v[k], seen, &nseen);
	}
	free(seen);
	for (int round = 0; round < n; round++) {
		for (int i = 0; i < n; i++) {
			Node *s = specs[i];
			if (node_deps(s)->initstate) continue;
			bool ready = true;
			for (int k = 0; k < node_deps(s)->deps.n && ready; k++)
				if (!node_deps(node_deps(s)->deps.v[k])->initstate) ready = false;
			if (!ready) continue;
			node_deps(s)->initstate = 1;
			vec_push(&pkg->inits, s);
			break;
		}
	}
	for (int i = 0; i < n; i++)
		if (!node_deps(specs[i])->initstate) {
			if (loop_reported) continue;
			diag_error(specs[i]->pos, "initialization cycle: %s refers to itself", specs[i]->list->name->s);
			node_deps(specs[i])->initstate = 1;
		}
}

/* Enters the constants of one spec; prev carries the group's last spec
 * that had values, for implicit repetition. */
void declare_consts(Checker *c, Node *spec, Node **prev, Scope *s) {
	(void)c;
	if (spec->list2) *prev = spec;
	Node *src = spec->list2 ? spec : *prev;
	Node *v = src ? src->list2 : NULL;
	for (Node *l = spec->list; l; l = l->next) {
		Object *o = obj_new(OBJ_CONST, l->name, ty_invalid, l->pos);
		o->spec = spec;
		o->valexpr = v;
		o->typeexpr = src ? src->a : spec->a;
		l->obj = o;
		declare(s, o);
		if (v) v = v->next;
	}
}


/* A method: its receiver's base type must be a named type of this package
 * that is not a pointer or an interface; the method joins that type's
 * method set (sorted order is kept by lookup, not here). */
static void declare_method(Checker *c, Node *d, Scope *fscope) {
	c->scope = fscope;
	Node *recv = d->c;
	if (recv->next) {
		diag_error(d->pos, "method has multiple receivers");
		return;
	}
	Node *rt = recv->a;
	bool ptr = false;
	while (rt && rt->kind == N_PAREN) rt = rt->a;
	if (rt && rt->kind == N_UNARY && rt->op == T_STAR) {
		ptr = true;
		rt = rt->a;
		while (rt && rt->kind == N_PAREN) rt = rt->a;
	}
	Object *o = obj_new(OBJ_FUNC, d->name, NULL, d->pos);
	o->decl = d;
	o->global = true;
	o->pkg = c->pkg;
	o->fscope = fscope;
	d->obj = o;
	/* a generic receiver T[P, Q]: P and Q name T's type parameters */
	Node *rparams = NULL;
	if (rt && rt->kind == N_INDEX) {
		rparams = rt->list;
		rt = rt->a;
		while (rt && rt->kind == N_PAREN) rt = rt->a;
	}
	Type *base = rt && rt->kind == N_NAME ? NULL : ty_invalid;
	if (!base) {
		Object *bo = scope_lookup(c->pkg->scope, rt->name);
		if (!bo) {
			diag_error(rt->pos, "undefined: %s", rt->name->s);
			base = ty_invalid;
		} else if (bo->kind != OBJ_TYPENAME) {
			diag_error(rt->pos, "%s is not a type", rt->name->s);
			base = ty_invalid;
		} else {
			rt->obj = bo;
			base = bo->type;
		}
	} else if (rt) {
		diag_error(node_startpos(recv), "invalid receiver type %s", expr_string(recv->a));
	}
	if (base->kind == TY_NAMED && base->ntparams) {
		if (!rparams) {
			diag_error(rt->pos, "cannot use generic type %s without instantiation", type_string(base));
		} else if (list_len(rparams) != base->ntparams) {
			diag_error(rparams->pos, "got %d type parameter%s, but receiver base type declares %d", list_len(rparams),
			           list_len(rparams) == 1 ? "" : "s", base->ntparams);
			base = ty_invalid;
		} else {
			c->scope = o->fscope = scope_new(fscope);
			int i = 0;
			for (Node *p = rparams; p; p = p->next, i++) {
				if (p->kind != N_NAME) {
					diag_error(p->pos, "receiver type parameter %s must be an identifier", expr_string(p));
					continue;
				}
				Object *po = obj_new(OBJ_TYPENAME, p->name, base->tparams[i], p->pos);
				po->state = 2;
				po->used = true;
				p->obj = po;
				p->type = base->tparams[i];
				if (!is_blank(p)) declare(c->scope, po);
			}
		}
	} else if (rparams && base->kind != TY_INVALID) {
		diag_error(rt->pos, "%s is not a generic type", type_string(base));
		base = ty_invalid;
	}
	o->type = d->type = signature(c, d->a);
	Type *recvt = base->kind == TY_INVALID ? ty_invalid : ptr ? type_pointer(base) : base;
	recv->type = recvt;
	recv->a->type = recvt;
	if (base->kind != TY_NAMED || !base->obj || base->obj->pkg != c->pkg) {
		if (base->kind == TY_INVALID)
			;
		else if (base->kind == TY_NAMED || is_basic(base))
			diag_error(node_startpos(recv), "cannot define new methods on non-local type %s", type_string(base));
		else
			diag_error(node_startpos(recv), "invalid receiver type %s", type_string(recvt));
		vec_push(&c->pkg->funcs, o);
		return;
	}
	Type *u = under(base);
	if (u->kind == TY_POINTER || u->kind == TY_INTERFACE) {
		diag_error(node_startpos(recv), "invalid receiver type %s (pointer or interface type)", type_string(base));
		vec_push(&c->pkg->funcs, o);
		return;
	}
	if (!(d->name->len == 1 && d->name->s[0] == '_')) {
		for (int i = 0; i < base->methods.n; i++)
			if (base->methods.v[i].name == d->name) {
				diag_error(d->pos, "%s.%s redeclared in this block\n\t%s: other declaration of %s", base->obj->name->s, d->name->s,
				           pos_string(base->methods.v[i].obj->pos), d->name->s);
				vec_push(&c->pkg->funcs, o);
				return;
			}
		if (u->kind == TY_STRUCT)
			for (int i = 0; i < u->nfields; i++)
				if (u->fields[i].name == d->name) {
					diag_error(d->pos, "field and method with the same name %s\n\t%s: other declaration of %s", d->name->s,
					           pos_string(u->fields[i].pos), d->name->s);
					break;
				}
		Method m = {d->name, o->type, o, ptr};
		vec_push(&base->methods, m);
	}
	o->recv = recvt;
	vec_push(&c->pkg->funcs, o);
}

/* A package-level declaration's object: it belongs to pkg and resolves
 * names in the scope of the file that declares it. */
static Object *pkg_obj(Package *pkg, Scope *fscope, ObjKind k, const Str *name, Type *t, Pos pos) {
	Object *o = obj_new(k, name, t, pos);
	o->global = true;
	o->pkg = pkg;
	o->fscope = fscope;
	return o;
}

typedef struct { Node *decl; Scope *fscope; } MethodDecl;

Object *package_lookup(Package *p, const char *name) { return scope_lookup_local(p->scope, internz(name)); }

/* A package function's signature; a generic function's type parameters
 * are declared in a scope of their own, which its body then sees (the
 * object's fscope becomes that scope). Leaves c->scope there. */
void func_signature(Checker *c, Object *o) {
	Node *d = o->decl;
	c->scope = o->fscope;
	Type **tp = NULL;
	int ntp = 0;
	if (d->list) {
		c->scope = o->fscope = scope_new(o->fscope);
		tp = declare_tparams(c, d->list, &ntp);
		if (!strcmp(d->name->s, "main") || !strcmp(d->name->s, "init"))
			diag_error(d->pos, "func %s must have no type parameters", d->name->s);
	}
	Type *sig = signature(c, d->a);
	sig->tparams = tp;
	sig->ntparams = ntp;
	o->type = d->type = sig;
}

Package *check_package(const char *path, Node **files, int nfiles, const Importer *imp) {
	return check_package_opts(path, files, nfiles, imp, (CheckOptions){0});
}

Package *check_package_opts(const char *path, Node **files, int nfiles, const Importer *imp, CheckOptions opts) {
	const_init();
	init_universe();
	Package *pkg = NEW(Package);
	pkg->path = path;
	pkg->files = files;
	pkg->nfiles = nfiles;
	pkg->scope = scope_new(universe);
	if (nfiles > 0) pkg->name = files[0]->name;
	const Package *saved_rel = type_string_package(pkg);
	Checker c = {.pkg = pkg, .scope = pkg->scope, .iota = -1, .empty_iface = universe_empty_interface(),
	             .ignore_bodies = opts.ignore_func_bodies};
	VEC(Object *) consts = {0};
	VEC(Node *) varspecs = {0};
	VEC(Object *) typenames = {0};
	VEC(MethodDecl) methods = {0};
	Scope **fscopes = NEWARR(Scope *, nfiles + 1);
	Node *const_prev = NULL;
	for (int i = 0; i < nfiles; i++) {
		if (files[i]->name && files[i]->name->len == 1 && files[i]->name->s[0] == '_')
			diag_error(files[i]->pos, "invalid package name _");
		Scope *fs = fscopes[i] = scope_new(pkg->scope);
		for (Node *d = files[i]->list; d; d = d->next) {
			switch (d->kind) {
			case N_TYPEDECL: {
				Object *o = pkg_obj(pkg, fs, OBJ_TYPENAME, d->name, ty_invalid, d->pos);
				o->decl = d;
				d->obj = o;
				if (!(d->flags & NF_ALIAS)) {
					Type *t = type_new(TY_NAMED);
					t->obj = o;
					o->type = t;
				}
				declare(pkg->scope, o);
				vec_push(&typenames, o);
				break;
			}
			case N_FUNCDECL: {
				if (d->c) {
					MethodDecl md = {d, fs};
					vec_push(&methods, md);
					continue;
				}
				Object *o = pkg_obj(pkg, fs, OBJ_FUNC, d->name, NULL, d->pos);
				o->decl = d;
				d->obj = o;
				if ((!strcmp(d->name->s, "init") || (!strcmp(d->name->s, "main") && !strcmp(pkg->name->s, "main"))) && d->a &&
				    (d->a->list || d->a->list2))
					diag_error(d->pos, "func %s must have no arguments and no return values", d->name->s);
				if (strcmp(d->name->s, "init") != 0) declare(pkg->scope, o);
				vec_push(&pkg->funcs, o);
				break;
			}
			case N_CONSTDECL:
				if (d->iota == 0) const_prev = NULL;
				declare_consts(&c, d, &const_prev, pkg->scope);
				for (Node *l = d->list; l; l = l->next)
					if (l->obj) {
						l->obj->pkg = pkg;
						l->obj->fscope = fs;
						vec_push(&consts, l->obj);
					}
				break;
			case N_VARDECL:
				vec_push(&varspecs, d);
				for (Node *l = d->list; l; l = l->next) {
					Object *o = pkg_obj(pkg, fs, OBJ_VAR, l->name, ty_invalid, l->pos);
					o->spec = d;
					o->used = true; /* package variables are never "declared but not used" */
					l->obj = o;
					declare(pkg->scope, o);
					vec_push(&pkg->globals, o);
				}
				break;
			case N_IMPORTDECL:
				break; /* declare_imports, below */
			default:
				diag_error(d->pos, "package-level %s declarations are not supported yet", node_kind_name(d->kind));
			}
		}
	}
	/* imports last, so that a package-level name that clashes with a
	 * package name is found whichever comes first in the source */
	for (int i = 0; i < nfiles; i++) declare_imports(&c, files[i], fscopes[i], imp);
	for (int i = 0; i < typenames.n; i++) resolve_typename(&c, typenames.v[i]);
	for (int i = 0; i < typenames.n; i++) check_recursive_type(typenames.v[i]);
	for (int i = 0; i < methods.n; i++) declare_method(&c, methods.v[i].decl, methods.v[i].fscope);
	free(typenames.v);
	free(methods.v);
	for (int i = 0; i < consts.n; i++) resolve_const(&c, consts.v[i]);
	free(consts.v);
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		c.scope = o->fscope;
		if (!o->type) func_signature(&c, o);
	}
	for (int i = 0; i < pkg->globals.n; i++) resolve_var(&c, pkg->globals.v[i]);
	for (int i = 0; i < pkg->funcs.n; i++) func_body(&c, pkg->funcs.v[i]);
	c.curfn = NULL;
	c.scope = pkg->scope;
	init_order(pkg, varspecs.v, varspecs.n);
	free(varspecs.v);
	if (!c.ignore_bodies) check_unused_imports(&c); /* without bodies most uses are unseen */
	free(c.pkgnames.v);
	type_string_package(saved_rel);
	return pkg;
}
