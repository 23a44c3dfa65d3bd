/* expr.c: checking expressions.
 *
 * Every expression node gets a mode (Node.mode: constant, variable, value,
 * type, builtin, no value), a type, and for constants an exact value. An
 * untyped constant keeps its untyped type until its context gives it one:
 * an assignment or argument (assign_to), the other operand of a binary
 * operation (match), or its default type where there is no context
 * (default_type). Giving a type checks that the value is representable and
 * words the error as gc does: "cannot use 300 (untyped int constant) as
 * int8 value in assignment (overflows)", "300 (untyped int constant)
 * overflows int8", "c * 2 (constant 200 of type int8) overflows int8".
 * Errors are reported at the expression's leftmost position, as types2's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "check_int.h"

/* ---- type predicates --------------------------------------------------------- */

bool is_unsigned(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, is_unsigned);
	return t->kind >= TY_UINT && t->kind <= TY_UINTPTR;
}
bool is_float(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, is_float);
	return t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 || t->kind == TY_UNTYPED_FLOAT;
}
bool is_complex(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, is_complex);
	return t->kind == TY_COMPLEX64 || t->kind == TY_COMPLEX128 || t->kind == TY_UNTYPED_COMPLEX;
}
static bool is_numeric_basic(const Type *t) { return type_is_integer(t) || is_float(t) || is_complex(t); }
bool is_numeric(const Type *t) {
	Type *u = under((Type *)t);
	if (u->kind == TY_TYPEPARAM) return typeparam_all(u, is_numeric_basic);
	return is_numeric_basic(t);
}
bool is_bool(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, is_bool);
	return t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL;
}
bool is_basic(const Type *t) { return under((Type *)t)->kind < TY_FUNC; }

static bool is_numeric_or_string(const Type *t) { return is_numeric(t) || type_is_string(t); }

/* < <= > >= apply: integers, floats, strings (for a type parameter: every term) */
static bool is_ordered(const Type *t) {
	Type *u = under((Type *)t);
	if (u->kind == TY_TYPEPARAM) return typeparam_all(u, is_ordered);
	return type_is_integer(t) || is_float(t) || type_is_string(t);
}

static int int_bits(const Type *t) {
	t = under((Type *)t);
	switch (t->kind) {
	case TY_INT8: case TY_UINT8: return 8;
	case TY_INT16: case TY_UINT16: return 16;
	case TY_INT32: case TY_UINT32: return 32;
	default: return 64;
	}
}

bool is_blank(const Node *n) { return n->kind == N_NAME && n->name->len == 1 && n->name->s[0] == '_'; }

/* ---- operand descriptions --------------------------------------------------------- */

const char *operand_string(const Node *n) {
	const char *text = expr_string(n);
	const Type *t = n->type;
	switch (n->mode) {
	case M_CONST: {
		const char *v = n->val ? const_string_of(n->val) : "?";
		bool same = !strcmp(v, text);
		if (type_is_untyped(t))
			return arena_printf(g_arena, "%s (%s constant%s%s)", text, type_string(t), same ? "" : " ", same ? "" : v);
		if (same) return arena_printf(g_arena, "%s (constant of type %s)", text, type_string(t));
		return arena_printf(g_arena, "%s (constant %s of type %s)", text, v, type_string(t));
	}
	case M_VAR: return arena_printf(g_arena, "%s (variable of type %s)", text, type_string(t));
	case M_VALUE:
		if (t && t->kind == TY_UNTYPED_NIL) return text; /* types2 prints nil alone */
		if (t && type_is_untyped(t)) return arena_printf(g_arena, "%s (%s value)", text, type_string(t));
		return arena_printf(g_arena, "%s (value of type %s)", text, t ? type_string(t) : "?");
	case M_NOVALUE: return arena_printf(g_arena, "%s (no value)", text);
	case M_TYPEEXPR: return arena_printf(g_arena, "%s (type)", text);
	case M_BUILTIN: return arena_printf(g_arena, "%s (built-in)", text);
	case M_MAPINDEX: return arena_printf(g_arena, "%s (map index expression of type %s)", text, t ? type_string(t) : "?");
	case M_COMMAOK: return arena_printf(g_arena, "%s (comma, ok expression of type %s)", text, t ? type_string(t) : "?");
	}
	return text;
}

void invalidate(Node *n) {
	n->mode = M_INVALID;
	n->type = ty_invalid;
	n->val = NULL;
}

/* ---- giving untyped operands a type ------------------------------------------------ */


/* Propagates a final type into an untyped expression tree: the operands of
 * an untyped binary expression become typed with it. */
static void set_type_deep(Node *n, Type *t) {
	n->type = t;
	switch (n->kind) {
	case N_PAREN: set_type_deep(n->a, t); break;
	case N_UNARY: if (n->op != T_NOT) set_type_deep(n->a, t); break;
	case N_BINARY:
		if (n->op == T_SHL || n->op == T_SHR) set_type_deep(n->a, t);
		else if (n->op != T_EQ && n->op != T_NE && n->op != T_LT && n->op != T_LE && n->op != T_GT &&
		         n->op != T_GE && n->op != T_ANDAND && n->op != T_OROR) {
			set_type_deep(n->a, t);
			set_type_deep(n->b, t);
		}
		break;
	}
}

