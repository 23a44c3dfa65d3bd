/* scope.c: scopes, objects, and the universe: the predeclared types,
 * constants and builtins every package sees. */
#include <stdio.h>

#include "check_int.h"

static Type basic[TY_KINDS];
Type *ty_bool, *ty_int, *ty_string, *ty_untyped_int, *ty_untyped_string, *ty_untyped_bool,
	*ty_invalid, *ty_int64, *ty_float64, *ty_uint8, *ty_int32;

Type *basic_type(TypeKind k) { return &basic[k]; }

Scope *scope_new(Scope *parent) {
	Scope *s = NEW(Scope);
	s->parent = parent;
	return s;
}

enum { SCOPE_LINEAR = 16 };

Object *scope_lookup_local(Scope *s, const Str *name) {
	if (s->index_cap) {
		for (uint32_t i = name->hash & (s->index_cap - 1);; i = (i + 1) & (s->index_cap - 1)) {
			Object *o = s->index[i];
			if (!o || o->name == name) return o;
		}
	}
	for (int i = 0; i < s->objs.n; i++)
		if (s->objs.v[i]->name == name) return s->objs.v[i];
	return NULL;
}

static void index_put(Scope *s, Object *o) {
	uint32_t i = o->name->hash & (s->index_cap - 1);
	while (s->index[i]) i = (i + 1) & (s->index_cap - 1);
	s->index[i] = o;
}

/* Keeps the index at most half full, rebuilding it as the scope grows. */
static void index_add(Scope *s, Object *o) {
	if (s->objs.n <= SCOPE_LINEAR) return;
	if ((uint32_t)s->objs.n * 2 > s->index_cap) {
		s->index_cap = s->index_cap ? s->index_cap * 2 : 4 * SCOPE_LINEAR;
		s->index = NEWARR(Object *, s->index_cap);
		for (int i = 0; i < s->objs.n; i++) index_put(s, s->objs.v[i]);
		return;
	}
	index_put(s, o);
}

Object *scope_lookup(Scope *s, const Str *name) {
	for (; s; s = s->parent) {
		Object *o = scope_lookup_local(s, name);
		if (o) return o;
	}
	return NULL;
}

void declare(Scope *s, Object *o) {
	if (o->name->len == 1 && o->name->s[0] == '_') return; /* the blank identifier declares nothing */
	Object *prev = scope_lookup_local(s, o->name);
	if (prev) {
		LineCol lc = pos_linecol(prev->pos);
		diag_error(o->pos, "%s redeclared in this block\n\t%s:%d:%d: other declaration of %s", o->name->s,
		           lc.src ? lc.src->name : "?", lc.line, lc.col, o->name->s);
		return;
	}
	vec_push(&s->objs, o);
	index_add(s, o);
}

Object *obj_new(ObjKind k, const Str *name, Type *t, Pos p) {
	Object *o = NEW(Object);
	o->kind = k;
	o->name = name;
	o->type = t;
	o->pos = p;
	return o;
}

Scope *universe;

void init_universe(void) {
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
		{TY_UNTYPED_BOOL, "untyped bool"}, {TY_UNTYPED_INT, "untyped int"}, {TY_UNTYPED_RUNE, "untyped rune"},
		{TY_UNTYPED_FLOAT, "untyped float"}, {TY_UNTYPED_COMPLEX, "untyped complex"},
		{TY_UNTYPED_STRING, "untyped string"}, {TY_UNTYPED_NIL, "untyped nil"}, {TY_INVALID, "invalid type"},
	};
	for (size_t i = 0; i < sizeof bt / sizeof *bt; i++) {
		basic[bt[i].k].kind = bt[i].k;
		basic[bt[i].k].name = bt[i].name;
		if (bt[i].k < TY_UNTYPED_BOOL && bt[i].k != TY_INVALID)
			declare(universe, obj_new(OBJ_TYPENAME, internz(bt[i].name), &basic[bt[i].k], NOPOS));
	}
	basic[TY_UNSAFEPTR].kind = TY_UNSAFEPTR;
	basic[TY_UNSAFEPTR].name = "unsafe.Pointer";
	/* byte and rune are aliases, but messages name them as written */
	static Type byte_alias, rune_alias;
	byte_alias = basic[TY_UINT8];
	byte_alias.name = "byte";
	rune_alias = basic[TY_INT32];
	rune_alias.name = "rune";
	declare(universe, obj_new(OBJ_TYPENAME, internz("byte"), &byte_alias, NOPOS));
	declare(universe, obj_new(OBJ_TYPENAME, internz("rune"), &rune_alias, NOPOS));
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
	t->val = const_bool(true);
	t->state = 2;
	declare(universe, t);
	Object *f = obj_new(OBJ_CONST, internz("false"), ty_untyped_bool, NOPOS);
	f->val = const_bool(false);
	f->state = 2;
	declare(universe, f);
	declare(universe, obj_new(OBJ_NIL, internz("nil"), &basic[TY_UNTYPED_NIL], NOPOS));
	Object *iota = obj_new(OBJ_CONST, internz("iota"), ty_untyped_int, NOPOS);
	iota->state = 2;
	declare(universe, iota);
	static const struct { int id; const char *name; } bi[] = {
		{BUILTIN_PRINT, "print"}, {BUILTIN_PRINTLN, "println"}, {BUILTIN_LEN, "len"}, {BUILTIN_CAP, "cap"},
		{BUILTIN_APPEND, "append"}, {BUILTIN_COPY, "copy"}, {BUILTIN_DELETE, "delete"}, {BUILTIN_MAKE, "make"},
		{BUILTIN_NEW, "new"}, {BUILTIN_PANIC, "panic"}, {BUILTIN_RECOVER, "recover"}, {BUILTIN_CLOSE, "close"},
		{BUILTIN_COMPLEX, "complex"}, {BUILTIN_REAL, "real"}, {BUILTIN_IMAG, "imag"},
	};
	for (size_t i = 0; i < sizeof bi / sizeof *bi; i++) {
		Object *o = obj_new(OBJ_BUILTIN, internz(bi[i].name), ty_invalid, NOPOS);
		o->builtin = bi[i].id;
		declare(universe, o);
	}
	/* any = interface{}; error = interface{ Error() string } */
	Type *empty = type_new(TY_INTERFACE);
	declare(universe, obj_new(OBJ_TYPENAME, internz("any"), empty, NOPOS));
	Type *errsig = type_new(TY_FUNC);
	errsig->nresults = 1;
	errsig->results = NEWARR(Type *, 1);
	errsig->results[0] = ty_string;
	Type *erri = type_new(TY_INTERFACE);
	Method m = {internz("Error"), errsig, NULL, false};
	vec_push(&erri->methods, m);
	Object *eo = obj_new(OBJ_TYPENAME, internz("error"), NULL, NOPOS);
	Type *errt = type_new(TY_NAMED);
	errt->obj = eo;
	errt->underlying = erri;
	eo->type = errt;
	eo->state = 2;
	declare(universe, eo);
	/* comparable: the constraint satisfied by strictly comparable types */
	Type *cmpi = type_new(TY_INTERFACE);
	cmpi->comparable = true;
	Object *co = obj_new(OBJ_TYPENAME, internz("comparable"), NULL, NOPOS);
	Type *cmpt = type_new(TY_NAMED);
	cmpt->obj = co;
	cmpt->underlying = cmpi;
	co->type = cmpt;
	co->state = 2;
	declare(universe, co);
	g_arena = saved;
}

Type *universe_empty_interface(void) { return scope_lookup_local(universe, internz("any"))->type; }
