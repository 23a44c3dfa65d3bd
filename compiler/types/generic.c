/* generic.c: generics in the checker (spec: Type parameter declarations,
 * Instantiations, Type inference).
 *
 * A type parameter is a type of its own kind (TY_TYPEPARAM) whose bound is
 * an interface; an interface's type set is its methods plus, when it has
 * type terms (T, ~T, unions, embedded constraints), the intersection of
 * its term lists (Type.terms when has_terms; else every type), and a flag
 * for an embedded `comparable`. A generic function body and a generic
 * type's declaration are checked once, with the type parameters standing
 * for their type sets: under(P) is P's core type when its terms share one
 * underlying type (so indexing, ranging, len, append, make and composite
 * literals work through it), and P itself otherwise, where the operator
 * predicates ask whether every term allows the operation.
 *
 * Instantiation substitutes type arguments for parameters (type_subst).
 * Instances of a generic named type are made once per distinct argument
 * list and kept on the generic type, so identical instances are the same
 * Type; their underlying types and methods are substituted on first use,
 * since the generic type may still be incomplete when an instance is
 * written (type List[T any] struct{ next *List[T] }). Inference unifies
 * parameter types with the typed arguments' types, then uses constraints'
 * core types (constraint type inference), then untyped arguments' default
 * types, as types2 does in that order. */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

/* ---- type sets ------------------------------------------------------------------ */

static Type *bound_iface(const Type *p) {
	Type *b = p->bound ? under(p->bound) : NULL;
	return b && b->kind == TY_INTERFACE ? b : NULL;
}

Type *core_type(Type *t) {
	if (!t || t->kind != TY_TYPEPARAM) return NULL;
	Type *b = bound_iface(t);
	if (!b || !b->has_terms || b->nterms == 0) return NULL;
	Type *u = under(b->terms[0].type);
	if (u->kind == TY_TYPEPARAM) return NULL;
	bool same = true;
	for (int i = 1; i < b->nterms; i++)
		if (!type_identical(under(b->terms[i].type), u)) same = false;
	if (same) return u;
	/* channels of one element type: the direction of the directional ones,
	 * which must agree (spec: Core types) */
	if (u->kind != TY_CHAN) return NULL;
	int dir = CHAN_BOTH;
	for (int i = 0; i < b->nterms; i++) {
		Type *e = under(b->terms[i].type);
		if (e->kind != TY_CHAN || !type_identical(e->elem, u->elem)) return NULL;
		if (e->dir == CHAN_BOTH) continue;
		if (dir != CHAN_BOTH && dir != e->dir) return NULL;
		dir = e->dir;
	}
	return type_chan(dir, u->elem);
}

/* The underlying types of type parameter t's type set terms, or 0 when
 * the set is not given by terms (then no operation beyond its methods and
 * comparable applies). */
int typeparam_terms(const Type *t, Type ***out) {
	Type *b = t && t->kind == TY_TYPEPARAM ? bound_iface(t) : NULL;
	if (!b || !b->has_terms || b->nterms == 0) return 0;
	Type **v = NEWARR(Type *, b->nterms);
	for (int i = 0; i < b->nterms; i++) v[i] = under(b->terms[i].type);
	*out = v;
	return b->nterms;
}

bool typeparam_all(const Type *t, bool (*pred)(const Type *)) {
	Type *b = t && t->kind == TY_TYPEPARAM ? bound_iface(t) : NULL;
	if (!b || !b->has_terms || b->nterms == 0) return false;
	for (int i = 0; i < b->nterms; i++)
		if (!pred(b->terms[i].type)) return false;
	return true;
}

/* Intersects the type set terms of interface t with terms u (uhas false:
 * every type). */
void terms_intersect(Type *t, const Term *u, int un, bool uhas) {
	if (!uhas) return;
	if (!t->has_terms) {
		t->terms = NEWARR(Term, un + 1);
		memcpy(t->terms, u, sizeof(Term) * (size_t)un);
		t->nterms = un;
		t->has_terms = true;
		return;
	}
	Term *r = NEWARR(Term, t->nterms * un + 1);
	int k = 0;
	for (int i = 0; i < t->nterms; i++)
		for (int j = 0; j < un; j++) {
			Term x = t->terms[i], y = u[j];
			if (type_identical(x.type, y.type)) r[k++] = (Term){x.type, x.tilde && y.tilde};
			else if (x.tilde && type_identical(x.type, under(y.type))) r[k++] = y;
			else if (y.tilde && type_identical(y.type, under(x.type))) r[k++] = x;
		}
	t->terms = r;
	t->nterms = k;
}

