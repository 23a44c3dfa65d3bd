/* stmt.c: checking statements and function bodies. Each block opens a
 * scope; closing it reports the variables declared there and never used,
 * as gc does ("x declared but not used"). */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

void open_scope(Checker *c) { c->scope = scope_new(c->scope); }

void close_scope(Checker *c) {
	for (int i = 0; i < c->scope->objs.n; i++) {
		Object *o = c->scope->objs.v[i];
		/* types2 marks variables with invalid types or initializers used (no follow-on error) */
		if (o->kind == OBJ_VAR && !o->used && !o->param && !(o->type && o->type->kind == TY_INVALID)) diag_error(o->pos, "%s declared but not used", o->name->s);
	}
	c->scope = c->scope->parent;
}

/* The values of a single right-hand side that supplies several: a call's
 * results, or the value-and-ok pair of x.(T), m[k] and <-c. */
Type *tuple_of(Node *rhs, int nr, int nl) {
	if (nr != 1 || !rhs->type) return NULL;
	if (rhs->type->kind == TY_TUPLE) return rhs->type;
	if (nl == 2 && (rhs->mode == M_COMMAOK || rhs->mode == M_MAPINDEX || (rhs->kind == N_UNARY && rhs->op == T_ARROW))) {
		Type *t = type_new(TY_TUPLE);
		t->nresults = 2;
		t->results = NEWARR(Type *, 2);
		t->results[0] = rhs->type;
		t->results[1] = ty_bool;
		rhs->flags |= NF_COMMAOK;
		return t;
	}
	return NULL;
}