/* Converts the untyped operand x to type t (implicit conversion). */
/* An untyped non-constant shift (1 << s) given a non-integer type. */
static bool bad_shift(Node *x, Type *t) {
	Node *n = x;
	while (n->kind == N_PAREN) n = n->a;
	if (n->mode == M_CONST) return false;
	if (n->kind == N_BINARY && (n->op == T_SHL || n->op == T_SHR)) {
		if (type_is_integer(t)) return false;
		Node *l = n->a;
		while (l->kind == N_PAREN) l = l->a;
		if (l->kind == N_BINARY && (l->op == T_SHL || l->op == T_SHR) && l->mode != M_CONST) return bad_shift(l, t); /* the innermost */
		diag_error(node_startpos(n->a), "invalid operation: %s (shift of type %s)", expr_string(n), type_string(t));
		return true;
	}
	if (n->kind == N_BINARY && n->op != T_EQ && n->op != T_NE && n->op != T_LT && n->op != T_LE && n->op != T_GT && n->op != T_GE) {
		bool a = bad_shift(n->a, t), b = bad_shift(n->b, t); /* each bad shift is reported */
		return a || b;
	}
	if (n->kind == N_UNARY) return bad_shift(n->a, t);
	return false;
}

static bool has_nil(const Type *t) {
	switch (under((Type *)t)->kind) {
	case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_INTERFACE: case TY_UNSAFEPTR: return true;
	default: return false;
	}
}

int convert_untyped(Node *x, Type *t) {
	if (x->mode == M_INVALID || !type_is_untyped(x->type) || t->kind == TY_INVALID) return CU_OK;
	if (!type_is_untyped(t) && x->mode != M_CONST &&
	    bad_shift(x, under(t)->kind == TY_INTERFACE && default_of(x->type) ? default_of(x->type) : t)) {
		invalidate(x);
		return CU_OK;
	}
	if (type_is_untyped(t)) {
		/* untyped + untyped: the larger kind */
		if (x->type->kind == TY_UNTYPED_NIL || t->kind == TY_UNTYPED_NIL) return x->type == t ? CU_OK : CU_MISMATCH;
		if (is_numeric(x->type) && is_numeric(t)) {
			if (t->kind > x->type->kind) x->type = t;
			return CU_OK;
		}
		return x->type->kind == t->kind ? CU_OK : CU_MISMATCH;
	}
	if (x->type->kind == TY_UNTYPED_NIL) {
		switch (under(t)->kind) {
		case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_INTERFACE: case TY_UNSAFEPTR:
			x->type = t;
			return CU_OK;
		case TY_TYPEPARAM:
			/* nil fits a type parameter whose every type has nil */
			if (!typeparam_all(under(t), has_nil)) return CU_MISMATCH;
			x->type = t;
			return CU_OK;
		default: return CU_MISMATCH;
		}
	}
	if (under(t)->kind == TY_INTERFACE && under(t)->methods.n == 0) {
		/* an untyped constant assigned to interface{} takes its default type */
		default_type(NULL, x);
		return CU_OK;
	}
	if (under(t)->kind == TY_TYPEPARAM) {
		/* an untyped operand fits a type parameter if it fits every type
		 * in its type set; it becomes a (non-constant) value of it */
		Type *b = under(t)->bound ? under(under(t)->bound) : NULL;
		if (!b || b->kind != TY_INTERFACE || !b->has_terms || b->nterms == 0) return CU_MISMATCH;
		for (int i = 0; i < b->nterms; i++) {
			Node tmp = *x;
			int r = convert_untyped(&tmp, b->terms[i].type);
			if (r != CU_OK) return r;
		}
		set_type_deep(x, t);
		return CU_OK;
	}
	if (!is_basic(t)) return CU_MISMATCH;
	switch (x->type->kind) {
	case TY_UNTYPED_BOOL: if (!is_bool(t)) return CU_MISMATCH; break;
	case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: case TY_UNTYPED_FLOAT: case TY_UNTYPED_COMPLEX:
		if (!is_numeric(t)) return CU_MISMATCH;
		break;
	case TY_UNTYPED_STRING: if (!type_is_string(t)) return CU_MISMATCH; break;
	default: return CU_MISMATCH;
	}
	if (x->mode == M_CONST && x->val) {
		Const *v;
		const char *why;
		if (!const_representable(x->val, under(t), &v, &why)) {
			if (!why) return CU_MISMATCH;
			return !strcmp(why, "truncated") ? CU_TRUNC : CU_OVERFLOW;
		}
		x->val = v;
	}
	set_type_deep(x, t);
	return CU_OK;
}

/* The default type of an untyped kind (spec: Constants), or NULL (nil). */
Type *default_of(Type *u) {
	switch (u->kind) {
	case TY_UNTYPED_BOOL: return ty_bool;
	case TY_UNTYPED_INT: return ty_int;
	case TY_UNTYPED_RUNE: return basic_type(TY_INT32);
	case TY_UNTYPED_FLOAT: return ty_float64;
	case TY_UNTYPED_COMPLEX: return basic_type(TY_COMPLEX128);
	case TY_UNTYPED_STRING: return ty_string;
	default: return NULL;
	}
}