const char *termlist_string(const Type *iface) {
	if (!iface || !iface->has_terms) return "any";
	const char *s = "";
	for (int i = 0; i < iface->nterms; i++)
		s = arena_printf(g_arena, "%s%s%s%s", s, i ? " | " : "", iface->terms[i].tilde ? "~" : "", type_string(iface->terms[i].type));
	return iface->nterms ? s : "∅";
}

/* ---- substitution -------------------------------------------------------------- */

Type *instantiate_named(Type *orig, Type **targs, int n) {
	bool self = n == orig->ntparams;
	for (int i = 0; self && i < n; i++) self = targs[i] == orig->tparams[i];
	if (self) return orig;
	for (int i = 0; i < orig->instances.n; i++) {
		Type *t = orig->instances.v[i];
		bool same = t->ntargs == n;
		for (int k = 0; same && k < n; k++) same = type_identical(t->targs[k], targs[k]);
		if (same) return t;
	}
	Type *t = type_new(TY_NAMED);
	t->obj = orig->obj;
	t->orig = orig;
	t->ntargs = n;
	t->targs = NEWARR(Type *, n + 1);
	memcpy(t->targs, targs, sizeof(Type *) * (size_t)n);
	vec_push(&orig->instances, t);
	return t;
}

Type *instance_underlying(Type *t) {
	if (!t->underlying && t->orig && t->orig->underlying) {
		t->underlying = basic_type(TY_INVALID); /* a cycle sees invalid, not a loop */
		t->underlying = under(type_subst(t->orig->underlying, t->orig->tparams, t->targs, t->ntargs));
	}
	return t->underlying;
}

void instance_methods(Type *t) {
	if (!t->orig) return;
	Type *o = t->orig;
	while (t->methods.n < o->methods.n) {
		Method m = o->methods.v[t->methods.n];
		m.type = type_subst(m.type, o->tparams, t->targs, t->ntargs);
		vec_push(&t->methods, m);
	}
}

static Type **subst_list(Type **l, int n, Type **from, Type **to, int k, bool *changed) {
	Type **r = NEWARR(Type *, n + 1);
	for (int i = 0; i < n; i++) {
		r[i] = type_subst(l[i], from, to, k);
		if (r[i] != l[i]) *changed = true;
	}
	return r;
}

Type *type_subst(Type *t, Type **from, Type **to, int n) {
	if (!t || n == 0) return t;
	bool ch = false;
	switch (t->kind) {
	case TY_TYPEPARAM:
		for (int i = 0; i < n; i++)
			if (from[i] == t) return to[i];
		return t;
	case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_CHAN: case TY_MAP: {
		Type *e = type_subst(t->elem, from, to, n), *k = type_subst(t->key, from, to, n);
		if (e == t->elem && k == t->key) return t;
		Type *r = type_new(t->kind);
		*r = *t;
		r->name = NULL;
		r->layout = 0;
		r->elem = e;
		r->key = k;
		return r;
	}
	case TY_FUNC: case TY_TUPLE: {
		Type **p = subst_list(t->params, t->nparams, from, to, n, &ch);
		Type **res = subst_list(t->results, t->nresults, from, to, n, &ch);
		if (!ch) return t;
		Type *r = type_new(t->kind);
		*r = *t;
		r->name = NULL;
		r->params = p;
		r->results = res;
		return r;
	}
	case TY_STRUCT: {
		Field *f = NEWARR(Field, t->nfields + 1);
		for (int i = 0; i < t->nfields; i++) {
			f[i] = t->fields[i];
			f[i].type = type_subst(t->fields[i].type, from, to, n);
			if (f[i].type != t->fields[i].type) ch = true;
		}
		if (!ch) return t;
		Type *r = type_new(TY_STRUCT);
		*r = *t;
		r->name = NULL;
		r->layout = 0;
		r->fields = f;
		return r;
	}
	case TY_INTERFACE: {
		Method *m = NEWARR(Method, t->methods.n + 1);
		for (int i = 0; i < t->methods.n; i++) {
			m[i] = t->methods.v[i];
			m[i].type = type_subst(m[i].type, from, to, n);
			if (m[i].type != t->methods.v[i].type) ch = true;
		}
		Term *tm = t->nterms > 0 ? NEWARR(Term, t->nterms) : NULL;
		for (int i = 0; i < t->nterms; i++) {
			tm[i] = t->terms[i];
			tm[i].type = type_subst(tm[i].type, from, to, n);
			if (tm[i].type != t->terms[i].type) ch = true;
		}
		if (!ch) return t;
		Type *r = type_new(TY_INTERFACE);
		*r = *t;
		r->name = NULL;
		r->methods.v = m;
		r->methods.cap = r->methods.n;
		if (tm) r->terms = tm;
		return r;
	}
	case TY_NAMED:
		if (t->orig) {
			Type **a = subst_list(t->targs, t->ntargs, from, to, n, &ch);
			return ch ? instantiate_named(t->orig, a, t->ntargs) : t;
		}
		if (t->ntparams) {
			/* the generic type itself, as its own methods see it: T[P...] */
			Type **a = subst_list(t->tparams, t->ntparams, from, to, n, &ch);
			return ch ? instantiate_named(t, a, t->ntparams) : t;
		}
		return t;
	default: return t;
	}
}

