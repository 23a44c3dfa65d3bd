/* map.c: Go maps. A hash table in the design of gc's runtime/map.go (Go
 * 1.19), so that its behaviour (growth, iteration order randomization,
 * iteration during growth, deletion during iteration, NaN keys, the
 * concurrent-write check) is gc's:
 *
 *  - buckets of 8 entries: 8 tophash bytes, 8 keys, 8 elements, then an
 *    overflow pointer; keys and elements over 128 bytes are stored
 *    indirectly (the slot holds a pointer to a heap object);
 *  - the table doubles when the average load exceeds 6.5 entries per bucket,
 *    and is rebuilt at the same size when overflow buckets pile up (after
 *    many deletions); evacuation from the old array is incremental: each
 *    write evacuates the old bucket it touches and one more;
 *  - iteration starts at a random bucket and a random offset within buckets,
 *    and walks the array that was current when it started, consulting the
 *    new array for buckets already evacuated (gc's checkBucket logic).
 *
 * Memory: everything is rt_mallocgc'd with a type whose bitmap tells the
 * collector where the pointers are. The bucket's GoType is built here, once
 * per map type (MapInfo, cached by GoMapType address), from the key and
 * element descriptors' gcdata. When neither keys nor elements hold pointers
 * the bucket array is noscan, and overflow buckets are kept alive by a list
 * hanging off the header (gc's mapextra). Pointer stores into the heap go
 * through the write barrier (rt_wbstore, rt_typedmemmove).
 *
 * The caller stores the element after rt_mapassign returns its slot, with a
 * write barrier when the element type holds pointers; see
 * docs/runtime-abi.md for the lowering of every map operation.
 */
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

#include "alg_hash.h"
#include "runtime.h"


enum {
	BUCKETCNT = 8,
	MAXKEYSIZE = 128,
	MAXELEMSIZE = 128,
	DATAOFFSET = 8, /* tophash[8] */
	/* tophash values */
	EMPTYREST = 0,      /* this slot and every later one (and overflow) empty */
	EMPTYONE = 1,       /* this slot is empty */
	EVACUATEDX = 2,     /* entry moved to the first half of the larger table */
	EVACUATEDY = 3,     /* entry moved to the second half */
	EVACUATEDEMPTY = 4, /* slot empty, bucket evacuated */
	MINTOPHASH = 5,
	/* flags */
	F_ITERATOR = 1,     /* there may be an iterator using buckets */
	F_OLDITERATOR = 2,  /* there may be an iterator using oldbuckets */
	F_HASHWRITING = 4,  /* a goroutine is writing to the map */
	F_SAMESIZEGROW = 8, /* the current growth is to a map of the same size */
	/* key classes: fast paths for hashing and comparing */
	KC_MEM32 = 1, KC_MEM64, KC_STR, KC_MEM, KC_GENERIC,
};
#define NOCHECK ((uintptr_t)1 << 63)

/* What the runtime derives from a GoMapType, once. */
typedef struct MapInfo {
	const GoMapType *t;
	const GoType *key, *elem;
	uintptr_t (*hasher)(const void *key, uintptr_t seed);
	uint32_t keysize, elemsize, bucketsize; /* slot sizes: a pointer when indirect */
	uint8_t indirectkey, indirectelem, reflexivekey, needkeyupdate, hashmightpanic, keyclass;
	const void *zero; /* a zero element */
	GoType bucket;    /* the bucket's type, for the collector */
} MapInfo;

/* The map header: the map value is a pointer to it. count comes first so
 * that len(m) may be lowered to a load (docs/runtime-abi.md). */
typedef struct OvfList { void **arr; intptr_t n, cap; } OvfList;
typedef struct MapExtra {
	OvfList *overflow;    /* overflow buckets of buckets (noscan maps only) */
	OvfList *oldoverflow; /* overflow buckets of oldbuckets (noscan maps only) */
	void *nextoverflow;   /* next free preallocated overflow bucket */
} MapExtra;
typedef struct Hmap {
	intptr_t count;
	uint8_t flags;
	uint8_t B; /* log2 of the number of buckets */
	uint16_t noverflow;
	uint32_t hash0;
	void *buckets;
	void *oldbuckets; /* non-NULL while growing */
	uintptr_t nevacuate;
	const MapInfo *info; /* not Go memory */
	MapExtra *extra;
} Hmap;

static const uint8_t hmap_bits[] = {0x4c}; /* buckets, oldbuckets, extra */
static const GoType hmap_type = {.size = sizeof(Hmap), .ptrdata = 7 * 8, .gcdata = hmap_bits,
                                 .kind = KIND_STRUCT, .align = 8, .fieldalign = 8};
static const uint8_t extra_bits[] = {0x07};
static const GoType extra_type = {.size = sizeof(MapExtra), .ptrdata = 3 * 8, .gcdata = extra_bits,
                                  .kind = KIND_STRUCT, .align = 8, .fieldalign = 8};
static const uint8_t ovfl_bits[] = {0x01};
static const GoType ovfl_type = {.size = sizeof(OvfList), .ptrdata = 8, .gcdata = ovfl_bits,
                                 .kind = KIND_STRUCT, .align = 8, .fieldalign = 8};
static const GoType ptr_type = {.size = 8, .ptrdata = 8, .gcdata = ovfl_bits, .kind = KIND_UNSAFEPOINTER,
                                .align = 8, .fieldalign = 8};

_Static_assert(sizeof(Hmap) == 56, "Hmap layout");
_Static_assert(sizeof(RtMapIter) == 12 * 8, "RtMapIter layout");

static const uint8_t zeroval[1024];

/* ---- small helpers -------------------------------------------------------- */

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