void default_type(Checker *c, Node *x) {
	(void)c;
	if (x->mode == M_INVALID || !x->type || !type_is_untyped(x->type)) return;
	Type *t = default_of(x->type);
	if (t) convert_untyped(x, t);
}

static const char *func_string(const Str *name, Type *sig) { return arena_printf(g_arena, "%s%s", name->s, type_string(sig) + 4); }

static bool is_interface_ptr(Type *t) {
	Type *u = under(t);
	return u->kind == TY_POINTER && under(u->elem)->kind == TY_INTERFACE;
}

/* A method of v whose name equals name but for case (types2's fold-case lookup). */
static Method *method_fold_case(Type *v, const Str *name) {
	Selection *ms;
	int n = method_set(v->kind == TY_POINTER ? v : type_pointer(v), &ms);
	for (int i = 0; i < n; i++)
		if (!strcasecmp(ms[i].method->name->s, name->s)) return ms[i].method;
	return NULL;
}

/* Does type v implement interface type t? *why is types2's reason (with
 * compiler error messages): "(missing M method)", "(M method has pointer
 * receiver)", "(wrong type for M method)" with have/want lines. */
bool implements(Type *v, Type *t, const char **why) {
	Type *it = under(t);
	if (it->kind != TY_INTERFACE) {
		if (why) *why = is_interface_ptr(t) ? arena_printf(g_arena, "(type %s is pointer to interface, not interface)", type_string(t))
		                                    : arena_printf(g_arena, "(%s is not an interface)", type_string(t));
		return false;
	}
	for (int i = 0; i < it->methods.n; i++) {
		Method *m = &it->methods.v[i];
		Method *vm = NULL;
		bool found = true;
		if (under(v)->kind == TY_INTERFACE) {
			Type *vi = under(v);
			for (int k = 0; k < vi->methods.n; k++)
				if (vi->methods.v[k].name == m->name) vm = &vi->methods.v[k];
		} else if (is_interface_ptr(v)) {
			found = false; /* a pointer to an interface has no methods */
		} else {
			bool needs_ptr = false;
			vm = find_method(v, m->name, &needs_ptr);
			if (!vm || needs_ptr) {
				found = false;
				if (!vm && !is_interface_ptr(v)) vm = method_fold_case(v, m->name);
			}
		}
		if (found && vm && type_identical(vm->type, m->type)) continue;
		if (!why) return false;
		if (!vm) {
			if (is_interface_ptr(v)) *why = arena_printf(g_arena, "(type %s is pointer to interface, not interface)", type_string(v));
			else *why = arena_printf(g_arena, "(missing %s method)", m->name->s);
		} else if (vm->name != m->name)
			*why = arena_printf(g_arena, "(missing %s method)\n\t\thave %s\n\t\twant %s", m->name->s, func_string(vm->name, vm->type),
			                    func_string(m->name, m->type));
		else if (type_identical(vm->type, m->type))
			*why = arena_printf(g_arena, "(%s method has pointer receiver)", m->name->s);
		else
			*why = arena_printf(g_arena, "(wrong type for %s method)\n\t\thave %s\n\t\twant %s", m->name->s,
			                    func_string(vm->name, vm->type), func_string(m->name, m->type));
		return false;
	}
	return true;
}

/* Rewrites x in place into an implicit conversion of (a copy of) x to t,
 * so code generation sees where a value becomes an interface. The node
 * keeps its place in whatever list holds it. */
void implicit_convert(Node *x, Type *t) {
	Node *inner = NEW(Node);
	*inner = *x;
	inner->next = NULL;
	x->kind = N_CONVERT;
	x->a = inner;
	x->b = x->c = x->d = NULL;
	x->list = x->list2 = NULL;
	x->type = t;
	x->mode = M_VALUE;
	x->val = NULL;
	x->obj = NULL;
	x->sel = NULL;
	x->flags = 0;
	x->pos = inner->pos;
}

static bool type_is_named(const Type *t);
static bool assignable(Type *v, Type *t, const char **why);
static bool typeset_all_assignable(Type *x, Type *p, bool from);

/* spec: Assignability (for typed values) */
bool type_assignable(Type *v, Type *t) { return assignable(v, t, NULL); }

static bool assignable(Type *v, Type *t, const char **why) {
	if (type_identical(v, t)) return true;
	Type *vu = under(v), *tu = under(t);
	/* (type parameters count as named types here) */
	if ((v->kind != TY_NAMED || t->kind != TY_NAMED) && v->kind != TY_TYPEPARAM && t->kind != TY_TYPEPARAM &&
	    type_identical(vu, tu) && vu->kind >= TY_FUNC)
		return true;
	if (tu->kind == TY_INTERFACE && implements(v, t, why)) return true;
	if (is_interface_ptr(t)) implements(v, t, why);
	if (vu->kind == TY_CHAN && vu->dir == CHAN_BOTH && tu->kind == TY_CHAN && type_identical(vu->elem, tu->elem) &&
	    (v->kind != TY_NAMED || t->kind != TY_NAMED))
		return true;
	/* a type parameter on one side, an unnamed type on the other: the
	 * value must be assignable to (or from) each type of its type set */
	if (t->kind == TY_TYPEPARAM && !type_is_named(v)) return typeset_all_assignable(v, t, false);
	if (v->kind == TY_TYPEPARAM && !type_is_named(t)) return typeset_all_assignable(t, v, true);
	return false;
}

