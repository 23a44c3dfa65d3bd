/* malloc.c: the allocation entry (rt_mallocgc) and everything between it and
 * the page heap: size classes, the per-P (for now per-thread) cache of one
 * span per span class, the central per-class span lists, large objects, and
 * the pointer bitmaps that tell the collector where an object's pointers are.
 * Design follows gc's malloc.go/mcache.go/mcentral.go, simplified: central
 * lists are three mutex-protected lists (partial, full, unswept), and a span's
 * sweep state is the list it is on rather than a sweep generation.
 */
#include <pthread.h>
#include <sys/mman.h>
#include <string.h>

#include "heap.h"

/* gc's size classes (sizeclasses.go, Go 1.19): object size and span pages. */
const uint16_t heap_class_size[NUM_CLASSES] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
	416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688,
	3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288,
	13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
const uint8_t heap_class_npages[NUM_CLASSES] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4};

/* size -> class: by 8 bytes up to 1024, by 128 bytes up to 32 KiB. */
static uint8_t size_to_class8[1024 / 8 + 1];
static uint8_t size_to_class128[(MAX_SMALL - 1024) / 128 + 1];

Central heap_central[NUM_SPANCLASSES];
pthread_mutex_t heap_largelock = PTHREAD_MUTEX_INITIALIZER;
Span heap_large_inuse, heap_large_unswept;
pthread_mutex_t heap_cachelock = PTHREAD_MUTEX_INITIALIZER;
MCache heap_allcaches;
uint64_t heap_live;
uint64_t heap_nmalloc, heap_nfree, heap_totalalloc;

__thread MCache *rt_mcache_cur;
static pthread_key_t lazy_key;
static uintptr_t zerobase; /* what zero-sized allocations return */

static pthread_once_t malloc_once = PTHREAD_ONCE_INIT;
static void lazy_cache_destroy(void *c) { rt_mcache_release(c); }

static void malloc_init_once(void) {
	heap_init();
	int c = 1;
	for (uintptr_t s = 0; s <= 1024; s += 8) {
		while (heap_class_size[c] < s) c++;
		size_to_class8[s / 8] = (uint8_t)(s == 0 ? 0 : c);
	}
	for (uintptr_t s = 1024; s <= MAX_SMALL; s += 128) {
		while (heap_class_size[c] < s) c++;
		size_to_class128[(s - 1024) / 128] = (uint8_t)c;
	}
	for (int i = 0; i < NUM_SPANCLASSES; i++) {
		pthread_mutex_init(&heap_central[i].lock, NULL);
		list_init(&heap_central[i].partial);
		list_init(&heap_central[i].full);
		list_init(&heap_central[i].unswept);
	}
	list_init(&heap_large_inuse);
	list_init(&heap_large_unswept);
	heap_allcaches.allnext = heap_allcaches.allprev = &heap_allcaches;
	pthread_key_create(&lazy_key, lazy_cache_destroy);
}

static inline int size_to_class(uintptr_t size) {
	if (size <= 1024) return size_to_class8[(size + 7) >> 3];
	return size_to_class128[(size - 1024 + 127) >> 7];
}

void heap_malloc_init(void) { pthread_once(&malloc_once, malloc_init_once); }

MCache *rt_mcache_new(void) {
	heap_malloc_init();
	MCache *c = heap_meta_alloc(sizeof(MCache));
	pthread_mutex_lock(&heap_cachelock);
	c->allnext = heap_allcaches.allnext;
	c->allprev = &heap_allcaches;
	heap_allcaches.allnext->allprev = c;
	heap_allcaches.allnext = c;
	pthread_mutex_unlock(&heap_cachelock);
	return c;
}

void rt_mcache_release(MCache *c) {
	if (!c) return;
	pthread_mutex_lock(&heap_cachelock);
	heap_mcache_flush(c);
	c->allprev->allnext = c->allnext;
	c->allnext->allprev = c->allprev;
	pthread_mutex_unlock(&heap_cachelock);
	if (rt_mcache_cur == c) rt_mcache_cur = NULL;
	if (pthread_getspecific(lazy_key) == c) pthread_setspecific(lazy_key, NULL);
	heap_meta_free(c, sizeof(MCache));
}

MCache *heap_current_cache(void) {
	MCache *c = rt_mcache_cur;
	if (LIKELY(c != NULL)) return c;
	c = rt_mcache_new();
	rt_mcache_cur = c;
	pthread_setspecific(lazy_key, c);
	return c;
}

/* Give a cached span back to its central list. Unused slots stop counting
 * as live. */