Type *instantiate_sig(Type *sig, Type **targs) {
	Type *r = type_new(TY_FUNC);
	*r = *type_subst(sig, sig->tparams, targs, sig->ntparams);
	r->tparams = NULL;
	r->ntparams = 0;
	r->name = NULL;
	return r;
}

/* ---- satisfaction ---------------------------------------------------------------- */

/* Does type argument T satisfy constraint iface (already substituted)?
 * On failure *why is types2's message. */
bool satisfies(Type *T, Type *bound, const char **why) {
	Type *b = under(bound);
	if (b->kind != TY_INTERFACE) return true;
	const char *missing;
	if (b->methods.n) {
		Type *mi = type_new(TY_INTERFACE);
		mi->methods = b->methods;
		if (!implements(T, mi, &missing)) {
			*why = arena_printf(g_arena, "%s does not implement %s %s", type_string(T), type_string(bound), missing ? missing : "");
			return false;
		}
	}
	if (b->comparable && !type_comparable(T)) {
		*why = arena_printf(g_arena, "%s does not implement comparable", type_string(T));
		return false;
	}
	if (!b->has_terms) return true;
	if (T->kind == TY_TYPEPARAM) {
		/* every term of T's own set must be in the bound's */
		Type *tb = bound_iface(T);
		if (!tb || !tb->has_terms) {
			*why = arena_printf(g_arena, "%s does not implement %s", type_string(T), type_string(bound));
			return false;
		}
		for (int i = 0; i < tb->nterms; i++) {
			bool in = false;
			for (int j = 0; j < b->nterms && !in; j++) {
				Term x = tb->terms[i], y = b->terms[j];
				in = y.tilde ? type_identical(under(x.type), y.type) : !x.tilde && type_identical(x.type, y.type);
			}
			if (!in) {
				*why = arena_printf(g_arena, "%s does not implement %s", type_string(T), type_string(bound));
				return false;
			}
		}
		return true;
	}
	for (int j = 0; j < b->nterms; j++) {
		Term y = b->terms[j];
		if (y.tilde ? type_identical(under(T), y.type) : type_identical(T, y.type)) return true;
	}
	for (int j = 0; j < b->nterms; j++)
		if (!b->terms[j].tilde && type_identical(under(T), b->terms[j].type) && T != under(T)) {
			*why = arena_printf(g_arena, "%s does not implement %s (possibly missing ~ for %s in constraint %s)",
			                    type_string(T), type_string(bound), type_string(b->terms[j].type), type_string(bound));
			return false;
		}
	*why = arena_printf(g_arena, "%s does not implement %s (%s missing in %s)", type_string(T), type_string(bound),
	                    type_string(T), termlist_string(b));
	return false;
}

/* Checks targs against tparams' constraints; reports at pos. */
bool check_instance(Pos pos, Type **tparams, Type **targs, int n) {
	for (int i = 0; i < n; i++) {
		if (!targs[i] || targs[i]->kind == TY_INVALID) return false;
		Type *bound = type_subst(tparams[i]->bound, tparams, targs, n);
		const char *why;
		if (!satisfies(targs[i], bound, &why)) {
			diag_error(pos, "%s", why);
			return false;
		}
	}
	return true;
}

/* ---- inference -------------------------------------------------------------------- */

