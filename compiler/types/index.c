/* index.c: index and slice expressions (spec: Index expressions, Slice
 * expressions), with gc's constant bounds checks. */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

/* Checks an index operand; returns its constant value or -1. max < 0: no
 * upper bound known. */
static int64_t check_index(Checker *c, Node *x, int64_t max, bool allow_len, const char *what) {
	expr(c, x);
	if (x->mode == M_INVALID) return -1;
	if (x->mode != M_CONST && type_is_untyped(x->type) && is_numeric(x->type)) {
		convert_untyped(x, ty_int); /* types2: a non-constant untyped index (1. << s) becomes an int */
		if (x->mode == M_INVALID) return -1;
	}
	if (!type_is_integer(x->type) && !(x->mode == M_CONST && type_is_untyped(x->type) && is_numeric(x->type))) {
		diag_error(node_startpos(x), "invalid argument: %s %s must be integer", what, operand_string(x));
		return -1;
	}
	if (x->mode != M_CONST) {
		default_type(c, x);
		return -1;
	}
	int64_t v;
	if (!const_int_value(x->val, &v)) {
		if (type_is_untyped(x->type) && x->val->kind != CV_INT)
			diag_error(node_startpos(x), "invalid argument: %s %s must be integer", what, operand_string(x));
		else diag_error(node_startpos(x), "invalid argument: %s %s out of bounds", what, operand_string(x));
		return -1;
	}
	if (v < 0) {
		diag_error(node_startpos(x), "invalid argument: %s %s must not be negative", what, operand_string(x));
		return -1;
	}
	if (max >= 0 && (allow_len ? v > max : v >= max)) {
		diag_error(node_startpos(x), "invalid argument: %s %s out of bounds [0:%lld]", what, const_string_of(x->val), (long long)(allow_len ? max + 1 : max));
		return -1;
	}
	default_type(c, x);
	return v;
}

/* x[i] for x of a type parameter type without a core type (spec: Index
 * expressions): valid when it is for every type of the set and they share
 * one element type (a string's is byte); maps only with maps of one key
 * type; not assignable if a string is among them. */
static bool typeparam_index(Checker *c, Node *n, Node *x, Node *i) {
	Type **terms;
	int nt = typeparam_terms(under(x->type), &terms);
	if (!nt) return false;
	Type *elem = NULL, *key = NULL;
	bool str = false, arr = false, map = false;
	int64_t minlen = -1;
	for (int k = 0; k < nt; k++) {
		Type *t = terms[k], *e;
		if (t->kind == TY_POINTER && under(t->elem)->kind == TY_ARRAY) t = under(t->elem);
		switch (t->kind) {
		case TY_STRING: e = basic_type(TY_UINT8); str = true; break;
		case TY_ARRAY:
			e = t->elem;
			arr |= terms[k]->kind == TY_ARRAY;
			if (minlen < 0 || t->len < minlen) minlen = t->len;
			break;
		case TY_SLICE: e = t->elem; break;
		case TY_MAP:
			if (key && !type_identical(key, t->key)) return false;
			key = t->key;
			e = t->elem;
			map = true;
			break;
		default: return false;
		}
		if (elem && !type_identical(elem, e)) return false;
		elem = e;
	}
	if (map && (str || arr || minlen >= 0 || key == NULL)) return false;
	if (map) {
		expr(c, i);
		if (i->mode != M_INVALID) assign_to(c, i, key, "map index");
		n->mode = M_MAPINDEX;
	} else {
		check_index(c, i, minlen, false, "index");
		n->mode = str || (arr && x->mode != M_VAR) ? M_VALUE : M_VAR;
	}
	n->type = elem;
	return true;
}

