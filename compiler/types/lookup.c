/* lookup.c: finding a field or method by name (spec: Selectors), through
 * embedded fields, breadth first: the shallowest depth with exactly one
 * match wins; two matches at that depth are ambiguous. Also method sets:
 * whether a method can be called on a value (pointer receivers need an
 * addressable operand or a pointer). */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

typedef struct Entry {
	Type *type;   /* a named or struct type to search */
	int path[SEL_MAXDEPTH];
	int npath;
	bool indirect;
} Entry;

typedef VEC(Entry) Entries;

static bool seen_before(Type **seen, int nseen, Type *t) {
	for (int i = 0; i < nseen; i++)
		if (seen[i] == t) return true;
	return false;
}

Selection lookup_field_or_method(Type *T, const Str *name) {
	Selection sel = {.kind = SEL_NONE};
	bool indirect = false;
	if (T->kind == TY_TYPEPARAM || (T->kind == TY_POINTER && T->elem->kind == TY_TYPEPARAM)) {
		/* a type parameter has its constraint's methods (and no fields) */
		Type *P = T->kind == TY_POINTER ? T->elem : T;
		Type *b = P->bound ? under(P->bound) : NULL;
		if (T->kind == TY_TYPEPARAM && b && b->kind == TY_INTERFACE)
			for (int m = 0; m < b->methods.n; m++)
				if (b->methods.v[m].name == name) {
					sel.kind = SEL_METHOD;
					sel.method = &b->methods.v[m];
					sel.recvbase = P;
					sel.type = b->methods.v[m].type;
					sel.iface = true;
				}
		return sel;
	}
	if (T->kind == TY_POINTER) {
		/* a named pointer type has no methods; *T searches T */
		T = T->elem;
		indirect = true;
	} else if (T->kind == TY_NAMED && under(T)->kind == TY_POINTER) {
		T = under(T)->elem;
		indirect = true;
		sel.no_methods = true;
	}
	Entries cur = {0}, next = {0};
	Entry e0 = {.type = T, .npath = 0, .indirect = indirect};
	vec_push(&cur, e0);
	Type *seen[64];
	int nseen = 0;
	for (int depth = 0; cur.n > 0 && depth < SEL_MAXDEPTH; depth++) {
		int found = 0;
		next.n = 0;
		for (int i = 0; i < cur.n; i++) {
			Entry *e = &cur.v[i];
			Type *t = e->type;
			if (t->kind == TY_NAMED) {
				if (seen_before(seen, nseen, t)) continue;
				instance_methods(t);
				if (nseen < 64) seen[nseen++] = t;
				if (!sel.no_methods || depth > 0)
					for (int m = 0; m < t->methods.n; m++)
						if (t->methods.v[m].name == name) {
							if (found++ == 0) {
								sel.kind = SEL_METHOD;
								sel.method = &t->methods.v[m];
								sel.recvbase = t;
								sel.type = t->methods.v[m].type;
								memcpy(sel.path, e->path, sizeof(int) * (size_t)e->npath);
								sel.npath = e->npath;
								sel.indirect = e->indirect;
							}
						}
			}
			Type *u = under(t);
			if (u->kind == TY_STRUCT) {
				for (int f = 0; f < u->nfields; f++) {
					Field *fd = &u->fields[f];
					if (fd->name == name) {
						if (found++ == 0) {
							sel.kind = SEL_FIELD;
							sel.type = fd->type;
							memcpy(sel.path, e->path, sizeof(int) * (size_t)e->npath);
							sel.path[e->npath] = f;
							sel.npath = e->npath + 1;
							sel.indirect = e->indirect;
						}
					}
					if (fd->embedded && e->npath + 1 < SEL_MAXDEPTH) {
						Entry ne = *e;
						ne.path[ne.npath++] = f;
						Type *ft = fd->type;
						if (ft->kind == TY_POINTER) {
							ft = ft->elem;
							ne.indirect = true;
						}
						ne.type = ft;
						vec_push(&next, ne);
					}
				}
			} else if (u->kind == TY_INTERFACE) {
				for (int m = 0; m < u->methods.n; m++)
					if (u->methods.v[m].name == name && found++ == 0) {
						sel.kind = SEL_METHOD;
						sel.method = &u->methods.v[m];
						sel.recvbase = t;
						sel.type = u->methods.v[m].type;
						memcpy(sel.path, e->path, sizeof(int) * (size_t)e->npath);
						sel.npath = e->npath;
						sel.indirect = e->indirect;
						sel.iface = true;
					}
			}
		}
		if (found == 1) break;
		if (found > 1) {
			sel.kind = SEL_AMBIGUOUS;
			break;
		}
		Entries tmp = cur;
		cur = next;
		next = tmp;
	}
	free(cur.v);
	free(next.v);
	return sel;
}

