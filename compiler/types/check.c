/* check.c: the type checker.
 *
 * Algorithm: (1) the universe scope holds the predeclared types, constants
 * and builtins; (2) every package-level declaration of every file is entered
 * into the package scope, so declarations may appear in any order; (3) each
 * function body is checked in a scope chain (package, function, blocks),
 * recording on every expression node its type (Node.type), for constants
 * its value (Node.val), and on every identifier the object it denotes
 * (Node.obj). Untyped constants keep their untyped type until an assignment,
 * a call argument or a binary operation with a typed operand gives them one
 * (convert_untyped), as the spec's "default type" rules say.
 */
#include <stdio.h>
#include <stdlib.h>

#include "types.h"
#include "grammar.h"

/* ---- types --------------------------------------------------------------- */

static Type basic[TY_KINDS];
Type *ty_bool, *ty_int, *ty_string, *ty_untyped_int, *ty_untyped_string, *ty_untyped_bool,
	*ty_invalid, *ty_int64, *ty_float64, *ty_uint8, *ty_int32;

bool type_is_untyped(const Type *t) { return t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL; }
bool type_is_integer(const Type *t) {
	return (t->kind >= TY_INT && t->kind <= TY_UINTPTR) || t->kind == TY_UNTYPED_INT || t->kind == TY_UNTYPED_RUNE;
}
bool type_is_string(const Type *t) { return t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING; }
static bool is_bool(const Type *t) { return t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL; }

const char *type_string(const Type *t) {
	if (t->name) return t->name;
	if (t->kind == TY_FUNC) return "func(...)";
	return "?";
}

/* ---- scopes --------------------------------------------------------------- */

struct Scope {
	Scope *parent;
	VEC(Object *) objs; /* small scopes: a linear search is fastest */
};

static Scope *scope_new(Scope *parent) {
	Scope *s = NEW(Scope);
	s->parent = parent;
	return s;
}

static Object *scope_lookup_local(Scope *s, const Str *name) {
	for (int i = 0; i < s->objs.n; i++)
		if (s->objs.v[i]->name == name) return s->objs.v[i];
	return NULL;
}

static Object *scope_lookup(Scope *s, const Str *name) {
	for (; s; s = s->parent) {
		Object *o = scope_lookup_local(s, name);
		if (o) return o;
	}
	return NULL;
}

static void declare(Scope *s, Object *o) {
	if (o->name->s[0] == '_' && o->name->len == 1) return; /* the blank identifier declares nothing */
	Object *prev = scope_lookup_local(s, o->name);
	if (prev) {
		LineCol lc = pos_linecol(prev->pos);
		diag_error(o->pos, "%s redeclared in this block\n\t%s:%d:%d: other declaration of %s", o->name->s,
		           lc.src ? lc.src->name : "?", lc.line, lc.col, o->name->s);
		return;
	}
	vec_push(&s->objs, o);
}

static Object *obj_new(ObjKind k, const Str *name, Type *t, Pos p) {
	Object *o = NEW(Object);
	o->kind = k;
	o->name = name;
	o->type = t;
	o->pos = p;
	return o;
}

static Scope *universe;

