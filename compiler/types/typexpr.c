/* typexpr.c: types written in the source. resolve_type turns a type
 * expression into a Type; named types are resolved lazily (a type may be
 * used before its declaration, and through a pointer, slice, map, chan or
 * function it may refer to itself), and a type that contains itself
 * directly is reported as gc does ("invalid recursive type"). */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

static const char *pos_string(Pos p) {
	LineCol lc = pos_linecol(p);
	return arena_printf(g_arena, "%s:%d:%d", lc.src ? lc.src->name : "?", lc.line, lc.col);
}

/* Resolves the declaration of a named type (or alias) on first use. */
void resolve_typename(Checker *c, Object *o) {
	if (o->state == 2 || !o->decl) return;
	if (o->state == 1) return; /* in progress: the TY_NAMED itself is usable */
	o->state = 1;
	Node *d = o->decl;
	Scope *saved = c->scope;
	if (o->global) c->scope = o->fscope;
	if (d->list && !(d->flags & NF_ALIAS)) {
		/* a generic type: its parameters are in scope for its definition */
		c->scope = scope_new(c->scope);
		o->type->tparams = declare_tparams(c, d->list, &o->type->ntparams);
	}
	if (d->flags & NF_ALIAS) {
		o->type = resolve_type(c, d->a);
	} else {
		Type *rhs = resolve_type(c, d->a);
		Type *u = under(rhs);
		if (rhs->kind == TY_NAMED && !rhs->underlying) {
			/* type T U where U is still being resolved: a cycle through names */
			u = ty_invalid;
		}
		o->type->underlying = u;
	}
	c->scope = saved;
	o->state = 2;
}

/* Reports a named type that contains itself other than through an
 * indirection (spec: a struct or array type may not contain itself). */
static bool contains(Type *t, Type *target, int depth) {
	if (!t || depth > 100) return false;
	if (t == target) return true;
	switch (t->kind) {
	case TY_NAMED: return t->underlying && contains(t->underlying, target, depth + 1);
	case TY_ARRAY: return contains(t->elem, target, depth + 1);
	case TY_STRUCT:
		for (int i = 0; i < t->nfields; i++)
			if (contains(t->fields[i].type, target, depth + 1)) return true;
		return false;
	default: return false;
	}
}

void check_recursive_type(Object *o) {
	Type *t = o->type;
	if (t->kind != TY_NAMED || !t->underlying) return;
	if (contains(t->underlying, t, 0)) {
		diag_error(o->pos, "invalid recursive type %s\n\t%s: %s refers to\n\t%s: %s", o->name->s, pos_string(o->pos),
		           o->name->s, pos_string(o->pos), o->name->s);
		t->underlying = ty_invalid;
	}
}

Type *signature(Checker *c, Node *ft) {
	Type *t = type_new(TY_FUNC);
	t->nparams = list_len(ft->list);
	t->nresults = list_len(ft->list2);
	t->params = NEWARR(Type *, t->nparams + 1);
	t->results = NEWARR(Type *, t->nresults + 1);
	int i = 0;
	for (Node *f = ft->list; f; f = f->next, i++) {
		if (f->a && f->a->kind == N_DOTSTYPE) {
			if (f->next) diag_error(f->a->pos, "can only use ... with final parameter in list");
			t->variadic = !f->next;
			f->type = t->params[i] = type_slice(resolve_type(c, f->a->b));
			continue;
		}
		f->type = t->params[i] = resolve_type(c, f->a);
	}
	i = 0;
	for (Node *f = ft->list2; f; f = f->next) {
		if (f->a && f->a->kind == N_DOTSTYPE) diag_error(f->a->pos, "can only use ... with final parameter in list");
		f->type = t->results[i++] = resolve_type(c, f->a);
	}
	return t;
}

/* A function type's parameter and result names share one scope (types2:
 * "i redeclared in this block"); declared functions get this from their
 * body's scope. */
static void dup_params(Node *ft) {
	Node *lists[2] = {ft->list, ft->list2};
	for (int a = 0; a < 2; a++)
		for (Node *f = lists[a]; f; f = f->next) {
			if (!f->name || (f->name->len == 1 && f->name->s[0] == '_')) continue;
			bool dup = false;
			for (int b = 0; b <= a && !dup; b++)
				for (Node *g = lists[b]; g && g != f && !dup; g = g->next)
					if (g->name == f->name) {
						diag_error(f->pos, "%s redeclared in this block\n\t%s: other declaration of %s", f->name->s, pos_string(g->pos),
						           f->name->s);
						dup = true;
					}
		}
}

