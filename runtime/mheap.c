/* mheap.c: the page heap. Owns the address-space reservation, the arenas
 * mapped from it, free page runs (coalesced on free), the page map from any
 * heap address to its span, returning idle pages to the OS (the scavenger),
 * and the small non-GC allocator for the collector's own metadata (span
 * structs, bitmaps). Kept apart from malloc.c because it deals in pages and
 * knows nothing about objects or size classes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "heap.h"

uintptr_t heap_base, heap_end;
static uintptr_t heap_bump;  /* fresh pages start here, up to heap_end */
Span **heap_pagemap;
pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;
uint64_t heap_sys, heap_inuse, heap_released, heap_metasys;

/* Free runs: free_small[n] holds runs of exactly n pages (n < 128),
 * free_big the longer ones. */
#define NFREE_SMALL 128
static Span free_small[NFREE_SMALL];
static Span free_big;

static void *sysmap(size_t n) {
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) rt_throw("runtime: out of memory");
	return p;
}

/* ---- metadata allocator: size-segregated free lists over 1 MiB chunks ---- */
#define META_GRAIN 64
#define META_MAXSMALL 8192
static pthread_mutex_t meta_lock = PTHREAD_MUTEX_INITIALIZER;
static void *meta_free[META_MAXSMALL / META_GRAIN + 1];
static char *meta_chunk, *meta_chunk_end;

void *heap_meta_alloc(size_t n) {
	n = (n + META_GRAIN - 1) & ~(size_t)(META_GRAIN - 1);
	if (n > META_MAXSMALL) {
		__atomic_fetch_add(&heap_metasys, n, __ATOMIC_RELAXED);
		return sysmap(n);
	}
	pthread_mutex_lock(&meta_lock);
	void **head = &meta_free[n / META_GRAIN];
	void *p = *head;
	if (p) {
		*head = *(void **)p;
		memset(p, 0, n);
	} else {
		if (!meta_chunk || (size_t)(meta_chunk_end - meta_chunk) < n) {
			size_t csz = 1 << 20;
			meta_chunk = sysmap(csz);
			meta_chunk_end = meta_chunk + csz;
			__atomic_fetch_add(&heap_metasys, csz, __ATOMIC_RELAXED);
		}
		p = meta_chunk; /* fresh mmap memory is zero */
		meta_chunk += n;
	}
	pthread_mutex_unlock(&meta_lock);
	return p;
}

void heap_meta_free(void *p, size_t n) {
	if (!p) return;
	n = (n + META_GRAIN - 1) & ~(size_t)(META_GRAIN - 1);
	if (n > META_MAXSMALL) {
		munmap(p, n);
		__atomic_fetch_sub(&heap_metasys, n, __ATOMIC_RELAXED);
		return;
	}
	pthread_mutex_lock(&meta_lock);
	*(void **)p = meta_free[n / META_GRAIN];
	meta_free[n / META_GRAIN] = p;
	pthread_mutex_unlock(&meta_lock);
}

/* Span structs are never unmapped: a stale page-map entry may still point at
 * one, and heap_spanof's state and range checks reject it. */
static Span *span_new(void) { return heap_meta_alloc(sizeof(Span)); }
static void span_dispose(Span *s) {
	__atomic_store_n(&s->state, SPAN_FREE, __ATOMIC_RELEASE);
	s->base = 0;
	s->npages = 0;
	heap_meta_free(s, sizeof(Span));
}

static pthread_once_t heap_once = PTHREAD_ONCE_INIT;
static void heap_init_once(void) {
	/* Reserve address space; arenas are mapped in as the heap grows. Align
	 * to an arena so arena boundaries are round. */
	size_t rsv = HEAP_RESERVE + ARENA_SIZE;
	void *p = mmap(NULL, rsv, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) rt_throw("cannot reserve the heap address space");
	uintptr_t b = ((uintptr_t)p + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1);
	heap_base = heap_end = heap_bump = b;
	size_t pmsz = (HEAP_RESERVE >> PAGE_SHIFT) * sizeof(Span *);
	heap_pagemap = sysmap(pmsz);
	for (int i = 0; i < NFREE_SMALL; i++) list_init(&free_small[i]);
	list_init(&free_big);
}

void heap_init(void) { pthread_once(&heap_once, heap_init_once); }

static inline uintptr_t pageidx(uintptr_t addr) { return (addr - heap_base) >> PAGE_SHIFT; }

static Span *free_list_for(uintptr_t npages) {
	return npages < NFREE_SMALL ? &free_small[npages] : &free_big;
}

/* Put a free span on its list and mark its first and last page. */
static void free_insert(Span *s) {
	list_push(free_list_for(s->npages), s);
	heap_pagemap[pageidx(s->base)] = s;
	heap_pagemap[pageidx(s->base) + s->npages - 1] = s;
}

static uint64_t nanotime(void) { return gc_nanotime(); }

