/* complit.c: composite literals (spec: Composite literals) and function
 * literals. Elements of array, slice and map literals may omit their type
 * ({1, 2} inside [][]int{...}, &T{} as *T); struct literals are all keyed
 * or all positional. */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

static void element(Checker *c, Node *e, Type *t, const char *ctx) {
	if (e->kind == N_COMPOSITELIT && !e->a) {
		/* {…} for a *T element means &T{…} */
		if (under(t)->kind == TY_POINTER) {
			composite_lit(c, e, under(t)->elem);
			e->flags |= NF_ADDRRECV; /* take its address: code generation allocates it */
			e->type = t;
			return;
		}
		composite_lit(c, e, t);
		return;
	}
	/* &{...} shorthand for *T elements */
	if (e->kind == N_UNARY && e->op == T_AND && e->a->kind == N_COMPOSITELIT && !e->a->a && under(t)->kind == TY_POINTER) {
		composite_lit(c, e->a, under(t)->elem);
		e->mode = M_VALUE;
		e->type = t;
		return;
	}
	expr(c, e);
	if (e->mode != M_INVALID) assign_to(c, e, t, ctx);
}

/* A struct field's value gives no type to an elided composite literal
 * (types2: "missing type in composite literal"). */
static bool untyped_lit(Checker *c, Node *v) {
	Node *l = v;
	if (l->kind == N_UNARY && l->op == T_AND) l = l->a;
	if (l->kind != N_COMPOSITELIT || l->a) return false;
	diag_error(l->pos, "missing type in composite literal");
	for (Node *e = l->list; e; e = e->next)
		if (e->kind != N_KEYVALUE) expr(c, e);
	invalidate(v);
	return true;
}

static int64_t const_key(Checker *c, Node *k, int64_t max, Pos at) {
	expr(c, k);
	if (k->mode == M_INVALID) return -1;
	int64_t v;
	if (k->mode != M_CONST || !const_int_value(k->val, &v) || (!type_is_integer(k->type) && !type_is_untyped(k->type))) {
		diag_error(at, "index %s must be integer constant", expr_string(k));
		return -1;
	}
	if (v < 0 || (max >= 0 && v >= max)) {
		diag_error(node_startpos(k), "invalid argument: index %s out of bounds [0:%lld]", const_string_of(k->val), (long long)max);
		return -1;
	}
	default_type(c, k);
	return v;
}