static void release_span(Span *s) {
	uintptr_t unused = (uintptr_t)(s->nelems - s->alloccount) * s->elemsize;
	__atomic_fetch_sub(&heap_live, unused, __ATOMIC_RELAXED);
	Central *ct = &heap_central[s->spc];
	pthread_mutex_lock(&ct->lock);
	s->incache = 0;
	list_push(s->alloccount < s->nelems ? &ct->partial : &ct->full, s);
	pthread_mutex_unlock(&ct->lock);
}

/* Caller holds heap_cachelock or owns c; c's owner is not running. */
void heap_mcache_flush(MCache *c) {
	for (int i = 0; i < NUM_SPANCLASSES; i++) {
		if (c->alloc[i]) release_span(c->alloc[i]);
		c->alloc[i] = NULL;
	}
	c->tiny = 0;
	c->tinyoffset = 0;
	__atomic_fetch_add(&mark_black_bytes, c->marked_local, __ATOMIC_RELAXED);
	c->marked_local = 0;
	__atomic_fetch_add(&heap_nmalloc, c->nmalloc, __ATOMIC_RELAXED);
	__atomic_fetch_add(&heap_totalalloc, c->ntotalalloc, __ATOMIC_RELAXED);
	c->nmalloc = c->ntotalalloc = 0;
}

/* A fresh span for span class spc, published in the page map. */
static Span *new_small_span(int spc) {
	int cls = spc >> 1;
	bool noscan = spc & 1;
	uintptr_t npages = heap_class_npages[cls];
	Span *s = heap_alloc_span(npages);
	s->spc = (uint8_t)spc;
	s->large = 0;
	s->elemsize = heap_class_size[cls];
	s->nelems = (uint32_t)((npages << PAGE_SHIFT) / s->elemsize);
	s->divmul = (uint32_t)(0xffffffffu / s->elemsize + 1);
	size_t nw = (s->nelems + 63) / 64;
	size_t meta = nw * 2 * 8 + (noscan ? 0 : (npages << PAGE_SHIFT) / 64);
	uint64_t *m = heap_meta_alloc(meta);
	s->meta = m;
	s->metasize = meta;
	s->allocbits = m;
	s->markbits = m + nw;
	s->ptrbits = noscan ? NULL : m + 2 * nw;
	s->freeindex = 0;
	s->alloccount = 0;
	s->typ = NULL;
	heap_publish_span(s);
	return s;
}

static inline uint32_t span_nextfree(Span *s) {
	uint32_t i = s->freeindex, n = s->nelems;
	while (i < n) {
		uint64_t w = ~s->allocbits[i >> 6] >> (i & 63);
		if (w) {
			i += (uint32_t)__builtin_ctzll(w);
			if (i >= n) break;
			__atomic_store_n(&s->freeindex, i + 1, __ATOMIC_RELEASE);
			return i;
		}
		i = (i | 63) + 1;
	}
	__atomic_store_n(&s->freeindex, n, __ATOMIC_RELEASE);
	return UINT32_MAX;
}

static Span *refill(MCache *c, int spc) {
	Span *old = c->alloc[spc];
	__atomic_store_n(&c->alloc[spc], NULL, __ATOMIC_RELEASE); /* rt_readmemstats reads it */
	if (old) release_span(old);
	Central *ct = &heap_central[spc];
	pthread_mutex_lock(&ct->lock);
	Span *s = list_pop(&ct->partial);
	pthread_mutex_unlock(&ct->lock);
	if (!s) s = sweep_for_class(spc);
	/* Proportional sweeping: help finish the previous cycle's sweep so the
	 * next cycle can start on time. */
	if (UNLIKELY(__atomic_load_n(&sweep_unswept, __ATOMIC_RELAXED)))
		for (int k = 0; k < 4 && sweep_one(); k++) {
		}
	if (!s) s = new_small_span(spc);
	s->incache = 1;
	uintptr_t nfree = (uintptr_t)(s->nelems - s->alloccount) * s->elemsize;
	uint64_t live = __atomic_add_fetch(&heap_live, nfree, __ATOMIC_RELAXED);
	__atomic_store_n(&c->alloc[spc], s, __ATOMIC_RELEASE); /* rt_readmemstats reads it */
	if (gc_phase == GC_MARK) c->assist_debt += (int64_t)((double)nfree * gc_assist_ratio);
	else if (live >= gc_trigger) gc_start_async();
	if (UNLIKELY(live > gc_hard_goal)) c->throttle = 1;
	return s;
}