static inline void wbstore(void *slot, void *v) {
	if (UNLIKELY(rt_wbenabled)) rt_wbstore((void **)slot, v);
	else *(void **)slot = v;
}

/* Clear n bytes of values of type t at p, shading the pointers it held. */
static void typedclear(const GoType *t, void *p, uintptr_t n) {
	if (UNLIKELY(rt_wbenabled) && t->ptrdata && t->gcdata && t->size) {
		for (uintptr_t off = 0; off < n; off += t->size) {
			void **w = (void **)((uint8_t *)p + off);
			for (uintptr_t j = 0; j < t->ptrdata / 8; j++)
				if ((t->gcdata[j >> 3] >> (j & 7) & 1) && w[j]) rt_wbstore(&w[j], NULL);
		}
	}
	memset(p, 0, n);
}

static inline void copyval(const GoType *t, void *dst, const void *src) {
	if (t->ptrdata) rt_typedmemmove(t, dst, src);
	else memmove(dst, src, t->size);
}

/* A string of its own with k's bytes (a borrowed key about to be kept). */
static GoString strcopy(GoString k) {
	if (k.len == 0) return (GoString){NULL, 0};
	uint8_t *p = rt_mallocgc((uintptr_t)k.len, NULL, 0);
	memcpy(p, k.ptr, (size_t)k.len);
	return (GoString){p, k.len};
}

static inline uintptr_t bucketmask(uint8_t B) { return ((uintptr_t)1 << B) - 1; }
static inline uint8_t tophash(uintptr_t hash) {
	uint8_t top = (uint8_t)(hash >> 56);
	return top < MINTOPHASH ? top + MINTOPHASH : top;
}
static inline bool isempty(uint8_t x) { return x <= EMPTYONE; }
static inline bool evacuated(const uint8_t *b) { return b[0] > EMPTYONE && b[0] < MINTOPHASH; }

static inline uint8_t *bucketat(const MapInfo *mi, void *arr, uintptr_t i) {
	return (uint8_t *)arr + i * mi->bucketsize;
}
static inline void **ovfslot(const MapInfo *mi, uint8_t *b) { return (void **)(b + mi->bucketsize - 8); }
static inline uint8_t *overflow(const MapInfo *mi, uint8_t *b) { return *ovfslot(mi, b); }
static inline uint8_t *keyat(const MapInfo *mi, uint8_t *b, uintptr_t i) { return b + DATAOFFSET + i * mi->keysize; }
static inline uint8_t *elemat(const MapInfo *mi, uint8_t *b, uintptr_t i) {
	return b + DATAOFFSET + BUCKETCNT * mi->keysize + i * mi->elemsize;
}

#define ALWAYS_INLINE inline __attribute__((always_inline))
static ALWAYS_INLINE uintptr_t keyhash_kc(const MapInfo *mi, const void *k, uintptr_t seed, int kc) {
	switch (kc) {
	case KC_MEM64: return alg_memhash64(k, seed);
	case KC_MEM32: return alg_memhash32(k, seed);
	case KC_STR: return alg_memhash(((const GoString *)k)->ptr, seed, (uintptr_t)((const GoString *)k)->len);
	case KC_MEM: return alg_memhash(k, seed, mi->key->size);
	default: return mi->hasher ? mi->hasher(k, seed) : rt_typehash(mi->key, k, seed);
	}
}

static ALWAYS_INLINE bool keyequal_kc(const MapInfo *mi, const void *a, const void *b, int kc) {
	switch (kc) {
	/* memcmp of a constant size is one load each, and needs no alignment
	 * (struct { a, b int32 } keys are 4-aligned) */
	case KC_MEM64: return memcmp(a, b, 8) == 0;
	case KC_MEM32: return memcmp(a, b, 4) == 0;
	case KC_STR: {
		const GoString *x = a, *y = b;
		return x->len == y->len && (x->ptr == y->ptr || x->len == 0 || memcmp(x->ptr, y->ptr, (size_t)x->len) == 0);
	}
	case KC_MEM: return memcmp(a, b, mi->key->size) == 0;
	default: return rt_typeequal(mi->key, a, b);
	}
}
static inline uintptr_t keyhash(const MapInfo *mi, const void *k, uintptr_t seed) {
	return keyhash_kc(mi, k, seed, mi->keyclass);
}
static inline bool keyequal(const MapInfo *mi, const void *a, const void *b) {
	return keyequal_kc(mi, a, b, mi->keyclass);
}

/* ---- MapInfo: built once per map type --------------------------------------- */

static bool t_reflexive(const GoType *t) {
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: case KIND_FLOAT64: case KIND_COMPLEX64: case KIND_COMPLEX128: case KIND_INTERFACE:
		return false;
	case KIND_ARRAY: return t_reflexive(((const GoArrayType *)t)->elem);
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++)
			if (!t_reflexive(s->fields[i].typ)) return false;
		return true;
	}
	default: return true;
	}
}

/* Must an assignment overwrite an existing key (+0 by -0, a string by an
 * equal string with another backing array)? */
static bool t_needkeyupdate(const GoType *t) {
	switch (t->kind & KIND_MASK) {
	case KIND_FLOAT32: case KIND_FLOAT64: case KIND_COMPLEX64: case KIND_COMPLEX128: case KIND_INTERFACE:
	case KIND_STRING:
		return true;
	case KIND_ARRAY: return t_needkeyupdate(((const GoArrayType *)t)->elem);
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++)
			if (t_needkeyupdate(s->fields[i].typ)) return true;
		return false;
	}
	default: return false;
	}
}