static int method_cmp(const void *a, const void *b) {
	return strcmp(((const Method *)a)->name->s, ((const Method *)b)->name->s);
}

static Type *struct_type(Checker *c, Node *n) {
	Type *t = type_new(TY_STRUCT);
	t->nfields = list_len(n->list);
	t->fields = NEWARR(Field, t->nfields + 1);
	int i = 0;
	for (Node *f = n->list; f; f = f->next, i++) {
		Field *fd = &t->fields[i];
		fd->type = resolve_type(c, f->a);
		fd->pos = f->pos;
		if (f->b) {
			fd->tag = f->b->lit;
			fd->taglen = f->b->litlen;
		}
		if (f->name) fd->name = f->name;
		else {
			/* embedded: T, *T, pkg.T; the field is named after the type */
			Node *e = f->a;
			if (e->kind == N_UNARY && e->op == T_STAR) e = e->a;
			if (e->kind == N_INDEX) e = e->a;
			fd->name = e->kind == N_SELECTOR ? e->name : e->kind == N_NAME ? e->name : internz("?");
			fd->embedded = true;
			fd->pos = e->pos;
			Type *et = fd->type;
			if (et->kind == TY_POINTER) {
				Type *b = under(et->elem);
				if (b->kind == TY_POINTER || b->kind == TY_INTERFACE)
					diag_error(f->a->pos, "embedded field type cannot be a pointer to %s", b->kind == TY_POINTER ? "a pointer" : "an interface");
			} else if (under(et)->kind == TY_POINTER)
				diag_error(f->a->pos, "embedded field type cannot be a pointer");
		}
		for (int k = 0; k < i; k++)
			if (t->fields[k].name == fd->name && !(fd->name->len == 1 && fd->name->s[0] == '_')) {
				diag_error(fd->pos, "%s redeclared\n\t%s: other declaration of %s", fd->name->s, pos_string(t->fields[k].pos), fd->name->s);
				break;
			}
	}
	return t;
}

/* One term of a union: T or ~T (collected into terms). */
typedef VEC(Term) Terms;

static void union_terms(Checker *c, Node *e, Terms *terms) {
	while (e->kind == N_PAREN) e = e->a;
	if (e->kind == N_BINARY && e->op == T_OR) {
		union_terms(c, e->a, terms);
		union_terms(c, e->b, terms);
		return;
	}
	bool tilde = e->kind == N_UNARY && e->op == T_TILDE;
	Type *t = resolve_type(c, tilde ? e->a : e);
	if (t->kind == TY_INVALID) return;
	if (tilde && !type_identical(t, under(t))) {
		diag_error(e->pos, "invalid use of ~ (underlying type of %s is %s)", type_string(t), type_string(under(t)));
		return;
	}
	Type *u = under(t);
	if (u->kind == TY_INTERFACE && !tilde) {
		/* a constraint in a union contributes its terms */
		if (u->has_terms)
			for (int i = 0; i < u->nterms; i++) vec_push(terms, u->terms[i]);
		else {
			Term all = {NULL, false};
			vec_push(terms, all);
		}
		return;
	}
	Term tm = {t, tilde};
	vec_push(terms, tm);
}

/* An embedded element of an interface: an interface (its methods, terms
 * and comparability join), or a union of type terms (the type set is
 * intersected with it). */
static void embed_element(Checker *c, Type *t, Node *e) {
	Node *x = e;
	while (x->kind == N_PAREN) x = x->a;
	if ((x->kind == N_BINARY && x->op == T_OR) || (x->kind == N_UNARY && x->op == T_TILDE)) {
		Terms terms = {0};
		union_terms(c, x, &terms);
		bool all = false;
		for (int i = 0; i < terms.n; i++) all |= terms.v[i].type == NULL;
		if (!all) terms_intersect(t, terms.v, terms.n, true);
		return;
	}
	Type *et = resolve_type(c, e);
	Type *u = under(et);
	if (u->kind == TY_INTERFACE) {
		for (int k = 0; k < u->methods.n; k++) {
			bool dup = false;
			for (int j = 0; j < t->methods.n; j++)
				if (t->methods.v[j].name == u->methods.v[k].name) dup = true;
			if (!dup) vec_push(&t->methods, u->methods.v[k]);
		}
		if (u->has_terms) terms_intersect(t, u->terms, u->nterms, true);
		t->comparable |= u->comparable;
	} else if (u->kind != TY_INVALID) {
		Term tm = {et, false};
		terms_intersect(t, &tm, 1, true);
	}
}