/* Map more arenas so that [heap_bump, heap_bump + need) is usable. */
static void grow(uintptr_t need) {
	while (heap_bump + need > heap_end) {
		if (heap_end + ARENA_SIZE > heap_base + HEAP_RESERVE) rt_throw("runtime: out of memory");
		void *p = mmap((void *)heap_end, ARENA_SIZE, PROT_READ | PROT_WRITE,
		               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED) rt_throw("runtime: out of memory");
		heap_sys += ARENA_SIZE;
		__atomic_store_n(&heap_end, heap_end + ARENA_SIZE, __ATOMIC_RELEASE);
	}
}

Span *heap_alloc_span(uintptr_t npages) {
	heap_init();
	pthread_mutex_lock(&heap_lock);
	Span *s = NULL;
	for (uintptr_t n = npages; n < NFREE_SMALL && !s; n++) s = list_pop(&free_small[n]);
	if (!s) {
		/* Best fit among the big runs. */
		Span *best = NULL;
		for (Span *t = free_big.next; t != &free_big; t = t->next)
			if (t->npages >= npages && (!best || t->npages < best->npages)) best = t;
		if (best) {
			list_remove(best);
			s = best;
		}
	}
	if (s) {
		if (s->scavenged) heap_released -= s->npages << PAGE_SHIFT;
		if (s->npages > npages) {
			Span *r = span_new();
			r->base = s->base + (npages << PAGE_SHIFT);
			r->npages = s->npages - npages;
			r->needzero = s->needzero;
			r->scavenged = s->scavenged;
			r->freetime = s->freetime;
			r->state = SPAN_FREE;
			if (r->scavenged) heap_released += r->npages << PAGE_SHIFT;
			free_insert(r);
			s->npages = npages;
		}
	} else {
		grow(npages << PAGE_SHIFT);
		s = span_new();
		s->base = heap_bump;
		s->npages = npages;
		s->needzero = 0;
		__atomic_store_n(&heap_bump, heap_bump + (npages << PAGE_SHIFT), __ATOMIC_RELAXED); /* heap_touched reads it unlocked */
	}
	s->scavenged = 0;
	s->next = s->prev = NULL;
	s->state = SPAN_MANUAL; /* no longer coalescible, not yet findable */
	heap_inuse += npages << PAGE_SHIFT;
	pthread_mutex_unlock(&heap_lock);
	return s;
}

uint64_t heap_touched(void) { return __atomic_load_n(&heap_bump, __ATOMIC_RELAXED) - heap_base; }

void heap_publish_span(Span *s) {
	uintptr_t pg = pageidx(s->base);
	for (uintptr_t i = 0; i < s->npages; i++) __atomic_store_n(&heap_pagemap[pg + i], s, __ATOMIC_RELEASE);
	__atomic_store_n(&s->state, SPAN_INUSE, __ATOMIC_RELEASE);
}

void heap_free_span(Span *s) {
	pthread_mutex_lock(&heap_lock);
	heap_inuse -= s->npages << PAGE_SHIFT;
	__atomic_store_n(&s->state, SPAN_FREE, __ATOMIC_RELEASE);
	s->needzero = 1;
	s->scavenged = 0;
	s->freetime = nanotime();
	s->large = 0;
	s->typ = NULL;
	uintptr_t pg = pageidx(s->base);
	if (pg > 0) {
		/* neighbours may be being published by other threads (heap_publish_span
		 * runs without heap_lock): read the page map and states atomically */
		Span *t = __atomic_load_n(&heap_pagemap[pg - 1], __ATOMIC_ACQUIRE);
		if (t && __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == SPAN_FREE && t->npages && t->base + (t->npages << PAGE_SHIFT) == s->base) {
			list_remove(t);
			if (t->scavenged) heap_released -= t->npages << PAGE_SHIFT;
			s->base = t->base;
			s->npages += t->npages;
			span_dispose(t);
		}
	}
	uintptr_t end = s->base + (s->npages << PAGE_SHIFT);
	if (end < heap_bump) {
		Span *t = __atomic_load_n(&heap_pagemap[pageidx(end)], __ATOMIC_ACQUIRE);
		if (t && __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == SPAN_FREE && t->npages && t->base == end) {
			list_remove(t);
			if (t->scavenged) heap_released -= t->npages << PAGE_SHIFT;
			s->npages += t->npages;
			span_dispose(t);
		}
	}
	free_insert(s);
	pthread_mutex_unlock(&heap_lock);
}

/* Return free runs that have been idle longer than older_than_ns to the OS,
 * until want bytes are released. The pages stay mapped and read as zeros. */
uintptr_t heap_scavenge(uintptr_t want, uint64_t older_than_ns) {
	if (!heap_pagemap) return 0;
	uintptr_t done = 0;
	uint64_t now = nanotime();
	pthread_mutex_lock(&heap_lock);
	for (int i = NFREE_SMALL; i >= 0 && done < want; i--) {
		Span *h = i == NFREE_SMALL ? &free_big : &free_small[i];
		for (Span *s = h->next; s != h && done < want; s = s->next) {
			if (s->scavenged || now - s->freetime < older_than_ns) continue;
			uintptr_t n = s->npages << PAGE_SHIFT;
			madvise((void *)s->base, n, MADV_DONTNEED);
			s->scavenged = 1;
			s->needzero = 0;
			heap_released += n;
			done += n;
		}
	}
	pthread_mutex_unlock(&heap_lock);
	return done;
}