static void init_universe(void) {
	if (universe) return;
	/* The universe outlives each compilation's arena. */
	Arena *saved = g_arena;
	g_arena = arena_new();
	universe = scope_new(NULL);
	static const struct { TypeKind k; const char *name; } bt[] = {
		{TY_BOOL, "bool"}, {TY_INT, "int"}, {TY_INT8, "int8"}, {TY_INT16, "int16"}, {TY_INT32, "int32"},
		{TY_INT64, "int64"}, {TY_UINT, "uint"}, {TY_UINT8, "uint8"}, {TY_UINT16, "uint16"},
		{TY_UINT32, "uint32"}, {TY_UINT64, "uint64"}, {TY_UINTPTR, "uintptr"}, {TY_FLOAT32, "float32"},
		{TY_FLOAT64, "float64"}, {TY_COMPLEX64, "complex64"}, {TY_COMPLEX128, "complex128"},
		{TY_STRING, "string"},
	};
	for (size_t i = 0; i < sizeof bt / sizeof *bt; i++) {
		basic[bt[i].k].kind = bt[i].k;
		basic[bt[i].k].name = bt[i].name;
		declare(universe, obj_new(OBJ_TYPENAME, internz(bt[i].name), &basic[bt[i].k], NOPOS));
	}
	declare(universe, obj_new(OBJ_TYPENAME, internz("byte"), &basic[TY_UINT8], NOPOS));
	declare(universe, obj_new(OBJ_TYPENAME, internz("rune"), &basic[TY_INT32], NOPOS));
	static const struct { TypeKind k; const char *name; } ut[] = {
		{TY_UNTYPED_BOOL, "untyped bool"}, {TY_UNTYPED_INT, "untyped int"}, {TY_UNTYPED_RUNE, "untyped rune"},
		{TY_UNTYPED_FLOAT, "untyped float"}, {TY_UNTYPED_STRING, "untyped string"}, {TY_UNTYPED_NIL, "untyped nil"},
		{TY_INVALID, "invalid type"},
	};
	for (size_t i = 0; i < sizeof ut / sizeof *ut; i++) {
		basic[ut[i].k].kind = ut[i].k;
		basic[ut[i].k].name = ut[i].name;
	}
	ty_bool = &basic[TY_BOOL];
	ty_int = &basic[TY_INT];
	ty_int32 = &basic[TY_INT32];
	ty_int64 = &basic[TY_INT64];
	ty_uint8 = &basic[TY_UINT8];
	ty_float64 = &basic[TY_FLOAT64];
	ty_string = &basic[TY_STRING];
	ty_untyped_int = &basic[TY_UNTYPED_INT];
	ty_untyped_string = &basic[TY_UNTYPED_STRING];
	ty_untyped_bool = &basic[TY_UNTYPED_BOOL];
	ty_invalid = &basic[TY_INVALID];
	Object *t = obj_new(OBJ_CONST, internz("true"), ty_untyped_bool, NOPOS);
	t->val = NEW(Const);
	t->val->kind = CV_BOOL;
	t->val->i = 1;
	declare(universe, t);
	Object *f = obj_new(OBJ_CONST, internz("false"), ty_untyped_bool, NOPOS);
	f->val = NEW(Const);
	f->val->kind = CV_BOOL;
	declare(universe, f);
	declare(universe, obj_new(OBJ_NIL, internz("nil"), &basic[TY_UNTYPED_NIL], NOPOS));
	Object *iota = obj_new(OBJ_CONST, internz("iota"), ty_untyped_int, NOPOS);
	iota->state = 2;
	declare(universe, iota);
	static const struct { int id; const char *name; } bi[] = {
		{BUILTIN_PRINT, "print"}, {BUILTIN_PRINTLN, "println"}, {BUILTIN_LEN, "len"},
	};
	for (size_t i = 0; i < sizeof bi / sizeof *bi; i++) {
		Object *o = obj_new(OBJ_BUILTIN, internz(bi[i].name), ty_invalid, NOPOS);
		o->builtin = bi[i].id;
		declare(universe, o);
	}
	g_arena = saved;
}

/* ---- the checker state ------------------------------------------------------- */

typedef struct Checker {
	Package *pkg;
	Scope *scope;   /* innermost */
	Type *fnsig;    /* signature of the function being checked */
	int iota;       /* value of iota in the constant being checked, or -1 */
} Checker;

static void resolve_const(Checker *c, Object *o);

static void expr(Checker *c, Node *n);
static void stmt(Checker *c, Node *n);
static void stmts(Checker *c, Node *l);

static Type *resolve_type(Checker *c, Node *n) {
	if (!n) return ty_invalid;
	if (n->kind == N_PAREN) return resolve_type(c, n->a);
	if (n->kind == N_NAME) {
		Object *o = scope_lookup(c->scope, n->name);
		if (!o) {
			diag_error(n->pos, "undefined: %s", n->name->s);
			return ty_invalid;
		}
		n->obj = o;
		if (o->kind != OBJ_TYPENAME) {
			diag_error(n->pos, "%s is not a type", n->name->s);
			return ty_invalid;
		}
		return n->type = o->type;
	}
	diag_error(n->pos, "type not supported yet");
	return ty_invalid;
}

static Type *signature(Checker *c, Node *ft) {
	Type *t = NEW(Type);
	t->kind = TY_FUNC;
	t->nparams = list_len(ft->list);
	t->nresults = list_len(ft->list2);
	t->params = NEWARR(Type *, t->nparams + 1);
	t->results = NEWARR(Type *, t->nresults + 1);
	int i = 0;
	for (Node *f = ft->list; f; f = f->next) f->type = t->params[i++] = resolve_type(c, f->a);
	i = 0;
	for (Node *f = ft->list2; f; f = f->next) f->type = t->results[i++] = resolve_type(c, f->a);
	return t;
}

