/* alg.c: hashing and equality of Go values, driven by type descriptors (the
 * "algorithms" of gc's runtime/alg.go). Maps hash and compare keys with
 * these; compiled code compares interface values and hashes nothing itself.
 *
 * The hash is wyhash in the form of gc's own portable fallback
 * (runtime/hash64.go, used by gc where AES instructions are missing): 64x64
 * -> 128-bit multiply-and-fold mixing, a per-process random key (getrandom,
 * falling back to the kernel's AT_RANDOM bytes), and a per-map seed on top.
 * It is fast on short keys, has no alignment requirement and is portable C;
 * gc's AES hash would need the instructions and buys nothing measurable for
 * the key sizes maps see.
 *
 * Semantics follow gc: +0 and -0 hash alike; a NaN hashes to a random value
 * so NaN keys spread out instead of piling into one bucket (they never
 * compare equal anyway); an interface hashes its dynamic value (not its
 * type), and panics "hash of unhashable type T" when the dynamic type is not
 * comparable; comparing two interfaces holding the same uncomparable type
 * panics "comparing uncomparable type T". Blank struct fields (named "_")
 * take no part in hashing or equality, as in gc.
 *
 * A type is comparable when its descriptor's `equal` is non-NULL (type.h)
 * or, when it is NULL, when its kind says so (no slice, map or func inside):
 * descriptors that leave `equal` out still work. The runtime computes
 * equality from the descriptor's kind and never calls `equal` through the
 * descriptor, so generated code may point `equal` at any of the rt_*equal
 * functions below or at its own function. TFLAG_REGULARMEMORY is not
 * trusted either: the runtime decides from the kinds what is plain memory.
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>

#include "alg_hash.h"
#include "runtime.h"

/* ---- the key and the mixing function ---------------------------------- */

uintptr_t alg_hashkey[4];

__attribute__((constructor)) static void alg_init(void) {
	if (getrandom(alg_hashkey, sizeof alg_hashkey, GRND_NONBLOCK) != (ssize_t)sizeof alg_hashkey) {
		const uint8_t *r = (const uint8_t *)getauxval(AT_RANDOM); /* 16 random bytes */
		if (r) memcpy(alg_hashkey, r, 16);
		alg_hashkey[2] = alg_hashkey[0] * 0x9e3779b97f4a7c15ull ^ (uintptr_t)&alg_hashkey;
		alg_hashkey[3] = alg_hashkey[1] * 0xc2b2ae3d27d4eb4full ^ (uintptr_t)r;
	}
	for (int i = 0; i < 4; i++) alg_hashkey[i] |= 1; /* gc: avoid zero multipliers */
}

uintptr_t rt_memhash(const void *p, uintptr_t seed, uintptr_t s) { return alg_memhash(p, seed, s); }
uintptr_t rt_memhash32(const void *p, uintptr_t seed) { return alg_memhash32(p, seed); }
uintptr_t rt_memhash64(const void *p, uintptr_t seed) { return alg_memhash64(p, seed); }
uintptr_t rt_strhash(const void *p, uintptr_t seed) {
	const GoString *s = p;
	return alg_memhash(s->ptr, seed, (uintptr_t)s->len);
}

/* ---- a per-thread random number generator (wyrand) --------------------- */

static __thread uint64_t fr_state;
static uint64_t fr_counter;

uint64_t rt_fastrand64(void) {
	uint64_t s = fr_state;
	if (__builtin_expect(s == 0, 0)) {
		uint64_t c = __atomic_add_fetch(&fr_counter, 1, __ATOMIC_RELAXED);
		s = alg_mix(alg_hashkey[1] ^ c, alg_hashkey[2] ^ (uintptr_t)&fr_state) | 1;
	}
	s += 0xa0761d6478bd642full;
	fr_state = s;
	return alg_mix(s, s ^ 0xe7037ed1a0b428dbull);
}

uint32_t rt_fastrand(void) { return (uint32_t)rt_fastrand64(); }

/* ---- floats ------------------------------------------------------------- */

/* gc's c0 and c1 for 64-bit words */
#define C0 33054211828000289ull
#define C1 23344194077549503ull

uintptr_t rt_f32hash(const void *p, uintptr_t h) {
	float f;
	memcpy(&f, p, 4);
	if (f == 0) return C1 * (C0 ^ h);                      /* +0, -0 */
	if (f != f) return C1 * (C0 ^ h ^ rt_fastrand64());    /* any NaN */
	return rt_memhash32(p, h);
}

