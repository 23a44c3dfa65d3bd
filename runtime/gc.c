/* gc.c: the collection cycle and its pacing. Owns the background worker
 * thread that runs every cycle (sweep termination, the two stop-the-world
 * moments, concurrent marking, sweeping, scavenging), the trigger and goal
 * (GOGC, GOMEMLIMIT), mutator assists, runtime.GC, the roots registered by
 * compiled code, GODEBUG (gctrace, gcstress) and the memory statistics.
 *
 * A cycle, as in gc (mgc.go):
 *   1. finish sweeping the previous cycle (the worker, concurrently);
 *   2. STW #1: turn the write barrier on, scan every stack, saved registers
 *      and registered conservative range conservatively and the globals from
 *      their bitmaps (shading only: grey objects are queued, not traced);
 *   3. concurrent mark: the worker drains the grey queue while mutators run;
 *      allocation is black and pays assist debt in proportion;
 *   4. STW #2 (mark termination): drain what the barrier queued since the
 *      worker saw the queue empty, flush every cache, barrier off, every span
 *      becomes unswept, compute the next goal and trigger;
 *   5. sweep lazily (allocators sweep the class they need, the worker the rest).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "heap.h"

volatile uint32_t gc_phase, gc_shade_new;
uint64_t gc_trigger = (uint64_t)3 << 20;
uint64_t gc_hard_goal = UINT64_MAX;
uint32_t gc_stress;
uint32_t gc_barrieroff;
#ifdef GC_DEBUG
uint32_t gc_verify = 1;
#else
uint32_t gc_verify;
#endif
uint32_t gc_cyclegen;
double gc_assist_ratio;
int64_t gc_bg_credit;
uint64_t gc_assist_ns;
uint64_t gc_throttle_ns;
void (*rt_gc_blockhook)(int entering);

static int gogc = 100;
static int64_t memlimit = INT64_MAX;
static int gctrace;
static int nprocs = 1;
static uint64_t heap_goal = (uint64_t)4 << 20;
static uint64_t heap_marked_last; /* marked at the last cycle, black allocation included (gc's heapMarked) */
static uint64_t heap_traced_last; /* of which reached by tracing: the expected scan work */
static double trigger_frac = 0.75;
static uint64_t t_init;
static uint64_t gc_cpu_total; /* ns of collector CPU time, all cycles */
static uint32_t assists_active;
static uint32_t gc_pending;   /* a cycle is requested or running */

static pthread_mutex_t gc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pacer_lock = PTHREAD_MUTEX_INITIALIZER; /* gogc, memlimit, goal */
static pthread_cond_t gc_wake = PTHREAD_COND_INITIALIZER;  /* to the worker */
static pthread_cond_t gc_done = PTHREAD_COND_INITIALIZER;  /* from the worker */
static bool gc_requested, gc_forced, gc_running;
static uint32_t cycles_done, cycles_started;

/* Stats, written by the worker at mark termination. */
static uint32_t numgc, numforced;
static uint64_t pause_total, pause_ns[256], pause_end[256], last_gc_unix;

typedef struct Root { uintptr_t start, nbytes; const uint8_t *bitmap; } Root;
static pthread_mutex_t roots_lock = PTHREAD_MUTEX_INITIALIZER;
static Root *roots;
static size_t nroots, caproots;
static uint64_t globals_bytes;