/* ---- constants --------------------------------------------------------------- */

static Const *const_int(int64_t v) {
	Const *k = NEW(Const);
	k->kind = CV_INT;
	k->i = v;
	return k;
}

static Const *const_bool(bool v) {
	Const *k = const_int(v);
	k->kind = CV_BOOL;
	return k;
}

/* Decodes a string literal's source text into its bytes. */
static Const *const_string_lit(const char *lit, uint32_t len) {
	Const *k = NEW(Const);
	k->kind = CV_STRING;
	char *out = arena_alloc(g_arena, len + 1);
	int64_t n = 0;
	if (lit[0] == '`') {
		for (uint32_t i = 1; i + 1 < len; i++)
			if (lit[i] != '\r') out[n++] = lit[i];
	} else {
		for (uint32_t i = 1; i + 1 < len; i++) {
			char ch = lit[i];
			if (ch != '\\') {
				out[n++] = ch;
				continue;
			}
			ch = lit[++i];
			switch (ch) {
			case 'a': out[n++] = '\a'; break;
			case 'b': out[n++] = '\b'; break;
			case 'f': out[n++] = '\f'; break;
			case 'n': out[n++] = '\n'; break;
			case 'r': out[n++] = '\r'; break;
			case 't': out[n++] = '\t'; break;
			case 'v': out[n++] = '\v'; break;
			case '\\': out[n++] = '\\'; break;
			case '"': out[n++] = '"'; break;
			case '\'': out[n++] = '\''; break;
			case 'x': case 'u': case 'U': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
				int digits = ch == 'x' ? 2 : ch == 'u' ? 4 : ch == 'U' ? 8 : 3;
				int base = (ch >= '0' && ch <= '7') ? 8 : 16;
				if (base == 8) i--;
				uint32_t v = 0;
				for (int d = 0; d < digits; d++) {
					char h = lit[++i];
					v = v * (uint32_t)base + (uint32_t)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
				}
				if (ch == 'u' || ch == 'U') {
					extern int utf8_encode(uint32_t r, char *buf);
					n += utf8_encode(v, out + n);
				} else out[n++] = (char)v;
				break;
			}
			}
		}
	}
	k->s = out;
	k->len = n;
	return k;
}

/* Gives an untyped expression the type target (or its default type). */
static void convert_untyped(Node *n, Type *target) {
	if (!n->type || !type_is_untyped(n->type)) return;
	if (!target || type_is_untyped(target)) {
		switch (n->type->kind) {
		case TY_UNTYPED_BOOL: target = ty_bool; break;
		case TY_UNTYPED_INT: target = ty_int; break;
		case TY_UNTYPED_RUNE: target = ty_int32; break;
		case TY_UNTYPED_FLOAT: target = ty_float64; break;
		case TY_UNTYPED_STRING: target = ty_string; break;
		default: return;
		}
	}
	n->type = target;
	if (n->kind == N_PAREN) convert_untyped(n->a, target);
	if (n->kind == N_BINARY && n->op != T_EQ && n->op != T_NE && n->op != T_LT && n->op != T_LE &&
	    n->op != T_GT && n->op != T_GE && n->op != T_SHL && n->op != T_SHR) {
		convert_untyped(n->a, target);
		convert_untyped(n->b, target);
	}
	if (n->kind == N_UNARY) convert_untyped(n->a, target);
}

static bool assignable(Type *v, Type *t) {
	if (v == t) return true;
	if (v->kind == TY_INVALID || t->kind == TY_INVALID) return true;
	if (type_is_untyped(v)) {
		switch (v->kind) {
		case TY_UNTYPED_BOOL: return t->kind == TY_BOOL;
		case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: return t->kind >= TY_INT && t->kind <= TY_COMPLEX128;
		case TY_UNTYPED_FLOAT: return t->kind >= TY_FLOAT32 && t->kind <= TY_COMPLEX128;
		case TY_UNTYPED_STRING: return t->kind == TY_STRING;
		default: return false;
		}
	}
	return false;
}