typedef struct Unifier {
	Type **tparams;
	Type **targs; /* NULL: not inferred yet */
	int n;
} Unifier;

static int tparam_index(Unifier *u, Type *t) {
	for (int i = 0; i < u->n; i++)
		if (u->tparams[i] == t) return i;
	return -1;
}

/* Unifies x (may contain the type parameters) with y; inexact: a named y
 * matches x's structure through its underlying type, as for assignment. */
static bool unify(Unifier *u, Type *x, Type *y, int depth) {
	if (!x || !y || depth > 64) return false;
	int i = tparam_index(u, x);
	if (i >= 0) {
		if (!u->targs[i]) {
			u->targs[i] = y;
			return true;
		}
		if (type_identical(u->targs[i], y)) return true;
		/* a named type and its underlying unnamed type unify (the named one wins) */
		if (u->targs[i]->kind != TY_NAMED && y->kind == TY_NAMED && type_identical(u->targs[i], under(y))) {
			u->targs[i] = y;
			return true;
		}
		return y->kind != TY_NAMED && type_identical(under(u->targs[i]), y);
	}
	if (x == y) return true;
	if (x->kind == TY_NAMED && y->kind == TY_NAMED) {
		Type *xo = x->orig ? x->orig : x, *yo = y->orig ? y->orig : y;
		if (xo != yo) return false;
		if (x->orig && y->orig) {
			for (int k = 0; k < x->ntargs; k++)
				if (!unify(u, x->targs[k], y->targs[k], depth + 1)) return false;
			return true;
		}
		return type_identical(x, y);
	}
	if (x->kind == TY_NAMED) {
		/* an instance written with type parameters matches a value of its
		 * underlying structure */
		if (!x->orig) return type_identical(x, y);
		x = under(x);
	}
	if (y->kind == TY_NAMED) y = under(y);
	if (x->kind < TY_FUNC || y->kind < TY_FUNC) return type_identical(x, y);
	if (x->kind != y->kind) return false;
	switch (x->kind) {
	case TY_POINTER: case TY_SLICE: return unify(u, x->elem, y->elem, depth + 1);
	case TY_ARRAY: return x->len == y->len && unify(u, x->elem, y->elem, depth + 1);
	case TY_CHAN: return unify(u, x->elem, y->elem, depth + 1);
	case TY_MAP: return unify(u, x->key, y->key, depth + 1) && unify(u, x->elem, y->elem, depth + 1);
	case TY_FUNC:
		if (x->nparams != y->nparams || x->nresults != y->nresults || x->variadic != y->variadic) return false;
		for (int k = 0; k < x->nparams; k++)
			if (!unify(u, x->params[k], y->params[k], depth + 1)) return false;
		for (int k = 0; k < x->nresults; k++)
			if (!unify(u, x->results[k], y->results[k], depth + 1)) return false;
		return true;
	case TY_STRUCT:
		if (x->nfields != y->nfields) return false;
		for (int k = 0; k < x->nfields; k++)
			if (x->fields[k].name != y->fields[k].name || !unify(u, x->fields[k].type, y->fields[k].type, depth + 1))
				return false;
		return true;
	default: return type_identical(x, y);
	}
}

static bool mentions(Type *t, Type **tparams, int n, int depth) {
	if (!t || depth > 32) return false;
	for (int i = 0; i < n; i++)
		if (t == tparams[i]) return true;
	switch (t->kind) {
	case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_CHAN: return mentions(t->elem, tparams, n, depth + 1);
	case TY_MAP: return mentions(t->key, tparams, n, depth + 1) || mentions(t->elem, tparams, n, depth + 1);
	case TY_FUNC:
		for (int i = 0; i < t->nparams; i++)
			if (mentions(t->params[i], tparams, n, depth + 1)) return true;
		for (int i = 0; i < t->nresults; i++)
			if (mentions(t->results[i], tparams, n, depth + 1)) return true;
		return false;
	case TY_STRUCT:
		for (int i = 0; i < t->nfields; i++)
			if (mentions(t->fields[i].type, tparams, n, depth + 1)) return true;
		return false;
	case TY_NAMED:
		for (int i = 0; i < t->ntargs; i++)
			if (mentions(t->targs[i], tparams, n, depth + 1)) return true;
		return false;
	default: return false;
	}
}

/* Constraint type inference: a parameter whose constraint has a core type
 * unifies it with its inferred argument, and a parameter still unknown
 * whose constraint is exactly one type (no ~) becomes that type once the
 * parameters it mentions are known. */