/* spec: predeclared, defined and type parameter types are named */
static bool type_is_named(const Type *t) { return t->kind < TY_FUNC || t->kind == TY_NAMED || t->kind == TY_TYPEPARAM; }

/* Whether x (of an unnamed type) is assignable to every type of the type
 * set of type parameter p (from: every type of p's set to x). A set
 * without type terms is not enumerable, and so fails. */
static bool typeset_all_assignable(Type *x, Type *p, bool from) {
	Type *b = p->bound ? under(p->bound) : NULL;
	if (!b || b->kind != TY_INTERFACE || !b->has_terms || b->nterms == 0) return false;
	for (int i = 0; i < b->nterms; i++) {
		Type *e = b->terms[i].type;
		if (!(from ? assignable(e, x, NULL) : assignable(x, e, NULL))) return false;
	}
	return true;
}

/* x is used as a value of type t in context ("assignment", "argument to f"). */
bool assign_to(Checker *c, Node *x, Type *t, const char *context) {
	(void)c;
	if (x->mode == M_INVALID || t->kind == TY_INVALID) return false;
	if (x->mode == M_TYPEEXPR || x->mode == M_NOVALUE || x->mode == M_BUILTIN) {
		diag_error(node_startpos(x), "%s is not an expression", operand_string(x));
		return false;
	}
	if (type_is_untyped(x->type) && x->type->kind != TY_UNTYPED_NIL && under(t)->kind == TY_INTERFACE && under(t)->methods.n > 0)
		default_type(c, x); /* types2: the constant takes its default type, then must implement t */
	if (type_is_untyped(x->type)) {
		Node before = *x; /* described as it was, if the conversion fails */
		int cu = convert_untyped(x, t);
		const char *desc = cu == CU_OK ? NULL : operand_string(&before);
		switch (cu) {
		case CU_OK:
			if (under(t)->kind == TY_INTERFACE && x->type->kind != TY_INTERFACE && !type_identical(x->type, t) &&
			    x->type->kind != TY_UNTYPED_NIL)
				implicit_convert(x, t);
			return true;
		case CU_OVERFLOW: diag_error(node_startpos(x), "cannot use %s as %s value in %s (overflows)", desc, type_string(t), context); break;
		case CU_TRUNC: diag_error(node_startpos(x), "cannot use %s as %s value in %s (truncated)", desc, type_string(t), context); break;
		default: diag_error(node_startpos(x), "cannot use %s as %s value in %s", desc, type_string(t), context); break;
		}
		invalidate(x);
		return false;
	}
	const char *why = NULL;
	bool ok = assignable(x->type, t, &why);
	if (ok && under(t)->kind == TY_INTERFACE && !type_identical(x->type, t)) implicit_convert(x, t);
	if (!ok) {
		/* types2's wording with compiler error messages: "as type T", the reason on a line of its own */
		const char *reason = NULL;
		if (why && (under(t)->kind == TY_INTERFACE || is_interface_ptr(t)))
			reason = arena_printf(g_arena, "%s does not implement %s %s", type_string(x->type), type_string(t), why);
		else if (under(x->type)->kind == TY_INTERFACE && implements(t, x->type, NULL))
			reason = "need type assertion";
		if (reason)
			diag_error(node_startpos(x), "cannot use %s as type %s in %s:\n\t%s", operand_string(x), type_string(t), context, reason);
		else
			diag_error(node_startpos(x), "cannot use %s as type %s in %s", operand_string(x), type_string(t), context);
		x->mode = M_INVALID; /* types2: x is invalid after a failed assignment */
		return false;
	}
	return true;
}

/* ---- literals and names ----------------------------------------------------------------- */


static void basic_lit(Node *n) {
	n->mode = M_CONST;
	switch (n->op) {
	case T_INT: n->type = ty_untyped_int; break;
	case T_FLOAT: n->type = basic_type(TY_UNTYPED_FLOAT); break;
	case T_IMAG: n->type = basic_type(TY_UNTYPED_COMPLEX); break;
	case T_CHAR: n->type = basic_type(TY_UNTYPED_RUNE); break;
	case T_STRING: n->type = ty_untyped_string; break;
	}
	if (n->flags & NF_BAD) {
		invalidate(n);
		return;
	}
	n->val = const_from_literal(n->op, n->lit, n->litlen);
}

static void name(Checker *c, Node *n) {
	if (is_blank(n)) {
		diag_error(n->pos, "cannot use _ as value or type");
		invalidate(n);
		return;
	}
	/* a qualified identifier resolved before keeps its object */
	Object *o = n->a && n->obj ? n->obj : scope_lookup(c->scope, n->name);
	if (!o) {
		diag_error(n->pos, "undefined: %s", n->name->s);
		invalidate(n);
		return;
	}
	object_operand(c, n, o);
}

/* The operand an identifier (or a qualified identifier) denoting o is.
 * Objects of imported packages are complete; only this package's are
 * resolved on first use and recorded for the initialization order. */