/* Record where the pointers of a new object are: the type's bitmap,
 * repeated for each element when size is a multiple of typ->size. */
static void set_ptrbits(Span *s, uintptr_t obj, uintptr_t size, const GoType *typ) {
	uint64_t *bits = s->ptrbits;
	uintptr_t w0 = (obj - s->base) >> 3, nw = s->elemsize >> 3;
	uintptr_t tw0 = typ->size >> 3, pw0 = typ->ptrdata >> 3;
	if (LIKELY(nw <= 64 && pw0 <= 64 && tw0 && typ->gcdata)) {
		/* Objects up to 512 bytes: build the slot's mask, write it with at
		 * most two word updates. */
		uint64_t em = 0, mask = 0;
		for (uintptr_t i = 0; i < (pw0 + 7) / 8; i++) em |= (uint64_t)typ->gcdata[i] << (8 * i);
		if (pw0 < 64) em &= ((uint64_t)1 << pw0) - 1;
		/* new(T): one element; no division on that path */
		uintptr_t nelem = size == typ->size ? 1 : size / typ->size;
		for (uintptr_t e = 0; e < nelem && e * tw0 < 64; e++) mask |= em << (e * tw0);
		uint64_t clear = nw == 64 ? ~(uint64_t)0 : ((uint64_t)1 << nw) - 1;
		mask &= clear;
		unsigned sh = (unsigned)(w0 & 63);
		uintptr_t wi = w0 >> 6;
		/* Relaxed stores: only this cache's owner writes the span's bitmap,
		 * but the marker may be reading other objects' bits of the word. */
		__atomic_store_n(&bits[wi], (bits[wi] & ~(clear << sh)) | (mask << sh), __ATOMIC_RELAXED);
		if (sh + nw > 64) {
			unsigned r = 64 - sh;
			__atomic_store_n(&bits[wi + 1], (bits[wi + 1] & ~(clear >> r)) | (mask >> r), __ATOMIC_RELAXED);
		}
		return;
	}
	for (uintptr_t w = w0; w < w0 + nw;) {
		if ((w & 63) == 0 && w + 64 <= w0 + nw) {
			__atomic_store_n(&bits[w >> 6], 0, __ATOMIC_RELAXED);
			w += 64;
		} else {
			__atomic_store_n(&bits[w >> 6], bits[w >> 6] & ~((uint64_t)1 << (w & 63)), __ATOMIC_RELAXED);
			w++;
		}
	}
	uintptr_t tw = typ->size >> 3, pw = typ->ptrdata >> 3;
	uintptr_t nelem = typ->size ? size / typ->size : 1;
	const uint8_t *g = typ->gcdata;
	if (!g) return;
	for (uintptr_t e = 0; e < nelem; e++) {
		uintptr_t base = w0 + e * tw;
		for (uintptr_t j = 0; j < pw; j++) {
			if (g[j >> 3] == 0 && (j & 7) == 0) {
				j += 7;
				continue;
			}
			if (g[j >> 3] >> (j & 7) & 1)
				__atomic_store_n(&bits[(base + j) >> 6], bits[(base + j) >> 6] | (uint64_t)1 << ((base + j) & 63),
				                 __ATOMIC_RELAXED);
		}
	}
}

#define HUGE_MIN ((uintptr_t)4 << 20)
#define HUGE_ALIGN ((uintptr_t)2 << 20)
static void *malloc_large(MCache *c, uintptr_t size, const GoType *typ, bool noscan, int needzero) {
	uintptr_t npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (npages == 0 || size > ((uintptr_t)1 << 46)) rt_panicrt("makeslice: len out of range");
	Span *s = heap_alloc_span(npages);
	s->spc = noscan;
	s->large = 1;
	s->elemsize = npages << PAGE_SHIFT;
	s->nelems = 1;
	s->largesize = size;
	s->typ = noscan ? NULL : typ;
	s->metasize = 16;
	uint64_t *m = heap_meta_alloc(16);
	s->meta = m;
	s->allocbits = m;
	s->markbits = m + 1;
	s->ptrbits = NULL;
	s->freeindex = 1;
	s->alloccount = 1;
	if (size >= HUGE_MIN) {
		/* Big slices (sieves, buffers): transparent huge pages for the
		 * 2 MiB-aligned interior, 512x fewer page faults when first touched. */
		uintptr_t lo = (s->base + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1), hi = (s->base + size) & ~(HUGE_ALIGN - 1);
		if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	}
	if ((needzero || !noscan) && s->needzero) memset((void *)s->base, 0, size);
	if (gc_phase != GC_OFF) {
		m[1] = 1; /* allocate black */
		c->marked_local += s->elemsize;
	}
	heap_publish_span(s);
	pthread_mutex_lock(&heap_largelock);
	list_push(&heap_large_inuse, s);
	pthread_mutex_unlock(&heap_largelock);
	__atomic_store_n(&c->nmalloc, c->nmalloc + 1, __ATOMIC_RELAXED);
	__atomic_store_n(&c->ntotalalloc, c->ntotalalloc + s->elemsize, __ATOMIC_RELAXED);
	uint64_t live = __atomic_add_fetch(&heap_live, s->elemsize, __ATOMIC_RELAXED);
	if (gc_phase == GC_MARK) c->assist_debt += (int64_t)((double)s->elemsize * gc_assist_ratio);
	else if (live >= gc_trigger) gc_start_async();
	if (UNLIKELY(live > gc_hard_goal)) c->throttle = 1;
	return (void *)s->base;
}