static void constraint_infer(Unifier *u) {
	int n = u->n;
	for (int round = 0; round <= n; round++) {
		bool progress = false;
		for (int i = 0; i < n; i++) {
			Type *core = core_type(u->tparams[i]);
			Type *b = bound_iface(u->tparams[i]);
			if (!core || !b || !u->targs[i]) continue;
			int known = 0;
			for (int j = 0; j < n; j++) known += u->targs[j] != NULL;
			/* (an argument that is itself a type parameter stands for its core type) */
			Type *a = u->targs[i];
			unify(u, core, b->terms[0].tilde || a->kind == TY_TYPEPARAM ? under(a) : a, 0);
			int now = 0;
			for (int j = 0; j < n; j++) now += u->targs[j] != NULL;
			if (now > known) progress = true;
		}
		for (int i = 0; i < n; i++) {
			Type *core = core_type(u->tparams[i]);
			Type *b = bound_iface(u->tparams[i]);
			if (u->targs[i] || !core || !b || b->nterms != 1 || b->terms[0].tilde) continue;
			bool complete = true;
			for (int j = 0; j < n; j++)
				if (!u->targs[j] && mentions(core, &u->tparams[j], 1, 0)) complete = false;
			if (complete) {
				u->targs[i] = type_subst(core, u->tparams, u->targs, n);
				progress = true;
			}
		}
		if (!progress) break;
	}
}

/* Infers the missing type arguments (targs[i] == NULL) of a call of the
 * generic signature sig with arguments args (spread: one multi-value
 * call); reports at pos. */
bool infer_targs(Pos pos, Type *sig, Type **targs, Node *args, bool spread, bool dots) {
	int n = sig->ntparams, np = sig->nparams;
	Unifier u = {sig->tparams, targs, n};
	int na;
	Type **atypes;
	Node **anodes;
	if (spread && args && args->type && args->type->kind == TY_TUPLE) {
		na = args->type->nresults;
		atypes = args->type->results;
		anodes = NEWARR(Node *, na + 1);
	} else {
		na = list_len(args);
		atypes = NEWARR(Type *, na + 1);
		anodes = NEWARR(Node *, na + 1);
		int k = 0;
		for (Node *a = args; a; a = a->next, k++) {
			atypes[k] = a->type;
			anodes[k] = a;
		}
	}
	Type **ptypes = NEWARR(Type *, na + 1);
	for (int k = 0; k < na; k++) {
		if (sig->variadic && k >= np - 1 && !dots) ptypes[k] = under(sig->params[np - 1])->kind == TY_SLICE ? under(sig->params[np - 1])->elem : NULL;
		else ptypes[k] = k < np ? sig->params[k] : NULL;
		if (!atypes[k] || atypes[k]->kind == TY_INVALID) return false;
	}
	/* typed arguments first (for parameters that mention type parameters) */
	for (int k = 0; k < na; k++) {
		if (!ptypes[k] || type_is_untyped(atypes[k]) || !mentions(ptypes[k], sig->tparams, n, 0)) continue;
		if (!unify(&u, ptypes[k], atypes[k], 0)) {
			Type *want = type_subst(ptypes[k], sig->tparams, targs, n);
			diag_error(anodes[k] ? node_startpos(anodes[k]) : pos, "type %s of %s does not match %s", type_string(atypes[k]),
			           anodes[k] ? expr_string(anodes[k]) : "argument", type_string(want));
			return false;
		}
	}
	constraint_infer(&u);
	/* then untyped constants: the default type of the largest kind among
	 * the arguments of a parameter still unknown */
	for (int k = 0; k < na; k++) {
		if (!ptypes[k] || !type_is_untyped(atypes[k])) continue;
		int i = tparam_index(&u, ptypes[k]);
		if (i < 0 || targs[i]) continue;
		Type *best = atypes[k];
		for (int j = k + 1; j < na; j++)
			if (ptypes[j] == ptypes[k] && type_is_untyped(atypes[j]) && atypes[j]->kind > best->kind) best = atypes[j];
		if (best->kind != TY_UNTYPED_NIL) targs[i] = default_of(best);
	}
	constraint_infer(&u);
	for (int i = 0; i < n; i++)
		if (!targs[i]) {
			diag_error(pos, "cannot infer %s", sig->tparams[i]->obj->name->s);
			return false;
		}
	return true;
}
