/* types.c: Go types as LLVM types (gc's layouts on amd64) and the type
 * descriptors the runtime reads (runtime/type.h). */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

LLVMTypeRef gen_type(Gen *g, Type *t) {
	if (!t) return g->voidt;
	t = under(t);
	switch (t->kind) {
	case TY_BOOL: case TY_UNTYPED_BOOL: return g->i1;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR: case TY_UNTYPED_INT: return g->i64;
	case TY_INT32: case TY_UINT32: case TY_UNTYPED_RUNE: return g->i32;
	case TY_INT16: case TY_UINT16: return LLVMInt16TypeInContext(g->ctx);
	case TY_INT8: case TY_UINT8: return g->i8;
	case TY_FLOAT64: case TY_UNTYPED_FLOAT: return g->f64;
	case TY_FLOAT32: return LLVMFloatTypeInContext(g->ctx);
	case TY_COMPLEX64: {
		LLVMTypeRef f[2] = {LLVMFloatTypeInContext(g->ctx), LLVMFloatTypeInContext(g->ctx)};
		return LLVMStructTypeInContext(g->ctx, f, 2, 0);
	}
	case TY_COMPLEX128: case TY_UNTYPED_COMPLEX: {
		LLVMTypeRef f[2] = {g->f64, g->f64};
		return LLVMStructTypeInContext(g->ctx, f, 2, 0);
	}
	case TY_STRING: case TY_UNTYPED_STRING: return g->str;
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_UNSAFEPTR: case TY_UNTYPED_NIL: case TY_FUNC:
		return g->ptr; /* a func value is a pointer to its closure */
	case TY_SLICE: return g->slice;
	case TY_INTERFACE: return g->iface;
	case TY_ARRAY: return LLVMArrayType2(gen_type(g, t->elem), (uint64_t)(t->len < 0 ? 0 : t->len));
	case TY_STRUCT: {
		LLVMTypeRef *fs = NEWARR(LLVMTypeRef, t->nfields + 1);
		unsigned n = 0;
		for (int i = 0; i < t->nfields; i++) fs[n++] = gen_type(g, t->fields[i].type);
		/* gc's padding after a final zero-size field */
		int64_t end = t->nfields ? t->fields[t->nfields - 1].offset + type_size(t->fields[t->nfields - 1].type) : 0;
		if (type_size(t) > end && t->nfields && type_size(t->fields[t->nfields - 1].type) == 0)
			fs[n++] = LLVMArrayType2(g->i8, (uint64_t)(type_size(t) - end));
		return LLVMStructTypeInContext(g->ctx, fs, n, 0);
	}
	case TY_TUPLE: {
		LLVMTypeRef *rs = NEWARR(LLVMTypeRef, t->nresults + 1);
		for (int i = 0; i < t->nresults; i++) rs[i] = gen_type(g, t->results[i]);
		return LLVMStructTypeInContext(g->ctx, rs, (unsigned)t->nresults, 0);
	}
	default: break;
	}
	return g->i64;
}

/* The LLVM function type of a Go function or method: the receiver (if
 * any) first, then the parameters; several results return as a struct. */
LLVMTypeRef gen_sig(Gen *g, Type *fn, Type *recv) {
	fn = under(fn);
	int np = fn->nparams + (recv ? 1 : 0);
	LLVMTypeRef *ps = NEWARR(LLVMTypeRef, np + 1);
	int k = 0;
	if (recv) ps[k++] = gen_type(g, recv);
	for (int i = 0; i < fn->nparams; i++) ps[k++] = gen_type(g, fn->params[i]);
	LLVMTypeRef rt = g->voidt;
	if (fn->nresults == 1) rt = gen_type(g, fn->results[0]);
	else if (fn->nresults > 1) {
		LLVMTypeRef *rs = NEWARR(LLVMTypeRef, fn->nresults);
		for (int i = 0; i < fn->nresults; i++) rs[i] = gen_type(g, fn->results[i]);
		rt = LLVMStructTypeInContext(g->ctx, rs, (unsigned)fn->nresults, 0);
	}
	return LLVMFunctionType(rt, ps, (unsigned)np, 0);
}

/* ---- type descriptors (runtime/type.h) ------------------------------------
 * One constant global per type, linkonce_odr under "type:" + the type's
 * canonical string, so identical types from different packages merge. */

static void canon(Gen *g, Type *t, char **buf, size_t *n, size_t *cap, int depth);

