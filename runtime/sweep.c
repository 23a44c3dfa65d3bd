/* sweep.c: reclaiming unmarked objects after a mark phase, lazily and span by
 * span. At mark termination every in-use span moves to its class's unswept
 * list (sweep_begin, O(classes) with the world stopped). Afterwards spans are
 * swept by whoever needs them: an allocating thread that needs a span of a
 * class sweeps that class first (sweep_for_class), and the background worker
 * sweeps the rest (sweep_one) before the next cycle may start. A span being
 * swept is on no list, so whoever popped it owns it.
 */
#include <sched.h>
#include <string.h>

#include "heap.h"

uint64_t sweep_unswept;
uint32_t sweep_active;

void sweep_begin(void) {
	for (int i = 0; i < NUM_SPANCLASSES; i++) {
		Central *ct = &heap_central[i];
		pthread_mutex_lock(&ct->lock);
		list_splice(&ct->unswept, &ct->partial);
		list_splice(&ct->unswept, &ct->full);
		pthread_mutex_unlock(&ct->lock);
	}
	pthread_mutex_lock(&heap_largelock);
	list_splice(&heap_large_unswept, &heap_large_inuse);
	pthread_mutex_unlock(&heap_largelock);
	__atomic_store_n(&sweep_unswept, 1, __ATOMIC_RELEASE);
}

static void free_span(Span *s) {
	heap_meta_free(s->meta, s->metasize);
	s->meta = NULL;
	s->allocbits = s->markbits = s->ptrbits = NULL;
	heap_free_span(s);
}

bool sweep_span(Span *s) {
	if (s->large) {
		if (s->markbits[0]) {
			s->markbits[0] = 0;
			return true;
		}
		__atomic_fetch_add(&heap_nfree, 1, __ATOMIC_RELAXED);
		if (gc_verify) memset((void *)s->base, POISON_BYTE, s->largesize);
		free_span(s);
		return false;
	}
	uint32_t n = s->nelems, nw = (n + 63) / 64, fi = s->freeindex;
	uint32_t live = 0, freed = 0;
	for (uint32_t w = 0; w < nw; w++) {
		uint64_t below = 0; /* slots below freeindex count as allocated */
		if (fi >= (w + 1) * 64) below = ~(uint64_t)0;
		else if (fi > w * 64) below = ((uint64_t)1 << (fi - w * 64)) - 1;
		uint64_t alloc = s->allocbits[w] | below, mark = s->markbits[w];
		uint64_t dead = alloc & ~mark;
		live += (uint32_t)__builtin_popcountll(mark);
		freed += (uint32_t)__builtin_popcountll(dead);
		if (gc_verify) {
			for (uint64_t d = dead; d; d &= d - 1) {
				uint32_t idx = w * 64 + (uint32_t)__builtin_ctzll(d);
				if (idx < n) memset((void *)(s->base + idx * s->elemsize), POISON_BYTE, s->elemsize);
			}
		}
	}
	uint64_t *t = s->allocbits;
	s->allocbits = s->markbits;
	s->markbits = t;
	memset(t, 0, nw * 8);
	s->freeindex = 0;
	__atomic_store_n(&s->alloccount, live, __ATOMIC_RELAXED); /* rt_readmemstats may still read it */
	if (freed) {
		s->needzero = 1;
		__atomic_fetch_add(&heap_nfree, freed, __ATOMIC_RELAXED);
	}
	if (live == 0) {
		free_span(s);
		return false;
	}
	return true;
}

/* Put a swept span that still holds objects back on its swept list. */
static void reinsert(Span *s) {
	if (s->large) {
		pthread_mutex_lock(&heap_largelock);
		list_push(&heap_large_inuse, s);
		pthread_mutex_unlock(&heap_largelock);
		return;
	}
	Central *ct = &heap_central[s->spc];
	pthread_mutex_lock(&ct->lock);
	list_push(s->alloccount < s->nelems ? &ct->partial : &ct->full, s);
	pthread_mutex_unlock(&ct->lock);
}

Span *sweep_for_class(int spc) {
	Central *ct = &heap_central[spc];
	/* As gc's cacheSpan: give up after 100 full spans and take a fresh one.
	 * With a large, mostly live heap the search could otherwise run for
	 * milliseconds in the runtime, where the world cannot be stopped. */
	for (int budget = 100; budget > 0; budget--) {
		pthread_mutex_lock(&ct->lock);
		Span *s = list_pop(&ct->unswept);
		if (s) __atomic_fetch_add(&sweep_active, 1, __ATOMIC_ACQ_REL);
		pthread_mutex_unlock(&ct->lock);
		if (!s) return NULL;
		bool live = sweep_span(s);
		if (live && s->alloccount < s->nelems) {
			__atomic_fetch_sub(&sweep_active, 1, __ATOMIC_ACQ_REL);
			return s;
		}
		if (live) reinsert(s);
		__atomic_fetch_sub(&sweep_active, 1, __ATOMIC_ACQ_REL);
	}
	return NULL;
}

static uint32_t sweep_cursor;

static bool sweep_one_pass(void) {
	uint32_t start = __atomic_load_n(&sweep_cursor, __ATOMIC_RELAXED);
	for (int k = 0; k <= NUM_SPANCLASSES; k++) {
		uint32_t i = (start + (uint32_t)k) % (NUM_SPANCLASSES + 1);
		Span *s;
		if (i == NUM_SPANCLASSES) {
			pthread_mutex_lock(&heap_largelock);
			s = list_pop(&heap_large_unswept);
			if (s) __atomic_fetch_add(&sweep_active, 1, __ATOMIC_ACQ_REL);
			pthread_mutex_unlock(&heap_largelock);
		} else {
			Central *ct = &heap_central[i];
			pthread_mutex_lock(&ct->lock);
			s = list_pop(&ct->unswept);
			if (s) __atomic_fetch_add(&sweep_active, 1, __ATOMIC_ACQ_REL);
			pthread_mutex_unlock(&ct->lock);
		}
		if (!s) continue;
		__atomic_store_n(&sweep_cursor, i, __ATOMIC_RELAXED);
		if (sweep_span(s)) reinsert(s);
		__atomic_fetch_sub(&sweep_active, 1, __ATOMIC_ACQ_REL);
		return true;
	}
	return false;
}

bool sweep_one(void) {
	if (!__atomic_load_n(&sweep_unswept, __ATOMIC_ACQUIRE)) return false;
	if (sweep_one_pass()) return true;
	/* A whole pass found nothing: no span is left unswept (new spans are
	 * born swept; only sweep_begin, with the world stopped, adds more). */
	__atomic_store_n(&sweep_unswept, 0, __ATOMIC_RELEASE);
	return false;
}

void sweep_all(void) {
	while (sweep_one_pass()) {
	}
	__atomic_store_n(&sweep_unswept, 0, __ATOMIC_RELEASE);
	while (__atomic_load_n(&sweep_active, __ATOMIC_ACQUIRE)) sched_yield();
}