static Type *interface_type(Checker *c, Node *n) {
	Type *t = type_new(TY_INTERFACE);
	for (Node *f = n->list; f; f = f->next) {
		if (f->name && f->name->len == 1 && f->name->s[0] == '_') {
			diag_error(f->pos, "methods must have a unique non-blank name");
			continue;
		}
		if (f->name) {
			dup_params(f->a);
			Method m = {f->name, signature(c, f->a), NULL, false};
			for (int k = 0; k < t->methods.n; k++)
				if (t->methods.v[k].name == f->name) diag_error(f->pos, "duplicate method %s", f->name->s);
			vec_push(&t->methods, m);
			continue;
		}
		embed_element(c, t, f->a);
	}
	if (t->methods.n > 1) qsort(t->methods.v, (size_t)t->methods.n, sizeof(Method), method_cmp);
	return t;
}

/* A type parameter's constraint: an interface, or a type or union that
 * stands for interface{ that }. */
static Type *constraint_type(Checker *c, Node *e) {
	Node *x = e;
	while (x->kind == N_PAREN) x = x->a;
	if ((x->kind == N_BINARY && x->op == T_OR) || (x->kind == N_UNARY && x->op == T_TILDE)) {
		Type *it = type_new(TY_INTERFACE);
		embed_element(c, it, e);
		return it;
	}
	Type *t = resolve_type(c, e);
	if (t->kind == TY_INVALID || under(t)->kind == TY_INTERFACE) return t;
	Type *it = type_new(TY_INTERFACE);
	Term tm = {t, false};
	terms_intersect(it, &tm, 1, true);
	return it;
}

Type **declare_tparams(Checker *c, Node *list, int *n) {
	*n = list_len(list);
	Type **tp = NEWARR(Type *, *n + 1);
	int i = 0;
	for (Node *f = list; f; f = f->next, i++) {
		Type *t = type_new(TY_TYPEPARAM);
		const Str *name = f->name ? f->name : f->a && f->a->kind == N_NAME ? f->a->name : internz("_");
		Object *o = obj_new(OBJ_TYPENAME, name, t, f->pos);
		o->state = 2;
		o->used = true;
		t->obj = o;
		t->index = i;
		f->obj = o;
		tp[i] = t;
		if (!(name->len == 1 && name->s[0] == '_') && scope_lookup_local(c->scope, name)) {
			diag_error(f->pos, "%s redeclared in this block", name->s);
			continue;
		}
		declare(c->scope, o);
	}
	i = 0;
	for (Node *f = list; f; f = f->next, i++) {
		if (!f->name || !f->a) {
			tp[i]->bound = universe_empty_interface();
			continue;
		}
		tp[i]->bound = constraint_type(c, f->a);
	}
	return tp;
}

/* G[A, B]: a generic type instantiated with the written arguments. */
Type *instantiate_expr(Checker *c, Node *n, Type *g) {
	int na = list_len(n->list);
	Type **targs = NEWARR(Type *, na + 1);
	int i = 0;
	for (Node *a = n->list; a; a = a->next) targs[i++] = resolve_type(c, a);
	for (int k = 0; k < na; k++)
		if (targs[k]->kind == TY_INVALID) return ty_invalid;
	if (na != g->ntparams) {
		diag_error(node_startpos(n), "got %d arguments but %d type parameters", na, g->ntparams);
		return ty_invalid;
	}
	if (g->kind == TY_NAMED) {
		Type *t = instantiate_named(g, targs, na);
		/* constraints may mention types not complete yet: check them once the
		 * generic type is resolved */
		if (g->underlying && !check_instance(n->list->pos, g->tparams, targs, na)) return ty_invalid;
		return t;
	}
	return ty_invalid;
}

static int64_t array_length(Checker *c, Node *len) {
	expr(c, len);
	if (len->mode == M_INVALID) return -1;
	if (len->mode != M_CONST) {
		diag_error(node_startpos(len), "array length %s must be constant", operand_string(len));
		return -1;
	}
	int64_t v;
	if (!type_is_integer(len->type) && !(type_is_untyped(len->type) && const_int_value(len->val, &v))) {
		diag_error(node_startpos(len), "array length %s must be integer", operand_string(len));
		return -1;
	}
	if (!const_int_value(len->val, &v)) {
		diag_error(node_startpos(len), "invalid array length %s", operand_string(len));
		return -1;
	}
	if (v < 0) {
		diag_error(node_startpos(len), "invalid array length %s", operand_string(len));
		return -1;
	}
	return v;
}