void composite_lit(Checker *c, Node *n, Type *hint) {
	Type *t;
	if (n->a) {
		if (n->a->kind == N_ARRAYTYPE && !n->a->a) {
			/* [...]T{...}: the length is the literal's */
			Type *elem = resolve_type(c, n->a->b);
			t = type_array(elem, -1);
			n->a->mode = M_TYPEEXPR;
		} else t = resolve_type(c, n->a);
	} else if (hint) {
		t = hint;
	} else {
		diag_error(n->pos, "invalid composite literal type: missing type");
		for (Node *e = n->list; e; e = e->next) expr(c, e->kind == N_KEYVALUE ? e->b : e);
		invalidate(n);
		return;
	}
	Type *u = under(t);
	n->mode = M_VALUE;
	n->type = t;
	switch (u->kind) {
	case TY_STRUCT: {
		if (!n->list) return;
		bool keyed = n->list->kind == N_KEYVALUE;
		if (keyed) {
			for (Node *e = n->list; e; e = e->next) {
				if (e->kind != N_KEYVALUE || e->a->kind != N_NAME) {
					diag_error(node_startpos(e), "mixture of field:value and value elements in struct literal");
					continue;
				}
				int f = -1;
				for (int i = 0; i < u->nfields; i++)
					if (u->fields[i].name == e->a->name) f = i;
				if (f < 0) {
					diag_error(e->a->pos, "unknown field '%s' in struct literal of type %s", e->a->name->s, type_string(t));
					expr(c, e->b);
					continue;
				}
				for (Node *p = n->list; p != e; p = p->next)
					if (p->kind == N_KEYVALUE && p->a->kind == N_NAME && p->a->name == e->a->name) {
						diag_error(e->pos, "duplicate field name %s in struct literal", e->a->name->s);
						break;
					}
				e->a->mode = M_VALUE;
				e->iota = f; /* the field index, for code generation */
				if (untyped_lit(c, e->b)) continue;
				element(c, e->b, u->fields[f].type, "struct literal");
			}
			return;
		}
		int i = 0;
		for (Node *e = n->list; e; e = e->next, i++) {
			if (e->kind == N_KEYVALUE) {
				diag_error(e->pos, "mixture of field:value and value elements in struct literal");
				continue;
			}
			if (i >= u->nfields) {
				for (Node *r = e; r; r = r->next) expr(c, r);
				diag_error(node_startpos(e), "too many values in %s{…}", type_string(t));
				return;
			}
			if (t->kind == TY_NAMED && t->obj && t->obj->pkg && t->obj->pkg != c->pkg && u->fields[i].name &&
			    !(u->fields[i].name->s[0] >= 'A' && u->fields[i].name->s[0] <= 'Z')) {
				expr(c, e);
				diag_error(node_startpos(e), "implicit assignment to unexported field %s in %s literal", u->fields[i].name->s,
				           type_string(t));
				continue;
			}
			e->iota = i;
			if (untyped_lit(c, e)) continue;
			element(c, e, u->fields[i].type, "struct literal");
		}
		if (i < u->nfields) diag_error(n->end ? n->end : n->pos, "too few values in %s{…}", type_string(t));
		return;
	}
	case TY_ARRAY: case TY_SLICE: {
		int64_t idx = 0, max = 0;
		int64_t bound = u->kind == TY_ARRAY && u->len >= 0 ? u->len : -1;
		VEC(uint8_t) seen = {0}; /* indices used, for "duplicate index" (literals up to 1<<24 elements) */
		for (Node *e = n->list; e; e = e->next) {
			Node *v = e;
			bool valid = false;
			if (e->kind == N_KEYVALUE) {
				int64_t k = const_key(c, e->a, bound, e->pos);
				if (k >= 0) idx = k, valid = true;
				v = e->b;
			} else if (bound >= 0 && idx >= bound) {
				diag_error(node_startpos(e), "index %lld is out of bounds (>= %lld)", (long long)idx, (long long)bound);
			} else valid = true;
			if (valid && idx < (1 << 24)) {
				while (seen.n <= idx) vec_push(&seen, 0);
				if (seen.v[idx]) diag_error(e->kind == N_KEYVALUE ? e->pos : node_startpos(e), "duplicate index %lld in array or slice literal", (long long)idx);
				seen.v[idx] = 1;
			}
			e->iota = (int)idx; /* the element's index, for code generation */
			element(c, v, u->elem, "array or slice literal");
			idx++;
			if (idx > max) max = idx;
		}
		if (u->kind == TY_ARRAY && u->len < 0) {
			u->len = max; /* [...]T */
			u->layout = 0;
		}
		free(seen.v);
		n->litlen = (uint32_t)max; /* the literal's length, for code generation */
		return;
	}
	case TY_MAP:
		for (Node *e = n->list; e; e = e->next) {
			if (e->kind != N_KEYVALUE) {
				diag_error(node_startpos(e), "missing key in map literal");
				expr(c, e);
				continue;
			}
			element(c, e->a, u->key, "map literal");
			element(c, e->b, u->elem, "map literal");
		}
		return;
	case TY_INVALID:
		for (Node *e = n->list; e; e = e->next) expr(c, e->kind == N_KEYVALUE ? e->b : e);
		invalidate(n);
		return;
	default:
		diag_error(node_startpos(n), "invalid composite literal type %s", type_string(t));
		invalidate(n);
	}
}

void func_lit(Checker *c, Node *n) {
	Type *sig = signature(c, n->a);
	if (c->ignore_bodies) {
		n->mode = M_VALUE;
		n->type = sig;
		return;
	}
	c->funclit_depth++;
	if (c->funclit_depth < 64) c->funclits[c->funclit_depth] = n;
	Type *saved_sig = c->fnsig;
	bool saved_named = c->named_results;
	c->fnsig = sig;
	c->named_results = n->a->list2 && n->a->list2->name;
	check_branches(n->b);
	open_scope(c);
	declare_params(c, n->a);
	stmts(c, n->b->list);
	close_scope(c);
	c->funclit_depth--;
	if (sig->nresults > 0 && !stmt_terminates(n->b)) diag_error(n->b->end, "missing return");
	c->fnsig = saved_sig;
	c->named_results = saved_named;
	n->mode = M_VALUE;
	n->type = sig;
}