static void cput(char **buf, size_t *n, size_t *cap, const char *s) {
	size_t k = strlen(s);
	if (*n + k + 1 > *cap) {
		*cap = (*n + k + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *n, s, k + 1);
	*n += k;
}

static void canon(Gen *g, Type *t, char **buf, size_t *n, size_t *cap, int depth) {
	if (depth > 40) {
		cput(buf, n, cap, "...");
		return;
	}
	if (t->kind == TY_NAMED) {
		if (t->obj && t->obj->global && t->obj->pkg) {
			cput(buf, n, cap, t->obj->pkg->path);
			cput(buf, n, cap, ".");
		} else if (t->obj && !t->obj->global && t->obj->name->s[0] != 'e') {
			/* a local type: unique per declaration */
			char id[32];
			snprintf(id, sizeof id, "%.16s.%p.", g->pkg->path, (void *)t);
			cput(buf, n, cap, id);
		}
		cput(buf, n, cap, t->obj ? t->obj->name->s : "?");
		return;
	}
	switch (t->kind) {
	case TY_POINTER: cput(buf, n, cap, "*"); canon(g, t->elem, buf, n, cap, depth + 1); return;
	case TY_SLICE: cput(buf, n, cap, "[]"); canon(g, t->elem, buf, n, cap, depth + 1); return;
	case TY_ARRAY: {
		char b[32];
		snprintf(b, sizeof b, "[%lld]", (long long)t->len);
		cput(buf, n, cap, b);
		canon(g, t->elem, buf, n, cap, depth + 1);
		return;
	}
	case TY_MAP:
		cput(buf, n, cap, "map[");
		canon(g, t->key, buf, n, cap, depth + 1);
		cput(buf, n, cap, "]");
		canon(g, t->elem, buf, n, cap, depth + 1);
		return;
	case TY_STRUCT:
		cput(buf, n, cap, "struct {");
		for (int i = 0; i < t->nfields; i++) {
			cput(buf, n, cap, i ? "; " : " ");
			if (!t->fields[i].embedded) {
				cput(buf, n, cap, t->fields[i].name->s);
				cput(buf, n, cap, " ");
			}
			canon(g, t->fields[i].type, buf, n, cap, depth + 1);
		}
		cput(buf, n, cap, t->nfields ? " }" : "}");
		return;
	default:
		/* byte and uint8 are one type: name basic types by their kind */
		cput(buf, n, cap, t->kind < TY_FUNC ? basic_type(t->kind)->name : type_string_qualified(t));
		return;
	}
}

const char *gen_type_name(Gen *g, Type *t) {
	char *buf = NULL;
	size_t n = 0, cap = 0;
	canon(g, t, &buf, &n, &cap, 0);
	char *s = arena_strndup(g_arena, buf ? buf : "", n);
	free(buf);
	return s;
}

/* Sets the bits of the pointer words of a value of type t at byte offset off. */
static void ptrmask(Type *t, uint8_t *bits, int64_t off) {
	t = under(t);
	switch (t->kind) {
	case TY_STRING: case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFEPTR:
		bits[off / 64] |= (uint8_t)(1u << (off / 8 % 8));
		return;
	case TY_INTERFACE:
		bits[off / 64] |= (uint8_t)(1u << (off / 8 % 8));
		bits[(off + 8) / 64] |= (uint8_t)(1u << ((off + 8) / 8 % 8));
		return;
	case TY_ARRAY:
		if (!type_has_pointers(t->elem)) return;
		for (int64_t i = 0; i < t->len; i++) ptrmask(t->elem, bits, off + i * type_size(t->elem));
		return;
	case TY_STRUCT:
		for (int i = 0; i < t->nfields; i++) ptrmask(t->fields[i].type, bits, off + field_offset(t, i));
		return;
	default: return;
	}
}

/* Bytes of the prefix that holds all the pointers (gc's ptrdata). */
int64_t gen_ptrdata(Type *t) {
	if (!type_has_pointers(t)) return 0;
	int64_t size = type_size(t);
	uint8_t *bits = calloc((size_t)(size / 64 + 2), 1);
	ptrmask(t, bits, 0);
	int64_t last = 0;
	for (int64_t w = 0; w < size / 8; w++)
		if (bits[w / 8] & (1u << (w % 8))) last = w + 1;
	free(bits);
	return last * 8;
}

LLVMValueRef gen_gcbits(Gen *g, Type *t) {
	int64_t pd = gen_ptrdata(t);
	if (!pd) return LLVMConstNull(g->ptr);
	int64_t nbytes = (pd / 8 + 7) / 8;
	uint8_t *bits = calloc((size_t)(type_size(t) / 64 + 2), 1);
	ptrmask(t, bits, 0);
	char name[512];
	int k = snprintf(name, sizeof name, "gcbits.");
	for (int64_t i = 0; i < nbytes && k < 500; i++) k += snprintf(name + k, sizeof name - (size_t)k, "%02x", bits[i]);
	LLVMValueRef gv = LLVMGetNamedGlobal(g->mod, name);
	if (!gv) {
		LLVMValueRef init = LLVMConstStringInContext(g->ctx, (const char *)bits, (unsigned)nbytes, 1);
		gv = LLVMAddGlobal(g->mod, LLVMTypeOf(init), name);
		LLVMSetInitializer(gv, init);
		LLVMSetGlobalConstant(gv, 1);
		LLVMSetLinkage(gv, LLVMLinkOnceODRLinkage);
		LLVMSetAlignment(gv, 1);
	}
	free(bits);
	return gv;
}

static int reflect_kind(Type *t) {
	t = under(t);
	switch (t->kind) {
	case TY_BOOL: return 1;
	case TY_INT: return 2;
	case TY_INT8: return 3;
	case TY_INT16: return 4;
	case TY_INT32: return 5;
	case TY_INT64: return 6;
	case TY_UINT: return 7;
	case TY_UINT8: return 8;
	case TY_UINT16: return 9;
	case TY_UINT32: return 10;
	case TY_UINT64: return 11;
	case TY_UINTPTR: return 12;
	case TY_FLOAT32: return 13;
	case TY_FLOAT64: return 14;
	case TY_COMPLEX64: return 15;
	case TY_COMPLEX128: return 16;
	case TY_ARRAY: return 17;
	case TY_CHAN: return 18;
	case TY_FUNC: return 19;
	case TY_INTERFACE: return 20;
	case TY_MAP: return 21;
	case TY_POINTER: return 22;
	case TY_SLICE: return 23;
	case TY_STRING: return 24;
	case TY_STRUCT: return 25;
	case TY_UNSAFEPTR: return 26;
	default: return 0;
	}
}

/* Pointer-shaped values live directly in an interface's data word. (gc
 * also stores one-pointer structs and arrays directly; goc boxes them, and
 * the descriptor's flag must say what iface.c does.) */
static bool direct_iface(Type *t) {
	t = under(t);
	switch (t->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR: return true;
	default: return false;
	}
}

/* The descriptor's head, as GoType in runtime/type.h:
 * {size, ptrdata, hash, tflag, align, fieldalign, kind, equal, gcdata, name, ptrto} */
LLVMTypeRef gen_typedesc_type(Gen *g) {
	if (g->typedesc) return g->typedesc;
	LLVMTypeRef f[12] = {g->i64, g->i64, g->i32, g->i8, g->i8, g->i8, g->i8, g->ptr, g->ptr, g->str, g->ptr, g->ptr};
	g->typedesc = LLVMStructCreateNamed(g->ctx, "go.type");
	LLVMStructSetBody(g->typedesc, f, 12, 0);
	return g->typedesc;
}

/* GoUncommon: the methods an interface can call on a value of type t,
 * sorted by name, each as the itab would hold it. */
static LLVMValueRef uncommon(Gen *g, Type *t) {
	if (under(t)->kind == TY_INTERFACE) return LLVMConstNull(g->ptr);
	Selection *all;
	int nall = method_set(t, &all);
	Selection *ms = NEWARR(Selection, nall + 1);
	int n = 0;
	for (int i = 0; i < nall; i++)
		if (all[i].iface || (all[i].method->obj && gen_objval(g, all[i].method->obj))) ms[n++] = all[i];
	if (n == 0) return LLVMConstNull(g->ptr);
	LLVMTypeRef mt[3] = {g->str, g->ptr, g->ptr};
	LLVMTypeRef mty = LLVMStructTypeInContext(g->ctx, mt, 3, 0);
	LLVMValueRef *ents = NEWARR(LLVMValueRef, n);
	for (int i = 0; i < n; i++) {
		LLVMValueRef fn = gen_iface_method(g, t, &ms[i]);
		LLVMValueRef fv[3] = {gen_string(g, ms[i].method->name->s, ms[i].method->name->len),
		                      gen_typedesc(g, ms[i].method->type), fn};
		ents[i] = LLVMConstStructInContext(g->ctx, fv, 3, 0);
	}
	LLVMValueRef arr = LLVMConstArray2(mty, ents, (uint64_t)n);
	LLVMValueRef ag = LLVMAddGlobal(g->mod, LLVMTypeOf(arr), arena_printf(g_arena, "go.methods.%s", gen_type_name(g, t)));
	LLVMSetInitializer(ag, arr);
	LLVMSetGlobalConstant(ag, 1);
	LLVMSetLinkage(ag, LLVMLinkOnceODRLinkage);
	LLVMValueRef uv[2] = {LLVMConstInt(g->i64, (unsigned long long)n, 0), ag};
	LLVMValueRef u = LLVMConstStructInContext(g->ctx, uv, 2, 0);
	LLVMValueRef ug = LLVMAddGlobal(g->mod, LLVMTypeOf(u), arena_printf(g_arena, "go.uncommon.%s", gen_type_name(g, t)));
	LLVMSetInitializer(ug, u);
	LLVMSetGlobalConstant(ug, 1);
	LLVMSetLinkage(ug, LLVMLinkOnceODRLinkage);
	return ug;
}

LLVMValueRef gen_typedesc(Gen *g, Type *t) {
	const char *cn = gen_type_name(g, t);
	const char *sym = arena_printf(g_arena, "type:%s", cn);
	LLVMValueRef gv = LLVMGetNamedGlobal(g->mod, sym);
	if (gv) return gv;
	Type *u = under(t);
	bool has_elem = u->kind == TY_POINTER || u->kind == TY_SLICE || u->kind == TY_ARRAY || u->kind == TY_CHAN ||
	                u->kind == TY_MAP;
	bool is_iface = u->kind == TY_INTERFACE;
	bool is_struct = u->kind == TY_STRUCT;
	LLVMTypeRef head = gen_typedesc_type(g);
	LLVMTypeRef ty = head;
	if (u->kind == TY_MAP) {
		LLVMTypeRef f[4] = {head, g->ptr, g->ptr, g->ptr}; /* key, elem, hasher */
		ty = LLVMStructTypeInContext(g->ctx, f, 4, 0);
	} else if (has_elem) {
		LLVMTypeRef f[4] = {head, g->ptr, g->ptr, g->i64}; /* elem, (array: slice type, len) */
		ty = LLVMStructTypeInContext(g->ctx, f, u->kind == TY_ARRAY ? 4 : 2, 0);
	} else if (is_struct) {
		LLVMTypeRef f[4] = {head, g->str, g->i64, g->ptr}; /* pkgpath, nfields, fields */
		ty = LLVMStructTypeInContext(g->ctx, f, 4, 0);
	} else if (is_iface) {
		LLVMTypeRef f[4] = {head, g->str, g->i64, g->ptr}; /* pkgpath, nmethods, methods */
		ty = LLVMStructTypeInContext(g->ctx, f, 4, 0);
	}
	gv = LLVMAddGlobal(g->mod, ty, sym);
	LLVMSetLinkage(gv, LLVMLinkOnceODRLinkage);
	LLVMSetGlobalConstant(gv, 1);
	uint32_t h = 2166136261u;
	for (const char *p = cn; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
	int kind = reflect_kind(t) | (direct_iface(t) ? 32 : 0);
	int tflag = (t->kind == TY_NAMED ? 4 : 0) | (type_has_pointers(t) || u->kind == TY_FLOAT32 || u->kind == TY_FLOAT64 ? 0 : 8);
	const char *shown = type_string_reflect(t);
	LLVMValueRef hv[12] = {
		LLVMConstInt(g->i64, (unsigned long long)type_size(t), 0),
		LLVMConstInt(g->i64, (unsigned long long)gen_ptrdata(t), 0),
		LLVMConstInt(g->i32, h, 0),
		LLVMConstInt(g->i8, (unsigned long long)tflag, 0),
		LLVMConstInt(g->i8, (unsigned long long)type_align(t), 0),
		LLVMConstInt(g->i8, (unsigned long long)type_align(t), 0),
		LLVMConstInt(g->i8, (unsigned long long)kind, 0),
		LLVMConstNull(g->ptr),
		gen_gcbits(g, t),
		gen_string(g, shown, (int64_t)strlen(shown)),
		/* *T's descriptor for a named T, as gc's ptrToThis: reflect.New and
		 * PtrTo need it, and a pointer type made at run time would not be
		 * identical to the one the program uses */
		t->kind == TY_NAMED ? gen_typedesc(g, type_pointer(t)) : LLVMConstNull(g->ptr),
		LLVMConstNull(g->ptr),
	};
	LLVMValueRef hd = LLVMConstNamedStruct(head, hv, 12);
	if (is_iface) {
		/* GoIMethod {name, typ} for each method, sorted by name */
		int n = u->methods.n;
		LLVMTypeRef mt[2] = {g->str, g->ptr};
		LLVMTypeRef mty = LLVMStructTypeInContext(g->ctx, mt, 2, 0);
		LLVMValueRef *ms = NEWARR(LLVMValueRef, n + 1);
		for (int i = 0; i < n; i++) {
			LLVMValueRef fv[2] = {gen_string(g, u->methods.v[i].name->s, u->methods.v[i].name->len),
			                      gen_typedesc(g, u->methods.v[i].type)};
			ms[i] = LLVMConstStructInContext(g->ctx, fv, 2, 0);
		}
		LLVMValueRef arr = LLVMConstArray2(mty, ms, (uint64_t)n);
		LLVMValueRef ag = LLVMAddGlobal(g->mod, LLVMTypeOf(arr), arena_printf(g_arena, "go.imethods.%s", cn));
		LLVMSetInitializer(ag, arr);
		LLVMSetGlobalConstant(ag, 1);
		LLVMSetLinkage(ag, LLVMLinkOnceODRLinkage);
		LLVMValueRef fv[4] = {hd, gen_string(g, g->pkg->path, (int64_t)strlen(g->pkg->path)), LLVMConstInt(g->i64, (unsigned long long)n, 0), ag};
		LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, 4, 0));
		return gv;
	}
	if (is_struct) {
		/* GoStructField {name, typ, offset, embedded} for each field */
		int n = u->nfields;
		LLVMTypeRef ft2[4] = {g->str, g->ptr, g->i64, g->i8};
		LLVMTypeRef fty = LLVMStructTypeInContext(g->ctx, ft2, 4, 0);
		LLVMValueRef *fs = NEWARR(LLVMValueRef, n + 1);
		for (int i = 0; i < n; i++) {
			Field *f = &u->fields[i];
			LLVMValueRef fv2[4] = {gen_string(g, f->name->s, f->name->len), gen_typedesc(g, f->type),
			                       LLVMConstInt(g->i64, (unsigned long long)field_offset(u, i), 0), LLVMConstInt(g->i8, f->embedded, 0)};
			fs[i] = LLVMConstStructInContext(g->ctx, fv2, 4, 0);
		}
		LLVMValueRef arr = LLVMConstArray2(fty, fs, (uint64_t)n);
		LLVMValueRef ag = LLVMAddGlobal(g->mod, LLVMTypeOf(arr), arena_printf(g_arena, "go.fields.%s", cn));
		LLVMSetInitializer(ag, arr);
		LLVMSetGlobalConstant(ag, 1);
		LLVMSetLinkage(ag, LLVMLinkOnceODRLinkage);
		LLVMValueRef um = uncommon(g, t);
		if (!LLVMIsNull(um)) hd = (hv[11] = um, LLVMConstNamedStruct(head, hv, 12));
		LLVMValueRef fv[4] = {hd, gen_string(g, g->pkg->path, (int64_t)strlen(g->pkg->path)), LLVMConstInt(g->i64, (unsigned long long)n, 0), ag};
		LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, 4, 0));
		return gv;
	}
	if (u->kind == TY_MAP) {
		LLVMValueRef fv[4] = {hd, gen_typedesc(g, u->key), gen_typedesc(g, u->elem), LLVMConstNull(g->ptr)};
		LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, 4, 0));
		return gv;
	}
	if (!has_elem) {
		/* the method table is set after the initializer: it may refer back to gv */
		LLVMSetInitializer(gv, hd);
		LLVMValueRef um = uncommon(g, t);
		if (!LLVMIsNull(um)) {
			hv[11] = um;
			LLVMSetInitializer(gv, LLVMConstNamedStruct(head, hv, 12));
		}
		return gv;
	}
	LLVMValueRef fv[4] = {hd, gen_typedesc(g, u->elem), LLVMConstNull(g->ptr), LLVMConstInt(g->i64, (unsigned long long)u->len, 0)};
	LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, u->kind == TY_ARRAY ? 4 : 2, 0));
	if (u->kind == TY_POINTER) {
		LLVMValueRef um = uncommon(g, t);
		if (!LLVMIsNull(um)) {
			hv[11] = um;
			fv[0] = LLVMConstNamedStruct(head, hv, 12);
			LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, 2, 0));
		}
	}
	return gv;
}

bool gen_signed(Type *t) {
	t = under(t);
	return t->kind >= TY_INT && t->kind <= TY_INT64;
}
bool gen_float(Type *t) {
	t = under(t);
	return t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 || t->kind == TY_UNTYPED_FLOAT;
}