static void mismatch(Node *n, int nl, int nr, Node *rhs) {
	if (nr == 1 && rhs->kind == N_CALL && rhs->type && rhs->type->kind == TY_TUPLE)
		diag_error(node_startpos(rhs), "assignment mismatch: %d variable%s but %s returns %d value%s", nl, nl == 1 ? "" : "s",
		           expr_string(rhs->a), rhs->type->nresults, rhs->type->nresults == 1 ? "" : "s");
	else
		diag_error(rhs ? node_startpos(rhs) : n->pos, "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
}

/* a, b := x, y and a, b := f() */
static void define(Checker *c, Node *n) {
	int nl = list_len(n->list), nr = list_len(n->list2);
	for (Node *r = n->list2; r; r = r->next) expr(c, r);
	Type *tuple = tuple_of(n->list2, nr, nl);
	if ((tuple && tuple->nresults != nl) || (!tuple && nl != nr)) mismatch(n, nl, nr, n->list2);
	bool fresh = false;
	Node *r = n->list2;
	Object **news = NEWARR(Object *, nl);
	int nnew = 0, i = 0;
	for (Node *l = n->list; l; l = l->next, i++) {
		Type *t = ty_invalid;
		if (tuple && tuple->nresults == nl) t = tuple->results[i];
		else if (r && nl == nr) {
			Object *prev = is_blank(l) ? NULL : scope_lookup_local(c->scope, l->name);
			if (!(prev && prev->kind == OBJ_VAR)) default_type(c, r); /* an existing variable gives its type */
			if (r->mode == M_NOVALUE) diag_error(node_startpos(r), "%s (no value) used as value", expr_string(r));
			else if (r->mode != M_INVALID && r->type && r->type->kind != TY_TUPLE) t = r->type;
		}
		bool repeated = false;
		for (Node *p = n->list; p != l && !repeated; p = p->next) repeated = !is_blank(l) && p->kind == N_NAME && p->name == l->name;
		if (repeated) {
			diag_error(l->pos, "%s repeated on left side of :=", l->name->s);
			fresh = true; /* types2: no "no new variables" error after this one */
			if (r) r = r->next;
			continue;
		}
		Object *o = is_blank(l) ? NULL : scope_lookup_local(c->scope, l->name);
		if (o && o->kind == OBJ_VAR) {
			if (r && nl == nr) assign_to(c, r, o->type, "assignment");
			else if (tuple && tuple->nresults == nl && t->kind != TY_INVALID && o->type && !type_identical(t, o->type) &&
			         under(t)->kind != TY_INTERFACE && under(o->type)->kind != TY_INTERFACE)
				diag_error(node_startpos(n->list2), "cannot use %s (value of type %s) as type %s in assignment", expr_string(n->list2),
				           type_string(t), type_string(o->type));
			l->obj = o;
			l->type = o->type;
		} else {
			if (!is_blank(l)) fresh = true;
			o = obj_new(OBJ_VAR, l->name, t, l->pos);
			o->depth = c->funclit_depth;
			l->obj = o;
			l->type = t;
			news[nnew++] = o;
		}
		if (r) r = r->next;
	}
	if (!fresh) diag_error(n->pos, "no new variables on left side of :=");
	for (int k = 0; k < nnew; k++) declare(c->scope, news[k]);
}

static void assignment(Checker *c, Node *n) {
	if (n->op == T_DEFINE) {
		define(c, n);
		return;
	}
	if (n->op == T_INC || n->op == T_DEC) {
		Node *x = n->list;
		expr(c, x);
		if (x->mode != M_INVALID && !is_numeric(x->type))
			diag_error(n->pos, "invalid operation: %s%s (non-numeric type %s)", expr_string(x), n->op == T_INC ? "++" : "--",
			           type_string(x->type));
		return;
	}
	int nl = list_len(n->list), nr = list_len(n->list2);
	for (Node *l = n->list; l; l = l->next) {
		if (is_blank(l)) {
			l->mode = M_VAR;
			continue;
		}
		bool used = false;
		Object *o = l->kind == N_NAME ? scope_lookup(c->scope, l->name) : NULL;
		if (o) used = o->used;
		expr(c, l);
		if (o && !n->op) o->used = used; /* being assigned is not a use */
		if (l->mode != M_INVALID && l->mode != M_VAR && l->mode != M_MAPINDEX) {
			Node *lx = l;
			while (lx->kind == N_PAREN) lx = lx->a;
			if (lx->kind == N_SELECTOR && lx->a->mode == M_MAPINDEX)
				diag_error(node_startpos(l), "cannot assign to struct field %s in map", expr_string(lx));
			else if (l->mode == M_BUILTIN)
				diag_error(node_startpos(l), "%s must be called", operand_string(l));
			else if (l->type && l->type->kind == TY_UNTYPED_NIL)
				diag_error(node_startpos(l), "cannot assign to nil");
			else
				diag_error(node_startpos(l), "cannot assign to %s", operand_string(l));
		}
	}
	for (Node *r = n->list2; r; r = r->next) expr(c, r);
	if (n->op) {
		/* x op= y is x = x op y */
		Node bin = {.kind = N_BINARY, .op = n->op, .pos = n->pos, .a = n->list, .b = n->list2};
		Node *x = n->list, *y = n->list2;
		if (x->mode == M_INVALID || y->mode == M_INVALID) return;
		if (type_is_untyped(y->type) && n->op != T_SHL && n->op != T_SHR) assign_to(c, y, x->type, "assignment");
		else if (n->op != T_SHL && n->op != T_SHR && !type_identical(x->type, y->type))
			diag_error(node_startpos(x), "invalid operation: %s (mismatched types %s and %s)", expr_string(&bin),
			           type_string(x->type), type_string(y->type));
		return;
	}
	Type *tuple = tuple_of(n->list2, nr, nl);
	if (tuple && tuple->nresults == nl) {
		int i = 0;
		for (Node *l = n->list; l; l = l->next, i++)
			if (!is_blank(l) && l->mode == M_VAR && n->list2->mode != M_INVALID && tuple->results[i] &&
			    tuple->results[i]->kind != TY_INVALID && !type_assignable(tuple->results[i], l->type) &&
			    !(i == 1 && (n->list2->flags & NF_COMMAOK) && under(l->type)->kind == TY_BOOL)) /* ok is an untyped bool */
				diag_error(node_startpos(n->list2), "cannot use %s value as %s value in assignment", type_string(tuple->results[i]),
				           type_string(l->type));
		return;
	}
	if (nl != nr || tuple) {
		mismatch(n, nl, nr, n->list2);
		return;
	}
	Node *r = n->list2;
	for (Node *l = n->list; l; l = l->next, r = r->next) {
		if (is_blank(l)) {
			if (r->mode == M_NOVALUE) diag_error(node_startpos(r), "%s (no value) used as value", expr_string(r));
			default_type(c, r);
			continue;
		}
		if (l->mode == M_VAR || l->mode == M_MAPINDEX) assign_to(c, r, l->type, "assignment");
	}
}

static void cond(Checker *c, Node *x, const char *what) {
	expr(c, x);
	if (x->mode == M_INVALID) return;
	if (x->type->kind != TY_BOOL && x->type->kind != TY_UNTYPED_BOOL) {
		diag_error(node_startpos(x), "non-boolean condition in %s statement", what);
		return;
	}
	default_type(c, x);
}

/* The types of the variables a var declaration declares (its type, or its
 * values' types), checking the values against them; types[] gets one per
 * name. Shared by local and package-level declarations. */
void var_types(Checker *c, Node *d, Type **types) {
	Type *t = d->a ? resolve_type(c, d->a) : NULL;
	int nl = list_len(d->list), nr = list_len(d->list2);
	for (Node *v = d->list2; v; v = v->next) expr(c, v);
	Type *tuple = tuple_of(d->list2, nr, nl);
	if (tuple && tuple->nresults != nl && nl == 1)
		diag_error(node_startpos(d->list2), "multiple-value %s (value of type %s) in single-value context", expr_string(d->list2),
		           type_string(tuple));
	else if (nr && ((tuple && tuple->nresults != nl) || (!tuple && nl != nr))) mismatch(d, nl, nr, d->list2);
	Node *v = d->list2;
	int i = 0;
	for (Node *l = d->list; l; l = l->next, i++) {
		Type *vt = t ? t : ty_invalid;
		if (tuple && tuple->nresults == nl) {
			if (!t) vt = tuple->results[i];
		} else if (v && nl == nr) {
			if (t) assign_to(c, v, t, "variable declaration");
			else {
				default_type(c, v);
				if (v->mode == M_NOVALUE) diag_error(node_startpos(v), "%s (no value) used as value", expr_string(v));
				else if (v->mode != M_INVALID && v->type && v->type->kind != TY_TUPLE) vt = v->type;
			}
		}
		types[i] = vt;
		if (v) v = v->next;
	}
}

static void var_decl(Checker *c, Node *d) {
	int nl = list_len(d->list), i = 0;
	Type **types = NEWARR(Type *, nl + 1);
	var_types(c, d, types);
	int nr = list_len(d->list2);
	Node *r = d->list2;
	for (Node *l = d->list; l; l = l->next, i++) {
		Object *o = obj_new(OBJ_VAR, l->name, types[i], l->pos);
		o->depth = c->funclit_depth;
		if ((nr == nl && r && r->mode == M_INVALID) || (nr > 1 && nr != nl)) o->used = true; /* as types2 */
		if (r) r = r->next;
		l->obj = o;
		l->type = types[i];
		declare(c->scope, o);
	}
}

static const char *pos_string(Pos p) {
	LineCol lc = pos_linecol(p);
	return arena_printf(g_arena, "%s:%d:%d", lc.src ? lc.src->name : "?", lc.line, lc.col);
}

/* A type switch: each case lists types (or nil); the bound variable, if
 * any, has the case's type when it lists exactly one, else the guard's. */
static bool has_nil(Type *t) {
	switch (under(t)->kind) {
	case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_INTERFACE: case TY_UNSAFEPTR: return true;
	default: return false;
	}
}

/* A type switch case listed before (types2: "duplicate case T in type switch"). */
static bool dup_type_case(void *seenp, Node *v) {
	VEC(Node *) *seen = seenp;
	bool vnil = v->type && v->type->kind == TY_UNTYPED_NIL;
	for (int i = 0; i < seen->n; i++) {
		Node *o = seen->v[i];
		bool onil = o->type && o->type->kind == TY_UNTYPED_NIL;
		if (vnil != onil || (!vnil && !type_identical(o->type, v->type))) continue;
		diag_error(node_startpos(v), "duplicate case %s in type switch\n\t%s: previous case", vnil ? "nil" : type_string(v->type),
		           pos_string(node_startpos(o)));
		return true;
	}
	return false;
}

static void type_switch(Checker *c, Node *n) {
	Node *g = n->b, *x = g->a;
	if (g->name && g->name->len == 1 && g->name->s[0] == '_') {
		diag_error(g->end ? g->end : g->pos, "no new variable on left side of :=");
		g->name = NULL;
	}
	expr(c, x);
	if (x->mode == M_INVALID) return;
	if (under(x->type)->kind != TY_INTERFACE) {
		diag_error(node_startpos(x), "%s is not an interface", operand_string(x));
		return;
	}
	g->type = x->type;
	g->mode = M_VALUE;
	Node *dflt = NULL;
	bool used = false;
	VEC(Node *) seen = {0}; /* the case types so far (a nil case: its node) */
	for (Node *cc = n->list; cc; cc = cc->next) {
		if (cc->flags & NF_DEFAULT) {
			if (dflt) diag_error(cc->pos, "multiple defaults (first at %s)", pos_string(dflt->pos));
			else dflt = cc;
		}
		Type *single = NULL;
		int ntypes = 0;
		for (Node *v = cc->list; v; v = v->next) {
			ntypes++;
			if (v->kind == N_NAME && v->name == internz("nil") && scope_lookup(c->scope, v->name)->kind == OBJ_NIL) {
				v->mode = M_VALUE;
				v->type = basic_type(TY_UNTYPED_NIL);
				v->obj = scope_lookup(c->scope, v->name);
				single = NULL;
				if (!dup_type_case(&seen, v)) vec_push(&seen, v);
				continue;
			}
			Type *t = resolve_type(c, v);
			if (t->kind == TY_INVALID) continue;
			if (dup_type_case(&seen, v)) continue;
			vec_push(&seen, v);
			const char *why = NULL;
			if (under(t)->kind != TY_INTERFACE && t->kind != TY_TYPEPARAM && !implements(t, x->type, &why))
				diag_error(node_startpos(v), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", expr_string(v),
				           operand_string(x), type_string(t), why ? why : "");
			single = t;
		}
		open_scope(c);
		if (g->name) {
			Type *vt = ntypes == 1 && single ? single : x->type;
			Object *o = obj_new(OBJ_VAR, g->name, vt, g->pos);
			o->depth = c->funclit_depth;
			cc->obj = o;
			declare(c->scope, o);
			stmts(c, cc->list2);
			if (o->used) used = true;
			o->used = true; /* reported once, below, as gc does */
		} else stmts(c, cc->list2);
		close_scope(c);
	}
	if (g->name && !used) diag_error(g->end ? g->end : g->pos, "%s declared but not used", g->name->s);
	free(seen.v);
}

/* An expression switch: the tag (true if absent) is compared with each
 * case value, as x == v; untyped case values take the tag's type. */
static void switch_stmt(Checker *c, Node *n) {
	open_scope(c);
	stmt(c, n->a);
	if (n->b && n->b->kind == N_TYPESWITCHGUARD) {
		type_switch(c, n);
		close_scope(c);
		return;
	}
	Type *tag = ty_bool;
	if (n->b) {
		expr(c, n->b);
		default_type(c, n->b);
		tag = n->b->mode == M_INVALID ? ty_invalid : n->b->type;
		if (tag->kind != TY_INVALID && !type_comparable(tag) && !has_nil(tag)) {
			diag_error(node_startpos(n->b), "cannot switch on %s (%s is not comparable)", operand_string(n->b), type_string(tag));
			tag = ty_invalid;
		}
	}
	Node *dflt = NULL;
	VEC(Node *) seen = {0}; /* constant case values so far */
	for (Node *cc = n->list; cc; cc = cc->next) {
		if (cc->flags & NF_DEFAULT) {
			if (dflt) diag_error(cc->pos, "multiple defaults (first at %s)", pos_string(dflt->pos));
			else dflt = cc;
		}
		for (Node *v = cc->list; v; v = v->next) {
			expr(c, v);
			if (v->mode == M_INVALID || tag->kind == TY_INVALID) continue;
			if (type_is_untyped(v->type)) {
				/* a case value is compared with the tag: types2 words a
				 * failed implicit conversion there as a conversion */
				bool str = type_is_string(v->type), tstr = type_is_string(tag);
				bool bl = v->type->kind == TY_UNTYPED_BOOL, tbl = tag->kind == TY_BOOL;
				if ((str != tstr || bl != tbl) && under(tag)->kind != TY_INTERFACE) {
					diag_error(node_startpos(v), "cannot convert %s to %s", operand_string(v), type_string(tag));
					continue;
				}
				if (!assign_to(c, v, tag, "switch case")) continue;
			} else if (!n->b) {
				/* the missing tag is true: an interface case holding bool compares */
				bool iface = under(v->type)->kind == TY_INTERFACE && implements(tag, v->type, NULL);
				if (!type_identical(v->type, tag) && !iface) {
					diag_error(node_startpos(v), "invalid case %s in switch (mismatched types %s and bool)", expr_string(v),
					           type_string(v->type));
					continue;
				}
			} else {
				Node *errop;
				const char *cause = comparison_error(v, n->b, T_EQ, &errop);
				if (cause) {
					diag_error(node_startpos(v), "invalid case %s in switch on %s (%s)", expr_string(v), expr_string(n->b), cause);
					continue;
				}
			}
			/* duplicate constant cases (an interface tag: the value before its boxing) */
			Node *cv = v->kind == N_CONVERT && v->a ? v->a : v;
			if (cv->mode != M_CONST || !cv->val || cv->val->kind == CV_BOOL || cv->val->kind == CV_COMPLEX) continue; /* as gc */
			bool dup = false;
			for (int i = 0; i < seen.n && !dup; i++) {
				Node *o = seen.v[i];
				if (!type_identical(o->type, cv->type)) continue;
				if (!const_compare(T_EQ, o->val, cv->val)) continue;
				diag_error(node_startpos(cv), "duplicate case %s in expression switch\n\t%s: previous case", operand_string(cv), pos_string(o->pos));
				dup = true;
			}
			if (!dup) vec_push(&seen, cv);
		}
		open_scope(c);
		stmts(c, cc->list2);
		close_scope(c);
	}
	free(seen.v);
	close_scope(c);
}

/* for k, v := range x (spec: For statements with range clause): the
 * iteration values' types by x's type; with := they are new variables. */
static void range_clause(Checker *c, Node *r) {
	Node *x = r->a;
	expr(c, x);
	if (x->mode == M_INVALID) return;
	Type *u = under(x->type), *kt = NULL, *vt = NULL;
	if (u->kind == TY_POINTER && under(u->elem)->kind == TY_ARRAY) u = under(u->elem);
	switch (u->kind) {
	case TY_STRING: case TY_UNTYPED_STRING: kt = ty_int; vt = basic_type(TY_INT32); default_type(c, x); break;
	case TY_ARRAY: case TY_SLICE: kt = ty_int; vt = u->elem; break;
	case TY_MAP: kt = u->key; vt = u->elem; break;
	case TY_CHAN:
		kt = u->elem;
		if (u->dir == CHAN_SEND) {
			diag_error(node_startpos(x), "cannot range over %s (receive from send-only channel)", operand_string(x));
			return;
		}
		if (r->list && r->list->next) {
			diag_error(node_startpos(r->list->next), "range over %s permits only one iteration variable", operand_string(x));
			return;
		}
		break;
	default:
		diag_error(node_startpos(x), "cannot range over %s", operand_string(x));
		return;
	}
	Type *types[2] = {kt, vt};
	int i = 0;
	for (Node *l = r->list; l; l = l->next, i++) {
		if (r->op == T_DEFINE) {
			Object *o = obj_new(OBJ_VAR, l->name, types[i], l->pos);
			o->depth = c->funclit_depth;
			l->obj = o;
			l->type = types[i];
			declare(c->scope, o);
		} else if (!is_blank(l)) {
			expr(c, l);
			if (l->mode != M_INVALID && l->mode != M_VAR && l->mode != M_MAPINDEX)
				diag_error(node_startpos(l), "cannot assign to %s", operand_string(l));
			else if (l->mode != M_INVALID && !type_identical(l->type, types[i]))
				diag_error(node_startpos(l), "cannot assign %s to %s in range", type_string(types[i]), operand_string(l));
		}
	}
	r->type = x->type;
}

/* An expression statement (types2's rules): calls of functions and of the
 * statement builtins, and receives; anything else "is not used". */
static void expr_stmt(Checker *c, Node *x) {
	expr_or_type(c, x);
	if (x->mode == M_INVALID) return;
	if (x->mode == M_BUILTIN) {
		diag_error(node_startpos(x), "%s must be called", operand_string(x));
		return;
	}
	if (x->mode == M_TYPEEXPR) {
		diag_error(node_startpos(x), "%s is not an expression", operand_string(x));
		return;
	}
	Node *e = x;
	while (e->kind == N_PAREN) e = e->a;
	if (e->kind == N_UNARY && e->op == T_ARROW) return;
	if (e->kind == N_CALL) {
		Node *fn = e->a;
		while (fn->kind == N_PAREN) fn = fn->a;
		if (fn->mode != M_TYPEEXPR && fn->mode != M_BUILTIN) return;
		if (fn->mode == M_BUILTIN && fn->obj)
			switch (fn->obj->builtin) {
			case BUILTIN_CLOSE: case BUILTIN_COPY: case BUILTIN_DELETE: case BUILTIN_PANIC: case BUILTIN_PRINT:
			case BUILTIN_PRINTLN: case BUILTIN_RECOVER: return;
			default: break;
			}
	}
	diag_error(node_startpos(x), "%s is not used", operand_string(x));
}

void stmt(Checker *c, Node *n) {
	if (!n) return;
	switch (n->kind) {
	case N_EMPTYSTMT: return;
	case N_EXPRSTMT:
		expr_stmt(c, n->a);
		return;
	case N_ASSIGN: assignment(c, n); return;
	case N_BLOCK:
		open_scope(c);
		stmts(c, n->list);
		close_scope(c);
		return;
	case N_IF:
		open_scope(c);
		stmt(c, n->a);
		if (n->b) cond(c, n->b, "if");
		stmt(c, n->c);
		stmt(c, n->d);
		close_scope(c);
		return;
	case N_FOR:
		open_scope(c);
		if (n->a && n->a->kind == N_RANGECLAUSE) range_clause(c, n->a);
		else stmt(c, n->a);
		if (n->b) cond(c, n->b, "for");
		stmt(c, n->c);
		stmt(c, n->d);
		close_scope(c);
		return;
	case N_RETURN: {
		int i = 0;
		Type *sig = c->fnsig;
		int nr = list_len(n->list);
		for (Node *r = n->list; r; r = r->next) expr(c, r);
		if (nr == 0) {
			/* a bare return is fine with named results */
			if (sig->nresults > 0 && !c->named_results) diag_error(n->pos, "not enough return values");
			return;
		}
		Type *tuple = tuple_of(n->list, nr, 0);
		if (tuple) {
			if (tuple->nresults != sig->nresults)
				diag_error(n->pos, "%s return values", tuple->nresults < sig->nresults ? "not enough" : "too many");
			return;
		}
		if (nr != sig->nresults) {
			diag_error(nr > sig->nresults && sig->nresults ? node_startpos(n->list) : n->pos, "%s return values", nr < sig->nresults ? "not enough" : "too many");
			return;
		}
		for (Node *r = n->list; r; r = r->next, i++) assign_to(c, r, sig->results[i], "return statement");
		return;
	}
	case N_LABELED: stmt(c, n->a); return;
	case N_GOSTMT: case N_DEFERSTMT: {
		Node *x = n->a;
		if (x->kind != N_CALL) {
			expr(c, x);
			return; /* the parser reported it */
		}
		expr(c, x);
		if (x->mode == M_INVALID) return;
		Node *fn = x->a;
		if (fn->mode == M_TYPEEXPR) diag_error(node_startpos(x), "%s requires function call, not conversion", n->kind == N_GOSTMT ? "go" : "defer");
		else if (fn->mode == M_BUILTIN && fn->obj) {
			switch (fn->obj->builtin) {
			case BUILTIN_APPEND: case BUILTIN_CAP: case BUILTIN_COMPLEX: case BUILTIN_IMAG: case BUILTIN_LEN:
			case BUILTIN_MAKE: case BUILTIN_NEW: case BUILTIN_REAL:
				diag_error(node_startpos(x), "%s discards result of %s", n->kind == N_GOSTMT ? "go" : "defer", expr_string(x));
			}
		}
		return;
	}
	case N_SENDSTMT: {
		expr(c, n->a);
		expr(c, n->b);
		if (n->a->mode == M_INVALID || n->b->mode == M_INVALID) return;
		Type *u = under(n->a->type);
		if (u->kind != TY_CHAN) {
			diag_error(node_startpos(n->a), "invalid operation: cannot send to non-channel %s", operand_string(n->a));
			return;
		}
		if (u->dir == CHAN_RECV) {
			diag_error(node_startpos(n->a), "invalid operation: cannot send to receive-only channel %s", operand_string(n->a));
			return;
		}
		assign_to(c, n->b, u->elem, "send");
		return;
	}
	case N_SELECT: {
		Node *dflt = NULL;
		for (Node *cc = n->list; cc; cc = cc->next) {
			if (cc->flags & NF_DEFAULT) {
				if (dflt) diag_error(cc->pos, "multiple defaults in select");
				dflt = cc;
			}
			open_scope(c);
			if (cc->a) {
				Node *s2 = cc->a;
				/* case (<-c): and case v := (<-c): are receives too (gc unparens) */
				if (s2->kind == N_EXPRSTMT)
					while (s2->a->kind == N_PAREN) s2->a = s2->a->a;
				if (s2->kind == N_ASSIGN && s2->list2 && !s2->list2->next)
					while (s2->list2->kind == N_PAREN) s2->list2 = s2->list2->a;
				bool ok = s2->kind == N_SENDSTMT ||
				          (s2->kind == N_EXPRSTMT && s2->a->kind == N_UNARY && s2->a->op == T_ARROW) ||
				          (s2->kind == N_ASSIGN && (s2->op == 0 || s2->op == T_DEFINE) && s2->list2 && !s2->list2->next &&
				           s2->list2->kind == N_UNARY && s2->list2->op == T_ARROW);
				if (!ok) diag_error(s2->pos, "select case must be receive, send or assign recv");
				stmt(c, s2);
			}
			stmts(c, cc->list2);
			close_scope(c);
		}
		return;
	}
	case N_BRANCH: return; /* checked by check_branches */
	case N_SWITCH: switch_stmt(c, n); return;
	case N_DECLSTMT:
		for (Node *d = n->list, *prev = NULL; d; d = d->next) {
			if (d->kind == N_CONSTDECL) {
				/* a local constant's scope starts after its spec: resolve
				 * the values in a scope that does not have the names yet */
				Scope *tmp = scope_new(c->scope);
				declare_consts(c, d, &prev, tmp);
				for (Node *l = d->list; l; l = l->next)
					if (l->obj) resolve_const(c, l->obj);
				for (int k = 0; k < tmp->objs.n; k++) declare(c->scope, tmp->objs.v[k]);
				continue;
			}
			if (d->kind == N_VARDECL) {
				var_decl(c, d);
				continue;
			}
			if (d->kind == N_TYPEDECL) {
				Object *o = obj_new(OBJ_TYPENAME, d->name, ty_invalid, d->pos);
				o->pkg = c->pkg; /* reflect's strings name it main.T */
				o->decl = d;
				d->obj = o;
				if (!(d->flags & NF_ALIAS)) {
					Type *t = type_new(TY_NAMED);
					t->obj = o;
					o->type = t;
				}
				declare(c->scope, o);
				resolve_typename(c, o);
				check_recursive_type(o);
				continue;
			}
		}
		return;
	default:
		diag_error(n->pos, "this statement is not supported yet: %s", node_kind_name(n->kind));
	}
}

void stmts(Checker *c, Node *l) {
	for (; l; l = l->next) stmt(c, l);
}

/* Is there a break (labeled or not) out of target inside the list? */
static bool breaks_out(Node *l, Node *target) {
	for (; l; l = l->next) {
		if (l->kind == N_BRANCH) {
			if (l->op == T_BREAK && l->c == target) return true;
			continue; /* its c is a target, not a child */
		}
		if (breaks_out(l->a, target) || breaks_out(l->b, target) || breaks_out(l->c, target) ||
		    breaks_out(l->d, target) || breaks_out(l->list, target) || breaks_out(l->list2, target))
			return true;
	}
	return false;
}

/* A function body "terminates" (spec: Terminating statements) when its
 * last statement does; else a function with results is missing a return. */
static bool terminates(Node *s);

static bool clause_terminates(Node *l) {
	Node *last = NULL;
	for (; l; l = l->next)
		if (l->kind != N_EMPTYSTMT) last = l;
	if (!last) return false;
	if (last->kind == N_BRANCH && last->op == T_FALLTHROUGH) return true;
	return terminates(last);
}

static bool terminates(Node *s) {
	if (!s) return false;
	switch (s->kind) {
	case N_RETURN: return true;
	case N_BRANCH: return s->op == T_GOTO;
	case N_BLOCK: {
		Node *last = NULL;
		for (Node *x = s->list; x; x = x->next) last = x;
		return terminates(last);
	}
	case N_IF: return s->d && terminates(s->c) && terminates(s->d);
	case N_FOR: return !s->b && !(s->a && s->a->kind == N_RANGECLAUSE) && !breaks_out(s->d, s);
	case N_SWITCH: case N_SELECT: {
		bool dflt = s->kind == N_SELECT;
		for (Node *cc = s->list; cc; cc = cc->next) {
			if (cc->flags & NF_DEFAULT) dflt = true;
			if (!clause_terminates(cc->list2) || breaks_out(cc->list2, s)) return false;
		}
		return dflt;
	}
	case N_LABELED: return terminates(s->a);
	case N_EXPRSTMT:
		return s->a->kind == N_CALL && s->a->a->kind == N_NAME && s->a->a->obj && s->a->a->obj->kind == OBJ_BUILTIN &&
		       !strcmp(s->a->a->obj->name->s, "panic");
	}
	return false;
}

bool stmt_terminates(Node *s) { return terminates(s); }

/* Parameters and named results become variables of the body's scope. */
void declare_params(Checker *c, Node *ft) {
	for (int pass = 0; pass < 2; pass++)
		for (Node *f = pass ? ft->list2 : ft->list; f; f = f->next) {
			if (!f->name) continue;
			Object *p = obj_new(OBJ_VAR, f->name, f->type, f->pos);
			p->depth = c->funclit_depth;
			p->param = true;
			f->obj = p;
			declare(c->scope, p);
		}
}

void func_body(Checker *c, Object *fn) {
	Node *d = fn->decl;
	if (!d->b || c->ignore_bodies) return;
	c->curfn = fn;
	c->fnsig = fn->type;
	c->scope = fn->fscope;
	c->named_results = d->a->list2 && d->a->list2->name;
	check_branches(d->b);
	open_scope(c);
	if (d->c && d->c->name && !(d->c->name->len == 1 && d->c->name->s[0] == '_')) {
		Object *r = obj_new(OBJ_VAR, d->c->name, d->c->type ? d->c->type : ty_invalid, d->c->pos);
		r->depth = c->funclit_depth;
		r->param = true;
		d->c->obj = r;
		declare(c->scope, r);
	}
	declare_params(c, d->a);
	stmts(c, d->b->list);
	close_scope(c);
	if (fn->type->nresults > 0 && !terminates(d->b)) diag_error(d->b->end, "missing return");
}
