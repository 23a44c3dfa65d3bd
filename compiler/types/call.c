/* call.c: calls, conversions and the builtin functions.
 *
 * A call's callee is checked first: a type makes it a conversion (spec:
 * Conversions), a builtin dispatches to builtin_call, anything else must be
 * a function value (a method value included: the selector recorded the
 * receiver). Arguments are assigned to the parameters as values of their
 * types; a single multi-value call may supply all arguments (f(g())), and
 * a final `...` argument passes a slice as the variadic parameter.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

/* ---- conversions ----------------------------------------------------------------- */

static bool is_bytes_or_runes(Type *t) {
	Type *u = under(t);
	if (u->kind != TY_SLICE) return false;
	TypeKind k = under(u->elem)->kind;
	return k == TY_UINT8 || k == TY_INT32;
}

/* spec: Conversions, for non-constant x */
static bool is_bytestring(const Type *t) {
	Type *u = under((Type *)t);
	return type_is_string(u) || (u->kind == TY_SLICE && under(u->elem)->kind == TY_UINT8);
}

static bool is_closable_chan(const Type *t) {
	Type *u = under((Type *)t);
	return u->kind == TY_CHAN && u->dir != CHAN_RECV;
}

static bool convertible(Node *x, Type *t) {
	Type *v = x->type, *vu = under(v), *tu = under(t);
	if (type_identical(v, t)) return true;
	/* with type parameters: convertible for every pair of terms */
	if (vu->kind == TY_TYPEPARAM || tu->kind == TY_TYPEPARAM) {
		Type *tp = vu->kind == TY_TYPEPARAM ? vu : tu;
		Type *b = tp->bound ? under(tp->bound) : NULL;
		if (!b || b->kind != TY_INTERFACE || !b->has_terms || b->nterms == 0)
			return tu->kind == TY_INTERFACE && implements(v, t, NULL);
		for (int i = 0; i < b->nterms; i++) {
			Node tmp = *x;
			if (tp == vu) tmp.type = b->terms[i].type;
			Type *to = tp == tu ? b->terms[i].type : t;
			if (x->mode == M_CONST && is_numeric(tmp.type) && is_numeric(to)) continue; /* T(0) */
			if (!convertible(&tmp, to)) return false;
		}
		return true;
	}
	if (tu->kind == TY_INTERFACE && implements(v, t, NULL)) return true;
	if (type_identical_ignore_tags(vu, tu)) return true;
	if (vu->kind == TY_CHAN && vu->dir == CHAN_BOTH && tu->kind == TY_CHAN && type_identical(vu->elem, tu->elem) &&
	    (v->kind != TY_NAMED || t->kind != TY_NAMED))
		return true; /* assignable */
	if (v->kind != TY_NAMED && t->kind != TY_NAMED && vu->kind == TY_POINTER && tu->kind == TY_POINTER &&
	    type_identical_ignore_tags(under(vu->elem), under(tu->elem)))
		return true;
	if ((type_is_integer(vu) || is_float(vu)) && (type_is_integer(tu) || is_float(tu))) return true;
	if (is_complex(vu) && is_complex(tu)) return true;
	if (type_is_string(tu) && (type_is_integer(vu) || is_bytes_or_runes(vu))) return true;
	if (type_is_string(vu) && is_bytes_or_runes(tu)) return true;
	if (vu->kind == TY_UNSAFEPTR && (tu->kind == TY_POINTER || tu->kind == TY_UINTPTR)) return true;
	if (tu->kind == TY_UNSAFEPTR && (vu->kind == TY_POINTER || vu->kind == TY_UINTPTR)) return true;
	/* assignable: a bidirectional channel to a directional one */
	if (vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->dir == CHAN_BOTH && type_identical(vu->elem, tu->elem) &&
	    (v->kind != TY_NAMED || t->kind != TY_NAMED))
		return true;
	if (vu->kind == TY_SLICE && tu->kind == TY_POINTER && under(tu->elem)->kind == TY_ARRAY &&
	    type_identical(vu->elem, under(tu->elem)->elem))
		return true;
	return false;
}