static void assign_to(Checker *c, Node *x, Type *t, const char *context) {
	(void)c;
	if (!assignable(x->type, t)) {
		diag_error(x->pos, "cannot use %.*s (%s of type %s) as %s value in %s", 20, "expression",
		           type_is_untyped(x->type) ? "untyped constant" : "variable", type_string(x->type), type_string(t), context);
		return;
	}
	convert_untyped(x, t);
}

/* ---- expressions --------------------------------------------------------------- */

static void call(Checker *c, Node *n) {
	Node *fn = n->a;
	if (fn->kind == N_NAME) {
		Object *o = scope_lookup(c->scope, fn->name);
		if (o && o->kind == OBJ_BUILTIN) {
			fn->obj = o;
			for (Node *a = n->list; a; a = a->next) {
				expr(c, a);
				convert_untyped(a, NULL);
			}
			if (o->builtin == BUILTIN_LEN) {
				if (!n->list || n->list->next) diag_error(n->pos, "wrong number of arguments for len");
				n->type = ty_int;
			} else n->type = NULL; /* print/println: no value */
			return;
		}
	}
	expr(c, fn);
	Type *ft = fn->type;
	if (!ft || ft->kind != TY_FUNC) {
		if (ft && ft->kind != TY_INVALID) diag_error(n->pos, "invalid operation: cannot call non-function %s", fn->name ? fn->name->s : "expression");
		n->type = ty_invalid;
		return;
	}
	int i = 0;
	for (Node *a = n->list; a; a = a->next, i++) {
		expr(c, a);
		if (i < ft->nparams) assign_to(c, a, ft->params[i], "argument");
	}
	if (i != ft->nparams)
		diag_error(n->pos, "%s arguments in call to %s", i < ft->nparams ? "not enough" : "too many", fn->name ? fn->name->s : "function");
	if (ft->nresults == 1) n->type = ft->results[0];
	else if (ft->nresults == 0) n->type = NULL;
	else {
		Type *t = NEW(Type);
		t->kind = TY_TUPLE;
		t->results = ft->results;
		t->nresults = ft->nresults;
		n->type = t;
	}
}

static int64_t arith(int op, int64_t x, int64_t y, Pos p) {
	switch (op) {
	case T_PLUS: return (int64_t)((uint64_t)x + (uint64_t)y);
	case T_MINUS: return (int64_t)((uint64_t)x - (uint64_t)y);
	case T_STAR: return (int64_t)((uint64_t)x * (uint64_t)y);
	case T_DIV:
	case T_MOD:
		if (y == 0) {
			diag_error(p, "invalid operation: division by zero");
			return 0;
		}
		return op == T_DIV ? x / y : x % y;
	case T_AND: return x & y;
	case T_OR: return x | y;
	case T_XOR: return x ^ y;
	case T_ANDNOT: return x & ~y;
	case T_SHL: return (int64_t)((uint64_t)x << (y & 63));
	case T_SHR: return x >> (y & 63);
	}
	return 0;
}