static bool t_hashmightpanic(const GoType *t) {
	switch (t->kind & KIND_MASK) {
	case KIND_INTERFACE: return true;
	case KIND_ARRAY: return t_hashmightpanic(((const GoArrayType *)t)->elem);
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		for (intptr_t i = 0; i < s->nfields; i++)
			if (t_hashmightpanic(s->fields[i].typ)) return true;
		return false;
	}
	default: return false;
	}
}

/* Are equality and hashing plain memory comparison over size bytes? */
static bool t_regular(const GoType *t) {
	switch (t->kind & KIND_MASK) {
	case KIND_BOOL: case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32: case KIND_INT64:
	case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32: case KIND_UINT64:
	case KIND_UINTPTR: case KIND_CHAN: case KIND_POINTER: case KIND_UNSAFEPOINTER:
		return true;
	case KIND_ARRAY: return t_regular(((const GoArrayType *)t)->elem);
	case KIND_STRUCT: {
		const GoStructType *s = (const GoStructType *)t;
		uintptr_t end = 0;
		for (intptr_t i = 0; i < s->nfields; i++) {
			const GoStructField *f = &s->fields[i];
			if (f->offset != end || !t_regular(f->typ)) return false; /* padding */
			if (f->name.len == 1 && f->name.ptr[0] == '_') return false;
			end = f->offset + f->typ->size;
		}
		return end == t->size;
	}
	default: return false;
	}
}

/* MapInfos live in mmap'd chunks that are never freed (bucket types must
 * outlive every bucket, and large spans keep a pointer to their type). */
static pthread_mutex_t info_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t *arena_p, *arena_end;

static void *arena_alloc(uintptr_t n) {
	n = (n + 15) & ~(uintptr_t)15;
	if ((uintptr_t)(arena_end - arena_p) < n) {
		uintptr_t sz = n > 65536 ? n : 65536;
		void *p = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) rt_throw("map: out of memory for map type information");
		arena_p = p;
		arena_end = arena_p + sz;
	}
	void *r = arena_p;
	arena_p += n;
	return r;
}

/* The cache: open addressing on the GoMapType address; readers do not lock.
 * A table is published whole (capacity and entries behind one pointer);
 * a replaced table is leaked, since readers may still be probing it. */
typedef struct InfoTab {
	uintptr_t cap, n;
	MapInfo *e[];
} InfoTab;
static InfoTab *info_tab;

static inline uintptr_t ptrhash(const void *p) { return ((uintptr_t)p * 0x9e3779b97f4a7c15ull) >> 20; }

