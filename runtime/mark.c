/* mark.c: tri-color marking. Owns the grey work queue (blocks of object
 * addresses, as gc's workbufs), shading (set an object's mark bit, queue it
 * if it has pointers), precise scanning of heap objects from the per-span
 * pointer bitmaps or a large object's type, conservative scanning of stack
 * ranges, the write barrier's slow path, and (GC_DEBUG) heap verification.
 *
 * Colors: white = mark bit clear; grey = mark bit set and address queued;
 * black = mark bit set and scanned (or noscan). Objects allocated while
 * marking are born black (malloc.c sets their bit).
 */
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "heap.h"

#define WB_N 509
struct Workbuf {
	Workbuf *next;
	uint64_t n;
	uintptr_t obj[WB_N];
};

static pthread_mutex_t wq_lock = PTHREAD_MUTEX_INITIALIZER;
static Workbuf *wq_full, *wq_empty;
static Workbuf *wq_shared;       /* barrier pushes land here, under wq_lock */
static uint64_t wq_nfull;        /* atomic: blocks on wq_full, plus 1 if wq_shared has work */
uint64_t mark_marked_bytes, mark_black_bytes;
uintptr_t gc_debug_watch;


static Workbuf *getempty(void) {
	pthread_mutex_lock(&wq_lock);
	Workbuf *b = wq_empty;
	if (b) wq_empty = b->next;
	pthread_mutex_unlock(&wq_lock);
	if (!b) b = heap_meta_alloc(sizeof(Workbuf));
	b->n = 0;
	b->next = NULL;
	return b;
}

static void putempty(Workbuf *b) {
	pthread_mutex_lock(&wq_lock);
	b->next = wq_empty;
	wq_empty = b;
	pthread_mutex_unlock(&wq_lock);
}

static void putfull(Workbuf *b) {
	pthread_mutex_lock(&wq_lock);
	b->next = wq_full;
	wq_full = b;
	__atomic_fetch_add(&wq_nfull, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&wq_lock);
}