uint64_t gc_nanotime(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t unixnano(void) {
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- roots ------------------------------------------------------------------ */
static void add_root(uintptr_t start, uintptr_t nbytes, const uint8_t *bitmap) {
	pthread_mutex_lock(&roots_lock);
	if (nroots == caproots) {
		size_t nc = caproots ? caproots * 2 : 64;
		Root *n = heap_meta_alloc(nc * sizeof(Root));
		if (roots) memcpy(n, roots, nroots * sizeof(Root));
		heap_meta_free(roots, caproots * sizeof(Root));
		roots = n;
		caproots = nc;
	}
	roots[nroots++] = (Root){start, nbytes, bitmap};
	if (bitmap) __atomic_fetch_add(&globals_bytes, nbytes, __ATOMIC_RELAXED); /* read unlocked by the pacer and gctrace */
	pthread_mutex_unlock(&roots_lock);
}

void rt_gc_addroots(void *start, uintptr_t nbytes, const uint8_t *bitmap) {
	if (bitmap && nbytes) add_root((uintptr_t)start, nbytes, bitmap);
}

void rt_gc_addconservroots(void *start, uintptr_t nbytes) {
	if (nbytes) add_root((uintptr_t)start, nbytes, NULL);
}

/* ---- environment -------------------------------------------------------------- */
/* GOMEMLIMIT's syntax: bytes, optionally with a B/KiB/MiB/GiB/TiB suffix, or
 * "off"; -1 if malformed. */
int64_t gc_parse_bytes(const char *s) {
	if (!s || !*s) return -1;
	if (!strcmp(s, "off")) return INT64_MAX;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno) return -1;
	static const struct { const char *suf; int shift; } units[] = {
		{"", 0}, {"B", 0}, {"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"TiB", 40}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (!strcmp(end, units[i].suf)) {
			if (v > ((unsigned long long)INT64_MAX >> units[i].shift)) return INT64_MAX;
			return (int64_t)(v << units[i].shift);
		}
	}
	return -1;
}

static int godebug_int(const char *key, int def) {
	const char *g = getenv("GODEBUG");
	if (!g) return def;
	size_t kl = strlen(key);
	for (const char *p = g; *p;) {
		if (!strncmp(p, key, kl) && p[kl] == '=') return atoi(p + kl + 1);
		const char *c = strchr(p, ',');
		if (!c) break;
		p = c + 1;
	}
	return def;
}

/* ---- pacing ---------------------------------------------------------------------
 * goal = marked + (marked + stacks + globals) * GOGC/100, at least 4 MiB *
 * GOGC/100 (gc's heapMinimum), capped by the memory limit less the
 * runtime's own non-heap memory. The trigger sits a fraction of the way from
 * the marked heap to the goal; the fraction adapts so that marking ends
 * near the goal. */
static uint64_t last_stack_bytes;

static void compute_goal(uint64_t traced, uint64_t marked) {
	uint64_t goal;
	if (gogc < 0) {
		goal = UINT64_MAX / 2;
	} else {
		goal = traced + (marked + last_stack_bytes + __atomic_load_n(&globals_bytes, __ATOMIC_RELAXED)) * (uint64_t)gogc / 100;
		uint64_t minimum = ((uint64_t)4 << 20) * (uint64_t)gogc / 100;
		if (goal < minimum) goal = minimum;
	}
	if (memlimit != INT64_MAX) {
		uint64_t overhead = heap_metasys + last_stack_bytes + ((uint64_t)memlimit / 20);
		uint64_t lg = (uint64_t)memlimit > overhead ? (uint64_t)memlimit - overhead : 0;
		uint64_t floor = marked + marked / 32 + ((uint64_t)1 << 20);
		if (lg < floor) lg = floor;
		if (lg < goal) goal = lg;
	}
	heap_goal = goal;
	uint64_t hard = goal + goal / 10 + ((uint64_t)1 << 20);
	__atomic_store_n(&gc_hard_goal, hard < goal ? UINT64_MAX : hard, __ATOMIC_RELEASE);
	uint64_t trig = marked + (uint64_t)((double)(goal - marked) * trigger_frac);
	if (gogc < 0 && memlimit == INT64_MAX) trig = UINT64_MAX;
	__atomic_store_n(&gc_trigger, trig, __ATOMIC_RELEASE);
}

static void scavenge_after_cycle(void) {
	pthread_mutex_lock(&heap_lock);
	uint64_t inuse = heap_inuse, released = heap_released;
	pthread_mutex_unlock(&heap_lock);
	uint64_t touched = heap_touched();
	uint64_t retained = touched - released; /* in-use plus free-but-resident pages */
	uint64_t target = heap_goal + heap_goal / 10;
	uint64_t older = 50 * 1000000ull;
	if (memlimit != INT64_MAX) {
		uint64_t lim = (uint64_t)memlimit - (uint64_t)memlimit / 20;
		lim = lim > heap_metasys ? lim - heap_metasys : 0;
		if (lim < target) {
			target = lim;
			older = 0;
		}
	}
	if (target < inuse) target = inuse;
	if (retained > target) heap_scavenge(retained - target, older);
}

/* The heap passed the hard goal (1.1x the goal) before the collector could
 * catch up: park the allocating thread until the cycle ends, as gc parks an
 * assist that finds no work. Only with a blockhook (the scheduler's), since
 * a thread blocked in the runtime must count as stopped. */
#define ASSIST_SLICE (32 << 10)
/* Set while the worker stops the world for mark termination: an assist or a
 * throttled allocation marking on the system stack cannot be preempted, so
 * it stops at its next slice boundary instead of holding the stop up for
 * the rest of its debt (the debt is dropped at mark termination anyway). */
volatile uint32_t gc_stopping;
static inline bool stopping(void) { return __atomic_load_n(&gc_stopping, __ATOMIC_ACQUIRE); }
static bool assist_work(int64_t budget);

void gc_throttle(void) {
	void (*hook)(int) = rt_gc_blockhook;
	if (!hook) return;
	gc_start_async();
	pthread_mutex_lock(&gc_lock);
	uint32_t start = cycles_done;
	pthread_mutex_unlock(&gc_lock);
	uint64_t waited = 0;
	for (int i = 0; i < 5000; i++) {
		/* Marking is behind: help it while there is work (running, so the
		 * world cannot stop under us), and only then wait a little. */
		while (gc_phase == GC_MARK && !stopping() && __atomic_load_n(&heap_live, __ATOMIC_RELAXED) > gc_hard_goal &&
		       assist_work(ASSIST_SLICE)) {
		}
		if (__atomic_load_n(&heap_live, __ATOMIC_RELAXED) <= gc_hard_goal ||
		    __atomic_load_n(&cycles_done, __ATOMIC_RELAXED) != start)
			break;
		uint64_t t0 = gc_nanotime();
		/* The deadline is written before hook(1): once parked, this frame
		 * may be scanned by the collector (the C tests' threads), so it
		 * must not change until hook(0). */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		hook(1);
		pthread_mutex_lock(&gc_lock);
		if (cycles_done == start) pthread_cond_timedwait(&gc_done, &gc_lock, &ts);
		pthread_mutex_unlock(&gc_lock);
		hook(0);
		waited += gc_nanotime() - t0;
	}
	__atomic_fetch_add(&gc_throttle_ns, waited, __ATOMIC_RELAXED);
}

/* Drain up to budget bytes of scan work as an assist; false if there was none. */
static bool assist_work(int64_t budget) {
	__atomic_fetch_add(&assists_active, 1, __ATOMIC_ACQ_REL);
	if (gc_phase != GC_MARK) {
		__atomic_fetch_sub(&assists_active, 1, __ATOMIC_ACQ_REL);
		return false;
	}
	uint64_t t = gc_nanotime();
	GcWork w = {0};
	mark_drain(&w, budget);
	mark_flush(&w);
	__atomic_fetch_add(&gc_assist_ns, gc_nanotime() - t, __ATOMIC_RELAXED);
	__atomic_fetch_sub(&assists_active, 1, __ATOMIC_ACQ_REL);
	return w.scanned > 0;
}

/* ---- assists -------------------------------------------------------------------- */
/* Pay the cache's scan debt: first from the worker's banked credit, then by
 * marking, in 32 KiB slices with the credit looked at again between them
 * (the worker, on another core, keeps earning it while we mark), so a
 * large debt is not paid entirely by the mutator. */

static int64_t take_credit(int64_t debt) {
	int64_t avail = __atomic_load_n(&gc_bg_credit, __ATOMIC_RELAXED);
	if (avail > 0) {
		int64_t take = avail < debt ? avail : debt;
		__atomic_fetch_sub(&gc_bg_credit, take, __ATOMIC_RELAXED);
		debt -= take;
	}
	return debt;
}

void gc_assist(MCache *c) {
	int64_t debt = take_credit(c->assist_debt);
	if (debt < (64 << 10)) {
		c->assist_debt = debt;
		return;
	}
	__atomic_fetch_add(&assists_active, 1, __ATOMIC_ACQ_REL);
	if (gc_phase != GC_MARK) {
		__atomic_fetch_sub(&assists_active, 1, __ATOMIC_ACQ_REL);
		c->assist_debt = 0;
		return;
	}
	uint64_t t = gc_nanotime();
	GcWork w = {0};
	while (debt > 0 && !stopping()) {
		uint64_t before = w.scanned;
		mark_drain(&w, debt < ASSIST_SLICE ? debt : ASSIST_SLICE);
		if (w.scanned == before) {
			/* Nothing left to scan: the debt cannot be paid now; forgive it
			 * rather than block (the worker is about to finish the cycle). */
			debt = 0;
			break;
		}
		debt = take_credit(debt - (int64_t)(w.scanned - before));
	}
	mark_flush(&w);
	c->assist_debt = debt;
	__atomic_fetch_add(&gc_assist_ns, gc_nanotime() - t, __ATOMIC_RELAXED);
	__atomic_fetch_sub(&assists_active, 1, __ATOMIC_ACQ_REL);
}

/* ---- the cycle --------------------------------------------------------------------- */
static uint64_t stack_bytes_this_cycle;

static void scan_stack_cb(uintptr_t lo, uintptr_t hi, void *ctx) {
	if (hi <= lo) return;
	mark_scanrange_conservative(ctx, lo, hi);
	stack_bytes_this_cycle += hi - lo;
}

static char *fmt_ms(char *buf, size_t n, uint64_t ns);
static void print_trace(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, uint64_t stw1, uint64_t assist,
                        uint64_t markcpu, uint64_t stw2, uint64_t h0, uint64_t h1, uint64_t h2, uint64_t goal,
                        bool forced);

/* gcverify, at mark termination with the world stopped: no marked heap
 * object and no precisely scanned root (globals) may point to an allocated
 * object left unmarked. A missing write barrier leaves such an edge behind
 * (a pointer moved from an unscanned object into a scanned one, and the old
 * copy overwritten); a missed precise root leaves an unmarked object behind
 * it. Conservatively scanned roots (stacks) are not checked: a dead stack
 * slot may hold a stale pointer to garbage; a missed one shows as a use of
 * a freed object instead, which the poisoning turns into a fault. */
static void verify_roots(void) {
	mark_verify();
	pthread_mutex_lock(&roots_lock);
	for (size_t i = 0; i < nroots; i++) {
		const Root *r = &roots[i];
		if (!r->bitmap) continue;
		for (uintptr_t k = 0; k < r->nbytes >> 3; k++)
			if (r->bitmap[k >> 3] >> (k & 7) & 1)
				mark_verify_root(r->start + k * 8, *(uintptr_t *)(r->start + k * 8), "global");
	}
	pthread_mutex_unlock(&roots_lock);
}

static void run_cycle(bool forced) {
	sweep_all();
	if (!forced && __atomic_load_n(&heap_live, __ATOMIC_RELAXED) < gc_trigger) return;

	/* STW #1: sweep termination and mark setup. */
	uint64_t t0 = gc_nanotime();
	rt_stw_stop("GC sweep termination");
	uint64_t p0 = gc_nanotime();
	sweep_all(); /* nothing can be left, but a span may have been mid-sweep */
	if (gc_verify) mark_verify_start();
	gc_cyclegen++;
	__atomic_store_n(&mark_marked_bytes, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&mark_black_bytes, 0, __ATOMIC_RELAXED);
	uint64_t h0 = __atomic_load_n(&heap_live, __ATOMIC_RELAXED);
	uint64_t goal = heap_goal;
	uint64_t expect = heap_traced_last + last_stack_bytes + __atomic_load_n(&globals_bytes, __ATOMIC_RELAXED);
	uint64_t dist = goal > h0 ? goal - h0 : 0;
	if (dist < ((uint64_t)1 << 20)) dist = (uint64_t)1 << 20;
	gc_assist_ratio = (double)expect / (double)dist;
	__atomic_store_n(&gc_bg_credit, 0, __ATOMIC_RELAXED);
	gc_shade_new = 1;
	rt_wbenabled = 1;
	__atomic_store_n(&gc_phase, GC_MARK, __ATOMIC_SEQ_CST);
	GcWork w = {0};
	stack_bytes_this_cycle = 0;
	rt_sched_each_stack(scan_stack_cb, &w);
	pthread_mutex_lock(&roots_lock);
	for (size_t i = 0; i < nroots; i++) {
		if (roots[i].bitmap) mark_scanrange_bitmap(&w, roots[i].start, roots[i].nbytes, roots[i].bitmap);
		else mark_scanrange_conservative(&w, roots[i].start, roots[i].start + roots[i].nbytes);
	}
	pthread_mutex_unlock(&roots_lock);
	gc_shade_new = 0; /* every stack is black from here on */
	uint64_t t1 = gc_nanotime();
	rt_stw_start();
	uint64_t stw1 = t1 - p0, pause1 = t1 - t0;

	/* Concurrent mark. */
	uint64_t s2, p2, t2, aborted = 0;
	for (int attempt = 0;; attempt++) {
		for (;;) {
			uint64_t before = w.scanned;
			bool empty = mark_drain(&w, 256 << 10);
			__atomic_fetch_add(&gc_bg_credit, (int64_t)(w.scanned - before), __ATOMIC_RELAXED);
			if (!empty) continue;
			if (mark_queue_empty() && __atomic_load_n(&assists_active, __ATOMIC_ACQUIRE) == 0) break;
			sched_yield();
		}
		mark_flush(&w);
		t2 = gc_nanotime();

		/* STW #2: mark termination. If the barrier queued work between the
		 * check and the stop, go back to concurrent marking rather than trace
		 * it with the world stopped (as gc's gcMarkDone); after a few tries,
		 * finish it in the pause. */
		s2 = gc_nanotime();
		__atomic_store_n(&gc_stopping, 1, __ATOMIC_RELEASE);
		rt_stw_stop("GC mark termination");
		__atomic_store_n(&gc_stopping, 0, __ATOMIC_RELEASE);
		p2 = gc_nanotime();
		if (mark_queue_empty() || attempt >= 3) break;
		rt_stw_start();
		aborted += gc_nanotime() - s2;
	}
	uint64_t markcpu = t2 - t1;
	__atomic_store_n(&gc_phase, GC_MARKTERM, __ATOMIC_SEQ_CST);
	mark_drain(&w, -1);
	mark_flush(&w);
	rt_wbenabled = 0;
	uint64_t h1 = __atomic_load_n(&heap_live, __ATOMIC_RELAXED);
	pthread_mutex_lock(&heap_cachelock);
	for (MCache *c = heap_allcaches.allnext; c != &heap_allcaches; c = c->allnext) {
		heap_mcache_flush(c);
		c->assist_debt = 0;
	}
	/* heap_cachelock stays held until the spans are unswept and heap_live
	 * reset: a thread that is not stopped (one exiting, releasing its
	 * private cache) must not hand spans back in between. */
#ifdef GC_DEBUG
	mark_verify();
#endif
	if (gc_verify) verify_roots();
	/* traced: reached by marking; marked adds what was allocated (black)
	 * during marking. The goal is computed from marked, as gc's (heapMarked
	 * includes black allocation): computed from traced alone, binary-trees
	 * ran twice gc's number of cycles for little peak-RSS gain. traced is
	 * the scan work to expect next cycle (the assist ratio). */
	uint64_t traced = __atomic_load_n(&mark_marked_bytes, __ATOMIC_RELAXED);
	uint64_t marked = traced + __atomic_load_n(&mark_black_bytes, __ATOMIC_RELAXED);
	__atomic_store_n(&gc_phase, GC_OFF, __ATOMIC_SEQ_CST);
	sweep_begin();
	__atomic_store_n(&heap_live, marked, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&heap_cachelock);
	/* Adapt the trigger: marking should end just under the goal. */
	if (!forced && goal > heap_marked_last) {
		if (h1 > goal) trigger_frac -= 0.05;
		else if (h1 < heap_marked_last + (goal - heap_marked_last) * 9 / 10) trigger_frac += 0.02;
		if (trigger_frac < 0.5) trigger_frac = 0.5;
		if (trigger_frac > 0.95) trigger_frac = 0.95;
	}
	pthread_mutex_lock(&pacer_lock);
	heap_marked_last = marked;
	heap_traced_last = traced;
	last_stack_bytes = stack_bytes_this_cycle;
	compute_goal(traced, marked);
	/* Objects allocated black are in the heap now: start the next cycle no
	 * earlier than half-way from here to the goal, or a cycle with much
	 * black allocation would be followed at once by the next. */
	uint64_t floor = marked + (heap_goal > marked ? (heap_goal - marked) / 2 : 0);
	if (gc_trigger != UINT64_MAX && gc_trigger < floor) __atomic_store_n(&gc_trigger, floor, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&pacer_lock);
	uint64_t t3 = gc_nanotime();
	uint64_t stw2 = t3 - p2;
	/* A pause, as gc counts it, starts when the stop is requested. */
	uint64_t pause = pause1 + (t3 - s2) + aborted;
	pause_ns[numgc % 256] = pause;
	pause_end[numgc % 256] = unixnano();
	last_gc_unix = pause_end[numgc % 256];
	pause_total += pause;
	numgc++;
	if (forced) numforced++;
	uint64_t assist = __atomic_exchange_n(&gc_assist_ns, 0, __ATOMIC_RELAXED);
	gc_cpu_total += (stw1 + stw2) * (uint64_t)nprocs + assist + markcpu;
	rt_stw_start();

	if (gctrace) print_trace(t0, t1, t2, t3, stw1 * (uint64_t)nprocs, assist, markcpu, stw2 * (uint64_t)nprocs,
	                         h0, h1, marked, goal, forced);
}

static void *worker_main(void *arg) {
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&gc_lock);
		while (!gc_requested) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			if (pthread_cond_timedwait(&gc_wake, &gc_lock, &ts) == ETIMEDOUT && !gc_requested) {
				pthread_mutex_unlock(&gc_lock);
				sweep_all();
				heap_scavenge(UINT64_MAX, 5 * 1000000000ull); /* idle for 5 s: give it back */
				pthread_mutex_lock(&gc_lock);
			}
		}
		bool forced = gc_forced;
		gc_requested = gc_forced = false;
		gc_running = true;
		cycles_started++;
		pthread_mutex_unlock(&gc_lock);

		run_cycle(forced);
		sweep_all();
		scavenge_after_cycle();

		pthread_mutex_lock(&gc_lock);
		gc_running = false;
		__atomic_store_n(&cycles_done, cycles_done + 1, __ATOMIC_RELAXED); /* gc_throttle reads it unlocked */
		__atomic_store_n(&gc_pending, 0, __ATOMIC_RELEASE);
		pthread_cond_broadcast(&gc_done);
		bool requested = gc_requested; /* read under the lock (TSan) */
		pthread_mutex_unlock(&gc_lock);
		if (!requested && __atomic_load_n(&heap_live, __ATOMIC_RELAXED) >= __atomic_load_n(&gc_trigger, __ATOMIC_RELAXED))
			gc_start_async();
	}
	return NULL;
}