static void binary(Checker *c, Node *n) {
	expr(c, n->a);
	expr(c, n->b);
	Node *x = n->a, *y = n->b;
	if (!x->type || !y->type) {
		n->type = ty_invalid;
		return;
	}
	if (n->op == T_SHL || n->op == T_SHR) {
		/* shifts: the count is any integer; the result has the left type */
		if (!type_is_integer(y->type)) diag_error(y->pos, "invalid operation: shift count type %s, must be integer", type_string(y->type));
		if (y->val && y->val->kind == CV_INT && y->val->i < 0) diag_error(y->pos, "invalid shift count %lld (negative)", (long long)y->val->i);
		convert_untyped(y, ty_int);
		n->type = x->type;
		if (x->val && y->val) n->val = const_int(arith(n->op, x->val->i, y->val->i, n->pos));
		else if (type_is_untyped(x->type)) {
			convert_untyped(x, NULL);
			n->type = x->type;
		}
		return;
	}
	bool cmp = n->op == T_EQ || n->op == T_NE || n->op == T_LT || n->op == T_LE || n->op == T_GT || n->op == T_GE;
	bool logic = n->op == T_ANDAND || n->op == T_OROR;
	/* untyped operands take the other operand's type */
	if (type_is_untyped(x->type) && !type_is_untyped(y->type)) convert_untyped(x, y->type);
	else if (type_is_untyped(y->type) && !type_is_untyped(x->type)) convert_untyped(y, x->type);
	Type *t = x->type;
	if (x->type != y->type && !(type_is_untyped(x->type) && type_is_untyped(y->type))) {
		diag_error(n->pos, "invalid operation: mismatched types %s and %s", type_string(x->type), type_string(y->type));
		n->type = ty_invalid;
		return;
	}
	if (logic && !is_bool(t)) diag_error(n->pos, "invalid operation: operator %s not defined on %s", n->op == T_ANDAND ? "&&" : "||", type_string(t));
	n->type = cmp ? ty_untyped_bool : t;
	if (cmp && !type_is_untyped(t)) {
		/* a comparison of typed operands is an untyped boolean */
	}
	if (x->val && y->val) {
		if (x->val->kind == CV_INT && y->val->kind == CV_INT) {
			int64_t a = x->val->i, b = y->val->i;
			if (cmp) {
				bool r = n->op == T_EQ ? a == b : n->op == T_NE ? a != b : n->op == T_LT ? a < b :
				         n->op == T_LE ? a <= b : n->op == T_GT ? a > b : a >= b;
				n->val = const_bool(r);
			} else n->val = const_int(arith(n->op, a, b, n->pos));
		} else if (x->val->kind == CV_BOOL && y->val->kind == CV_BOOL && logic) {
			n->val = const_bool(n->op == T_ANDAND ? (x->val->i && y->val->i) : (x->val->i || y->val->i));
		} else if (x->val->kind == CV_STRING && y->val->kind == CV_STRING && n->op == T_PLUS) {
			Const *k = NEW(Const);
			k->kind = CV_STRING;
			char *s = arena_alloc(g_arena, (size_t)(x->val->len + y->val->len + 1));
			memcpy(s, x->val->s, (size_t)x->val->len);
			memcpy(s + x->val->len, y->val->s, (size_t)y->val->len);
			k->s = s;
			k->len = x->val->len + y->val->len;
			n->val = k;
		}
	}
}

static void expr(Checker *c, Node *n) {
	switch (n->kind) {
	case N_BASICLIT:
		switch (n->op) {
		case T_INT: {
			char buf[64];
			int j = 0;
			for (uint32_t i = 0; i < n->litlen && j < 63; i++)
				if (n->lit[i] != '_') buf[j++] = n->lit[i];
			buf[j] = 0;
			int base = 10;
			char *p = buf;
			if (buf[0] == '0' && (buf[1] | 0x20) == 'x') base = 16, p += 2;
			else if (buf[0] == '0' && (buf[1] | 0x20) == 'b') base = 2, p += 2;
			else if (buf[0] == '0' && (buf[1] | 0x20) == 'o') base = 8, p += 2;
			else if (buf[0] == '0' && buf[1]) base = 8, p += 1;
			n->val = const_int((int64_t)strtoull(p, NULL, base));
			n->type = ty_untyped_int;
			break;
		}
		case T_STRING:
			n->val = const_string_lit(n->lit, n->litlen);
			n->type = ty_untyped_string;
			break;
		default:
			diag_error(n->pos, "literal kind not supported yet");
			n->type = ty_invalid;
		}
		return;
	case N_NAME: {
		Object *o = scope_lookup(c->scope, n->name);
		if (!o) {
			diag_error(n->pos, "undefined: %s", n->name->s);
			n->type = ty_invalid;
			return;
		}
		if (o->kind == OBJ_CONST && o->name == internz("iota") && !o->spec) {
			if (c->iota < 0) {
				diag_error(n->pos, "cannot use iota outside constant declaration");
				n->type = ty_invalid;
				return;
			}
			n->obj = o;
			n->type = ty_untyped_int;
			n->val = const_int(c->iota);
			return;
		}
		if (o->kind == OBJ_CONST && o->spec && o->state != 2) resolve_const(c, o);
		o->used = true;
		n->obj = o;
		n->type = o->type;
		if (o->kind == OBJ_CONST) n->val = o->val;
		if (o->kind == OBJ_TYPENAME) diag_error(n->pos, "%s (type) is not an expression", n->name->s);
		return;
	}
	case N_PAREN:
		expr(c, n->a);
		n->type = n->a->type;
		n->val = n->a->val;
		return;
	case N_CALL: call(c, n); return;
	case N_BINARY: binary(c, n); return;
	case N_UNARY:
		expr(c, n->a);
		n->type = n->a->type;
		if (n->op == T_NOT && !is_bool(n->type)) diag_error(n->pos, "invalid operation: operator ! not defined on %s", type_string(n->type));
		if (n->a->val) {
			if (n->op == T_MINUS && n->a->val->kind == CV_INT) n->val = const_int(-n->a->val->i);
			else if (n->op == T_PLUS) n->val = n->a->val;
			else if (n->op == T_NOT && n->a->val->kind == CV_BOOL) n->val = const_bool(!n->a->val->i);
			else if (n->op == T_XOR && n->a->val->kind == CV_INT) n->val = const_int(~n->a->val->i);
		}
		return;
	default:
		diag_error(n->pos, "expression not supported yet: %s", node_kind_name(n->kind));
		n->type = ty_invalid;
	}
}