uintptr_t rt_f64hash(const void *p, uintptr_t h) {
	double f;
	memcpy(&f, p, 8);
	if (f == 0) return C1 * (C0 ^ h);
	if (f != f) return C1 * (C0 ^ h ^ rt_fastrand64());
	return rt_memhash64(p, h);
}

uintptr_t rt_c64hash(const void *p, uintptr_t h) {
	return rt_f32hash((const uint8_t *)p + 4, rt_f32hash(p, h));
}

uintptr_t rt_c128hash(const void *p, uintptr_t h) {
	return rt_f64hash((const uint8_t *)p + 8, rt_f64hash(p, h));
}

/* ---- panics naming a type ----------------------------------------------- */

static noreturn void panic_type(const char *what, const GoType *t) {
	size_t wn = strlen(what), tn = (size_t)t->name.len;
	char *msg = rt_mallocgc(wn + tn + 1, NULL, 0);
	memcpy(msg, what, wn);
	if (tn) memcpy(msg + wn, t->name.ptr, tn);
	msg[wn + tn] = 0;
	rt_panicrt(msg);
}

/* ---- hashing by descriptor ---------------------------------------------- */

static inline bool isblank(const GoString *n) { return n->len == 1 && n->ptr[0] == '_'; }
static inline bool isdirect(const GoType *t) { return (t->kind & KIND_DIRECTIFACE) != 0; }

/* Is t comparable? (equal == NULL in a descriptor may just mean "not
 * emitted"; the kinds decide then.) */
static bool kind_comparable(const GoType *t) {
	switch (t->kind & KIND_MASK) {
	case KIND_FUNC: case KIND_MAP: case KIND_SLICE: case KIND_INVALID: return false;
	case KIND_ARRAY: return kind_comparable(((const GoArrayType *)t)->elem);
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++)
			if (!kind_comparable(s->fields[i].typ)) return false;
		return true;
	}
	default: return true;
	}
}
static bool comparable(const GoType *t) { return t->equal != NULL || kind_comparable(t); }

/* An interface's dynamic value: hash it, or panic if its type cannot be. */
static uintptr_t dynhash(const GoType *t, void *const *data, uintptr_t h) {
	if (!comparable(t)) panic_type("hash of unhashable type ", t);
	if (isdirect(t)) return C1 * rt_typehash(t, data, h ^ C0);
	return C1 * rt_typehash(t, *data, h ^ C0);
}

uintptr_t rt_nilinterhash(const void *p, uintptr_t h) {
	const GoEface *e = p;
	if (!e->type) return h;
	return dynhash(e->type, &e->data, h);
}

uintptr_t rt_interhash(const void *p, uintptr_t h) {
	const GoIface *i = p;
	if (!i->tab) return h;
	return dynhash(i->tab->type, &i->data, h);
}

uintptr_t rt_typehash(const GoType *t, const void *p, uintptr_t h) {
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: return rt_f32hash(p, h);
	case KIND_FLOAT64: return rt_f64hash(p, h);
	case KIND_COMPLEX64: return rt_c64hash(p, h);
	case KIND_COMPLEX128: return rt_c128hash(p, h);
	case KIND_STRING: return rt_strhash(p, h);
	case KIND_INTERFACE:
		if (((const GoInterfaceType *)t)->nmethods == 0) return rt_nilinterhash(p, h);
		return rt_interhash(p, h);
	case KIND_ARRAY: {
		const GoArrayType *a = (const GoArrayType *)t;
		for (uintptr_t i = 0; i < a->len; i++) h = rt_typehash(a->elem, (const uint8_t *)p + i * a->elem->size, h);
		return h;
	}
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++) {
			const GoStructField *f = &s->fields[i];
			if (isblank(&f->name)) continue;
			h = rt_typehash(f->typ, (const uint8_t *)p + f->offset, h);
		}
		return h;
	}
	case KIND_BOOL: case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
	case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64:
	case KIND_UINTPTR: case KIND_CHAN: case KIND_POINTER: case KIND_UNSAFEPOINTER:
		if (t->size == 8) return rt_memhash64(p, h);
		if (t->size == 4) return rt_memhash32(p, h);
		return rt_memhash(p, h, t->size);
	default: /* func, map, slice: gc panics the same way from typehash */
		panic_type("hash of unhashable type ", t);
	}
}