/* The method set of T (spec: Method sets), sorted by name: each method as
 * lookup_field_or_method selects it, promoted ones included; for a
 * non-pointer T, pointer-receiver methods reached without an indirection
 * are left out. Returns the count; *out is arena memory. */
int method_set(Type *T, Selection **out) {
	VEC(const Str *) names = {0};
	Type *queue[256];
	int nq = 0, head = 0;
	queue[nq++] = T->kind == TY_POINTER ? T->elem : T;
	while (head < nq) {
		Type *t = queue[head++];
		if (t->kind == TY_NAMED)
			for (int m = 0; m < t->methods.n; m++) vec_push(&names, t->methods.v[m].name);
		Type *u = under(t);
		if (u->kind == TY_INTERFACE && t != T)
			for (int m = 0; m < u->methods.n; m++) vec_push(&names, u->methods.v[m].name);
		if (u->kind != TY_STRUCT) continue;
		for (int f = 0; f < u->nfields; f++) {
			if (!u->fields[f].embedded) continue;
			Type *ft = u->fields[f].type;
			if (ft->kind == TY_POINTER) ft = ft->elem;
			if (nq < 256 && !seen_before(queue, nq, ft)) queue[nq++] = ft;
		}
	}
	Selection *sel = NEWARR(Selection, names.n + 1);
	int n = 0;
	for (int i = 0; i < names.n; i++) {
		bool dup = false;
		for (int j = 0; j < n && !dup; j++) dup = sel[j].method->name == names.v[i];
		if (dup) continue;
		Selection s = lookup_field_or_method(T, names.v[i]);
		if (s.kind != SEL_METHOD) continue;
		if (s.method->ptrrecv && !s.indirect && T->kind != TY_POINTER && !s.iface) continue;
		sel[n++] = s;
	}
	free(names.v);
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(sel[j - 1].method->name->s, sel[j].method->name->s) > 0; j--) {
			Selection tmp = sel[j];
			sel[j] = sel[j - 1];
			sel[j - 1] = tmp;
		}
	*out = sel;
	return n;
}

/* Does type T have method name in its method set? (For value receivers
 * every method of T; for *T also the pointer-receiver ones.) */
Method *find_method(Type *T, const Str *name, bool *needs_ptr) {
	Selection s = lookup_field_or_method(T, name);
	if (s.kind != SEL_METHOD) return NULL;
	*needs_ptr = s.method->ptrrecv && !s.indirect && T->kind != TY_POINTER && !s.iface;
	return s.method;
}

/* A method value or expression t.m (t not an interface) refers to the
 * method for the initialization order, as a function name does (spec:
 * Package initialization). */
static void note_method_ref(Checker *c, const Selection *s) {
	Object *m = s->method ? s->method->obj : NULL;
	if (s->iface || !m || m->kind != OBJ_FUNC || (m->pkg && m->pkg != c->pkg)) return;
	if (c->initdeps) vec_push(&node_deps(c->initdeps)->fdeps, m);
	if (c->curfn) vec_push(&c->curfn->refs, m);
}

/* x.f and x.m: a field (addressable if x is, or through a pointer), a
 * method value, or an error worded as types2's. */