static MapInfo *info_build(const GoMapType *t) {
	const GoType *k = t->key, *e = t->elem;
	MapInfo *mi = arena_alloc(sizeof *mi);
	mi->t = t;
	mi->key = k;
	mi->elem = e;
	mi->hasher = t->hasher;
	mi->indirectkey = k->size > MAXKEYSIZE;
	mi->indirectelem = e->size > MAXELEMSIZE;
	mi->keysize = mi->indirectkey ? 8 : (uint32_t)k->size;
	mi->elemsize = mi->indirectelem ? 8 : (uint32_t)e->size;
	mi->reflexivekey = t_reflexive(k);
	mi->needkeyupdate = t_needkeyupdate(k);
	mi->hashmightpanic = t_hashmightpanic(k);
	mi->keyclass = KC_GENERIC;
	if (!mi->indirectkey && !t->hasher) {
		if ((k->kind & KIND_MASK) == KIND_STRING) mi->keyclass = KC_STR;
		else if (t_regular(k)) mi->keyclass = k->size == 8 ? KC_MEM64 : k->size == 4 ? KC_MEM32 : KC_MEM;
	}
	/* tophash, keys, elems, overflow: every part is a multiple of 8 bytes
	 * except when keys or elems are small, hence the rounding. */
	uintptr_t ksz = BUCKETCNT * (uintptr_t)mi->keysize, esz = BUCKETCNT * (uintptr_t)mi->elemsize;
	uintptr_t eoff = DATAOFFSET + ksz;
	uintptr_t ealign = mi->indirectelem ? 8 : (e->align ? e->align : 1);
	if (eoff % ealign) rt_throw("map: element misaligned in bucket"); /* ksz is a multiple of 8 */
	uintptr_t ovoff = (eoff + esz + 7) & ~(uintptr_t)7;
	uintptr_t bsz = ovoff + 8;
	mi->bucketsize = (uint32_t)bsz;
	uintptr_t nwords = bsz / 8;
	uint8_t *bits = arena_alloc((nwords + 7) / 8);
	memset(bits, 0, (nwords + 7) / 8);
	uintptr_t last = 0;
	bool haveptr = mi->indirectkey || mi->indirectelem || k->ptrdata || e->ptrdata;
#define SETBIT(w) (bits[(w) >> 3] |= (uint8_t)(1u << ((w) & 7)), last = (w) + 1 > last ? (w) + 1 : last)
	if (haveptr) {
		for (uintptr_t i = 0; i < BUCKETCNT; i++) {
			uintptr_t kw = (DATAOFFSET + i * mi->keysize) / 8, ew = (eoff + i * mi->elemsize) / 8;
			if (mi->indirectkey) SETBIT(kw);
			else
				for (uintptr_t j = 0; j < k->ptrdata / 8; j++)
					if (k->gcdata[j >> 3] >> (j & 7) & 1) SETBIT(kw + j);
			if (mi->indirectelem) SETBIT(ew);
			else
				for (uintptr_t j = 0; j < e->ptrdata / 8; j++)
					if (e->gcdata[j >> 3] >> (j & 7) & 1) SETBIT(ew + j);
		}
		SETBIT(ovoff / 8);
	}
#undef SETBIT
	mi->bucket = (GoType){.size = bsz, .ptrdata = last * 8, .gcdata = haveptr ? bits : NULL,
	                      .kind = KIND_STRUCT, .align = 8, .fieldalign = 8,
	                      .name = {(const uint8_t *)"map.bucket", 10}};
	if (e->size <= sizeof zeroval) mi->zero = zeroval;
	else {
		void *z = mmap(NULL, e->size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (z == MAP_FAILED) rt_throw("map: out of memory for a zero value");
		mi->zero = z;
	}
	return mi;
}

static MapInfo *info_lookup(const InfoTab *tab, const GoMapType *t) {
	if (!tab) return NULL;
	uintptr_t mask = tab->cap - 1;
	for (uintptr_t i = ptrhash(t) & mask;; i = (i + 1) & mask) {
		MapInfo *mi = __atomic_load_n(&tab->e[i], __ATOMIC_ACQUIRE);
		if (!mi || mi->t == t) return mi;
	}
}

static void info_insert(InfoTab *tab, MapInfo *mi) {
	uintptr_t mask = tab->cap - 1, i = ptrhash(mi->t) & mask;
	while (tab->e[i]) i = (i + 1) & mask;
	__atomic_store_n(&tab->e[i], mi, __ATOMIC_RELEASE);
	tab->n++;
}

static __attribute__((noinline)) const MapInfo *info_slow(const GoMapType *t) {
	pthread_mutex_lock(&info_lock);
	InfoTab *tab = info_tab;
	MapInfo *mi = info_lookup(tab, t);
	if (!mi) {
		mi = info_build(t);
		if (!tab || (tab->n + 1) * 2 > tab->cap) {
			uintptr_t ncap = tab ? tab->cap * 2 : 64;
			InfoTab *nt = arena_alloc(sizeof *nt + ncap * sizeof nt->e[0]);
			memset(nt, 0, sizeof *nt + ncap * sizeof nt->e[0]);
			nt->cap = ncap;
			for (uintptr_t i = 0; tab && i < tab->cap; i++)
				if (tab->e[i]) info_insert(nt, tab->e[i]);
			info_insert(nt, mi);
			__atomic_store_n(&info_tab, nt, __ATOMIC_RELEASE);
		} else {
			info_insert(tab, mi);
		}
	}
	pthread_mutex_unlock(&info_lock);
	return mi;
}

static inline const MapInfo *info_get(const GoMapType *t) {
	MapInfo *mi = info_lookup(__atomic_load_n(&info_tab, __ATOMIC_ACQUIRE), t);
	return mi ? mi : info_slow(t);
}

/* ---- the bucket array --------------------------------------------------------- */

static inline bool overloadfactor(intptr_t count, uint8_t B) {
	return count > BUCKETCNT && (uintptr_t)count > 13 * (((uintptr_t)1 << B) / 2);
}
static inline bool toomanyoverflow(uint16_t noverflow, uint8_t B) {
	if (B > 15) B = 15;
	return noverflow >= (uint16_t)1 << (B & 15);
}
static inline bool growing(const Hmap *h) { return h->oldbuckets != NULL; }
static inline bool samesizegrow(const Hmap *h) { return (h->flags & F_SAMESIZEGROW) != 0; }
static inline uintptr_t noldbuckets(const Hmap *h) {
	uint8_t oldB = h->B;
	if (!samesizegrow(h)) oldB--;
	return (uintptr_t)1 << oldB;
}
static inline uintptr_t oldbucketmask(const Hmap *h) { return noldbuckets(h) - 1; }

static inline uintptr_t nbuckets_for(uint8_t B) {
	uintptr_t n = (uintptr_t)1 << B;
	if (B >= 4) n += (uintptr_t)1 << (B - 4); /* preallocated overflow buckets */
	return n;
}

/* A new (dirty == NULL) or cleared bucket array for 2^B buckets; returns
 * the first preallocated overflow bucket in *nextovf, or NULL. */
static void *makebucketarray(const MapInfo *mi, uint8_t B, void *dirty, void **nextovf) {
	uintptr_t base = (uintptr_t)1 << B, n = nbuckets_for(B);
	if (n > ((uintptr_t)1 << 46) / mi->bucketsize) rt_panicplain("runtime: map too large");
	void *buckets = dirty;
	if (!dirty) buckets = rt_mallocgc(n * mi->bucketsize, &mi->bucket, 1);
	else typedclear(&mi->bucket, buckets, n * mi->bucketsize);
	*nextovf = NULL;
	if (base != n) {
		*nextovf = bucketat(mi, buckets, base);
		/* a non-NULL overflow pointer in the last one marks the end */
		wbstore(ovfslot(mi, bucketat(mi, buckets, n - 1)), buckets);
	}
	return buckets;
}

static MapExtra *getextra(Hmap *h) {
	if (!h->extra) {
		MapExtra *x = rt_mallocgc(sizeof *x, &extra_type, 1);
		wbstore(&h->extra, x);
	}
	return h->extra;
}

static void ovflist_add(Hmap *h, void *ovf) {
	MapExtra *x = getextra(h);
	if (!x->overflow) wbstore(&x->overflow, rt_mallocgc(sizeof(OvfList), &ovfl_type, 1));
	OvfList *l = x->overflow;
	if (l->n == l->cap) {
		intptr_t ncap = l->cap ? l->cap * 2 : 8;
		void **na = rt_mallocgc((uintptr_t)ncap * 8, &ptr_type, 1);
		for (intptr_t i = 0; i < l->n; i++) wbstore(&na[i], l->arr[i]);
		wbstore(&l->arr, na);
		l->cap = ncap;
	}
	wbstore(&l->arr[l->n++], ovf);
}

static void incrnoverflow(Hmap *h) {
	if (h->B < 16) {
		h->noverflow++;
		return;
	}
	uint32_t mask = ((uint32_t)1 << (h->B - 15)) - 1;
	if ((rt_fastrand() & mask) == 0) h->noverflow++;
}

static uint8_t *newoverflow(const MapInfo *mi, Hmap *h, uint8_t *b) {
	uint8_t *ovf;
	if (h->extra && h->extra->nextoverflow) {
		ovf = h->extra->nextoverflow;
		if (!overflow(mi, ovf)) wbstore(&h->extra->nextoverflow, ovf + mi->bucketsize);
		else {
			wbstore(ovfslot(mi, ovf), NULL);
			wbstore(&h->extra->nextoverflow, NULL);
		}
	} else {
		ovf = rt_mallocgc(mi->bucketsize, &mi->bucket, 1);
	}
	incrnoverflow(h);
	if (!mi->bucket.ptrdata) ovflist_add(h, ovf);
	wbstore(ovfslot(mi, b), ovf);
	return ovf;
}

/* ---- growth and evacuation ---------------------------------------------------- */

static void hashgrow(const MapInfo *mi, Hmap *h) {
	uint8_t bigger = 1;
	if (!overloadfactor(h->count + 1, h->B)) {
		bigger = 0;
		h->flags |= F_SAMESIZEGROW;
	}
	void *nextovf;
	void *nb = makebucketarray(mi, h->B + bigger, NULL, &nextovf);
	uint8_t flags = h->flags & ~(F_ITERATOR | F_OLDITERATOR);
	if (h->flags & F_ITERATOR) flags |= F_OLDITERATOR;
	h->B += bigger;
	h->flags = flags;
	wbstore(&h->oldbuckets, h->buckets);
	wbstore(&h->buckets, nb);
	h->nevacuate = 0;
	h->noverflow = 0;
	if (h->extra && h->extra->overflow) {
		if (h->extra->oldoverflow) rt_throw("oldoverflow is not nil");
		wbstore(&h->extra->oldoverflow, h->extra->overflow);
		wbstore(&h->extra->overflow, NULL);
	}
	if (nextovf) wbstore(&getextra(h)->nextoverflow, nextovf);
	else if (h->extra) wbstore(&h->extra->nextoverflow, NULL);
}

static bool bucketevacuated(const MapInfo *mi, Hmap *h, uintptr_t bucket) {
	return evacuated(bucketat(mi, h->oldbuckets, bucket));
}

static void advance_evacuation_mark(const MapInfo *mi, Hmap *h, uintptr_t newbit) {
	h->nevacuate++;
	uintptr_t stop = h->nevacuate + 1024;
	if (stop > newbit) stop = newbit;
	while (h->nevacuate != stop && bucketevacuated(mi, h, h->nevacuate)) h->nevacuate++;
	if (h->nevacuate == newbit) { /* done: drop the old array */
		wbstore(&h->oldbuckets, NULL);
		if (h->extra) wbstore(&h->extra->oldoverflow, NULL);
		h->flags &= ~F_SAMESIZEGROW;
	}
}

typedef struct EvacDst { uint8_t *b; uintptr_t i; } EvacDst;

static void evacuate(const MapInfo *mi, Hmap *h, uintptr_t oldbucket) {
	uint8_t *b = bucketat(mi, h->oldbuckets, oldbucket);
	uintptr_t newbit = noldbuckets(h);
	if (!evacuated(b)) {
		EvacDst xy[2] = {{bucketat(mi, h->buckets, oldbucket), 0}, {NULL, 0}};
		if (!samesizegrow(h)) xy[1].b = bucketat(mi, h->buckets, oldbucket + newbit);
		for (; b; b = overflow(mi, b)) {
			for (uintptr_t i = 0; i < BUCKETCNT; i++) {
				uint8_t top = b[i];
				if (isempty(top)) {
					b[i] = EVACUATEDEMPTY;
					continue;
				}
				if (top < MINTOPHASH) rt_throw("bad map state");
				uint8_t *k = keyat(mi, b, i), *e = elemat(mi, b, i);
				void *k2 = mi->indirectkey ? *(void **)k : k;
				uint8_t usey = 0;
				if (!samesizegrow(h)) {
					uintptr_t hash = keyhash(mi, k2, h->hash0);
					if ((h->flags & F_ITERATOR) && !mi->reflexivekey && !rt_typeequal(mi->key, k2, k2)) {
						/* NaN-like key: its hash is not reproducible, so the
						 * iterator decides by the tophash's low bit */
						usey = top & 1;
						top = tophash(hash);
					} else if (hash & newbit) {
						usey = 1;
					}
				}
				b[i] = EVACUATEDX + usey;
				EvacDst *d = &xy[usey];
				if (d->i == BUCKETCNT) {
					d->b = newoverflow(mi, h, d->b);
					d->i = 0;
				}
				d->b[d->i] = top;
				uint8_t *dk = keyat(mi, d->b, d->i), *de = elemat(mi, d->b, d->i);
				if (mi->indirectkey) wbstore(dk, k2);
				else copyval(mi->key, dk, k);
				if (mi->indirectelem) wbstore(de, *(void **)e);
				else copyval(mi->elem, de, e);
				d->i++;
			}
		}
		/* gc clears the old bucket's keys and elements here to help the
		 * collector; the whole old array becomes garbage once evacuation
		 * completes, so goc leaves them. */
	}
	if (oldbucket == h->nevacuate) advance_evacuation_mark(mi, h, newbit);
}

static void growwork(const MapInfo *mi, Hmap *h, uintptr_t bucket) {
	evacuate(mi, h, bucket & oldbucketmask(h));
	if (growing(h)) evacuate(mi, h, h->nevacuate);
}

/* ---- entry points ------------------------------------------------------------- */

void *rt_makemap(const GoMapType *t, intptr_t hint) {
	const MapInfo *mi = info_get(t);
	/* gc 1.19 treats a negative or oversized hint as 0 */
	if (hint < 0 || (uintptr_t)hint > ((uintptr_t)1 << 46) / mi->bucketsize) hint = 0;
	Hmap *h = rt_mallocgc(sizeof *h, &hmap_type, 1);
	h->info = mi;
	h->hash0 = rt_fastrand();
	uint8_t B = 0;
	while (overloadfactor(hint, B)) B++;
	h->B = B;
	if (B) {
		void *nextovf;
		void *b = makebucketarray(mi, B, NULL, &nextovf);
		wbstore(&h->buckets, b);
		if (nextovf) wbstore(&getextra(h)->nextoverflow, nextovf);
	}
	return h;
}

intptr_t rt_maplen(void *m) { return m ? ((Hmap *)m)->count : 0; }

/* Look key up; NULL if absent. kout receives the stored key (iteration).
 * Specialized per key class (gc has mapaccess*_fast32/64/str for this). */
static ALWAYS_INLINE void *lookup_kc(const MapInfo *mi, Hmap *h, const void *key, void **kout, int kc) {
	uintptr_t hash = keyhash_kc(mi, key, h->hash0, kc);
	uintptr_t m = bucketmask(h->B);
	uint8_t *b = bucketat(mi, h->buckets, hash & m);
	if (h->oldbuckets) {
		if (!samesizegrow(h)) m >>= 1;
		uint8_t *oldb = bucketat(mi, h->oldbuckets, hash & m);
		if (!evacuated(oldb)) b = oldb;
	}
	if (kc == KC_MEM64) { /* as gc's mapaccess1_fast64: compare the keys themselves */
		uint64_t kv;
		memcpy(&kv, key, 8);
		for (; b; b = overflow(mi, b)) {
			for (uintptr_t i = 0; i < BUCKETCNT; i++) {
				uint64_t x;
				memcpy(&x, b + DATAOFFSET + i * 8, 8);
				if (x == kv && !isempty(b[i])) {
					if (kout) *kout = b + DATAOFFSET + i * 8;
					void *e = elemat(mi, b, i);
					return mi->indirectelem ? *(void **)e : e;
				}
			}
		}
		return NULL;
	}
	uint8_t top = tophash(hash);
	for (; b; b = overflow(mi, b)) {
		for (uintptr_t i = 0; i < BUCKETCNT; i++) {
			if (b[i] != top) {
				if (b[i] == EMPTYREST) return NULL;
				continue;
			}
			void *k = keyat(mi, b, i);
			if (mi->indirectkey) k = *(void **)k;
			if (keyequal_kc(mi, key, k, kc)) {
				void *e = elemat(mi, b, i);
				if (kout) *kout = k;
				return mi->indirectelem ? *(void **)e : e;
			}
		}
	}
	return NULL;
}

static void *lookup(const MapInfo *mi, Hmap *h, const void *key, void **kout) {
	switch (mi->keyclass) {
	case KC_MEM64: return lookup_kc(mi, h, key, kout, KC_MEM64);
	case KC_MEM32: return lookup_kc(mi, h, key, kout, KC_MEM32);
	case KC_STR: return lookup_kc(mi, h, key, kout, KC_STR);
	default: return lookup_kc(mi, h, key, kout, mi->keyclass);
	}
}

/* A nil or empty map: still panic for an unhashable key, as gc. */
static void *absent(const GoMapType *t, const void *key) {
	const MapInfo *mi = info_get(t);
	if (mi->hashmightpanic) keyhash(mi, key, 0);
	return NULL;
}

static inline void *map_access(const GoMapType *t, Hmap *h, const void *key) {
	if (!h || h->count == 0) return absent(t, key);
	if (UNLIKELY(h->flags & F_HASHWRITING)) rt_throw("concurrent map read and map write");
	return lookup(h->info, h, key, NULL);
}

void *rt_mapaccess1(const GoMapType *t, void *m, const void *key) {
	void *e = map_access(t, m, key);
	if (e) return e;
	if (m) return (void *)((Hmap *)m)->info->zero;
	return t->elem->size <= sizeof zeroval ? (void *)zeroval : (void *)info_get(t)->zero;
}

void *rt_mapaccess2(const GoMapType *t, void *m, const void *key, bool *ok) {
	void *e = map_access(t, m, key);
	*ok = e != NULL;
	if (e) return e;
	if (m) return (void *)((Hmap *)m)->info->zero;
	return t->elem->size <= sizeof zeroval ? (void *)zeroval : (void *)info_get(t)->zero;
}

/* tmpkey (KC_STR only): the key's bytes are borrowed from the caller (a
 * []byte converted in place, m[string(b)] = v): stored only as a copy,
 * and only for a new entry. */
static ALWAYS_INLINE void *mapassign_kc(Hmap *h, const void *key, int kc, bool tmpkey) {
	const MapInfo *mi = h->info;
	uintptr_t hash = keyhash_kc(mi, key, h->hash0, kc);
	h->flags ^= F_HASHWRITING; /* after hashing: the hash may panic */
	if (!h->buckets) wbstore(&h->buckets, rt_mallocgc(mi->bucketsize, &mi->bucket, 1));
	uint8_t top = tophash(hash);
	void *elem;
again:;
	uintptr_t bucket = hash & bucketmask(h->B);
	if (growing(h)) growwork(mi, h, bucket);
	uint8_t *b = bucketat(mi, h->buckets, bucket);
	uint8_t *inserti = NULL, *insertk = NULL;
	elem = NULL;
	for (;;) {
		for (uintptr_t i = 0; i < BUCKETCNT; i++) {
			if (b[i] != top) {
				if (isempty(b[i]) && !inserti) {
					inserti = &b[i];
					insertk = keyat(mi, b, i);
					elem = elemat(mi, b, i);
				}
				if (b[i] == EMPTYREST) goto notfound;
				continue;
			}
			uint8_t *k = keyat(mi, b, i);
			if (mi->indirectkey) k = *(uint8_t **)k;
			if (!keyequal_kc(mi, key, k, kc)) continue;
			if (kc == KC_STR && tmpkey) {
				/* the stored key stays: the borrowed bytes are not ours */
			} else if (kc == KC_STR) { /* keep the newer backing array, as gc */
				const uint8_t *np = ((const GoString *)key)->ptr;
				if (((GoString *)k)->ptr != np) wbstore(&((GoString *)k)->ptr, (void *)np);
			} else if (mi->needkeyupdate) {
				copyval(mi->key, k, key);
			}
			elem = elemat(mi, b, i);
			goto done;
		}
		uint8_t *ovf = overflow(mi, b);
		if (!ovf) break;
		b = ovf;
	}
notfound:
	if (!growing(h) && (overloadfactor(h->count + 1, h->B) || toomanyoverflow(h->noverflow, h->B))) {
		hashgrow(mi, h);
		goto again; /* growing invalidates everything */
	}
	if (!inserti) {
		uint8_t *nb = newoverflow(mi, h, b);
		inserti = &nb[0];
		insertk = keyat(mi, nb, 0);
		elem = elemat(mi, nb, 0);
	}
	if (mi->indirectkey) {
		void *kmem = rt_mallocgc(mi->key->size, mi->key, 1);
		wbstore(insertk, kmem);
		insertk = kmem;
	}
	if (mi->indirectelem) wbstore(elem, rt_mallocgc(mi->elem->size, mi->elem, 1));
	if (kc == KC_STR) {
		GoString *d = (GoString *)insertk;
		GoString ks = *(const GoString *)key;
		if (tmpkey) ks = strcopy(ks); /* the collector moves nothing: insertk stays valid */
		wbstore(&d->ptr, (void *)ks.ptr);
		d->len = ks.len;
	} else if (kc == KC_MEM64 && !mi->key->ptrdata) {
		memcpy(insertk, key, 8);
	} else if (kc == KC_MEM32) {
		memcpy(insertk, key, 4);
	} else {
		copyval(mi->key, insertk, key);
	}
	*inserti = top;
	h->count++;
done:
	if (!(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	h->flags &= ~F_HASHWRITING;
	if (mi->indirectelem) elem = *(void **)elem;
	return elem;
}

void *rt_mapassign(const GoMapType *t, void *m, const void *key) {
	Hmap *h = m;
	if (!h) rt_panicplain("assignment to entry in nil map");
	if (UNLIKELY(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	switch (h->info->keyclass) {
	case KC_MEM64: return mapassign_kc(h, key, KC_MEM64, false);
	case KC_MEM32: return mapassign_kc(h, key, KC_MEM32, false);
	case KC_STR: return mapassign_kc(h, key, KC_STR, false);
	default: return mapassign_kc(h, key, h->info->keyclass, false);
	}
}

/* m[string(b)] = v, m[string(b)]++ with b a []byte: key is a string whose
 * bytes are b's (not copied by the caller). An existing entry is found
 * without allocating; a new one stores a copy. (gc copies the bytes on
 * every assignment; it borrows them only for lookups.) */
void *rt_mapassign_strtmp(const GoMapType *t, void *m, const void *key) {
	Hmap *h = m;
	if (!h) rt_panicplain("assignment to entry in nil map");
	if (UNLIKELY(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	if (LIKELY(h->info->keyclass == KC_STR)) return mapassign_kc(h, key, KC_STR, true);
	const GoString *k = key;
	GoString copy = strcopy(*k);
	return rt_mapassign(t, m, &copy);
}

void rt_mapdelete(const GoMapType *t, void *m, const void *key) {
	Hmap *h = m;
	if (!h || h->count == 0) {
		absent(t, key);
		return;
	}
	if (UNLIKELY(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	const MapInfo *mi = h->info;
	uintptr_t hash = keyhash(mi, key, h->hash0);
	h->flags ^= F_HASHWRITING;
	uintptr_t bucket = hash & bucketmask(h->B);
	if (growing(h)) growwork(mi, h, bucket);
	uint8_t *borig = bucketat(mi, h->buckets, bucket), *b = borig;
	uint8_t top = tophash(hash);
	for (; b; b = overflow(mi, b)) {
		for (uintptr_t i = 0; i < BUCKETCNT; i++) {
			if (b[i] != top) {
				if (b[i] == EMPTYREST) goto out;
				continue;
			}
			uint8_t *k = keyat(mi, b, i), *k2 = k;
			if (mi->indirectkey) k2 = *(uint8_t **)k;
			if (!keyequal(mi, key, k2)) continue;
			if (mi->indirectkey) wbstore(k, NULL);
			else if (mi->key->ptrdata) typedclear(mi->key, k, mi->key->size);
			uint8_t *e = elemat(mi, b, i);
			if (mi->indirectelem) wbstore(e, NULL);
			else typedclear(mi->elem, e, mi->elem->size);
			b[i] = EMPTYONE;
			/* If the bucket chain now ends in empty slots, mark them
			 * emptyRest so lookups stop early. */
			if (i == BUCKETCNT - 1) {
				uint8_t *o = overflow(mi, b);
				if (o && o[0] != EMPTYREST) goto notlast;
			} else if (b[i + 1] != EMPTYREST) {
				goto notlast;
			}
			for (;;) {
				b[i] = EMPTYREST;
				if (i == 0) {
					if (b == borig) break;
					uint8_t *c = b;
					for (b = borig; overflow(mi, b) != c; b = overflow(mi, b)) {}
					i = BUCKETCNT - 1;
				} else {
					i--;
				}
				if (b[i] != EMPTYONE) break;
			}
		notlast:
			h->count--;
			if (h->count == 0) h->hash0 = rt_fastrand(); /* gc: foil collision attacks */
			goto out;
		}
	}
out:
	if (!(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	h->flags &= ~F_HASHWRITING;
}

/* for k := range m { delete(m, k) } and clear(m): empty the table in place. */
void rt_mapclear(const GoMapType *t, void *m) {
	Hmap *h = m;
	if (!h || h->count == 0) return;
	if (h->flags & F_HASHWRITING) rt_throw("concurrent map writes");
	h->flags ^= F_HASHWRITING;
	h->flags &= ~F_SAMESIZEGROW;
	wbstore(&h->oldbuckets, NULL);
	h->nevacuate = 0;
	h->noverflow = 0;
	h->count = 0;
	h->hash0 = rt_fastrand();
	if (h->extra) {
		wbstore(&h->extra->overflow, NULL);
		wbstore(&h->extra->oldoverflow, NULL);
		wbstore(&h->extra->nextoverflow, NULL);
	}
	void *nextovf;
	makebucketarray(h->info, h->B, h->buckets, &nextovf);
	if (nextovf) wbstore(&getextra(h)->nextoverflow, nextovf);
	if (!(h->flags & F_HASHWRITING)) rt_throw("concurrent map writes");
	h->flags &= ~F_HASHWRITING;
}

/* ---- iteration ---------------------------------------------------------------- */

void rt_mapiterinit(const GoMapType *t, void *m, RtMapIter *it) {
	Hmap *h = m;
	memset(it, 0, sizeof *it);
	it->t = t;
	if (!h || h->count == 0) return;
	it->h = h;
	it->B = h->B;
	it->buckets = h->buckets;
	if (!h->info->bucket.ptrdata) {
		/* keep the overflow buckets alive: they are not reachable through
		 * the noscan bucket array */
		MapExtra *x = getextra(h);
		if (!x->overflow) wbstore(&x->overflow, rt_mallocgc(sizeof(OvfList), &ovfl_type, 1));
		it->overflow = x->overflow;
		it->oldoverflow = x->oldoverflow;
	}
	uintptr_t r = h->B > 31 - 3 ? (uintptr_t)rt_fastrand64() : rt_fastrand();
	it->startbucket = r & bucketmask(h->B);
	it->offset = (uint8_t)(r >> h->B & (BUCKETCNT - 1));
	it->bucket = it->startbucket;
	h->flags |= F_ITERATOR | F_OLDITERATOR;
	rt_mapiternext(it);
}

void rt_mapiternext(RtMapIter *it) {
	Hmap *h = it->h;
	if (!h) {
		it->key = it->elem = NULL;
		return;
	}
	if (UNLIKELY(h->flags & F_HASHWRITING)) rt_throw("concurrent map iteration and map write");
	const MapInfo *mi = h->info;
	uintptr_t bucket = it->bucket;
	uint8_t *b = it->bptr;
	uintptr_t i = it->i;
	uintptr_t checkbucket = it->checkbucket;
	for (;;) {
		if (!b) {
			if (bucket == it->startbucket && it->wrapped) {
				it->key = it->elem = NULL;
				return;
			}
			if (growing(h) && it->B == h->B) {
				/* started after the growth began: walk the old bucket,
				 * taking only the entries that go to this new bucket */
				uintptr_t oldbucket = bucket & oldbucketmask(h);
				b = bucketat(mi, h->oldbuckets, oldbucket);
				if (!evacuated(b)) checkbucket = bucket;
				else {
					b = bucketat(mi, it->buckets, bucket);
					checkbucket = NOCHECK;
				}
			} else {
				b = bucketat(mi, it->buckets, bucket);
				checkbucket = NOCHECK;
			}
			bucket++;
			if (bucket == (uintptr_t)1 << it->B) {
				bucket = 0;
				it->wrapped = 1;
			}
			i = 0;
		}
		for (; i < BUCKETCNT; i++) {
			uintptr_t offi = (i + it->offset) & (BUCKETCNT - 1);
			uint8_t th = b[offi];
			if (isempty(th) || th == EVACUATEDEMPTY) continue;
			void *k = keyat(mi, b, offi);
			if (mi->indirectkey) k = *(void **)k;
			void *e = elemat(mi, b, offi);
			bool selfeq = mi->reflexivekey || rt_typeequal(mi->key, k, k);
			if (checkbucket != NOCHECK && !samesizegrow(h)) {
				if (selfeq) {
					uintptr_t hash = keyhash(mi, k, h->hash0);
					if ((hash & bucketmask(it->B)) != checkbucket) continue;
				} else if (checkbucket >> (it->B - 1) != (uintptr_t)(th & 1)) {
					continue;
				}
			}
			if ((th != EVACUATEDX && th != EVACUATEDY) || !selfeq) {
				it->key = k;
				it->elem = mi->indirectelem ? *(void **)e : e;
			} else {
				/* the entry moved since: it may have been updated or deleted */
				void *rk = NULL;
				void *re = lookup(mi, h, k, &rk);
				if (!re) continue; /* deleted */
				it->key = rk;
				it->elem = re;
			}
			it->bucket = bucket;
			it->bptr = b;
			it->i = (uint8_t)(i + 1);
			it->checkbucket = checkbucket;
			return;
		}
		b = overflow(mi, b);
		i = 0;
	}
}