/* ---- equality by descriptor --------------------------------------------- */

bool rt_memequal0(const void *a, const void *b) { return true; }
bool rt_memequal8(const void *a, const void *b) { return *(const uint8_t *)a == *(const uint8_t *)b; }
bool rt_memequal16(const void *a, const void *b) { return memcmp(a, b, 2) == 0; }
bool rt_memequal32(const void *a, const void *b) { return alg_r4(a) == alg_r4(b); }
bool rt_memequal64(const void *a, const void *b) { return alg_r8(a) == alg_r8(b); }
bool rt_memequal128(const void *a, const void *b) {
	return alg_r8(a) == alg_r8(b) && alg_r8((const uint8_t *)a + 8) == alg_r8((const uint8_t *)b + 8);
}
bool rt_f32equal(const void *a, const void *b) { return *(const float *)a == *(const float *)b; }
bool rt_f64equal(const void *a, const void *b) { return *(const double *)a == *(const double *)b; }
bool rt_c64equal(const void *a, const void *b) {
	const float *x = a, *y = b;
	return x[0] == y[0] && x[1] == y[1];
}
bool rt_c128equal(const void *a, const void *b) {
	const double *x = a, *y = b;
	return x[0] == y[0] && x[1] == y[1];
}
bool rt_strequal(const void *a, const void *b) {
	const GoString *x = a, *y = b;
	return x->len == y->len && (x->ptr == y->ptr || x->len == 0 || memcmp(x->ptr, y->ptr, (size_t)x->len) == 0);
}

/* Equal dynamic values of the (same) dynamic type t. */
static bool dyneq(const GoType *t, void *x, void *y) {
	if (!t) return true;
	if (!comparable(t)) panic_type("comparing uncomparable type ", t);
	if (isdirect(t)) return x == y;
	return rt_typeequal(t, x, y);
}

bool rt_efaceeq(GoEface a, GoEface b) { return a.type == b.type && dyneq(a.type, a.data, b.data); }

bool rt_ifaceeq(GoIface a, GoIface b) {
	if (a.tab != b.tab) return false;
	return !a.tab || dyneq(a.tab->type, a.data, b.data);
}

/* An interface value with methods compared with an empty interface value
 * (gc converts the first to an eface and compares those). */
bool rt_ifaceefaceeq(GoIface a, GoEface b) {
	const GoType *t = a.tab ? a.tab->type : NULL;
	return t == b.type && dyneq(t, a.data, b.data);
}

bool rt_nilinterequal(const void *a, const void *b) { return rt_efaceeq(*(const GoEface *)a, *(const GoEface *)b); }
bool rt_interequal(const void *a, const void *b) { return rt_ifaceeq(*(const GoIface *)a, *(const GoIface *)b); }

bool rt_typeequal(const GoType *t, const void *a, const void *b) {
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: return rt_f32equal(a, b);
	case KIND_FLOAT64: return rt_f64equal(a, b);
	case KIND_COMPLEX64: return rt_c64equal(a, b);
	case KIND_COMPLEX128: return rt_c128equal(a, b);
	case KIND_STRING: return rt_strequal(a, b);
	case KIND_INTERFACE:
		if (((const GoInterfaceType *)t)->nmethods == 0) return rt_nilinterequal(a, b);
		return rt_interequal(a, b);
	case KIND_ARRAY: {
		const GoArrayType *at = (const GoArrayType *)t;
		uintptr_t es = at->elem->size;
		for (uintptr_t i = 0; i < at->len; i++)
			if (!rt_typeequal(at->elem, (const uint8_t *)a + i * es, (const uint8_t *)b + i * es)) return false;
		return true;
	}
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++) {
			const GoStructField *f = &s->fields[i];
			if (isblank(&f->name)) continue;
			if (!rt_typeequal(f->typ, (const uint8_t *)a + f->offset, (const uint8_t *)b + f->offset)) return false;
		}
		return true;
	}
	case KIND_BOOL: case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
	case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64:
	case KIND_UINTPTR: case KIND_CHAN: case KIND_POINTER: case KIND_UNSAFEPOINTER:
		switch (t->size) {
		case 1: return rt_memequal8(a, b);
		case 2: return rt_memequal16(a, b);
		case 4: return rt_memequal32(a, b);
		case 8: return rt_memequal64(a, b);
		default: return memcmp(a, b, t->size) == 0;
		}
	default:
		panic_type("comparing uncomparable type ", t);
	}
}
