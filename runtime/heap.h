/* heap.h: private interfaces between the memory allocator (malloc.c, mheap.c)
 * and the garbage collector (gc.c, mark.c, sweep.c). Not for compiled code or
 * other subsystems: those use runtime.h.
 *
 * Layout in one picture:
 *   one big PROT_NONE reservation [heap_base, heap_base+HEAP_RESERVE), mapped
 *   read-write 64 MiB arena by arena as the heap grows;
 *   8 KiB pages; a span is a run of pages, free or in use;
 *   heap_pagemap[page] -> Span* for every page of an in-use span (and the
 *   first and last page of a free one), so any interior pointer finds its span
 *   and so its object;
 *   a small span holds objects of one size class and one scan/noscan kind; a
 *   large object (> 32 KiB) has a span of its own.
 */
#ifndef GOC_RUNTIME_HEAP_H
#define GOC_RUNTIME_HEAP_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "runtime.h"

#define PAGE_SHIFT 13
#define PAGE_SIZE ((uintptr_t)1 << PAGE_SHIFT)
#define ARENA_SIZE ((uintptr_t)64 << 20)
#define HEAP_RESERVE ((uintptr_t)256 << 30)
#define NUM_CLASSES 68
#define NUM_SPANCLASSES (NUM_CLASSES * 2)
#define MAX_SMALL 32768
#define OBLET_SIZE ((uintptr_t)128 << 10) /* large objects are scanned in pieces */

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_ASAN 1
#endif
#endif
#ifdef __SANITIZE_ADDRESS__
#define GC_ASAN 1
#endif
/* The conservative scanners read whole stacks, redzones included. */
#define NO_ASAN __attribute__((no_sanitize("address")))

/* Verification (GODEBUG=gcverify=1, always on in GC_DEBUG builds): freed
 * objects are poisoned and the heap and the precise roots are verified after
 * every mark. */
#define POISON_BYTE 0xde /* 0xdede... is a non-canonical address: it faults */

/* SPAN_MANUAL: handed out by heap_alloc_span, not yet published. */
enum { SPAN_FREE = 0, SPAN_INUSE = 1, SPAN_MANUAL = 2 };

typedef struct Span Span;
struct Span {
	uintptr_t base;
	uintptr_t npages;
	Span *next, *prev;    /* the list the span is on (free list, central list) */
	uint8_t state;        /* SPAN_FREE / SPAN_INUSE */
	uint8_t spc;          /* span class: sizeclass<<1 | noscan; class 0 = large */
	uint8_t incache;      /* owned by an MCache */
	uint8_t needzero;     /* memory may be dirty (else fresh zero pages) */
	uint8_t scavenged;    /* free and returned to the OS */
	uint8_t large;
	uint32_t nelems;
	uint32_t divmul;       /* small: offset * divmul >> 32 == offset / elemsize (gc's divMagic) */
	uint32_t freeindex;   /* slots below are allocated; read racily by markers */
	uint32_t alloccount;  /* allocated slots, maintained by the owner */
	uintptr_t elemsize;
	uint64_t *allocbits;  /* allocated slots as of the last sweep */
	uint64_t *markbits;   /* set by marking; becomes allocbits at sweep */
	uint64_t *ptrbits;    /* small scan spans: one bit per word of the span */
	void *meta;           /* the block holding the three bitmaps */
	size_t metasize;      /* its size */
	const GoType *typ;    /* large scan objects: element type */
	uintptr_t largesize;  /* large objects: requested size */
	uint64_t freetime;    /* free spans: when it was freed (ns) */
};

/* ---- mheap.c: pages, spans, page map, metadata memory -------------------- */
extern uintptr_t heap_base, heap_end; /* [base, end) is mapped */
extern Span **heap_pagemap;
extern pthread_mutex_t heap_lock;

