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
	if (d->list) {
		diag_error(d->pos, "generic type %s: type parameters are not supported yet", o->name->s);
		o->type = ty_invalid;
	} else if (d->flags & NF_ALIAS) {
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
		Type *e = resolve_type(c, f->a);
		Type *u = under(e);
		if (u->kind == TY_INTERFACE) {
			for (int k = 0; k < u->methods.n; k++) {
				bool dup = false;
				for (int j = 0; j < t->methods.n; j++)
					if (t->methods.v[j].name == u->methods.v[k].name) dup = true;
				if (!dup) vec_push(&t->methods, u->methods.v[k]);
			}
		} else if (u->kind != TY_INVALID) {
			diag_error(f->a->pos, "cannot use %s in interface (constraint interfaces are not supported yet)", type_string(e));
		}
	}
	if (t->methods.n > 1) qsort(t->methods.v, (size_t)t->methods.n, sizeof(Method), method_cmp);
	return t;
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
		if (k->kind != TY_NAMED || k->underlying) {
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
	case N_INDEX:
		diag_error(n->pos, "%s: generic instantiation is not supported yet", expr_string(n));
		break;
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