void index_expr(Checker *c, Node *n) {
	Node *x = n->a;
	Node *bx = x;
	while (bx->kind == N_PAREN) bx = bx->a;
	bx->flags |= NF_GENERIC_OK;
	expr_or_type(c, x);
	if (x->mode == M_INVALID) {
		for (Node *i = n->list; i; i = i->next) expr(c, i);
		invalidate(n);
		return;
	}
	if (x->mode == M_TYPEEXPR) {
		/* G[A, B]: a generic type instantiated */
		if (!x->type->ntparams) {
			diag_error(node_startpos(x), "%s is not a generic type", type_string(x->type));
			invalidate(n);
			return;
		}
		n->type = instantiate_expr(c, n, x->type);
		n->mode = n->type->kind == TY_INVALID ? M_INVALID : M_TYPEEXPR;
		return;
	}
	if (x->type && x->type->kind == TY_FUNC && x->type->ntparams) {
		/* f[A, B]: a generic function instantiated, possibly partly (the
		 * call infers the rest) */
		Type *sig = x->type;
		int na = list_len(n->list);
		if (na > sig->ntparams) {
			diag_error(node_startpos(n->list), "got %d type arguments but %s has %d type parameters", na, expr_string(x),
			           sig->ntparams);
			invalidate(n);
			return;
		}
		Type **targs = NEWARR(Type *, sig->ntparams + 1);
		int k = 0;
		for (Node *a = n->list; a; a = a->next) {
			targs[k] = resolve_type(c, a);
			if (targs[k++]->kind == TY_INVALID) {
				invalidate(n);
				return;
			}
		}
		n->targs = targs;
		n->ntargs = na;
		n->mode = M_VALUE;
		n->obj = x->obj;
		if (na < sig->ntparams) {
			n->type = sig; /* the call completes it */
			return;
		}
		if (!check_instance(n->list->pos, sig->tparams, targs, na)) {
			invalidate(n);
			return;
		}
		n->type = instantiate_sig(sig, targs);
		return;
	}
	if (n->list && n->list->next) {
		diag_error(node_startpos(n->list->next), "invalid operation: more than one index");
		invalidate(n);
		return;
	}
	Node *i = n->list;
	Type *u = under(x->type);
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING: {
		int64_t len = x->mode == M_CONST ? x->val->len : -1;
		int64_t k = check_index(c, i, len, false, "index");
		n->type = basic_type(TY_UINT8);
		n->mode = M_VALUE;
		if (x->mode == M_CONST && k >= 0) {
			n->mode = M_CONST;
			n->val = const_int64((unsigned char)x->val->s[k]);
		}
		if (type_is_untyped(x->type)) default_type(c, x);
		return;
	}
	case TY_ARRAY:
		check_index(c, i, u->len, false, "index");
		n->type = u->elem;
		n->mode = x->mode == M_VAR ? M_VAR : M_VALUE;
		return;
	case TY_POINTER:
		if (under(u->elem)->kind == TY_ARRAY) {
			check_index(c, i, under(u->elem)->len, false, "index");
			n->type = under(u->elem)->elem;
			n->mode = M_VAR;
			return;
		}
		break;
	case TY_SLICE:
		check_index(c, i, -1, false, "index");
		n->type = u->elem;
		n->mode = M_VAR;
		return;
	case TY_MAP:
		expr(c, i);
		if (i->mode != M_INVALID) assign_to(c, i, u->key, "map index");
		n->type = u->elem;
		n->mode = M_MAPINDEX;
		return;
	case TY_TYPEPARAM:
		if (typeparam_index(c, n, x, i)) return;
		break;
	default: break;
	}
	diag_error(node_startpos(x), "invalid operation: cannot index %s", operand_string(x));
	expr(c, i);
	invalidate(n);
}

void slice_expr(Checker *c, Node *n) {
	Node *x = n->a;
	expr(c, x);
	if (x->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	Type *u = under(x->type);
	int64_t cap = -1;
	bool full = n->flags & NF_FULL;
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING:
		if (full) {
			diag_error(n->d ? node_startpos(n->d) : n->end, "invalid operation: 3-index slice of string");
			invalidate(n);
			return;
		}
		if (x->mode == M_CONST) cap = x->val->len;
		n->type = type_is_untyped(x->type) ? ty_string : x->type;
		if (type_is_untyped(x->type)) default_type(c, x);
		break;
	case TY_ARRAY:
		if (x->mode != M_VAR) {
			diag_error(node_startpos(x), "invalid operation: %s (slice of unaddressable value)", operand_string(x));
			invalidate(n);
			return;
		}
		cap = u->len;
		n->type = type_slice(u->elem);
		break;
	case TY_POINTER:
		if (under(u->elem)->kind == TY_ARRAY) {
			cap = under(u->elem)->len;
			n->type = type_slice(under(u->elem)->elem);
			break;
		}
		goto bad;
	case TY_SLICE: n->type = x->type; break;
	default:
	bad:
		diag_error(node_startpos(x), "invalid operation: cannot slice %s", operand_string(x));
		invalidate(n);
		return;
	}
	if (full && (!n->c || !n->d)) { /* reported by the parser */
		invalidate(n);
		return;
	}
	int64_t v[3] = {-1, -1, -1};
	Node *ix[3] = {n->b, n->c, n->d};
	int nix = full ? 3 : 2;
	for (int k = 0; k < nix; k++) {
		if (ix[k]) v[k] = check_index(c, ix[k], cap, true, "index");
		else v[k] = k == 0 ? 0 : cap; /* the defaults: 0, then the length if known */
	}
	/* constant indices must be non-decreasing (types2: one error) */
	for (int a = 0; a < nix - 1; a++)
		for (int b = a + 1; b < nix; b++)
			if (v[a] > 0 && v[b] >= 0 && v[b] < v[a] && ix[b]) {
				diag_error(node_startpos(ix[b]), "invalid slice indices: %lld < %lld", (long long)v[b], (long long)v[a]);
				a = b = 3;
			}
	n->mode = M_VALUE;
}