/* ---- constant declarations --------------------------------------------------------
 * A constant's value is computed on first use, so package-level constants may
 * refer to ones declared later; a spec without values repeats the previous
 * spec's type and expressions with its own iota (the spec's "implicit
 * repetition"). The expression nodes are then shared between specs, so the
 * value is recomputed for each constant from the same tree. */

static void resolve_const(Checker *c, Object *o) {
	if (o->state == 2) return;
	if (o->state == 1) {
		diag_error(o->pos, "initialization cycle or invalid recursive constant %s", o->name->s);
		o->type = ty_invalid;
		o->state = 2;
		return;
	}
	o->state = 1;
	int saved = c->iota;
	c->iota = o->spec->iota;
	Type *t = o->typeexpr ? resolve_type(c, o->typeexpr) : NULL;
	Node *v = o->valexpr;
	if (!v) {
		diag_error(o->pos, "missing init expr for const declaration");
		o->type = ty_invalid;
	} else {
		/* clear memoized results: the tree may be shared with other specs */
		expr(c, v);
		if (!v->val) {
			diag_error(v->pos, "%s is not constant", v->kind == N_NAME ? v->name->s : "value");
			o->type = ty_invalid;
		} else {
			if (t) assign_to(c, v, t, "constant declaration");
			o->type = t ? t : v->type;
			o->val = v->val;
		}
	}
	c->iota = saved;
	o->state = 2;
}

/* Enters the constants of a declaration group; prev carries the last spec
 * that had values, for implicit repetition. */
static void declare_consts(Checker *c, Node *spec, Node **prev, Scope *s) {
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
	(void)c;
}

/* ---- statements ------------------------------------------------------------------ */

static void open_scope(Checker *c) { c->scope = scope_new(c->scope); }
static void close_scope(Checker *c) {
	for (int i = 0; i < c->scope->objs.n; i++) {
		Object *o = c->scope->objs.v[i];
		if (o->kind == OBJ_VAR && !o->used && !o->param) diag_error(o->pos, "%s declared but not used", o->name->s);
	}
	c->scope = c->scope->parent;
}