static pthread_once_t gc_once = PTHREAD_ONCE_INIT;
static uint32_t gc_inited;
static void gc_init_once(void) {
	t_init = gc_nanotime();
	heap_malloc_init();
	/* As gc's readGOGC: "off", else an integer (negative is off), else 100. */
	const char *g = getenv("GOGC");
	if (g && !strcmp(g, "off")) {
		gogc = -1;
	} else if (g && *g) {
		char *end;
		long v = strtol(g, &end, 10);
		gogc = *end ? 100 : v < 0 ? -1 : v > 1000000 ? 1000000 : (int)v;
	}
	int64_t ml = gc_parse_bytes(getenv("GOMEMLIMIT"));
	if (ml >= 0) memlimit = ml;
	gctrace = godebug_int("gctrace", 0);
	gc_verify = (uint32_t)godebug_int("gcverify", (int)gc_verify);
	gc_barrieroff = godebug_int("gcbarrieroff", 0) > 0;
	int st = godebug_int("gcstress", 0);
	gc_stress = st > 0 ? (uint32_t)st : 0;
	long np = sysconf(_SC_NPROCESSORS_ONLN);
	const char *mp = getenv("GOMAXPROCS");
	if (mp && atoi(mp) > 0) np = atoi(mp);
	nprocs = np > 0 ? (int)np : 1;
	compute_goal(0, 0);
	pthread_t th;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &a, worker_main, NULL)) rt_throw("gc: cannot start the worker thread");
	pthread_attr_destroy(&a);
	__atomic_store_n(&gc_inited, 1, __ATOMIC_RELEASE);
}

