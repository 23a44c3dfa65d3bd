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
void resolve_const(Checker *c, Object *o) {
	if (o->state == 2) return;
	if (o->state == 1) {
		diag_error(o->pos, "initialization cycle or invalid recursive constant %s", o->name->s);
		o->type = ty_invalid;
		o->state = 2;
		return;
	}
	o->state = 1;
	int saved_iota = c->iota;
	Scope *saved_scope = c->scope;
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

Package *check_package(const char *path, Node **files, int nfiles) {
	const_init();
	init_universe();
	Package *pkg = NEW(Package);
	pkg->path = path;
	pkg->files = files;
	pkg->nfiles = nfiles;
	pkg->scope = scope_new(universe);
	if (nfiles > 0) pkg->name = files[0]->name;
	Checker c = {.pkg = pkg, .scope = pkg->scope, .iota = -1};
	VEC(Object *) consts = {0};
	Node *const_prev = NULL;
	for (int i = 0; i < nfiles; i++) {
		for (Node *d = files[i]->list; d; d = d->next) {
			switch (d->kind) {
			case N_FUNCDECL: {
				if (d->c || d->list) {
					diag_error(d->pos, "methods and generic functions are not supported yet");
					continue;
				}
				Object *o = obj_new(OBJ_FUNC, d->name, NULL, d->pos);
				o->decl = d;
				o->global = true;
				d->obj = o;
				if (strcmp(d->name->s, "init") != 0) declare(pkg->scope, o);
				vec_push(&pkg->funcs, o);
				break;
			}
			case N_CONSTDECL:
				if (d->iota == 0) const_prev = NULL;
				declare_consts(&c, d, &const_prev, pkg->scope);
				for (Node *l = d->list; l; l = l->next)
					if (l->obj) vec_push(&consts, l->obj);
				break;
			case N_IMPORTDECL:
				diag_error(d->pos, "imports are not supported yet");
				break;
			default:
				diag_error(d->pos, "package-level %s declarations are not supported yet", node_kind_name(d->kind));
			}
		}
	}
	for (int i = 0; i < consts.n; i++) resolve_const(&c, consts.v[i]);
	free(consts.v);
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		o->type = signature(&c, o->decl->a);
		o->decl->type = o->type;
	}
	for (int i = 0; i < pkg->funcs.n; i++) func_body(&c, pkg->funcs.v[i]);
	if (pkg->name && !strcmp(pkg->name->s, "main") && !scope_lookup_local(pkg->scope, internz("main")))
		diag_error(NOPOS, "function main is undeclared in the main package");
	return pkg;
}