void object_operand(Checker *c, Node *n, Object *o) {
	n->obj = o;
	o->used = true;
	bool local_pkg = !o->pkg || o->pkg == c->pkg;
	switch (o->kind) {
	case OBJ_CONST:
		if (o->name == internz("iota") && !o->spec) {
			if (c->iota < 0) {
				diag_error(n->pos, "cannot use iota outside constant declaration");
				invalidate(n);
				return;
			}
			n->mode = M_CONST;
			n->type = ty_untyped_int;
			n->val = const_int64(c->iota);
			return;
		}
		if (o->spec && o->state != 2) resolve_const(c, o);
		n->mode = o->type->kind == TY_INVALID ? M_INVALID : M_CONST;
		n->type = o->type;
		n->val = o->val;
		return;
	case OBJ_VAR:
		if (!o->global && o->depth < c->funclit_depth) {
			/* a variable of an enclosing function: every literal between
			 * its declaration and here captures it */
			o->captured = true;
			for (int d = o->depth + 1; d <= c->funclit_depth && d < 64; d++) {
				Node *fl = c->funclits[d];
				bool have = false;
				for (int k = 0; k < node_deps(fl)->captures.n; k++)
					if (node_deps(fl)->captures.v[k] == o) have = true;
				if (!have) vec_push(&node_deps(fl)->captures, o);
			}
		}
		if (o->global && local_pkg) {
			if (c->curfn) vec_push(&c->curfn->refs, o);
			if (o->state != 2) resolve_var(c, o);
			/* record the dependency of the initializer being checked */
			if (c->initdeps && o->spec && o->spec != c->initdeps) {
				VEC(Node *) *deps = (void *)&node_deps(c->initdeps)->deps;
				vec_push(deps, o->spec);
			}
		}
		n->mode = M_VAR;
		n->type = o->type;
		/* a variable whose type had an error: uses stay quiet */
		if (o->type && o->type->kind == TY_INVALID) invalidate(n);
		return;
	case OBJ_FUNC:
		if (!o->type) {
			Scope *saved = c->scope;
			func_signature(c, o);
			c->scope = saved;
		}
		if (c->initdeps && local_pkg) vec_push(&node_deps(c->initdeps)->fdeps, o);
		if (c->curfn && local_pkg) vec_push(&c->curfn->refs, o);
		n->mode = M_VALUE;
		n->type = o->type;
		return;
	case OBJ_TYPENAME:
		n->mode = M_TYPEEXPR;
		n->type = o->type;
		if (o->type && o->type->ntparams && !(n->flags & NF_GENERIC_OK)) {
			diag_error(n->pos, "cannot use generic type %s without instantiation", type_string(o->type));
			invalidate(n);
		}
		return;
	case OBJ_BUILTIN: n->mode = M_BUILTIN; n->type = ty_invalid; return;
	case OBJ_NIL: n->mode = M_VALUE; n->type = o->type; return;
	case OBJ_PKGNAME:
		diag_error(n->pos, "use of package %s without selector", o->name->s);
		invalidate(n);
		return;
	default: invalidate(n);
	}
}

/* ---- unary and binary operations ---------------------------------------------------- */

const char *op_name(int op) { return tok_name(op); }

/* A typed constant result must fit its type; the message names the whole
 * operation: "c * 2 (constant 200 of type int8) overflows int8". */
void check_typed_const(Node *n) {
	if (n->mode == M_CONST && n->val && n->val->kind == CV_INT && type_is_untyped(n->type) && mpz_sizeinbase(n->val->z, 2) > 512) {
		/* types2: untyped integer constants must not grow beyond 512 bits */
		const char *op = "";
		if (n->kind == N_UNARY && n->op == T_XOR) op = "bitwise complement ";
		else if (n->kind == N_BINARY)
			switch (n->op) {
			case T_PLUS: op = "addition "; break;
			case T_MINUS: op = "subtraction "; break;
			case T_XOR: op = "bitwise XOR "; break;
			case T_STAR: op = "multiplication "; break;
			case T_SHL: op = "shift "; break;
			default: break;
			}
		diag_error(n->pos, "constant %soverflow", op);
		invalidate(n);
		return;
	}
	if (n->mode != M_CONST || !n->val || type_is_untyped(n->type) || !is_basic(n->type)) return;
	Const *v;
	const char *why;
	if (!const_representable(n->val, under(n->type), &v, &why)) {
		diag_error(node_startpos(n), "%s overflows %s", operand_string(n), type_string(n->type));
		invalidate(n);
		return;
	}
	n->val = v;
}