void selector_expr(Checker *c, Node *n) {
	Node *x = n->a;
	bool qualified;
	Object *q = qualified_ident(c, n, &qualified);
	if (qualified) {
		if (q) object_operand(c, n, q);
		else invalidate(n);
		return;
	}
	expr_or_type(c, x);
	if (x->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	if (x->type && under(x->type)->kind == TY_POINTER && under(under(x->type)->elem)->kind == TY_INTERFACE) {
		diag_error(n->end ? n->end : n->pos, "%s undefined (type %s is pointer to interface, not interface)", expr_string(n), type_string(x->type));
		invalidate(n);
		return;
	}
	if (n->name->len == 1 && n->name->s[0] == '_' && x->mode != M_TYPEEXPR && x->type) {
		/* blank fields and methods cannot be selected */
		diag_error(n->end ? n->end : n->pos, "%s undefined (type %s has no field or method _)", expr_string(n), type_string(x->type));
		invalidate(n);
		return;
	}
	if (x->mode == M_TYPEEXPR) {
		/* method expression T.m or (*T).m */
		Selection s = lookup_field_or_method(x->type, n->name);
		if (s.kind != SEL_METHOD) {
			diag_error(n->end ? n->end : n->pos, "%s undefined (type %s has no method %s)", expr_string(n), type_string(x->type), n->name->s);
			invalidate(n);
			return;
		}
		if (s.method->ptrrecv && under(x->type)->kind != TY_POINTER && !s.iface && !s.indirect) {
			diag_error(n->end ? n->end : n->pos, "cannot call pointer method %s on %s", n->name->s, type_string(x->type));
			invalidate(n);
			return;
		}
		Type *ft = type_new(TY_FUNC);
		ft->nparams = s.type->nparams + 1;
		ft->params = NEWARR(Type *, ft->nparams);
		ft->params[0] = x->type;
		for (int i = 0; i < s.type->nparams; i++) ft->params[i + 1] = s.type->params[i];
		ft->nresults = s.type->nresults;
		ft->results = s.type->results;
		ft->variadic = s.type->variadic;
		n->mode = M_VALUE;
		n->type = ft;
		n->obj = s.method->obj;
		n->sel = NEW(Selection);
		*n->sel = s;
		n->flags |= NF_METHODEXPR;
		note_method_ref(c, &s);
		return;
	}
	if (x->mode == M_NOVALUE || !x->type) {
		diag_error(node_startpos(x), "%s (no value) used as value", expr_string(x));
		invalidate(n);
		return;
	}
	Selection s = lookup_field_or_method(x->type, n->name);
	switch (s.kind) {
	case SEL_FIELD:
		n->type = s.type;
		n->mode = x->mode == M_VAR || s.indirect ? M_VAR : M_VALUE;
		n->sel = NEW(Selection);
		*n->sel = s;
		return;
	case SEL_METHOD: {
		bool ptrrecv = s.method->ptrrecv && !s.iface;
		if (ptrrecv && !s.indirect && under(x->type)->kind != TY_POINTER) {
			if (x->mode != M_VAR) {
				diag_error(n->end ? n->end : n->pos, "cannot call pointer method %s on %s", n->name->s, type_string(x->type));
				invalidate(n);
				return;
			}
			n->flags |= NF_ADDRRECV;
		}
		if (!ptrrecv && !s.iface && (s.indirect || under(x->type)->kind == TY_POINTER)) n->flags |= NF_DEREFRECV;
		n->type = s.type;
		n->mode = M_VALUE;
		n->obj = s.method->obj;
		n->sel = NEW(Selection);
		*n->sel = s;
		note_method_ref(c, &s);
		return;
	}
	case SEL_AMBIGUOUS:
		diag_error(n->end ? n->end : n->pos, "ambiguous selector %s", expr_string(n));
		break;
	default: {
		/* types2: x.f undefined (type T has no field or method f) */
		Type *t = x->type;
		const char *hint = "";
		if (under(t)->kind == TY_POINTER && under(under(t)->elem)->kind == TY_INTERFACE) {
			diag_error(n->end ? n->end : n->pos, "%s undefined (type %s is pointer to interface, not interface)", expr_string(n), type_string(t));
			break;
		}
		if (t->kind == TY_POINTER && under(t->elem)->kind == TY_POINTER) {
			diag_error(n->end ? n->end : n->pos, "%s undefined (type %s has no field or method %s)", expr_string(n), type_string(t), n->name->s);
			break;
		}
		/* a method with a capitalization difference gets gc's hint */
		Type *base = t->kind == TY_POINTER ? t->elem : t;
		if (base->kind == TY_NAMED)
			for (int i = 0; i < base->methods.n; i++)
				if (strcasecmp(base->methods.v[i].name->s, n->name->s) == 0)
					hint = arena_printf(g_arena, ", but does have %s", base->methods.v[i].name->s);
		diag_error(n->end ? n->end : n->pos, "%s undefined (type %s has no field or method %s%s)", expr_string(n), type_string(t), n->name->s, hint);
	}
	}
	invalidate(n);
}