static void stress_tick(MCache *c) {
	if (++c->stress_count >= gc_stress) {
		c->stress_count = 0;
		rt_gc();
	}
}

/* Slow paths run on the M's system stack (rt_systemstack): they lock, may
 * mmap, sweep, mark or wait, and a goroutine stack promises callees only
 * 1 KiB (docs/scheduler.md). The fast path stays on the goroutine stack. */
typedef struct SlowArgs {
	MCache *c;
	int spc;
	Span *span;
	uintptr_t size;
	const GoType *typ;
	bool noscan;
	int needzero;
	void *res;
} SlowArgs;

static void refill_cb(void *arg) {
	SlowArgs *a = arg;
	a->span = refill(a->c, a->spc);
}

static Span *refill_sys(MCache *c, int spc) {
	SlowArgs a = {.c = c, .spc = spc};
	rt_systemstack(refill_cb, &a);
	return a.span;
}

static void large_cb(void *arg) {
	SlowArgs *a = arg;
	a->res = malloc_large(a->c, a->size, a->typ, a->noscan, a->needzero);
}

/* Assist, stress collection, waiting at the hard goal: after the object is
 * allocated, holding no span. The new object's address is in the caller's
 * frame, which the stack scan covers. */
static void tail_cb(void *arg) {
	MCache *c = arg;
	if (c->assist_debt > 0 && gc_phase == GC_MARK) gc_assist(c);
	if (gc_stress) stress_tick(c);
	if (c->throttle) {
		/* Only here, holding no span: a parked thread's cache is flushed. */
		c->throttle = 0;
		gc_throttle();
	}
}

static inline void *small_alloc(MCache *c, uintptr_t size, const GoType *typ, bool noscan, int needzero) {
	int spc = size_to_class(size) << 1 | noscan;
	Span *s = c->alloc[spc];
	uint32_t idx = s ? span_nextfree(s) : UINT32_MAX;
	if (UNLIKELY(idx == UINT32_MAX)) {
		s = refill_sys(c, spc);
		idx = span_nextfree(s);
	}
	/* Counters: only this cache's owner writes them, rt_readmemstats reads
	 * them from other threads (relaxed stores: plain moves on x86). */
	__atomic_store_n(&s->alloccount, s->alloccount + 1, __ATOMIC_RELAXED);
	uintptr_t p = s->base + idx * s->elemsize;
	if (s->needzero && (needzero || !noscan)) memset((void *)p, 0, s->elemsize);
	if (!noscan) set_ptrbits(s, p, size, typ);
	if (gc_phase != GC_OFF) {
		__atomic_fetch_or(&s->markbits[idx >> 6], (uint64_t)1 << (idx & 63), __ATOMIC_RELAXED);
		c->marked_local += s->elemsize;
	}
	__atomic_store_n(&c->nmalloc, c->nmalloc + 1, __ATOMIC_RELAXED);
	__atomic_store_n(&c->ntotalalloc, c->ntotalalloc + s->elemsize, __ATOMIC_RELAXED);
	return (void *)p;
}

/* The tiny allocator (gc's): noscan objects under 16 bytes (short strings,
 * small byte slices) share 16-byte blocks; a block lives while any piece is
 * referenced. The cache's current block is dropped at every flush, since the
 * cache's pointer to it is not a root. */
#define TINY_SIZE 16
/* A piece carved while marking is a new object and must be black, but the
 * block it comes from may predate the cycle and be white, with the piece
 * referenced only from an already scanned (black) stack: mark the block
 * (gc marks every cache's tiny block at mark start, gcMarkTinyAllocs, for
 * the same reason). Found by GODEBUG=gcstress=10 with GOGC=1: a short
 * string built during marking was freed while a println still held it. */