static void gc_init_cb(void *arg) {
	(void)arg;
	pthread_once(&gc_once, gc_init_once);
}

void rt_gc_init(void) {
	if (__atomic_load_n(&gc_inited, __ATOMIC_ACQUIRE)) return;
	rt_systemstack(gc_init_cb, NULL);
}

void gc_start_async(void) {
	if (__atomic_exchange_n(&gc_pending, 1, __ATOMIC_ACQ_REL)) return;
	rt_gc_init();
	pthread_mutex_lock(&gc_lock);
	gc_requested = true;
	pthread_cond_signal(&gc_wake);
	pthread_mutex_unlock(&gc_lock);
}

static void gc_body(void *arg);

/* Entry points called from Go code run on the M's system stack. */
void rt_gc(void) { rt_systemstack(gc_body, NULL); }

static void gc_body(void *arg) {
	(void)arg;
	rt_gc_init();
	void (*hook)(int) = rt_gc_blockhook;
	if (hook) hook(1);
	pthread_mutex_lock(&gc_lock);
	/* A cycle already marking may have missed our garbage: wait for the
	 * next complete one. */
	uint32_t target = cycles_done + (gc_running ? 2 : 1);
	gc_requested = true;
	gc_forced = true;
	__atomic_store_n(&gc_pending, 1, __ATOMIC_RELEASE);
	pthread_cond_signal(&gc_wake);
	while ((int32_t)(cycles_done - target) < 0) {
		if (!gc_requested && !gc_running) {
			gc_requested = gc_forced = true;
			pthread_cond_signal(&gc_wake);
		}
		pthread_cond_wait(&gc_done, &gc_lock);
	}
	pthread_mutex_unlock(&gc_lock);
	if (hook) hook(0);
}