void heap_init(void);
Span *heap_alloc_span(uintptr_t npages);  /* state INUSE; caller fills it */
void heap_free_span(Span *s);
void heap_publish_span(Span *s);          /* fill the page map for an in-use span */
uint64_t heap_touched(void);              /* bytes of pages ever handed out */
uintptr_t heap_scavenge(uintptr_t want, uint64_t older_than_ns); /* returns bytes released */
void *heap_meta_alloc(size_t n);          /* zeroed, non-GC memory */
void heap_meta_free(void *p, size_t n);

/* Stats (bytes). Updated under heap_lock unless noted. */
extern uint64_t heap_sys;       /* mapped arenas */
extern uint64_t heap_inuse;     /* pages in in-use spans */
extern uint64_t heap_released;  /* free pages returned to the OS */
extern uint64_t heap_metasys;   /* metadata: spans, bitmaps, page map touched */

/* The span holding address p, or NULL. */
static inline Span *heap_spanof(uintptr_t p) {
	if (p < heap_base || p >= __atomic_load_n(&heap_end, __ATOMIC_ACQUIRE)) return NULL;
	Span *s = __atomic_load_n(&heap_pagemap[(p - heap_base) >> PAGE_SHIFT], __ATOMIC_ACQUIRE);
	if (!s || __atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SPAN_INUSE) return NULL;
	if (p < s->base || p >= s->base + (s->npages << PAGE_SHIFT)) return NULL;
	return s;
}

static inline uintptr_t span_objindex(const Span *s, uintptr_t p) {
	return (uintptr_t)(((uint64_t)(p - s->base) * s->divmul) >> 32);
}

/* ---- malloc.c: size classes, caches, central lists ----------------------- */
extern const uint16_t heap_class_size[NUM_CLASSES];
extern const uint8_t heap_class_npages[NUM_CLASSES];

struct MCache {
	Span *alloc[NUM_SPANCLASSES];
	MCache *allnext, *allprev;  /* all caches, under heap_cachelock */
	int64_t assist_debt;        /* scan work (bytes) owed by allocation during mark */
	uint64_t marked_local;      /* bytes allocated black this cycle */
	uint64_t nmalloc, ntotalalloc; /* stats, folded into the globals at flush */
	uint64_t stress_count;
	uint32_t throttle;          /* heap past the hard goal: wait before returning */
	uintptr_t tiny, tinyoffset; /* the tiny allocator's current 16-byte block */
};

typedef struct Central {
	pthread_mutex_t lock;
	Span partial, full, unswept; /* list heads (sentinels) */
} Central;
extern Central heap_central[NUM_SPANCLASSES];
extern pthread_mutex_t heap_largelock;
extern Span heap_large_inuse, heap_large_unswept;
extern pthread_mutex_t heap_cachelock;
extern MCache heap_allcaches; /* sentinel */

void heap_malloc_init(void);
void heap_mcache_flush(MCache *c);       /* give back every cached span */
MCache *heap_current_cache(void);

/* heap_live: bytes of objects marked last cycle plus bytes (of whole cached
 * spans' free slots) handed out since; drives the pacer. */
extern uint64_t heap_live;
extern uint64_t heap_nmalloc, heap_nfree, heap_totalalloc; /* atomic */

static inline void list_init(Span *h) { h->next = h->prev = h; }
static inline bool list_empty(const Span *h) { return h->next == h; }
static inline void list_remove(Span *s) {
	s->prev->next = s->next;
	s->next->prev = s->prev;
	s->next = s->prev = NULL;
}
static inline void list_push(Span *h, Span *s) {
	s->next = h->next;
	s->prev = h;
	h->next->prev = s;
	h->next = s;
}
static inline Span *list_pop(Span *h) {
	if (list_empty(h)) return NULL;
	Span *s = h->next;
	list_remove(s);
	return s;
}
/* Move every span of src to the front of dst. */
static inline void list_splice(Span *dst, Span *src) {
	if (list_empty(src)) return;
	Span *first = src->next, *last = src->prev;
	last->next = dst->next;
	dst->next->prev = last;
	dst->next = first;
	first->prev = dst;
	list_init(src);
}

