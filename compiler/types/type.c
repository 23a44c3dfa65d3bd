/* type.c: what a type is: constructors, identity, the printed form used in
 * messages (as types2's TypeString, unqualified for the package being
 * compiled), and the memory layout gc uses on amd64. */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

Type *type_new(TypeKind k) {
	Type *t = NEW(Type);
	t->kind = k;
	return t;
}

static Type *with_elem(TypeKind k, Type *elem) {
	Type *t = type_new(k);
	t->elem = elem;
	return t;
}

Type *type_pointer(Type *elem) { return with_elem(TY_POINTER, elem); }
Type *type_slice(Type *elem) { return with_elem(TY_SLICE, elem); }

Type *type_array(Type *elem, int64_t len) {
	Type *t = with_elem(TY_ARRAY, elem);
	t->len = len;
	return t;
}

Type *type_map(Type *key, Type *elem) {
	Type *t = with_elem(TY_MAP, elem);
	t->key = key;
	return t;
}

Type *type_chan(int dir, Type *elem) {
	Type *t = with_elem(TY_CHAN, elem);
	t->dir = dir;
	return t;
}

/* The underlying type; for a type parameter its core type if it has one
 * (generic.c), else the type parameter itself. */
Type *under(Type *t) {
	int guard = 0;
	while (t && t->kind == TY_NAMED && guard++ < 100) {
		if (!t->underlying && t->orig) instance_underlying(t);
		t = t->underlying ? t->underlying : basic_type(TY_INVALID);
	}
	if (t && t->kind == TY_TYPEPARAM) {
		Type *core = core_type(t);
		if (core) return core;
	}
	return t;
}

/* ---- predicates ---------------------------------------------------------------- */

bool type_is_untyped(const Type *t) { return t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL; }

bool type_is_integer(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, type_is_integer);
	return (t->kind >= TY_INT && t->kind <= TY_UINTPTR) || t->kind == TY_UNTYPED_INT || t->kind == TY_UNTYPED_RUNE;
}

bool type_is_string(const Type *t) {
	t = under((Type *)t);
	if (t->kind == TY_TYPEPARAM) return typeparam_all(t, type_is_string);
	return t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING;
}

/* ---- identity --------------------------------------------------------------------- */

static bool ignore_tags; /* type_identical_ignore_tags is comparing */

/* Identity ignoring struct tags (spec: Conversions). */
bool type_identical_ignore_tags(const Type *a, const Type *b) {
	bool old = ignore_tags;
	ignore_tags = true;
	bool r = type_identical(a, b);
	ignore_tags = old;
	return r;
}

bool type_identical(const Type *a, const Type *b) {
	if (a == b) return true;
	if (!a || !b) return false;
	if (a->kind == TY_NAMED || b->kind == TY_NAMED) return false; /* named types are identical only to themselves */
	if (a->kind < TY_FUNC && b->kind < TY_FUNC) return a->kind == b->kind;
	if (a->kind != b->kind) return false;
	switch (a->kind) {
	case TY_POINTER: case TY_SLICE: return type_identical(a->elem, b->elem);
	case TY_ARRAY: return a->len == b->len && type_identical(a->elem, b->elem);
	case TY_MAP: return type_identical(a->key, b->key) && type_identical(a->elem, b->elem);
	case TY_CHAN: return a->dir == b->dir && type_identical(a->elem, b->elem);
	case TY_FUNC: case TY_TUPLE:
		if (a->nparams != b->nparams || a->nresults != b->nresults || a->variadic != b->variadic) return false;
		for (int i = 0; i < a->nparams; i++)
			if (!type_identical(a->params[i], b->params[i])) return false;
		for (int i = 0; i < a->nresults; i++)
			if (!type_identical(a->results[i], b->results[i])) return false;
		return true;
	case TY_STRUCT:
		if (a->nfields != b->nfields) return false;
		for (int i = 0; i < a->nfields; i++) {
			Field *x = &a->fields[i], *y = &b->fields[i];
			if (x->name != y->name || x->embedded != y->embedded || !type_identical(x->type, y->type)) return false;
			if (ignore_tags) continue;
			if (x->taglen != y->taglen || (x->taglen && memcmp(x->tag, y->tag, x->taglen))) return false;
		}
		return true;
	case TY_INTERFACE:
		if (a->methods.n != b->methods.n) return false;
		for (int i = 0; i < a->methods.n; i++)
			if (a->methods.v[i].name != b->methods.v[i].name || !type_identical(a->methods.v[i].type, b->methods.v[i].type))
				return false;
		return true;
	default: return false;
	}
}

/* ---- printing ------------------------------------------------------------------------ */

typedef struct Out {
	char *p;
	size_t n, cap;
	const Package *rel; /* named types of other packages print qualified */
	bool qualify_all;
	bool reflect; /* reflect's spelling: "struct { a int }", "interface {}" */
} Out;