/* debug.SetGCPercent and debug.SetMemoryLimit: set, return the old value
 * (a negative percent is off; a negative limit only reads it). */
typedef struct SetArgs { int64_t in, out; } SetArgs;
static int gc_setpercent_body(int percent);
static int64_t gc_setmemlimit_body(int64_t limit);
static void setpercent_cb(void *arg) {
	SetArgs *a = arg;
	a->out = gc_setpercent_body((int)a->in);
}
static void setmemlimit_cb(void *arg) {
	SetArgs *a = arg;
	a->out = gc_setmemlimit_body(a->in);
}
int rt_gc_setpercent(int percent) {
	SetArgs a = {percent, 0};
	rt_systemstack(setpercent_cb, &a);
	return (int)a.out;
}
int64_t rt_gc_setmemlimit(int64_t limit) {
	SetArgs a = {limit, 0};
	rt_systemstack(setmemlimit_cb, &a);
	return a.out;
}

static int gc_setpercent_body(int percent) {
	rt_gc_init();
	pthread_mutex_lock(&pacer_lock);
	int old = gogc;
	gogc = percent < 0 ? -1 : percent;
	compute_goal(heap_traced_last, heap_marked_last);
	pthread_mutex_unlock(&pacer_lock);
	if (__atomic_load_n(&heap_live, __ATOMIC_RELAXED) >= gc_trigger) gc_start_async();
	return old;
}