/* ---- gc.c: cycle state ---------------------------------------------------- */
enum { GC_OFF = 0, GC_MARK = 1, GC_MARKTERM = 2 };
extern volatile uint32_t gc_phase;
extern volatile uint32_t gc_shade_new;   /* hybrid barrier: stacks still grey */
extern uint64_t gc_trigger;               /* start a cycle when heap_live reaches it */
extern uint64_t gc_hard_goal;             /* allocation waits for the collector past it */
void gc_throttle(void);
extern uint32_t gc_stress;                /* GODEBUG=gcstress=N */
extern uint32_t gc_verify;                /* GODEBUG=gcverify=1 (GC_DEBUG: default on) */
/* GODEBUG=gcbarrieroff=1: the write barrier shades nothing. Breaks the
 * collector on purpose: only to check that gcverify catches it. */
extern uint32_t gc_barrieroff;
extern uint32_t gc_cyclegen;              /* incremented at every cycle start */
extern double gc_assist_ratio;            /* scan bytes owed per byte allocated */
extern int64_t gc_bg_credit;              /* atomic: scan work done ahead by the worker */
extern uint64_t gc_assist_ns;             /* atomic */
extern uint64_t gc_throttle_ns;           /* atomic: time allocation waited at the hard goal */
void gc_start_async(void);                /* heap_live passed the trigger */
void gc_assist(MCache *c);                /* pay c->assist_debt */
uint64_t gc_nanotime(void);
int64_t gc_parse_bytes(const char *s);    /* GOMEMLIMIT syntax; -1 if malformed */

/* ---- mark.c: grey objects, scanning, the barrier ---------------------------- */
typedef struct Workbuf Workbuf;
typedef struct GcWork {
	Workbuf *buf;
	uint64_t scanned;  /* bytes scanned */
	uint64_t marked;   /* bytes marked */
} GcWork;
void mark_shade(GcWork *w, uintptr_t p, bool conservative);
void mark_scanrange_conservative(GcWork *w, uintptr_t lo, uintptr_t hi);
void mark_scanrange_bitmap(GcWork *w, uintptr_t start, uintptr_t nbytes, const uint8_t *bitmap);
bool mark_drain(GcWork *w, int64_t budget); /* true when no work is left anywhere */
/* Set while the collector stops the world: a bounded drain (an assist)
 * returns early, since its thread must stop too. */
extern volatile uint32_t gc_stopping;
void mark_flush(GcWork *w);
bool mark_queue_empty(void);
extern uint64_t mark_marked_bytes; /* atomic: bytes marked by tracing this cycle */
extern uint64_t mark_black_bytes;  /* atomic: bytes allocated black this cycle */
extern uintptr_t gc_debug_watch;   /* GC_DEBUG: XOR 0x5a5a...: report where the conservative scan finds it */
void mark_verify(void);            /* gcverify: no marked object points to an unmarked one */
void mark_verify_start(void);      /* gcverify: everything swept, nothing marked */
/* gcverify: the precise root word at `from` (what names the root) must not
 * point to an allocated, unmarked object. */
void mark_verify_root(uintptr_t from, uintptr_t v, const char *what);

/* ---- sweep.c ---------------------------------------------------------------- */
extern uint64_t sweep_unswept;  /* atomic flag: some span may still be unswept */
extern uint32_t sweep_active;   /* atomic: sweeps in progress */
void sweep_begin(void);         /* world stopped: every in-use span becomes unswept */
bool sweep_span(Span *s);       /* s owned by caller; returns true if it still holds objects */
bool sweep_one(void);           /* sweep one span from any list; false if none left */
Span *sweep_for_class(int spc); /* sweep spans of spc until one has a free slot */
void sweep_all(void);

#endif