Type *resolve_type(Checker *c, Node *n) {
	if (!n) return ty_invalid;
	Type *t = ty_invalid;
	switch (n->kind) {
	case N_PAREN: t = resolve_type(c, n->a); break;
	case N_NAME: {
		/* a qualified identifier resolved before keeps its object */
		Object *o = n->a && n->obj ? n->obj : scope_lookup(c->scope, n->name);
		if (!o) {
			diag_error(n->pos, "undefined: %s", n->name->s);
			break;
		}
		n->obj = o;
		o->used = true;
		if (o->kind != OBJ_TYPENAME) {
			/* types2 describes the operand: "byte (untyped int constant 3) is not a type" */
			const char *desc = n->name->s;
			if (o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC) {
				Node tmp = *n;
				object_operand(c, &tmp, o);
				if (tmp.mode != M_INVALID) desc = operand_string(&tmp);
			}
			diag_error(n->pos, "%s is not a type", desc);
			break;
		}
		resolve_typename(c, o);
		t = o->type;
		if (t->ntparams && !(n->flags & NF_GENERIC_OK)) {
			diag_error(n->pos, "cannot use generic type %s without instantiation", type_string(t));
			t = ty_invalid;
		}
		break;
	}
	case N_UNARY:
		if (n->op != T_STAR) {
			diag_error(n->pos, "%s is not a type", expr_string(n));
			break;
		}
		t = type_pointer(resolve_type(c, n->a));
		break;
	case N_SLICETYPE: t = type_slice(resolve_type(c, n->b)); break;
	case N_ARRAYTYPE: {
		if (!n->a) {
			diag_error(n->pos, "invalid use of [...] array (outside a composite literal)");
			resolve_type(c, n->b);
			break;
		}
		int64_t len = array_length(c, n->a);
		Type *elem = resolve_type(c, n->b);
		t = len < 0 ? ty_invalid : type_array(elem, len);
		break;
	}
	case N_MAPTYPE: {
		Type *k = resolve_type(c, n->a), *v = resolve_type(c, n->b);
		t = type_map(k, v);
		/* comparability of the key is checked once k is complete */
		if ((k->kind != TY_NAMED || k->underlying) && !(k->kind == TY_TYPEPARAM && !k->bound)) {
			if (under(k)->kind != TY_INVALID && !type_comparable(k)) diag_error(n->a->pos, "invalid map key type %s", type_string(k));
		}
		break;
	}
	case N_CHANTYPE: t = type_chan(n->op, resolve_type(c, n->b)); break;
	case N_FUNCTYPE:
		dup_params(n);
		t = signature(c, n);
		break;
	case N_STRUCTTYPE: t = struct_type(c, n); break;
	case N_INTERFACETYPE: t = interface_type(c, n); break;
	case N_INDEX: {
		Node *g = n->a;
		while (g->kind == N_PAREN) g = g->a;
		g->flags |= NF_GENERIC_OK;
		Type *gt = resolve_type(c, g);
		if (gt->kind == TY_INVALID) break;
		if (!gt->ntparams) {
			diag_error(node_startpos(g), "%s is not a generic type", type_string(gt));
			break;
		}
		t = instantiate_expr(c, n, gt);
		break;
	}
	case N_SELECTOR: {
		bool qualified;
		Object *o = qualified_ident(c, n, &qualified);
		if (!qualified) {
			diag_error(node_startpos(n), "%s is not a type", expr_string(n));
		} else if (o && o->kind != OBJ_TYPENAME) {
			const char *desc = expr_string(n);
			if (o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC) {
				Node tmp = *n;
				object_operand(c, &tmp, o);
				if (tmp.mode != M_INVALID) desc = operand_string(&tmp);
			}
			diag_error(n->pos, "%s is not a type", desc);
		} else if (o) {
			o->used = true;
			t = o->type;
			if (t->ntparams && !(n->flags & NF_GENERIC_OK)) {
				diag_error(n->pos, "cannot use generic type %s without instantiation", expr_string(n));
				t = ty_invalid;
			}
		}
		break;
	}
	default:
		diag_error(node_startpos(n), "%s is not a type", expr_string(n));
	}
	n->mode = M_TYPEEXPR;
	n->type = t;
	return t;
}