static void unary(Checker *c, Node *n) {
	expr(c, n->a);
	Node *x = n->a;
	if (x->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	Type *t = x->type;
	bool ok;
	switch (n->op) {
	case T_PLUS: case T_MINUS: ok = is_numeric(t); break;
	case T_XOR: ok = type_is_integer(t); break;
	case T_NOT: ok = is_bool(t); break;
	case T_ARROW: {
		Type *cu = under(t);
		if (cu->kind != TY_CHAN) {
			diag_error(node_startpos(x), "invalid operation: cannot receive from non-channel %s", operand_string(x));
			invalidate(n);
			return;
		}
		if (cu->dir == CHAN_SEND) {
			diag_error(node_startpos(x), "invalid operation: cannot receive from send-only channel %s", operand_string(x));
			invalidate(n);
			return;
		}
		n->type = cu->elem;
		n->mode = M_VALUE;
		return;
	}
	default:
		diag_error(n->pos, "operator %s not supported yet", op_name(n->op));
		invalidate(n);
		return;
	}
	if (!ok) {
		diag_error(node_startpos(x), "invalid operation: operator %s not defined on %s", op_name(n->op), operand_string(x));
		invalidate(n);
		return;
	}
	n->type = t;
	n->mode = x->mode == M_CONST ? M_CONST : M_VALUE;
	if (n->mode == M_CONST) {
		n->val = const_unary(n->op, x->val, type_is_untyped(t) ? 0 : int_bits(t), is_unsigned(t));
		check_typed_const(n);
	}
}

static const char *kind_string(Type *t) {
	switch (under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return type_string(t);
	}
}

/* types2's incomparableCause */
static const char *incomparable_cause(Type *t) {
	Type *u = under(t);
	switch (u->kind) {
	case TY_SLICE: case TY_FUNC: case TY_MAP: return arena_printf(g_arena, "%s can only be compared to nil", kind_string(t));
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (!type_comparable(u->fields[i].type)) return arena_printf(g_arena, "struct containing %s cannot be compared", type_string(u->fields[i].type));
		return NULL;
	case TY_ARRAY: return arena_printf(g_arena, "%s cannot be compared", type_string(t));
	default: return NULL;
	}
}

static bool is_nil_operand(Node *x) {
	while (x->kind == N_PAREN) x = x->a;
	return x->type->kind == TY_UNTYPED_NIL || (x->kind == N_NAME && x->obj && x->obj->kind == OBJ_NIL);
}

/* types2's comparison check (x op y, the operands' types matched): NULL if
 * fine, else the cause, and *errop the operand the error is reported at. */
const char *comparison_error(Node *x, Node *y, int op, Node **errop) {
	*errop = x;
	Type *xt = x->type, *yt = y->type;
	if (!type_identical(xt, yt) && !assignable(xt, yt, NULL) && !assignable(yt, xt, NULL)) {
		*errop = y;
		return arena_printf(g_arena, "mismatched types %s and %s", type_string(xt), type_string(yt));
	}
	const char *cause = NULL;
	if (op == T_EQ || op == T_NE) {
		if (is_nil_operand(x) || is_nil_operand(y)) return NULL;
		if (!type_comparable(xt)) cause = incomparable_cause(xt);
		else if (!type_comparable(yt)) {
			*errop = y;
			cause = incomparable_cause(yt);
		} else return NULL;
	} else {
		if (!is_ordered(xt)) ;
		else if (!is_ordered(yt)) *errop = y;
		else return NULL;
	}
	if (!cause) cause = arena_printf(g_arena, "operator %s not defined on %s", op_name(op), kind_string((*errop)->type));
	return cause;
}

static bool is_comparison(int op) { return op == T_EQ || op == T_NE || op == T_LT || op == T_LE || op == T_GT || op == T_GE; }

/* Brings the operands of a binary operation to one type (types2's
 * matchTypes): an untyped operand takes the other's type. */
static bool match(Node *n, Node *x, Node *y) {
	bool xu = type_is_untyped(x->type), yu = type_is_untyped(y->type);
	if (xu == yu && !xu) return true;
	Node *u = xu && !yu ? x : !xu && yu ? y : NULL;
	Node *other = u == x ? y : x;
	if (!u) { /* both untyped */
		bool xn = is_numeric(x->type), yn = is_numeric(y->type);
		if (xn && yn) {
			Type *t = x->type->kind > y->type->kind ? x->type : y->type;
			convert_untyped(x, t);
			convert_untyped(y, t);
			return true;
		}
		if (x->type->kind == y->type->kind) return true;
		diag_error(node_startpos(is_comparison(n->op) ? y : n), "invalid operation: %s (mismatched types %s and %s)", expr_string(n),
		           type_string(x->type), type_string(y->type));
		return false;
	}
	const char *desc = operand_string(u);
	switch (convert_untyped(u, other->type)) {
	case CU_OK: return true;
	case CU_OVERFLOW: diag_error(node_startpos(u), "%s overflows %s", desc, type_string(other->type)); return false;
	case CU_TRUNC: diag_error(node_startpos(u), "%s truncated to %s", desc, type_string(other->type)); return false;
	default:
		diag_error(node_startpos(is_comparison(n->op) ? y : n), "invalid operation: %s (mismatched types %s and %s)", expr_string(n),
		           type_string(x->type), type_string(y->type));
		return false;
	}
}

static void shift(Checker *c, Node *n) {
	Node *x = n->a, *y = n->b;
	(void)c;
	/* the count: an integer, or an untyped constant representable as uint */
	if (y->mode == M_CONST && type_is_untyped(y->type)) {
		Const *v;
		const char *why;
		if (!const_representable(y->val, basic_type(TY_UINT), &v, &why)) {
			int64_t iv;
			if (const_int_value(y->val, &iv) && iv < 0) diag_error(node_startpos(y), "invalid shift count %s (negative)", expr_string(y));
			else if (why && !strcmp(why, "truncated")) diag_error(node_startpos(y), "%s truncated to uint", operand_string(y));
			else diag_error(node_startpos(y), "invalid shift count %s", operand_string(y));
			invalidate(n);
			return;
		}
		y->val = v;
		y->type = basic_type(TY_UINT);
	} else if (type_is_untyped(y->type) && is_numeric(y->type) && y->mode != M_CONST) {
		/* types2: an untyped non-constant count (1. << s) becomes a uint */
		convert_untyped(y, basic_type(TY_UINT));
		if (y->mode == M_INVALID) {
			invalidate(n);
			return;
		}
	} else if (!type_is_integer(y->type)) {
		diag_error(node_startpos(y), "invalid operation: shift count %s must be integer", operand_string(y));
		invalidate(n);
		return;
	} else if (y->mode == M_CONST) {
		int64_t iv;
		if (const_int_value(y->val, &iv) && iv < 0) {
			diag_error(node_startpos(y), "invalid shift count %s (negative)", operand_string(y));
			invalidate(n);
			return;
		}
	}
	/* the shifted operand: an integer; an untyped constant must be integral */
	if (x->mode == M_CONST && type_is_untyped(x->type)) {
		Const *v;
		const char *why;
		if (!const_representable(x->val, ty_untyped_int, &v, &why)) {
			diag_error(node_startpos(x), "invalid operation: shifted operand %s must be integer", operand_string(x));
			invalidate(n);
			return;
		}
		if (y->mode == M_CONST) {
			x->val = v;
			if (x->type->kind != TY_UNTYPED_RUNE) x->type = ty_untyped_int;
		}
		/* a non-constant shift of an untyped constant takes the type its
		 * context gives (spec: Operators): it stays untyped until then, and
		 * that type must be an integer (checked by convert_untyped) */
	} else if (!type_is_integer(x->type)) {
		diag_error(node_startpos(x), "invalid operation: shifted operand %s must be integer", operand_string(x));
		invalidate(n);
		return;
	}
	n->type = x->type;
	if (x->mode == M_CONST && y->mode == M_CONST) {
		int64_t s;
		if (!const_int_value(y->val, &s) || s > 10000) {
			diag_error(node_startpos(y), "invalid shift count %s", operand_string(y));
			invalidate(n);
			return;
		}
		n->mode = M_CONST;
		n->val = const_shift(n->op, x->val, (uint64_t)s);
		check_typed_const(n);
		return;
	}
	n->mode = M_VALUE;
}

static void binary(Checker *c, Node *n) {
	expr(c, n->a);
	expr(c, n->b);
	Node *x = n->a, *y = n->b;
	if (x->mode == M_INVALID || y->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	if (n->op == T_SHL || n->op == T_SHR) {
		shift(c, n);
		return;
	}
	if (!match(n, x, y)) {
		invalidate(n);
		return;
	}
	Type *t = x->type;
	if (is_comparison(n->op)) {
		Node *errop = x;
		const char *cause = comparison_error(x, y, n->op, &errop);
		if (cause) {
			diag_error(node_startpos(errop), "invalid operation: %s (%s)", expr_string(n), cause);
			invalidate(n);
			return;
		}
		if (!type_identical(x->type, y->type)) {
			n->type = ty_untyped_bool;
			n->mode = M_VALUE;
			default_type(c, x);
			default_type(c, y);
			return;
		}
		if (x->mode != M_CONST || y->mode != M_CONST) {
			/* the operands' untyped parts get their default types */
			default_type(c, x);
			default_type(c, y);
		}
		n->type = ty_untyped_bool;
		n->mode = x->mode == M_CONST && y->mode == M_CONST ? M_CONST : M_VALUE;
		if (n->mode == M_CONST) n->val = const_bool(const_compare(n->op, x->val, y->val));
		return;
	}
	if (!type_identical(x->type, y->type)) {
		diag_error(node_startpos(n), "invalid operation: %s (mismatched types %s and %s)", expr_string(n),
		           type_string(x->type), type_string(y->type));
		invalidate(n);
		return;
	}
	bool ok;
	switch (n->op) {
	case T_PLUS: ok = is_numeric(t) || type_is_string(t) || typeparam_all(under(t), is_numeric_or_string); break;
	case T_MINUS: case T_STAR: case T_DIV: ok = is_numeric(t); break;
	case T_MOD: case T_AND: case T_OR: case T_XOR: case T_ANDNOT: ok = type_is_integer(t); break;
	case T_ANDAND: case T_OROR: ok = is_bool(t); break;
	default: ok = false;
	}
	if (!ok) {
		diag_error(node_startpos(n), "invalid operation: operator %s not defined on %s", op_name(n->op), operand_string(x));
		invalidate(n);
		return;
	}
	/* as types2: a constant zero divisor is an error for constant or
	 * integer dividends (a float variable divided by 0 is Inf or NaN) */
	if ((n->op == T_DIV || n->op == T_MOD) && y->mode == M_CONST && y->val && is_numeric(t) &&
	    (x->mode == M_CONST || type_is_integer(t))) {
		if (const_compare(T_EQ, y->val, const_int64(0))) {
			diag_error(node_startpos(y), "invalid operation: division by zero");
			invalidate(n);
			return;
		}
	}
	n->type = t;
	if (x->mode == M_CONST && y->mode == M_CONST) {
		bool divzero;
		bool intdiv = type_is_integer(t);
		n->mode = M_CONST;
		n->val = const_binary(n->op, x->val, y->val, intdiv, &divzero);
		if (!n->val) {
			invalidate(n);
			return;
		}
		check_typed_const(n);
		return;
	}
	n->mode = M_VALUE;
}

/* *x: a pointer's target (addressable), or the pointer type *T */
static void deref(Checker *c, Node *n) {
	Node *x = n->a;
	expr_or_type(c, x);
	if (x->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	if (x->mode == M_TYPEEXPR) {
		n->mode = M_TYPEEXPR;
		n->type = type_pointer(x->type);
		return;
	}
	if (x->type->kind == TY_UNTYPED_NIL) {
		diag_error(node_startpos(x), "invalid operation: cannot indirect nil");
		invalidate(n);
		return;
	}
	Type *u = under(x->type);
	if (u->kind != TY_POINTER) {
		diag_error(node_startpos(x), "invalid operation: cannot indirect %s", operand_string(x));
		invalidate(n);
		return;
	}
	n->mode = M_VAR;
	n->type = u->elem;
}

/* &x: x addressable, or a composite literal */
static void address_of(Checker *c, Node *n) {
	Node *x = n->a;
	while (x->kind == N_PAREN) x = x->a;
	if (x->kind == N_COMPOSITELIT) {
		expr(c, n->a);
		if (n->a->mode == M_INVALID) {
			invalidate(n);
			return;
		}
		n->mode = M_VALUE;
		n->type = type_pointer(n->a->type);
		return;
	}
	expr(c, n->a);
	if (n->a->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	if (n->a->mode != M_VAR) {
		diag_error(node_startpos(n->a), "invalid operation: cannot take address of %s", operand_string(n->a));
		invalidate(n);
		return;
	}
	if (n->a->kind == N_NAME && n->a->obj) n->a->obj->addrtaken = true;
	n->mode = M_VALUE;
	n->type = type_pointer(n->a->type);
}

/* x.(T): x an interface; a concrete T must implement x's interface */
static void type_assert(Checker *c, Node *n) {
	Node *x = n->a;
	expr(c, x);
	Type *t = resolve_type(c, n->b);
	if (x->mode == M_INVALID || t->kind == TY_INVALID) {
		invalidate(n);
		return;
	}
	if (under(x->type)->kind != TY_INTERFACE) {
		diag_error(node_startpos(x), "invalid operation: %s is not an interface", operand_string(x));
		invalidate(n);
		return;
	}
	const char *why = NULL;
	/* as types2: a type parameter's underlying type is its constraint
	 * interface, so an assertion to it is never impossible */
	if (under(t)->kind != TY_INTERFACE && t->kind != TY_TYPEPARAM && !implements(t, x->type, &why)) {
		diag_error(node_startpos(n), "impossible type assertion: %s\n\t%s does not implement %s %s", expr_string(n),
		           type_string(t), type_string(x->type), why ? why : "");
		invalidate(n);
		return;
	}
	n->mode = M_COMMAOK;
	n->type = t;
}

/* ---- the dispatcher ---------------------------------------------------------------------- */

void expr_or_type(Checker *c, Node *n) {
	n->val = NULL;
	switch (n->kind) {
	case N_BASICLIT: basic_lit(n); return;
	case N_NAME: name(c, n); return;
	case N_PAREN:
		expr_or_type(c, n->a);
		n->mode = n->a->mode;
		n->type = n->a->type;
		n->val = n->a->val;
		return;
	case N_CALL: call_expr(c, n); return;
	case N_BINARY: binary(c, n); return;
	case N_UNARY:
		if (n->op == T_STAR) {
			deref(c, n);
			return;
		}
		if (n->op == T_AND) {
			address_of(c, n);
			return;
		}
		unary(c, n);
		return;
	case N_SELECTOR: selector_expr(c, n); return;
	case N_ASSERT: type_assert(c, n); return;
	case N_TYPESWITCHGUARD:
		diag_error(n->pos, "use of .(type) outside type switch");
		invalidate(n);
		return;
	case N_INDEX: index_expr(c, n); return;
	case N_SLICE: slice_expr(c, n); return;
	case N_COMPOSITELIT: composite_lit(c, n, NULL); return;
	case N_FUNCLIT: func_lit(c, n); return;
	case N_ARRAYTYPE: case N_SLICETYPE: case N_MAPTYPE: case N_CHANTYPE: case N_FUNCTYPE:
	case N_STRUCTTYPE: case N_INTERFACETYPE:
		resolve_type(c, n);
		return;
	default:
		diag_error(n->pos, "%s: this expression is not supported yet", expr_string(n));
		invalidate(n);
	}
}

void expr(Checker *c, Node *n) {
	expr_or_type(c, n);
	if (n->mode == M_TYPEEXPR) {
		diag_error(node_startpos(n), "%s (type) is not an expression", expr_string(n));
		invalidate(n);
	}
}