static int64_t gc_setmemlimit_body(int64_t limit) {
	rt_gc_init();
	pthread_mutex_lock(&pacer_lock);
	int64_t old = memlimit;
	if (limit >= 0) {
		memlimit = limit;
		compute_goal(heap_traced_last, heap_marked_last);
	}
	pthread_mutex_unlock(&pacer_lock);
	if (__atomic_load_n(&heap_live, __ATOMIC_RELAXED) >= gc_trigger) gc_start_async();
	return old;
}

/* ---- statistics ------------------------------------------------------------------- */
static void readmemstats_cb(void *arg);
void rt_readmemstats(RtMemStats *m) { rt_systemstack(readmemstats_cb, m); }

static void readmemstats_cb(void *arg) {
	RtMemStats *m = arg;
	rt_gc_init();
	memset(m, 0, sizeof *m);
	uint64_t unused = 0, nmalloc = heap_nmalloc, total = heap_totalalloc;
	pthread_mutex_lock(&heap_cachelock);
	for (MCache *c = heap_allcaches.allnext; c != &heap_allcaches; c = c->allnext) {
		for (int i = 0; i < NUM_SPANCLASSES; i++) {
			/* other threads' caches: their owners update these concurrently */
			Span *s = __atomic_load_n(&c->alloc[i], __ATOMIC_ACQUIRE);
			if (s) unused += (uint64_t)(s->nelems - __atomic_load_n(&s->alloccount, __ATOMIC_RELAXED)) * s->elemsize;
		}
		nmalloc += __atomic_load_n(&c->nmalloc, __ATOMIC_RELAXED);
		total += __atomic_load_n(&c->ntotalalloc, __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&heap_cachelock);
	uint64_t live = __atomic_load_n(&heap_live, __ATOMIC_RELAXED);
	pthread_mutex_lock(&heap_lock);
	m->HeapSys = heap_sys;
	m->HeapInuse = heap_inuse;
	m->HeapReleased = heap_released;
	pthread_mutex_unlock(&heap_lock);
	m->HeapAlloc = m->Alloc = live > unused ? live - unused : 0;
	m->TotalAlloc = total;
	m->Mallocs = nmalloc;
	m->Frees = __atomic_load_n(&heap_nfree, __ATOMIC_RELAXED);
	m->HeapObjects = m->Mallocs > m->Frees ? m->Mallocs - m->Frees : 0;
	m->HeapIdle = m->HeapSys - m->HeapInuse;
	m->GCSys = heap_metasys;
	m->Sys = m->HeapSys + m->GCSys;
	m->NextGC = heap_goal;
	m->LastGC = last_gc_unix;
	m->PauseTotalNs = pause_total;
	memcpy(m->PauseNs, pause_ns, sizeof pause_ns);
	memcpy(m->PauseEnd, pause_end, sizeof pause_end);
	m->NumGC = numgc;
	m->NumForcedGC = numforced;
	uint64_t el = gc_nanotime() - t_init;
	m->GCCPUFraction = el ? (double)gc_cpu_total / ((double)el * nprocs) : 0;
	m->EnableGC = 1;
	for (int i = 0; i < 61 && i < NUM_CLASSES; i++) m->BySize[i].Size = heap_class_size[i];
}

/* ---- gctrace -------------------------------------------------------------------------
 * gc 1.19's line, from mgc.go gcMarkTermination, with its number formatting
 * (itoaDiv, fmtNSAsMS). */
static char *itoa_div(char *buf, size_t n, uint64_t val, int dec) {
	int i = (int)n - 1, idec = i - dec;
	buf[n - 1] = 0;
	i--;
	idec--;
	while (val >= 10 || i >= idec) {
		buf[i--] = (char)('0' + val % 10);
		if (i == idec) buf[i--] = '.';
		val /= 10;
	}
	buf[i] = (char)('0' + val);
	return buf + i;
}

static char *fmt_ms(char *buf, size_t n, uint64_t ns) {
	if (ns >= 10000000) return itoa_div(buf, n, ns / 1000000, 0);
	uint64_t x = ns / 1000;
	if (x == 0) {
		buf[0] = '0';
		buf[1] = 0;
		return buf;
	}
	int dec = 3;
	while (x >= 100) {
		x /= 10;
		dec--;
	}
	return itoa_div(buf, n, x, dec);
}

static void print_trace(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, uint64_t stw1, uint64_t assist,
                        uint64_t markcpu, uint64_t stw2, uint64_t h0, uint64_t h1, uint64_t h2, uint64_t goal,
                        bool forced) {
	char line[512], a[32], b[32], c[32], d[32], e[32], f[32], g[32], h[32], at[32];
	uint64_t el = gc_nanotime() - t_init;
	int util = el ? (int)((double)gc_cpu_total / ((double)el * nprocs) * 100) : 0;
	int len = snprintf(line, sizeof line,
	                   "gc %u @%ss %d%%: %s+%s+%s ms clock, %s+%s/%s/%s+%s ms cpu, %llu->%llu->%llu MB, %llu MB goal, "
	                   "%llu MB stacks, %llu MB globals, %d P%s\n",
	                   numgc, itoa_div(at, sizeof at, (t0 - t_init) / 1000000, 3), util,
	                   fmt_ms(a, sizeof a, t1 - t0), fmt_ms(b, sizeof b, t2 - t1), fmt_ms(c, sizeof c, t3 - t2),
	                   fmt_ms(d, sizeof d, stw1), fmt_ms(e, sizeof e, assist), fmt_ms(f, sizeof f, markcpu),
	                   fmt_ms(g, sizeof g, 0), fmt_ms(h, sizeof h, stw2), (unsigned long long)(h0 >> 20),
	                   (unsigned long long)(h1 >> 20), (unsigned long long)(h2 >> 20),
	                   (unsigned long long)(goal >> 20), (unsigned long long)(last_stack_bytes >> 20),
	                   (unsigned long long)(__atomic_load_n(&globals_bytes, __ATOMIC_RELAXED) >> 20), nprocs, forced ? " (forced)" : "");
	rt_printlock();
	rt_write_stderr(line, len);
	rt_printunlock();
}