static __attribute__((noinline)) void tiny_markblock(MCache *c) {
	Span *s = heap_spanof(c->tiny);
	if (!s) return;
	uintptr_t idx = span_objindex(s, c->tiny);
	uint64_t bit = (uint64_t)1 << (idx & 63), *word = &s->markbits[idx >> 6];
	if (__atomic_load_n(word, __ATOMIC_RELAXED) & bit) return;
	if (!(__atomic_fetch_or(word, bit, __ATOMIC_RELAXED) & bit)) c->marked_local += s->elemsize;
}
static inline void *tiny_alloc(MCache *c, uintptr_t size) {
	uintptr_t off = c->tinyoffset;
	if ((size & 7) == 0) off = (off + 7) & ~(uintptr_t)7;
	else if ((size & 3) == 0) off = (off + 3) & ~(uintptr_t)3;
	else if ((size & 1) == 0) off = (off + 1) & ~(uintptr_t)1;
	if (c->tiny && off + size <= TINY_SIZE) {
		c->tinyoffset = off + size;
		if (UNLIKELY(gc_phase != GC_OFF)) tiny_markblock(c);
		return (void *)(c->tiny + off);
	}
	uintptr_t p = (uintptr_t)small_alloc(c, TINY_SIZE, NULL, true, 1);
	/* Keep whichever block has more room left. */
	if (!c->tiny || size < c->tinyoffset) {
		c->tiny = p;
		c->tinyoffset = size;
	}
	return (void *)p;
}

/* The SIGURG handler, landing in the runtime rather than in go_text, asks
 * for a yield by poisoning the split-stack limit (%fs:0x70) for the next Go
 * prologue; a Go loop that only allocates may not reach one for long, so
 * rt_new and rt_newarray check it too (one TLS load; docs/scheduler.md). */
#define STACK_PREEMPT_POISON_ 0xfffffffffffffadeul /* sched_impl.h's STACK_PREEMPT_POISON */
static inline bool preempt_requested(void) {
	uintptr_t v;
	__asm__ volatile("movq %%fs:0x70, %0" : "=r"(v));
	return v == STACK_PREEMPT_POISON_;
}

void *rt_mallocgc(uintptr_t size, const GoType *typ, int needzero) {
	if (UNLIKELY(size == 0)) return &zerobase;
	MCache *c = heap_current_cache();
	bool noscan = typ == NULL || typ->ptrdata == 0;
	void *res;
	if (noscan && size < TINY_SIZE) res = tiny_alloc(c, size);
	else if (LIKELY(size <= MAX_SMALL)) res = small_alloc(c, size, typ, noscan, needzero);
	else {
		SlowArgs a = {.c = c, .size = size, .typ = typ, .noscan = noscan, .needzero = needzero};
		rt_systemstack(large_cb, &a);
		res = a.res;
	}
	if (UNLIKELY((c->assist_debt > 0 && gc_phase == GC_MARK) || gc_stress || c->throttle)) {
		void *volatile keep = res; /* on this stack while the tail may collect */
		rt_systemstack(tail_cb, c);
		res = keep;
	}
	return res;
}

/* A preemption point for Go's allocation entry points (not rt_mallocgc:
 * runtime callers may hold locks). */
static inline void *preempt_point(void *res) {
	if (UNLIKELY(preempt_requested())) {
		void *volatile keep = res; /* on this stack while others run and collect */
		rt_preemptcheck();
		res = keep;
	}
	return res;
}

void *rt_new(const GoType *typ) { return preempt_point(rt_mallocgc(typ->size, typ, 1)); }

void *rt_newarray(const GoType *elem, intptr_t n) {
	uintptr_t size;
	if (n < 0 || __builtin_mul_overflow(elem->size, (uintptr_t)n, &size) || size > ((uintptr_t)1 << 46))
		rt_panicrt("makeslice: len out of range");
	return preempt_point(rt_mallocgc(size, elem, 1));
}

/* The size an allocation of size bytes really gets (gc's roundupsize):
 * its size class, or whole pages for large objects. append's growth
 * rounds the new capacity up to it (slice.c). */
uintptr_t rt_roundupsize(uintptr_t size) {
	if (size < MAX_SMALL) {
		if (size == 0) return 0;
		heap_malloc_init();
		return heap_class_size[size_to_class(size)];
	}
	if (size + PAGE_SIZE < size) return size;
	return (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}