static void out(Out *o, const char *s) {
	size_t n = strlen(s);
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->p = xrealloc(o->p, o->cap);
	}
	memcpy(o->p + o->n, s, n + 1);
	o->n += n;
}

static void write_type(Out *o, const Type *t, int depth);

static void write_sig(Out *o, const Type *t, int depth) {
	out(o, "(");
	for (int i = 0; i < t->nparams; i++) {
		if (i) out(o, ", ");
		if (t->variadic && i == t->nparams - 1) {
			out(o, "...");
			write_type(o, t->params[i]->elem, depth + 1);
		} else write_type(o, t->params[i], depth + 1);
	}
	out(o, ")");
	if (t->nresults == 1) {
		out(o, " ");
		write_type(o, t->results[0], depth + 1);
	} else if (t->nresults > 1) {
		out(o, " (");
		for (int i = 0; i < t->nresults; i++) {
			if (i) out(o, ", ");
			write_type(o, t->results[i], depth + 1);
		}
		out(o, ")");
	}
}

static void write_type(Out *o, const Type *t, int depth) {
	if (!t) {
		out(o, "<nil>");
		return;
	}
	if (depth > 30) {
		out(o, "…");
		return;
	}
	char buf[32];
	switch (t->kind) {
	case TY_NAMED:
		if (t->obj && t->obj->pkg && t->obj->global && (o->qualify_all || t->obj->pkg != o->rel)) {
			out(o, t->obj->pkg->name->s);
			out(o, ".");
		}
		out(o, t->obj ? t->obj->name->s : "?");
		if (t->orig) {
			out(o, "[");
			for (int i = 0; i < t->ntargs; i++) {
				if (i) out(o, o->reflect ? "," : ", ");
				write_type(o, t->targs[i], depth + 1);
			}
			out(o, "]");
		}
		return;
	case TY_TYPEPARAM: out(o, t->obj ? t->obj->name->s : "?"); return;
	case TY_POINTER: out(o, "*"); write_type(o, t->elem, depth + 1); return;
	case TY_SLICE: out(o, "[]"); write_type(o, t->elem, depth + 1); return;
	case TY_ARRAY:
		snprintf(buf, sizeof buf, "[%lld]", (long long)t->len);
		out(o, buf);
		write_type(o, t->elem, depth + 1);
		return;
	case TY_MAP:
		out(o, "map[");
		write_type(o, t->key, depth + 1);
		out(o, "]");
		write_type(o, t->elem, depth + 1);
		return;
	case TY_CHAN:
		out(o, t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
		/* chan (<-chan int) needs its parentheses */
		if (t->dir != CHAN_SEND && t->elem && t->elem->kind == TY_CHAN && t->elem->dir == CHAN_RECV) {
			out(o, "(");
			write_type(o, t->elem, depth + 1);
			out(o, ")");
		} else write_type(o, t->elem, depth + 1);
		return;
	case TY_FUNC: out(o, "func"); write_sig(o, t, depth); return;
	case TY_TUPLE:
		out(o, "(");
		for (int i = 0; i < t->nresults; i++) {
			if (i) out(o, ", ");
			write_type(o, t->results[i], depth + 1);
		}
		out(o, ")");
		return;
	case TY_STRUCT:
		out(o, o->reflect ? (t->nfields ? "struct { " : "struct {") : "struct{");
		for (int i = 0; i < t->nfields; i++) {
			if (i) out(o, "; ");
			if (!t->fields[i].embedded) {
				out(o, t->fields[i].name->s);
				out(o, " ");
			}
			write_type(o, t->fields[i].type, depth + 1);
			if (t->fields[i].taglen) {
				out(o, " ");
				char *tag = arena_strndup(g_arena, t->fields[i].tag, t->fields[i].taglen);
				out(o, tag);
			}
		}
		out(o, o->reflect && t->nfields ? " }" : "}");
		return;
	case TY_INTERFACE:
		if (t->has_terms || t->comparable) {
			out(o, "interface{");
			bool first = true;
			if (t->comparable) {
				out(o, "comparable");
				first = false;
			}
			for (int i = 0; i < t->methods.n; i++) {
				if (!first) out(o, "; ");
				first = false;
				out(o, t->methods.v[i].name->s);
				write_sig(o, t->methods.v[i].type, depth + 1);
			}
			if (t->has_terms) {
				if (!first) out(o, "; ");
				for (int i = 0; i < t->nterms; i++) {
					if (i) out(o, " | ");
					if (t->terms[i].tilde) out(o, "~");
					write_type(o, t->terms[i].type, depth + 1);
				}
			}
			out(o, "}");
			return;
		}
		if (t->methods.n == 0) {
			out(o, o->reflect ? "interface {}" : t->name ? t->name : "interface{}");
			return;
		}
		out(o, o->reflect ? "interface { " : "interface{");
		for (int i = 0; i < t->methods.n; i++) {
			if (i) out(o, "; ");
			out(o, t->methods.v[i].name->s);
			write_sig(o, t->methods.v[i].type, depth + 1);
		}
		out(o, o->reflect ? " }" : "}");
		return;
	default:
		out(o, t->name ? t->name : "?");
	}
}

/* Messages name types relative to the package being checked, as types2
 * does: its own types bare, others' qualified by package name. The
 * checker sets the package for the duration of check_package. */
static const Package *relative_to;

const Package *type_string_package(const Package *p) {
	const Package *old = relative_to;
	relative_to = p;
	return old;
}

static const char *type_string_out(const Type *t, Out *o) {
	write_type(o, t, 0);
	char *s = arena_strndup(g_arena, o->p ? o->p : "", o->n);
	free(o->p);
	return s;
}

const char *type_string(const Type *t) {
	if (t && t->kind < TY_FUNC && t->name) return t->name;
	Out o = {.rel = relative_to};
	return type_string_out(t, &o);
}

const char *type_string_qualified(const Type *t) {
	if (t && t->kind < TY_FUNC && t->name) return t->name;
	Out o = {.qualify_all = true};
	return type_string_out(t, &o);
}

const char *type_string_reflect(const Type *t) {
	if (t && t->kind < TY_FUNC) return basic_type(t->kind)->name;
	Out o = {.qualify_all = true, .reflect = true};
	return type_string_out(t, &o);
}

/* ---- layout (gc on amd64) ------------------------------------------------------------- */

static void layout(Type *t) {
	if (t->layout == 2) return;
	if (t->layout == 1) { /* invalid recursive type, reported by the checker */
		t->size = 0;
		t->align = 1;
		return;
	}
	t->layout = 1;
	int64_t size = 8, align = 8;
	switch (t->kind) {
	case TY_BOOL: case TY_INT8: case TY_UINT8: size = align = 1; break;
	case TY_INT16: case TY_UINT16: size = align = 2; break;
	case TY_INT32: case TY_UINT32: case TY_FLOAT32: size = align = 4; break;
	case TY_COMPLEX64: size = 8, align = 4; break;
	case TY_COMPLEX128: size = 16, align = 8; break;
	case TY_STRING: case TY_INTERFACE: size = 16; break;
	case TY_SLICE: size = 24; break;
	case TY_NAMED: {
		Type *u = under(t);
		layout(u);
		size = u->size;
		align = u->align;
		break;
	}
	case TY_ARRAY: {
		layout(t->elem);
		size = t->elem->size * t->len;
		align = t->elem->align;
		break;
	}
	case TY_STRUCT: {
		int64_t off = 0, al = 1;
		for (int i = 0; i < t->nfields; i++) {
			Type *ft = t->fields[i].type;
			layout(ft);
			off = (off + ft->align - 1) / ft->align * ft->align;
			t->fields[i].offset = off;
			off += ft->size;
			if (ft->align > al) al = ft->align;
		}
		/* gc pads a struct ending in a zero-size field so that a pointer to
		 * that field cannot point past the object */
		if (t->nfields > 0 && off > 0 && t->fields[t->nfields - 1].type->size == 0) off++;
		size = (off + al - 1) / al * al;
		align = al;
		break;
	}
	default: break; /* pointers, maps, chans, funcs, ints, floats: 8 */
	}
	t->size = size;
	t->align = align;
	t->layout = 2;
}

int64_t type_size(Type *t) {
	layout(t);
	return t->size;
}

int64_t type_align(Type *t) {
	layout(t);
	return t->align;
}

int64_t field_offset(Type *st, int i) {
	layout(st);
	return st->fields[i].offset;
}

static bool term_comparable(const Type *t) { return type_comparable((Type *)t); }

bool type_comparable(Type *t) {
	t = under(t);
	switch (t->kind) {
	case TY_TYPEPARAM: {
		Type *b = t->bound ? under(t->bound) : NULL;
		return b && (b->comparable || typeparam_all(t, term_comparable));
	}
	case TY_SLICE: case TY_MAP: case TY_FUNC: return false;
	case TY_ARRAY: return type_comparable(t->elem);
	case TY_STRUCT:
		for (int i = 0; i < t->nfields; i++)
			if (!type_comparable(t->fields[i].type)) return false;
		return true;
	default: return true;
	}
}

bool type_has_pointers(Type *t) {
	t = under(t);
	switch (t->kind) {
	case TY_STRING: case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC:
	case TY_INTERFACE: case TY_UNSAFEPTR:
		return true;
	case TY_ARRAY: return t->len > 0 && type_has_pointers(t->elem);
	case TY_STRUCT:
		for (int i = 0; i < t->nfields; i++)
			if (type_has_pointers(t->fields[i].type)) return true;
		return false;
	default: return false;
	}
}