static void conversion(Checker *c, Node *n, Type *t) {
	Node *x = n->list;
	if (t->kind == TY_INVALID) { /* reported where the type was */
		for (; x; x = x->next) expr(c, x);
		invalidate(n);
		return;
	}
	if (x && !x->next && (n->flags & NF_DOTS)) {
		expr(c, x);
		if (x->mode != M_INVALID) diag_error(node_startpos(x), "invalid use of ... in type conversion to %s", type_string(t));
		invalidate(n);
		return;
	}
	if (!x || x->next) {
		if (!x) diag_error(n->end ? n->end : n->pos, "missing argument in conversion to %s", type_string(t));
		else diag_error(node_startpos(x->next ? x->next : x), "too many arguments in conversion to %s", type_string(t));
		for (; x; x = x->next) expr(c, x);
		invalidate(n);
		return;
	}
	expr(c, x);
	if (x->mode == M_INVALID) {
		invalidate(n);
		return;
	}
	n->type = t;
	if (x->mode == M_CONST && under(t)->kind == TY_TYPEPARAM) default_type(c, x); /* T(0): a value, not a constant */
	if (x->mode == M_CONST && is_basic(t) && under(t)->kind != TY_UNSAFEPTR) {
		Const *v = NULL;
		const char *why;
		Type *tu = under(t);
		bool ok = false;
		if (is_numeric(tu) && is_numeric(x->type)) ok = const_representable(x->val, tu, &v, &why);
		else if (type_is_string(tu) && type_is_string(x->type)) ok = (v = x->val) != NULL;
		else if (is_bool(tu) && is_bool(x->type)) ok = (v = x->val) != NULL;
		else if (type_is_string(tu) && type_is_integer(x->type)) {
			/* string(65) is "A"; out-of-range values give "\uFFFD" */
			int64_t r;
			if (!const_int_value(x->val, &r) || r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
			char *buf = arena_alloc(g_arena, 5);
			int len = utf8_encode((uint32_t)r, buf);
			v = const_string(buf, len);
			ok = true;
		}
		if (!ok) {
			diag_error(node_startpos(x), "cannot convert %s to type %s", operand_string(x), type_string(t));
			invalidate(n);
			return;
		}
		n->mode = M_CONST;
		n->val = v;
		if (type_is_untyped(x->type)) convert_untyped(x, is_numeric(tu) && !is_numeric(x->type) ? x->type : t);
		if (type_is_string(tu) && type_is_integer(x->type)) default_type(c, x);
		return;
	}
	if (type_is_untyped(x->type)) {
		/* an untyped non-constant (a comparison) or constant to a non-basic type */
		if (x->type->kind == TY_UNTYPED_NIL) {
			if (convert_untyped(x, t) != CU_OK) {
				diag_error(node_startpos(x), "cannot convert %s to type %s", operand_string(x), type_string(t));
				invalidate(n);
				return;
			}
		} else if (is_basic(t)) {
			/* types2: a non-constant untyped operand takes the target type (1 << s: "shift of type float32") */
			int r = convert_untyped(x, t);
			if (x->mode == M_INVALID) {
				invalidate(n);
				return;
			}
			if (r != CU_OK) default_type(c, x);
		} else default_type(c, x);
	}
	if (!convertible(x, t)) {
		/* types2's cause, on a line of its own */
		const char *why = NULL, *cause = NULL;
		if (under(t)->kind == TY_INTERFACE && !implements(x->type, t, &why) && why)
			cause = arena_printf(g_arena, "%s does not implement %s %s", type_string(x->type), type_string(t), why);
		else if (under(x->type)->kind == TY_INTERFACE && under(t)->kind != TY_INTERFACE && implements(t, x->type, NULL))
			cause = "need type assertion";
		if (cause) diag_error(node_startpos(x), "cannot convert %s to type %s:\n\t%s", operand_string(x), type_string(t), cause);
		else diag_error(node_startpos(x), "cannot convert %s to type %s", operand_string(x), type_string(t));
		invalidate(n);
		return;
	}
	n->mode = M_VALUE;
}

/* ---- builtins ------------------------------------------------------------------------ */

/* complex(x, y) of two untyped constants: each is an untyped float if it
 * has no imaginary part */
static void untyped_to_float(Node *x) {
	if (is_numeric(x->type) && (x->val->kind != CV_COMPLEX || mpq_sgn(x->val->im) == 0))
		x->type = basic_type(TY_UNTYPED_FLOAT);
}

/* spec: len(x) of an array is constant if x has no function calls or
 * channel receives (then x is not evaluated at all) */
static bool has_call_or_recv(const Node *n) {
	if (!n) return false;
	if (n->kind == N_CALL && !(n->a && n->a->mode == M_TYPEEXPR)) return true;
	if (n->kind == N_UNARY && n->op == T_ARROW) return true;
	if (n->kind == N_FUNCLIT) return false;
	if (has_call_or_recv(n->a) || has_call_or_recv(n->b) || has_call_or_recv(n->c) || has_call_or_recv(n->d)) return true;
	for (const Node *l = n->list; l; l = l->next)
		if (has_call_or_recv(l)) return true;
	for (const Node *l = n->list2; l; l = l->next)
		if (has_call_or_recv(l)) return true;
	return false;
}

/* types2's typesSummary: "(int, number, string)" (untyped numbers are "number") */
static const char *types_summary_of(Type **v, int n, bool variadic) {
	const char *s = "(";
	for (int i = 0; i < n; i++) {
		Type *t = v[i];
		const char *ts;
		if (!t || t->kind == TY_INVALID) ts = "<T>";
		else if (type_is_untyped(t)) ts = is_numeric(t) ? "number" : t->kind == TY_UNTYPED_STRING ? "string" : t->kind == TY_UNTYPED_BOOL ? "bool" : "nil";
		else if (variadic && i == n - 1) ts = arena_printf(g_arena, "...%s", type_string(under(t)->elem));
		else ts = type_string(t);
		s = arena_printf(g_arena, "%s%s%s", s, i ? ", " : "", ts);
	}
	return arena_printf(g_arena, "%s)", s);
}

static const char *types_summary(Node *list) {
	int n = list_len(list), i = 0;
	Type **v = NEWARR(Type *, n + 1);
	for (Node *a = list; a; a = a->next) v[i++] = a->mode == M_INVALID ? NULL : a->type;
	return types_summary_of(v, n, false);
}

static bool nargs(Node *n, Object *o, int min, int max) {
	int k = list_len(n->list);
	if (k == 1 && n->list->type && n->list->type->kind == TY_TUPLE) k = n->list->type->nresults; /* f(g()) */
	if (k < min) {
		diag_error(node_startpos(n), "invalid operation: not enough arguments for %s (expected %d, found %d)", expr_string(n), min, k);
		return false;
	}
	if (max >= 0 && k > max) {
		diag_error(node_startpos(n), "invalid operation: too many arguments for %s (expected %d, found %d)", expr_string(n), max, k);
		return false;
	}
	(void)o;
	return true;
}

static void builtin_call(Checker *c, Node *n, Object *o) {
	const char *name = o->name->s;
	int id = o->builtin;
	/* make and new take a type first */
	Node *args = n->list;
	if ((n->flags & NF_DOTS) && id != BUILTIN_APPEND) {
		diag_error(node_startpos(n), "invalid operation: invalid use of ... with built-in %s", name);
		for (Node *a = args; a; a = a->next) expr_or_type(c, a);
		invalidate(n);
		return;
	}
	if (id == BUILTIN_MAKE || id == BUILTIN_NEW) {
		if (!args) {
			diag_error(node_startpos(n), "invalid operation: not enough arguments for %s (expected 1, found 0)", expr_string(n));
			invalidate(n);
			return;
		}
		Type *t = resolve_type(c, args);
		for (Node *a = args->next; a; a = a->next) expr(c, a);
		if (t->kind == TY_INVALID) {
			invalidate(n);
			return;
		}
		if (id == BUILTIN_NEW) {
			if (!nargs(n, o, 1, 1)) {
				invalidate(n);
				return;
			}
			n->mode = M_VALUE;
			n->type = type_pointer(t);
			return;
		}
		Type *u = under(t);
		int min = 1, max = 2;
		if (u->kind == TY_SLICE) min = 2, max = 3;
		else if (u->kind != TY_MAP && u->kind != TY_CHAN) {
			diag_error(node_startpos(args), "invalid argument: cannot make %s; type must be slice, map, or channel", expr_string(args));
			invalidate(n);
			return;
		}
		int k = list_len(args);
		if (k < min || k > max) {
			diag_error(node_startpos(n), "invalid operation: %s expects %d or %d arguments; found %d", expr_string(n), min, max, k);
			invalidate(n);
			return;
		}
		for (Node *a = args->next; a; a = a->next) {
			/* types2's index check on each size argument */
			if (a->mode == M_INVALID) continue;
			if (a->mode != M_CONST && type_is_untyped(a->type) && is_numeric(a->type)) {
				convert_untyped(a, ty_int); /* a non-constant untyped size (1. << s) becomes an int */
				if (a->mode == M_INVALID) continue;
			}
			if (a->mode == M_CONST && type_is_untyped(a->type) && is_numeric(a->type)) {
				int64_t v;
				if (!const_int_value(a->val, &v)) {
					Const *dummy;
					const char *why = NULL;
					const_representable(a->val, ty_int, &dummy, &why);
					diag_error(node_startpos(a), "%s %s int", operand_string(a), why && !strcmp(why, "truncated") ? "truncated to" : "overflows");
					continue;
				}
				convert_untyped(a, ty_int);
			}
			if (!type_is_integer(a->type)) {
				diag_error(node_startpos(a), "invalid argument: index %s must be integer", operand_string(a));
				continue;
			}
			if (a->mode == M_CONST) {
				int64_t v;
				if (mpz_sgn(a->val->z) < 0) {
					diag_error(node_startpos(a), "invalid argument: index %s must not be negative", operand_string(a));
					continue;
				}
				if (!const_int_value(a->val, &v)) {
					diag_error(node_startpos(a), "invalid argument: index %s overflows int", operand_string(a));
					continue;
				}
			}
			if (type_is_untyped(a->type)) convert_untyped(a, ty_int);
		}
		if (u->kind == TY_SLICE && args->next && args->next->next && args->next->mode == M_CONST &&
		    args->next->next->mode == M_CONST && const_compare(T_GT, args->next->val, args->next->next->val))
			diag_error(node_startpos(args->next), "invalid argument: length and capacity swapped");
		n->mode = M_VALUE;
		n->type = t;
		return;
	}
	for (Node *a = args; a; a = a->next) expr(c, a);
	for (Node *a = args; a; a = a->next)
		if (a->mode == M_INVALID) {
			invalidate(n);
			return;
		}
	switch (id) {
	case BUILTIN_PRINT: case BUILTIN_PRINTLN: {
		const char *ctx = arena_printf(g_arena, "argument to %s", name);
		for (Node *a = args; a; a = a->next) {
			if (a->mode == M_NOVALUE || a->mode == M_TYPEEXPR || a->mode == M_BUILTIN) {
				diag_error(node_startpos(a), "%s is not an expression", operand_string(a));
				continue;
			}
			if (type_is_untyped(a->type)) {
				if (a->type->kind == TY_UNTYPED_NIL) {
					diag_error(node_startpos(a), "use of untyped nil in %s", ctx);
					continue;
				}
				assign_to(c, a, default_of(a->type), ctx);
			}
		}
		n->mode = M_NOVALUE;
		n->type = NULL;
		return;
	}
	case BUILTIN_LEN: case BUILTIN_CAP: {
		if (!nargs(n, o, 1, 1)) break;
		Node *x = args;
		Type *u = under(x->type);
		if (u->kind == TY_POINTER && under(u->elem)->kind == TY_ARRAY) u = under(u->elem);
		bool ok = u->kind == TY_ARRAY || u->kind == TY_SLICE || u->kind == TY_CHAN ||
		          (id == BUILTIN_LEN && (type_is_string(u) || u->kind == TY_MAP));
		if (!ok) {
			diag_error(node_startpos(x), "invalid argument: %s for %s", operand_string(x), name);
			break;
		}
		n->type = ty_int;
		n->mode = M_VALUE;
		if (x->mode == M_CONST && type_is_string(u)) {
			n->mode = M_CONST;
			n->val = const_int64(x->val->len);
			default_type(c, x);
		} else if (u->kind == TY_ARRAY && !has_call_or_recv(x)) {
			/* len of an array is constant when the operand has no calls or receives */
			n->mode = M_CONST;
			n->val = const_int64(u->len);
		}
		return;
	}
	case BUILTIN_APPEND: {
		if (!args) {
			diag_error(n->end ? n->end : n->pos, "not enough arguments for %s (expected 1, found 0)", expr_string(n));
			break;
		}
		Type *s = args->type;
		if (args->type->kind == TY_UNTYPED_NIL) {
			diag_error(node_startpos(args), "first argument to append must be a typed slice; have untyped nil");
			break;
		}
		if (under(s)->kind != TY_SLICE) {
			diag_error(node_startpos(args), "invalid argument: %s is not a slice", operand_string(args));
			break;
		}
		Type *elem = under(s)->elem;
		if (n->flags & NF_DOTS) {
			Node *x = args->next;
			if (!x || x->next) {
				/* append's signature is func(S, ...E): as a call's argument count error */
				diag_error(x ? node_startpos(x->next) : node_startpos(args), "%s arguments in call to append\n\thave %s\n\twant (%s, ...%s)",
				           x ? "too many" : "not enough", types_summary(args), type_string(s), type_string(elem));
				break;
			}
			/* append([]byte, string...) is allowed */
			/* append([]byte, string...) is allowed, also for a type parameter
			 * whose types are all strings or byte slices */
			bool bytestr = type_is_string(x->type) || typeparam_all(under(x->type), is_bytestring);
			if (!(under(elem)->kind == TY_UINT8 && bytestr)) assign_to(c, x, type_slice(elem), "append");
			else default_type(c, x);
		} else {
			for (Node *a = args->next; a; a = a->next) assign_to(c, a, elem, "argument to append");
		}
		n->mode = M_VALUE;
		n->type = s;
		return;
	}
	case BUILTIN_COPY: {
		if (!nargs(n, o, 2, 2)) break;
		Type *d = under(args->type), *s = under(args->next->type);
		bool ok = d->kind == TY_SLICE && (s->kind == TY_SLICE ? type_identical(d->elem, s->elem)
		                                                      : type_is_string(s) && under(d->elem)->kind == TY_UINT8);
		if (!ok) {
			if (d->kind == TY_SLICE && (s->kind == TY_SLICE || type_is_string(s)))
				diag_error(node_startpos(args), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
				           operand_string(args), operand_string(args->next), type_string(d->elem),
				           s->kind == TY_SLICE ? type_string(s->elem) : "byte");
			else
				diag_error(node_startpos(args), "invalid argument: copy expects slice arguments; found %s and %s", operand_string(args),
				           operand_string(args->next));
			break;
		}
		default_type(c, args->next);
		n->mode = M_VALUE;
		n->type = ty_int;
		return;
	}
	case BUILTIN_DELETE: {
		if (!nargs(n, o, 2, 2)) break;
		Type *m = under(args->type);
		if (m->kind == TY_TYPEPARAM) {
			/* maps of one key type make a map type to check the key against */
			Type **terms;
			int nt = typeparam_terms(m, &terms);
			for (int i = 0; i < nt && m; i++)
				if (terms[i]->kind != TY_MAP || !type_identical(terms[i]->key, terms[0]->key)) m = NULL;
			m = nt && m ? terms[0] : under(args->type);
		}
		if (m->kind != TY_MAP) {
			diag_error(node_startpos(args), "invalid argument: %s is not a map", operand_string(args));
			break;
		}
		assign_to(c, args->next, m->key, "argument to delete");
		n->mode = M_NOVALUE;
		n->type = NULL;
		return;
	}
	case BUILTIN_PANIC: {
		if (!nargs(n, o, 1, 1)) break;
		assign_to(c, args, c->empty_iface, "argument to panic");
		n->mode = M_NOVALUE;
		n->type = NULL;
		return;
	}
	case BUILTIN_RECOVER:
		if (!nargs(n, o, 0, 0)) break;
		n->mode = M_VALUE;
		n->type = c->empty_iface;
		return;
	case BUILTIN_CLOSE: {
		if (!nargs(n, o, 1, 1)) break;
		Type *ch = under(args->type);
		if (ch->kind == TY_TYPEPARAM && typeparam_all(ch, is_closable_chan)) {
			n->mode = M_NOVALUE; /* every channel of the type set can be closed */
			n->type = NULL;
			return;
		}
		if (ch->kind != TY_CHAN) {
			diag_error(node_startpos(args), "invalid operation: cannot close non-channel %s", operand_string(args));
			break;
		}
		if (ch->dir == CHAN_RECV) {
			diag_error(node_startpos(args), "invalid operation: cannot close receive-only channel %s", operand_string(args));
			break;
		}
		n->mode = M_NOVALUE;
		n->type = NULL;
		return;
	}
	case BUILTIN_COMPLEX: {
		if (!nargs(n, o, 2, 2)) break;
		Node *x = args, *y = args->next;
		bool ux = type_is_untyped(x->type), uy = type_is_untyped(y->type);
		/* as types2: an untyped operand takes the other's type; two untyped
		 * constants are untyped floats (if they have no imaginary part) */
		if (ux && !uy) convert_untyped(x, y->type);
		else if (uy && !ux) convert_untyped(y, x->type);
		else if (ux && uy) {
			if (x->mode == M_CONST && y->mode == M_CONST) {
				untyped_to_float(x);
				untyped_to_float(y);
			} else {
				convert_untyped(x, ty_float64);
				convert_untyped(y, ty_float64);
			}
		}
		if (x->mode == M_INVALID || y->mode == M_INVALID) break;
		if (!type_identical(x->type, y->type)) {
			diag_error(node_startpos(x), "invalid operation: %s (mismatched types %s and %s)", expr_string(n),
			           type_string(x->type), type_string(y->type));
			break;
		}
		Type *res = NULL;
		switch (under(x->type)->kind) {
		case TY_FLOAT32: res = basic_type(TY_COMPLEX64); break;
		case TY_FLOAT64: res = basic_type(TY_COMPLEX128); break;
		case TY_UNTYPED_FLOAT: res = basic_type(TY_UNTYPED_COMPLEX); break;
		default: break;
		}
		if (!res) {
			diag_error(node_startpos(x), "invalid argument: arguments have type %s, expected floating-point",
			           type_string(x->type));
			break;
		}
		n->type = res;
		if (x->mode == M_CONST && y->mode == M_CONST) {
			n->mode = M_CONST;
			n->val = const_complex(x->val, y->val);
		} else n->mode = M_VALUE;
		return;
	}
	case BUILTIN_REAL: case BUILTIN_IMAG: {
		if (!nargs(n, o, 1, 1)) break;
		Node *x = args;
		if (type_is_untyped(x->type)) {
			if (x->mode == M_CONST) {
				if (is_numeric(x->type)) x->type = basic_type(TY_UNTYPED_COMPLEX);
			} else {
				convert_untyped(x, basic_type(TY_COMPLEX128));
				if (x->mode == M_INVALID) break;
			}
		}
		Type *res = NULL;
		switch (under(x->type)->kind) {
		case TY_COMPLEX64: res = basic_type(TY_FLOAT32); break;
		case TY_COMPLEX128: res = basic_type(TY_FLOAT64); break;
		case TY_UNTYPED_COMPLEX: res = basic_type(TY_UNTYPED_FLOAT); break;
		default: break;
		}
		if (!res) {
			diag_error(node_startpos(x), "invalid argument: argument has type %s, expected complex number",
			           type_string(x->type));
			break;
		}
		n->type = res;
		if (x->mode == M_CONST) {
			n->mode = M_CONST;
			n->val = const_part(x->val, id == BUILTIN_IMAG);
		} else n->mode = M_VALUE;
		return;
	}
	case BUILTIN_SIZEOF: case BUILTIN_ALIGNOF: {
		if (!nargs(n, o, 1, 1)) break;
		default_type(c, args);
		if (args->mode == M_INVALID) break;
		int64_t v = id == BUILTIN_SIZEOF ? type_size(args->type) : type_align(args->type);
		n->mode = M_CONST;
		n->type = basic_type(TY_UINTPTR);
		n->val = const_int64(v);
		return;
	}
	case BUILTIN_OFFSETOF: {
		if (!nargs(n, o, 1, 1)) break;
		Node *x = args;
		while (x->kind == N_PAREN) x = x->a;
		if (x->kind != N_SELECTOR || !x->sel || x->sel->kind != SEL_FIELD) {
			diag_error(node_startpos(args), "invalid argument: %s is not a selector expression", expr_string(args));
			break;
		}
		/* the offset is from the struct x.a itself: through embedded
		 * fields, but never through a pointer */
		Selection *sel = x->sel;
		Type *st = x->a->type;
		int64_t off = 0;
		bool viaptr = false;
		for (int i = 0; i < sel->npath; i++) {
			Type *u = under(st);
			if (u->kind == TY_POINTER) {
				if (i > 0) viaptr = true;
				u = under(u->elem);
			}
			off += field_offset(u, sel->path[i]);
			st = u->fields[sel->path[i]].type;
		}
		if (viaptr) {
			diag_error(node_startpos(args), "invalid argument: field %s is embedded via a pointer in %s", x->name->s,
			           expr_string(x->a));
			break;
		}
		n->mode = M_CONST;
		n->type = basic_type(TY_UINTPTR);
		n->val = const_int64(off);
		return;
	}
	case BUILTIN_ADD: {
		if (!nargs(n, o, 2, 2)) break;
		if (!assign_to(c, args, basic_type(TY_UNSAFEPTR), "argument to unsafe.Add")) break;
		if (!type_is_integer(args->next->type) && !(args->next->mode == M_CONST && type_is_untyped(args->next->type))) {
			diag_error(node_startpos(args->next), "cannot convert %s to type int", operand_string(args->next));
			break;
		}
		if (type_is_untyped(args->next->type) && !assign_to(c, args->next, ty_int, "argument to unsafe.Add")) break;
		n->mode = M_VALUE;
		n->type = basic_type(TY_UNSAFEPTR);
		return;
	}
	case BUILTIN_SLICE: {
		if (!nargs(n, o, 2, 2)) break;
		Type *pt = under(args->type);
		if (pt->kind != TY_POINTER) {
			diag_error(node_startpos(args), "invalid argument: %s is not a pointer", operand_string(args));
			break;
		}
		if (!type_is_integer(args->next->type) && !(args->next->mode == M_CONST && type_is_untyped(args->next->type))) {
			diag_error(node_startpos(args->next), "cannot convert %s to type int", operand_string(args->next));
			break;
		}
		if (type_is_untyped(args->next->type) && !assign_to(c, args->next, ty_int, "argument to unsafe.Slice")) break;
		n->mode = M_VALUE;
		n->type = type_slice(pt->elem);
		return;
	}
	default:
		diag_error(n->pos, "%s is not supported yet", name);
		break;
	}
	invalidate(n);
}

/* ---- calls ------------------------------------------------------------------------------ */

void call_expr(Checker *c, Node *n) {
	Node *fn = n->a;
	expr_or_type(c, fn);
	if (fn->mode == M_INVALID) {
		for (Node *a = n->list; a; a = a->next) expr(c, a);
		invalidate(n);
		return;
	}
	if (fn->mode == M_TYPEEXPR) {
		conversion(c, n, fn->type);
		return;
	}
	if (fn->mode == M_BUILTIN) {
		builtin_call(c, n, fn->obj);
		return;
	}
	Type *ft = under(fn->type);
	if (ft->kind != TY_FUNC) {
		diag_error(node_startpos(n), "invalid operation: cannot call non-function %s", operand_string(fn));
		for (Node *a = n->list; a; a = a->next) expr(c, a);
		invalidate(n);
		return;
	}
	const char *fname = expr_string(fn);
	const char *ctx = arena_printf(g_arena, "argument to %s", fname);
	int nargs_ = list_len(n->list);
	for (Node *a = n->list; a; a = a->next) expr(c, a);
	if (ft->ntparams) {
		/* a generic function: infer what f[...] did not give, then
		 * check and substitute */
		for (Node *a = n->list; a; a = a->next)
			if (a->mode == M_INVALID) {
				invalidate(n);
				return;
			}
		Type **targs = NEWARR(Type *, ft->ntparams + 1);
		for (int i = 0; i < fn->ntargs; i++) targs[i] = fn->targs[i];
		bool spread = nargs_ == 1 && n->list->type && n->list->type->kind == TY_TUPLE;
		if (!infer_targs(n->pos, ft, targs, n->list, spread, n->flags & NF_DOTS) || !check_instance(n->pos, ft->tparams, targs, ft->ntparams)) {
			invalidate(n);
			return;
		}
		Type *inst = instantiate_sig(ft, targs);
		fn->targs = targs;
		fn->ntargs = ft->ntparams;
		fn->type = inst;
		ft = inst;
	}
	/* f(g()) with g returning several values */
	Type *tuple = nargs_ == 1 && n->list->type && n->list->type->kind == TY_TUPLE ? n->list->type : NULL;
	bool dots = n->flags & NF_DOTS;
	if (dots && ft->variadic && tuple) {
		diag_error(node_startpos(n), "cannot use ... with %d-valued %s", tuple->nresults, expr_string(n->list));
		tuple = NULL;
		goto result;
	}
	if (dots && !ft->variadic) {
		diag_error(node_startpos(n), "cannot use ... in call to non-variadic %s", fname);
		goto result;
	}
	if (tuple) {
		int need = ft->nparams;
		if ((ft->variadic && tuple->nresults < need - 1) || (!ft->variadic && tuple->nresults != need))
			diag_error(node_startpos(n->list), "%s arguments in call to %s\n\thave %s\n\twant %s",
			           tuple->nresults < need ? "not enough" : "too many", fname, type_string(tuple), type_string(ft) + 4);
		else
			for (int i = 0; i < tuple->nresults; i++) {
				Type *pt = ft->variadic && i >= need - 1 ? ft->params[need - 1]->elem : ft->params[i];
				if (!type_assignable(tuple->results[i], pt))
					diag_error(node_startpos(n->list), "cannot use %s value as %s value in %s", type_string(tuple->results[i]),
					           type_string(pt), ctx);
			}
		n->flags |= NF_SPREAD;
	} else {
		int i = 0;
		bool bad_count = ft->variadic ? (dots ? nargs_ != ft->nparams : nargs_ < ft->nparams - 1) : nargs_ != ft->nparams;
		const char *have = bad_count ? types_summary(n->list) : NULL;
		for (Node *a = n->list; a; a = a->next, i++) {
			if (a->mode == M_INVALID) continue;
			if (bad_count) {
				default_type(c, a);
				continue;
			}
			if (a->mode == M_NOVALUE) {
				diag_error(node_startpos(a), "%s (no value) used as value", expr_string(a));
				continue;
			}
			Type *pt;
			if (ft->variadic && i >= ft->nparams - 1) pt = dots ? ft->params[ft->nparams - 1] : ft->params[ft->nparams - 1]->elem;
			else if (i < ft->nparams) pt = ft->params[i];
			else {
				default_type(c, a);
				continue;
			}
			assign_to(c, a, pt, ctx);
		}
		bool few = ft->variadic ? (dots ? i < ft->nparams : i < ft->nparams - 1) : i < ft->nparams;
		bool many = !ft->variadic || dots ? i > ft->nparams : false;
		if (few || many) {
			/* types2: at the last argument (or the call) or the first extra one, with have/want */
			Pos p = node_startpos(n);
			for (Node *a = n->list; a && few; a = a->next) p = node_startpos(a);
			if (many) {
				Node *extra = n->list;
				for (int k = 0; k < ft->nparams && extra; k++) extra = extra->next;
				if (extra) p = node_startpos(extra);
			}
			diag_error(p, "%s arguments in call to %s\n\thave %s\n\twant %s", few ? "not enough" : "too many", fname, have,
			           types_summary_of(ft->params, ft->nparams, ft->variadic));
		}
	}
result:
	if (ft->nresults == 1) {
		n->type = ft->results[0];
		n->mode = M_VALUE;
	} else if (ft->nresults == 0) {
		n->type = NULL;
		n->mode = M_NOVALUE;
	} else {
		Type *t = type_new(TY_TUPLE);
		t->results = ft->results;
		t->nresults = ft->nresults;
		n->type = t;
		n->mode = M_VALUE;
	}
}