static void define(Checker *c, Node *n) {
	/* a, b := x, y */
	int nl = list_len(n->list), nr = list_len(n->list2);
	for (Node *r = n->list2; r; r = r->next) expr(c, r);
	Type *tuple = nr == 1 && n->list2->type && n->list2->type->kind == TY_TUPLE ? n->list2->type : NULL;
	if (tuple && tuple->nresults == nl) {
		bool fresh = false;
		int i = 0;
		Object *news[64];
		int nnew = 0;
		for (Node *l = n->list; l; l = l->next, i++) {
			Object *o = scope_lookup_local(c->scope, l->name);
			if (o && o->kind == OBJ_VAR) {
				l->obj = o;
				l->type = o->type;
				continue;
			}
			fresh = true;
			o = obj_new(OBJ_VAR, l->name, tuple->results[i], l->pos);
			l->obj = o;
			l->type = o->type;
			if (nnew < 64) news[nnew++] = o;
		}
		if (!fresh) diag_error(n->pos, "no new variables on left side of :=");
		for (int k = 0; k < nnew; k++) declare(c->scope, news[k]);
		return;
	}
	if (nl != nr) {
		diag_error(n->pos, "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
		return;
	}
	bool fresh = false;
	Node *r = n->list2;
	Object *news[64];
	int nnew = 0;
	for (Node *l = n->list; l; l = l->next, r = r->next) {
		convert_untyped(r, NULL);
		Object *o = scope_lookup_local(c->scope, l->name);
		if (o && o->kind == OBJ_VAR) {
			assign_to(c, r, o->type, "assignment");
			l->obj = o;
			l->type = o->type;
			continue;
		}
		fresh = true;
		o = obj_new(OBJ_VAR, l->name, r->type ? r->type : ty_invalid, l->pos);
		l->obj = o;
		l->type = o->type;
		if (nnew < 64) news[nnew++] = o;
	}
	if (!fresh) diag_error(n->pos, "no new variables on left side of :=");
	for (int i = 0; i < nnew; i++) declare(c->scope, news[i]);
}

static void assignment(Checker *c, Node *n) {
	if (n->op == T_DEFINE) {
		define(c, n);
		return;
	}
	if (n->op == T_INC || n->op == T_DEC) {
		expr(c, n->list);
		if (!type_is_integer(n->list->type)) diag_error(n->pos, "invalid operation: non-numeric operand");
		return;
	}
	int nl = list_len(n->list), nr = list_len(n->list2);
	for (Node *l = n->list; l; l = l->next) {
		if (l->kind == N_NAME && l->name->len == 1 && l->name->s[0] == '_') continue;
		expr(c, l);
		if (l->obj && l->obj->kind == OBJ_VAR) l->obj->used = l->obj->used; /* assignment is not a use */
	}
	for (Node *r = n->list2; r; r = r->next) expr(c, r);
	Type *tuple = nr == 1 && n->list2->type && n->list2->type->kind == TY_TUPLE ? n->list2->type : NULL;
	if (tuple && tuple->nresults == nl && !n->op) {
		int i = 0;
		for (Node *l = n->list; l; l = l->next, i++)
			if (l->type && !assignable(tuple->results[i], l->type))
				diag_error(n->pos, "cannot use value of type %s as %s value in assignment", type_string(tuple->results[i]), type_string(l->type));
		return;
	}
	if (nl != nr) {
		diag_error(n->pos, "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
		return;
	}
	Node *r = n->list2;
	for (Node *l = n->list; l; l = l->next, r = r->next) {
		if (!l->type) {
			convert_untyped(r, NULL);
			continue;
		}
		if (n->op) {
			/* x op= y */
			if (type_is_untyped(r->type)) convert_untyped(r, l->type);
			if (r->type != l->type) diag_error(n->pos, "invalid operation: mismatched types %s and %s", type_string(l->type), type_string(r->type));
		} else assign_to(c, r, l->type, "assignment");
	}
}

static void stmt(Checker *c, Node *n) {
	if (!n) return;
	switch (n->kind) {
	case N_EMPTYSTMT: return;
	case N_EXPRSTMT:
		expr(c, n->a);
		if (n->a->kind != N_CALL) diag_error(n->a->pos, "expression is not used");
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
		expr(c, n->b);
		if (!is_bool(n->b->type)) diag_error(n->b->pos, "non-boolean condition in if statement");
		convert_untyped(n->b, NULL);
		stmt(c, n->c);
		stmt(c, n->d);
		close_scope(c);
		return;
	case N_FOR:
		open_scope(c);
		if (n->a && n->a->kind == N_RANGECLAUSE) diag_error(n->pos, "range loops not supported yet");
		else stmt(c, n->a);
		if (n->b) {
			expr(c, n->b);
			if (!is_bool(n->b->type)) diag_error(n->b->pos, "non-boolean condition in for statement");
			convert_untyped(n->b, NULL);
		}
		stmt(c, n->c);
		stmt(c, n->d);
		close_scope(c);
		return;
	case N_RETURN: {
		int i = 0;
		Type *sig = c->fnsig;
		for (Node *r = n->list; r; r = r->next, i++) {
			expr(c, r);
			if (i < sig->nresults) assign_to(c, r, sig->results[i], "return statement");
		}
		if (i != sig->nresults && !(i == 0 && sig->nresults > 0 && false))
			diag_error(n->pos, "%s return values", i < sig->nresults ? "not enough" : "too many");
		return;
	}
	case N_DECLSTMT:
		for (Node *d = n->list, *prev = NULL; d; d = d->next) {
			if (d->kind == N_CONSTDECL) {
				declare_consts(c, d, &prev, c->scope);
				for (Node *l = d->list; l; l = l->next)
					if (l->obj) resolve_const(c, l->obj);
				continue;
			}
			if (d->kind != N_VARDECL) {
				diag_error(d->pos, "declaration not supported yet");
				continue;
			}
			Type *t = d->a ? resolve_type(c, d->a) : NULL;
			for (Node *v = d->list2; v; v = v->next) {
				expr(c, v);
				if (t) assign_to(c, v, t, "variable declaration");
				else convert_untyped(v, NULL);
			}
			Node *v = d->list2;
			for (Node *l = d->list; l; l = l->next) {
				Type *vt = t ? t : v ? v->type : ty_invalid;
				Object *o = obj_new(OBJ_VAR, l->name, vt, l->pos);
				l->obj = o;
				l->type = vt;
				declare(c->scope, o);
				if (v) v = v->next;
			}
		}
		return;
	default:
		diag_error(n->pos, "statement not supported yet: %s", node_kind_name(n->kind));
	}
}

static void stmts(Checker *c, Node *l) {
	for (; l; l = l->next) stmt(c, l);
}

/* ---- package level ---------------------------------------------------------------- */

static bool terminates(Node *body) {
	Node *last = NULL;
	for (Node *s = body->list; s; s = s->next) last = s;
	if (!last) return false;
	switch (last->kind) {
	case N_RETURN: return true;
	case N_IF: return last->d && terminates(last->c) &&
		(last->d->kind == N_BLOCK ? terminates(last->d) : true);
	case N_FOR: return !last->b;
	case N_BLOCK: return terminates(last);
	}
	return false;
}

Package *check_package(const char *path, Node **files, int nfiles) {
	init_universe();
	Package *pkg = NEW(Package);
	pkg->path = path;
	pkg->files = files;
	pkg->nfiles = nfiles;
	pkg->scope = scope_new(universe);
	if (nfiles > 0) pkg->name = files[0]->name;
	Checker c = {pkg, pkg->scope, NULL, -1};
	VEC(Object *) consts = {0};
	Node *const_prev = NULL;
	/* collect */
	for (int i = 0; i < nfiles; i++) {
		for (Node *d = files[i]->list; d; d = d->next) {
			if (d->kind == N_FUNCDECL) {
				if (d->c || d->list) {
					diag_error(d->pos, "methods and generic functions not supported yet");
					continue;
				}
				Object *o = obj_new(OBJ_FUNC, d->name, NULL, d->pos);
				o->decl = d;
				o->global = true;
				d->obj = o;
				if (!strcmp(d->name->s, "init")) {
					vec_push(&pkg->funcs, o);
					continue;
				}
				declare(pkg->scope, o);
				vec_push(&pkg->funcs, o);
			} else if (d->kind == N_CONSTDECL) {
				/* a group's specs are consecutive declarations flagged NF_GROUP;
				 * implicit repetition restarts at each group's first spec */
				if (d->iota == 0) const_prev = NULL;
				declare_consts(&c, d, &const_prev, pkg->scope);
				for (Node *l = d->list; l; l = l->next)
					if (l->obj) vec_push(&consts, l->obj);
			} else if (d->kind == N_IMPORTDECL) {
				diag_error(d->pos, "imports not supported yet");
			} else {
				diag_error(d->pos, "package-level %s not supported yet", node_kind_name(d->kind));
			}
		}
	}
	for (int i = 0; i < consts.n; i++) resolve_const(&c, consts.v[i]);
	free(consts.v);
	/* signatures, then bodies */
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		o->type = signature(&c, o->decl->a);
		o->decl->type = o->type;
	}
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		Node *d = o->decl;
		if (!d->b) continue;
		c.fnsig = o->type;
		open_scope(&c);
		for (Node *f = d->a->list; f; f = f->next) {
			if (!f->name) continue;
			Object *p = obj_new(OBJ_VAR, f->name, f->type, f->pos);
			p->param = true;
			f->obj = p;
			declare(c.scope, p);
		}
		for (Node *f = d->a->list2; f; f = f->next) {
			if (!f->name) continue;
			Object *p = obj_new(OBJ_VAR, f->name, f->type, f->pos);
			p->param = true;
			f->obj = p;
			declare(c.scope, p);
		}
		stmts(&c, d->b->list);
		close_scope(&c);
		if (o->type->nresults > 0 && !terminates(d->b)) diag_error(d->b->end, "missing return");
	}
	if (pkg->name && !strcmp(pkg->name->s, "main") && !scope_lookup_local(pkg->scope, internz("main")))
		diag_error(NOPOS, "function main is undeclared in the main package");
	return pkg;
}