/* A block with work, from the full list or the barrier's shared block. */
static Workbuf *trygetfull(void) {
	/* an unlocked hint (every write of wq_shared is under wq_lock) */
	if (!__atomic_load_n(&wq_nfull, __ATOMIC_ACQUIRE) && !__atomic_load_n(&wq_shared, __ATOMIC_RELAXED)) return NULL;
	pthread_mutex_lock(&wq_lock);
	Workbuf *b = wq_full;
	if (b) {
		wq_full = b->next;
		__atomic_fetch_sub(&wq_nfull, 1, __ATOMIC_RELEASE);
	} else if (wq_shared && wq_shared->n) {
		b = wq_shared;
		__atomic_store_n(&wq_shared, NULL, __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&wq_lock);
	return b;
}

bool mark_queue_empty(void) {
	pthread_mutex_lock(&wq_lock);
	bool e = wq_full == NULL && (wq_shared == NULL || wq_shared->n == 0);
	pthread_mutex_unlock(&wq_lock);
	return e;
}

static inline void push(GcWork *w, uintptr_t p) {
	if (UNLIKELY(!w)) {
		/* The write barrier: no local block; share one under the lock. */
		pthread_mutex_lock(&wq_lock);
		if (wq_shared && wq_shared->n == WB_N) {
			wq_shared->next = wq_full;
			wq_full = wq_shared;
			__atomic_fetch_add(&wq_nfull, 1, __ATOMIC_RELEASE);
			__atomic_store_n(&wq_shared, NULL, __ATOMIC_RELAXED);
		}
		if (!wq_shared) {
			Workbuf *b = wq_empty;
			if (b) wq_empty = b->next;
			else b = heap_meta_alloc(sizeof(Workbuf));
			b->n = 0;
			b->next = NULL;
			__atomic_store_n(&wq_shared, b, __ATOMIC_RELAXED);
		}
		wq_shared->obj[wq_shared->n++] = p;
		pthread_mutex_unlock(&wq_lock);
		return;
	}
	Workbuf *b = w->buf;
	if (UNLIKELY(!b)) b = w->buf = getempty();
	if (UNLIKELY(b->n == WB_N)) {
		putfull(b);
		b = w->buf = getempty();
	}
	b->obj[b->n++] = p;
}

static inline bool pop(GcWork *w, uintptr_t *p) {
	Workbuf *b = w->buf;
	if (LIKELY(b && b->n)) {
		*p = b->obj[--b->n];
		return true;
	}
	Workbuf *f = trygetfull();
	if (!f) return false;
	if (b) putempty(b);
	w->buf = f;
	*p = f->obj[--f->n];
	return true;
}

void mark_flush(GcWork *w) {
	if (w->buf) {
		if (w->buf->n) putfull(w->buf);
		else putempty(w->buf);
		w->buf = NULL;
	}
	if (w->marked) __atomic_fetch_add(&mark_marked_bytes, w->marked, __ATOMIC_RELAXED);
	w->marked = 0;
}

/* Shade the object containing p. conservative: p may be any word (a stack
 * slot), so a free slot is not an object. w == NULL: from the barrier. */
void mark_shade(GcWork *w, uintptr_t p, bool conservative) {
	Span *s = heap_spanof(p);
	if (!s) return;
	uintptr_t idx = 0, obj = s->base;
	if (!s->large) {
		idx = span_objindex(s, p);
		if (idx >= s->nelems) return;
		if (conservative && idx >= __atomic_load_n(&s->freeindex, __ATOMIC_ACQUIRE) &&
		    !(s->allocbits[idx >> 6] >> (idx & 63) & 1))
			return;
		obj += idx * s->elemsize;
	}
	uint64_t bit = (uint64_t)1 << (idx & 63), *word = &s->markbits[idx >> 6];
	if (__atomic_load_n(word, __ATOMIC_RELAXED) & bit) return;
	if (__atomic_fetch_or(word, bit, __ATOMIC_ACQ_REL) & bit) return;
	if (w) w->marked += s->elemsize;
	else __atomic_fetch_add(&mark_marked_bytes, s->elemsize, __ATOMIC_RELAXED);
	if (s->spc & 1) return; /* noscan: black at once */
	push(w, obj);
}

static inline void shade_word(GcWork *w, uintptr_t v) {
	if (v - heap_base < HEAP_RESERVE) mark_shade(w, v, false);
}

/* Scan [start, end) of a large object with element type typ. */
static void scan_large_range(GcWork *w, Span *s, uintptr_t start, uintptr_t end) {
	const GoType *t = s->typ;
	if (!t || !t->gcdata || !t->size) return;
	uintptr_t base = s->base, tsize = t->size, pw = t->ptrdata >> 3;
	uintptr_t e = (start - base) / tsize;
	for (uintptr_t eb = base + e * tsize; eb < end; eb += tsize) {
		for (uintptr_t j = 0; j < pw; j++) {
			uintptr_t a = eb + j * 8;
			if (a < start) continue;
			if (a >= end) break;
			if (t->gcdata[j >> 3] >> (j & 7) & 1) shade_word(w, __atomic_load_n((uintptr_t *)a, __ATOMIC_RELAXED));
		}
	}
}

static void scan_object(GcWork *w, uintptr_t b) {
	Span *s = heap_spanof(b);
	if (!s) return;
	if (s->large) {
		uintptr_t end = s->base + s->largesize, lim;
		if (b == s->base && s->largesize > OBLET_SIZE) {
			for (uintptr_t o = s->base + OBLET_SIZE; o < end; o += OBLET_SIZE) push(w, o);
		}
		lim = b + OBLET_SIZE < end ? b + OBLET_SIZE : end;
		scan_large_range(w, s, b, lim);
		w->scanned += lim - b;
		return;
	}
	uintptr_t w0 = (b - s->base) >> 3, nw = s->elemsize >> 3;
	const uint64_t *bits = s->ptrbits;
	uintptr_t wend = w0 + nw;
	for (uintptr_t wi = w0; wi < wend;) {
		/* the word may be shared with objects being allocated (set_ptrbits) */
		uint64_t m = __atomic_load_n(&bits[wi >> 6], __ATOMIC_RELAXED) >> (wi & 63);
		uintptr_t span = 64 - (wi & 63);
		if (span > wend - wi) {
			span = wend - wi;
			m &= ((uint64_t)1 << span) - 1;
		}
		while (m) {
			uintptr_t k = (uintptr_t)__builtin_ctzll(m);
			m &= m - 1;
			/* mutators store into the object concurrently (barriered) */
			shade_word(w, __atomic_load_n((uintptr_t *)(s->base + ((wi + k) << 3)), __ATOMIC_RELAXED));
		}
		wi += span;
	}
	w->scanned += s->elemsize;
}

/* Share half of a local block when the global queue is empty, so that
 * assists (and later, other workers) find work (gc's gcWork.balance). */
static void balance(GcWork *w) {
	Workbuf *b = w->buf;
	if (!b || b->n < 8 || __atomic_load_n(&wq_nfull, __ATOMIC_RELAXED)) return;
	Workbuf *h = getempty();
	uint64_t half = b->n / 2;
	memcpy(h->obj, b->obj, half * sizeof(uintptr_t));
	memmove(b->obj, b->obj + half, (b->n - half) * sizeof(uintptr_t));
	h->n = half;
	b->n -= half;
	putfull(h);
}

/* Objects popped from the queue pass through a small FIFO before they are
 * scanned, and are prefetched on entry: by the time one is scanned its
 * first line has had PF_N scans' worth of time to arrive. Reading the
 * object was the collector's main stall (a cache miss per object, ~3/4 of
 * marking time on binary-trees); a LIFO pop leaves no time to prefetch. */
#define PF_N 16
bool mark_drain(GcWork *w, int64_t budget) {
	uint64_t start = w->scanned;
	uintptr_t ring[PF_N], p;
	unsigned head = 0, n = 0, k = 0;
	for (;;) {
		while (n < PF_N && pop(w, &p)) {
			__builtin_prefetch((void *)p);
			ring[(head + n) % PF_N] = p;
			n++;
		}
		if (!n) return true;
		p = ring[head];
		head = (head + 1) % PF_N;
		n--;
		bool stop = false;
		if (UNLIKELY((++k & 63) == 0)) {
			balance(w);
			/* a slice of pointer-dense objects takes 100 us and more: the
			 * world's stop must not wait for it */
			stop = budget >= 0 && __atomic_load_n(&gc_stopping, __ATOMIC_ACQUIRE);
		}
		scan_object(w, p);
		if ((budget >= 0 && (int64_t)(w->scanned - start) >= budget) || stop) {
			/* Unscanned entries go back to the queue (they are grey). */
			for (; n; n--, head = (head + 1) % PF_N) push(w, ring[head]);
			return false;
		}
	}
}

NO_ASAN void mark_scanrange_conservative(GcWork *w, uintptr_t lo, uintptr_t hi) {
	lo = (lo + 7) & ~(uintptr_t)7;
	for (uintptr_t a = lo; a + 8 <= hi; a += 8) {
		uintptr_t v = *(volatile uintptr_t *)a;
#ifdef GC_DEBUG
		if (UNLIKELY(gc_debug_watch) && v - (gc_debug_watch ^ 0x5a5a5a5a5a5a5a5aull) < 16)
			fprintf(stderr, "gc: watch %#lx found at %#lx in [%#lx,%#lx)\n", (unsigned long)v, (unsigned long)a,
			        (unsigned long)lo, (unsigned long)hi);
#endif
		if (v - heap_base < HEAP_RESERVE) mark_shade(w, v, true);
	}
	w->scanned += hi > lo ? hi - lo : 0;
}

void mark_scanrange_bitmap(GcWork *w, uintptr_t start, uintptr_t nbytes, const uint8_t *bitmap) {
	uintptr_t nw = nbytes >> 3;
	for (uintptr_t i = 0; i < nw; i++) {
		if (!bitmap[i >> 3]) {
			i |= 7;
			continue;
		}
		if (bitmap[i >> 3] >> (i & 7) & 1) shade_word(w, *(uintptr_t *)(start + i * 8));
	}
	w->scanned += nbytes;
}

/* ---- the write barrier -----------------------------------------------------
 * Go 1.8's hybrid barrier: shade the value being overwritten (Yuasa deletion:
 * what was reachable at the start of marking stays reachable), and while
 * stacks are still grey also the value being written (Dijkstra insertion).
 * goc scans every stack with the world stopped when marking starts, so
 * gc_shade_new is normally 0 during concurrent marking. */
volatile uint32_t rt_wbenabled;

void rt_wbstore(void **slot, void *val) {
	rt_wbshade(*slot, val);
	__atomic_store_n(slot, val, __ATOMIC_RELAXED); /* the marker may be reading it */
}

void rt_wbshade(void *old, void *val) {
	if (rt_wbenabled && !gc_barrieroff) {
		shade_word(NULL, (uintptr_t)old);
		if (gc_shade_new) shade_word(NULL, (uintptr_t)val);
	}
}

/* The barrier for n values of typ about to be overwritten at dst (with the
 * values at src, or cleared if src is NULL). */
static void bulk_barrier(const GoType *typ, void *dst, const void *src, uintptr_t n) {
	if (!rt_wbenabled || gc_barrieroff || !typ->ptrdata || !typ->gcdata) return;
	uintptr_t pw = typ->ptrdata >> 3, tw = typ->size >> 3;
	for (uintptr_t e = 0; e < n; e++) {
		for (uintptr_t j = 0; j < pw; j++) {
			if (typ->gcdata[j >> 3] >> (j & 7) & 1) {
				shade_word(NULL, ((uintptr_t *)dst)[e * tw + j]);
				if (gc_shade_new && src) shade_word(NULL, ((const uintptr_t *)src)[e * tw + j]);
			}
		}
	}
}

/* While the marker may be reading the destination (barrier on), pointerful
 * memory is copied or cleared a word at a time with relaxed atomics, so that
 * the marker never reads a torn pointer (gc's memmove promises the same
 * pointer-sized atomicity; ThreadSanitizer checks it here). Otherwise
 * memmove/memset. */
static void move_words(void *dst, const void *src, uintptr_t n) {
	if (!rt_wbenabled || ((n | (uintptr_t)dst | (uintptr_t)src) & 7)) {
		memmove(dst, src, n);
		return;
	}
	uintptr_t *d = dst, k = n >> 3;
	const uintptr_t *s = src;
	if (d < s)
		for (uintptr_t i = 0; i < k; i++) __atomic_store_n(&d[i], __atomic_load_n(&s[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
	else
		for (uintptr_t i = k; i-- > 0;) __atomic_store_n(&d[i], __atomic_load_n(&s[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
}

static void clear_words(void *dst, uintptr_t n) {
	if (!rt_wbenabled || ((n | (uintptr_t)dst) & 7)) {
		memset(dst, 0, n);
		return;
	}
	uintptr_t *d = dst;
	for (uintptr_t i = 0; i < n >> 3; i++) __atomic_store_n(&d[i], 0, __ATOMIC_RELAXED);
}

void rt_typedmemmove(const GoType *typ, void *dst, const void *src) {
	if (dst == src || !typ->size) return;
	bulk_barrier(typ, dst, src, 1);
	move_words(dst, src, typ->size);
}

void rt_typedslicecopy(const GoType *elem, void *dst, const void *src, intptr_t n) {
	if (n <= 0 || dst == src || !elem->size) return;
	bulk_barrier(elem, dst, src, (uintptr_t)n);
	move_words(dst, src, (uintptr_t)n * elem->size);
}

void rt_typedmemclr(const GoType *typ, void *dst, intptr_t n) {
	if (n <= 0 || !typ->size) return;
	bulk_barrier(typ, dst, NULL, (uintptr_t)n);
	clear_words(dst, (uintptr_t)n * typ->size);
}

/* ---- gcverify: check that marking left no black -> white edge -------------- */
static bool is_marked(Span *s, uintptr_t p) {
	uintptr_t idx = s->large ? 0 : (p - s->base) / s->elemsize;
	return s->markbits[idx >> 6] >> (idx & 63) & 1;
}

static bool is_alloc(Span *s, uintptr_t p) {
	if (s->large) return true;
	uintptr_t idx = (p - s->base) / s->elemsize;
	return idx < s->freeindex || (s->allocbits[idx >> 6] >> (idx & 63) & 1);
}

static void verify_word(uintptr_t from, uintptr_t v) {
	if (v - heap_base >= HEAP_RESERVE) return;
	Span *t = heap_spanof(v);
	if (!t) return;
	if (is_alloc(t, v) && !is_marked(t, v)) {
		char buf[512];
		Span *f = heap_spanof(from);
		uint64_t *fw = (uint64_t *)from;
		snprintf(buf, sizeof buf,
		         "gc: verify: marked object %#lx (class %d, fi %u, words %#lx %#lx %#lx %#lx %#lx %#lx) points to "
		         "unmarked object %#lx (class %d, idx %lu, freeindex %u, alloc %d, word0 %#lx) phase %u",
		         (unsigned long)from, f ? f->spc : -1, f ? f->freeindex : 0, (unsigned long)fw[0],
		         (unsigned long)fw[1], (unsigned long)fw[2], (unsigned long)fw[3], (unsigned long)fw[4],
		         (unsigned long)fw[5], (unsigned long)v, t->spc,
		         t->large ? 0ul : (unsigned long)((v - t->base) / t->elemsize), t->freeindex,
		         (int)(t->allocbits[((v - t->base) / t->elemsize) >> 6] >> (((v - t->base) / t->elemsize) & 63) & 1),
		         (unsigned long)*(uint64_t *)v, gc_phase);
		rt_throw(buf);
	}
}

static void verify_span(Span *s) {
	if (s->spc & 1) return;
	if (s->large) {
		if (!s->markbits[0] || !s->typ || !s->typ->gcdata) return;
		const GoType *t = s->typ;
		for (uintptr_t eb = s->base; eb + t->size <= s->base + s->largesize; eb += t->size)
			for (uintptr_t j = 0; j < (t->ptrdata >> 3); j++)
				if (t->gcdata[j >> 3] >> (j & 7) & 1) verify_word(s->base, ((uintptr_t *)eb)[j]);
		return;
	}
	for (uint32_t i = 0; i < s->nelems; i++) {
		if (!(s->markbits[i >> 6] >> (i & 63) & 1)) continue;
		uintptr_t obj = s->base + i * s->elemsize, w0 = (obj - s->base) >> 3;
		for (uintptr_t k = 0; k < (s->elemsize >> 3); k++)
			if (s->ptrbits[(w0 + k) >> 6] >> ((w0 + k) & 63) & 1) verify_word(obj, ((uintptr_t *)obj)[k]);
	}
}

/* At mark start every span must be swept: no mark bits, every in-use page
 * on some list or cache. */
static uint64_t check_clear(Span *s, const char *where) {
	uint32_t nw = s->large ? 1 : (s->nelems + 63) / 64;
	for (uint32_t i = 0; i < nw; i++)
		if (s->markbits[i]) {
			char buf[200];
			snprintf(buf, sizeof buf, "gc: verify: span %#lx (class %d) on %s has mark bits at mark start",
			         (unsigned long)s->base, s->spc, where);
			rt_throw(buf);
		}
	return s->npages;
}

void mark_verify_start(void) {
	uint64_t pages = 0;
	for (int i = 0; i < NUM_SPANCLASSES; i++) {
		Central *ct = &heap_central[i];
		for (Span *s = ct->partial.next; s != &ct->partial; s = s->next) pages += check_clear(s, "partial");
		for (Span *s = ct->full.next; s != &ct->full; s = s->next) pages += check_clear(s, "full");
		if (!list_empty(&ct->unswept)) rt_throw("gc: verify: unswept span at mark start");
	}
	for (Span *s = heap_large_inuse.next; s != &heap_large_inuse; s = s->next) pages += check_clear(s, "large");
	for (MCache *c = heap_allcaches.allnext; c != &heap_allcaches; c = c->allnext)
		for (int i = 0; i < NUM_SPANCLASSES; i++)
			if (c->alloc[i]) pages += check_clear(c->alloc[i], "cache");
	if (pages << PAGE_SHIFT != heap_inuse) {
		char buf[200];
		snprintf(buf, sizeof buf, "gc: verify: %lu pages on lists, %lu in use", (unsigned long)pages,
		         (unsigned long)(heap_inuse >> PAGE_SHIFT));
		rt_throw(buf);
	}
}

void mark_verify(void) {
	for (int i = 0; i < NUM_SPANCLASSES; i++) {
		Central *ct = &heap_central[i];
		for (Span *s = ct->partial.next; s != &ct->partial; s = s->next) verify_span(s);
		for (Span *s = ct->full.next; s != &ct->full; s = s->next) verify_span(s);
	}
	for (Span *s = heap_large_inuse.next; s != &heap_large_inuse; s = s->next) verify_span(s);
}

void mark_verify_root(uintptr_t from, uintptr_t v, const char *what) {
	if (v - heap_base >= HEAP_RESERVE) return;
	Span *t = heap_spanof(v);
	if (!t || !is_alloc(t, v) || is_marked(t, v)) return;
	char buf[256];
	snprintf(buf, sizeof buf, "gc: verify: %s root %#lx points to unmarked object %#lx (class %d)", what,
	         (unsigned long)from, (unsigned long)v, t->spc);
	rt_throw(buf);
}
