/* stack.c: goroutine stacks. A G starts on a 2 KiB first segment carved from
 * shared slabs (so a parked goroutine costs about 2 KiB of stack RSS); code
 * compiled with LLVM's split-stack attribute calls __morestack
 * (ctxswitch.S) when its frame does not fit, and stack_more below links a
 * new, larger segment; stack_less unlinks it when the function returns and
 * keeps it as the G's one spare so a call at a boundary in a loop does not
 * thrash. Freed segments go to per-size free lists and are reused. Past a
 * total of 1 GB the program dies with gc's "stack overflow" text. See
 * docs/scheduler.md for the contract with non-split (C) code. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sched_impl.h"

#define MAXSTACK 1000000000ul

/* __morestack's fast paths (ctxswitch.S) use these offsets. */
_Static_assert(offsetof(G, stacklimit) == 8 && offsetof(G, stacklo) == 16 && offsetof(G, stackhi) == 24 &&
               offsetof(G, stk0lo) == 32 && offsetof(G, stk0hi) == 40 && offsetof(G, seg) == 48 &&
               offsetof(G, spare0) == 56 && offsetof(G, stacktotal) == 64 && offsetof(G, sysregs) == 72 &&
                   offsetof(G, syscallsp) == 120,
               "G layout used by ctxswitch.S");
_Static_assert(offsetof(StkSeg, prev) == 0 && offsetof(StkSeg, spare) == 8 && offsetof(StkSeg, size) == 16 &&
               offsetof(StkSeg, oldsp) == 24 && offsetof(StkSeg, oldlimit) == 32 && sizeof(StkSeg) == 64,
               "StkSeg layout used by ctxswitch.S");
_Static_assert(sizeof(StkSeg) + STACK_RESERVE == 576 && sizeof(StkSeg) + STACK_RESERVE + 512 == 1088,
               "segment constants used by ctxswitch.S");
#define SEG_MIN_SHIFT 14 /* 16 KiB */
#define SEG_MAX_SHIFT 20 /* 1 MiB; bigger requests are mapped exactly */
#define NCLASS (SEG_MAX_SHIFT - SEG_MIN_SHIFT + 1)

static rtlock seglock;
static StkSeg *segfree[NCLASS];
static int32_t nsegfree[NCLASS];

/* ---- first segments: 2 KiB pieces of 4 MiB slabs ---- */
static rtlock firstlock;
static uintptr_t firstfree; /* batches of free pieces (FirstFree), linked by nextbatch */
static uintptr_t slabcur, slabend;

static void *mapmem(uintptr_t n) {
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		rt_throw("out of memory allocating stack");
	return p;
}

/* A 2 MiB-aligned region advised for transparent huge pages: goroutines
 * are born by the hundred thousand, and one fault per 2 MiB instead of per
 * 4 KiB is most of the cost of a burst of spawns. */
void *stack_hugemap(uintptr_t n) {
	uintptr_t huge = 2u << 20;
	uintptr_t p = (uintptr_t)mapmem(n + huge);
	uintptr_t a = (p + huge - 1) & ~(huge - 1);
	if (a > p)
		munmap((void *)p, a - p);
	if (p + huge > a)
		munmap((void *)(a + n), p + huge - a);
	madvise((void *)a, n, MADV_HUGEPAGE);
	return (void *)a;
}

/* A goroutine gets its first segment when it first runs, from its P's
 * cache of free ones, which the goroutines that ended on that P filled: a
 * new goroutine runs on a stack that was just in use on the same CPU, and
 * goroutines waiting to start hold none (one goroutine spawning in a loop
 * can leave tens of thousands queued: spawn benchmark). Beyond
 * 2 * FIRST_BATCH pieces a P hands FIRST_BATCH to the global list as one
 * batch, and takes a whole batch back when it runs out. */
enum { FIRST_BATCH = 32 };
typedef struct FirstFree {
	uintptr_t next;      /* next piece of the batch (or of the P's list) */
	uintptr_t nextbatch; /* at the head of a batch on the global list */
	intptr_t n;          /* at the head of a batch: pieces in it */
} FirstFree;

uintptr_t stack_map(uintptr_t size) { return (uintptr_t)mapmem(size); }

uintptr_t stack_first_get(P *p) {
	uintptr_t s = p->stkfree;
	if (!s) {
		sched_lock(&firstlock);
		s = firstfree;
		if (s) {
			firstfree = ((FirstFree *)s)->nextbatch;
			p->nstkfree = (int32_t)((FirstFree *)s)->n;
		} else {
			if (slabcur == slabend) {
				slabcur = (uintptr_t)stack_hugemap(4 << 20);
				slabend = slabcur + (4 << 20);
			}
			s = slabcur; /* fresh memory reads as zeros: a list of one */
			slabcur += STACK_FIRST;
			p->nstkfree = 1;
		}
		sched_unlock(&firstlock);
	}
	p->stkfree = ((FirstFree *)s)->next;
	p->nstkfree--;
	return s;
}

void stack_first_put(P *p, uintptr_t lo) {
	ASAN_UNPOISON(lo, sizeof(FirstFree)); /* frames of the dead G may have left redzones */
	((FirstFree *)lo)->next = p->stkfree;
	p->stkfree = lo;
	if (++p->nstkfree < 2 * FIRST_BATCH)
		return;
	uintptr_t tail = lo;
	for (int i = 1; i < FIRST_BATCH; i++)
		tail = ((FirstFree *)tail)->next;
	p->stkfree = ((FirstFree *)tail)->next;
	p->nstkfree -= FIRST_BATCH;
	((FirstFree *)tail)->next = 0;
	((FirstFree *)lo)->n = FIRST_BATCH;
	sched_lock(&firstlock);
	((FirstFree *)lo)->nextbatch = firstfree;
	firstfree = lo;
	sched_unlock(&firstlock);
}

/* ---- segments ---- */
static int sizeclass(uintptr_t size) {
	int c = 0;
	while (((uintptr_t)1 << (SEG_MIN_SHIFT + c)) < size)
		c++;
	return c;
}

static StkSeg *seg_alloc(uintptr_t need, uintptr_t prevsize) {
	uintptr_t size = (uintptr_t)1 << SEG_MIN_SHIFT;
	while (size < need || size < prevsize * 2)
		size <<= 1;
	if (size > ((uintptr_t)1 << SEG_MAX_SHIFT)) {
		size = (uintptr_t)1 << SEG_MAX_SHIFT;
		if (size < need)
			size = (need + 4095) & ~(uintptr_t)4095;
	}
	int c = sizeclass(size);
	StkSeg *s = NULL;
	if (c < NCLASS && size == ((uintptr_t)1 << (SEG_MIN_SHIFT + c))) {
		sched_lock(&seglock);
		s = segfree[c];
		if (s) {
			segfree[c] = s->prev;
			nsegfree[c]--;
		}
		sched_unlock(&seglock);
	}
	if (!s)
		s = mapmem(size);
	ASAN_UNPOISON(s, size); /* a reused segment may hold a dead G's redzones */
	memset(s, 0, sizeof *s);
	s->size = size;
	return s;
}

static void seg_free(StkSeg *s) {
	int c = sizeclass(s->size);
	if (c < NCLASS && s->size == ((uintptr_t)1 << (SEG_MIN_SHIFT + c))) {
		sched_lock(&seglock);
		if (nsegfree[c] < 256) {
			s->prev = segfree[c];
			segfree[c] = s;
			nsegfree[c]++;
			sched_unlock(&seglock);
			return;
		}
		sched_unlock(&seglock);
	}
	munmap(s, s->size);
}

static noreturn void stack_overflow(G *g, uintptr_t sp) {
	char buf[256];
	int n = snprintf(buf, sizeof buf,
	                 "runtime: goroutine stack exceeds 1000000000-byte limit\n"
	                 "runtime: sp=%#lx stack=[%#lx, %#lx]\n"
	                 "fatal error: stack overflow\n\n"
	                 "goroutine %llu [running]:\n",
	                 (unsigned long)sp, (unsigned long)g->stacklo, (unsigned long)g->stackhi,
	                 (unsigned long long)g->goid);
	rt_write_stderr(buf, n);
#ifdef RT_ASAN
	/* __morestack switched to this system stack unannounced: tell ASan
	 * before _exit (a noreturn call) makes it look at the stack bounds */
	M *m = sched_m;
	ASAN_START_SWITCH(NULL, m->g0lo, m->g0hi);
	ASAN_FINISH_SWITCH(NULL);
#endif
	_exit(2);
}

/* Called by __morestack on the M's system stack. framesize: what F needs
 * (for __morestack_non_split, plus the non-split headroom); args: F's stack
 * arguments (argsize bytes) on the old segment; lowsp: the lowest live
 * address there. Returns the sp to call F's body with. */
uintptr_t stack_more(uintptr_t framesize, uintptr_t argsize, uintptr_t args, uintptr_t lowsp) {
	G *g = getg();
	if (!g || g->sysstack)
		rt_throw("morestack on g0");
	StkSeg *cur = g->seg;
	StkSeg **spare = cur ? &cur->spare : &g->spare0;
	uintptr_t need = framesize + argsize + sizeof(StkSeg) + STACK_RESERVE + 512;
	StkSeg *s = *spare;
	*spare = NULL;
	if (s && s->size < need) {
		seg_free(s);
		s = NULL;
	}
	if (!s) {
		if (g->stacktotal + need > MAXSTACK)
			stack_overflow(g, lowsp);
		s = seg_alloc(need, cur ? cur->size : 0);
	}
	if (g->stacktotal + s->size > MAXSTACK)
		stack_overflow(g, lowsp);
	s->prev = cur;
	s->spare = NULL;
	s->oldsp = lowsp;
	s->oldlimit = g->stacklimit;
	g->seg = s;
	g->stacklo = (uintptr_t)s;
	g->stackhi = (uintptr_t)s + s->size;
	g->stacklimit = g->stacklo + sizeof(StkSeg) + STACK_RESERVE;
	g->stacktotal += s->size;
	set_stacklimit(g->stacklimit);
	uintptr_t sp = (g->stackhi - argsize) & ~(uintptr_t)15;
	if (argsize)
		memcpy((void *)sp, (void *)args, argsize);
	return sp;
}

/* Called by __morestack (system stack) when F returned from a new segment. */
void stack_less(void) {
	G *g = getg();
	StkSeg *s = g->seg;
	StkSeg *prev = s->prev;
	g->stacktotal -= s->size;
	if (s->spare) {
		seg_free(s->spare);
		s->spare = NULL;
	}
	StkSeg **slot = prev ? &prev->spare : &g->spare0;
	if (*slot)
		seg_free(*slot);
	*slot = s;
	g->seg = prev;
	g->stacklo = prev ? (uintptr_t)prev : g->stk0lo;
	g->stackhi = prev ? (uintptr_t)prev + prev->size : g->stk0hi;
	g->stacklimit = s->oldlimit;
	set_stacklimit(g->stacklimit);
}

/* A dead G keeps only its first segment. Runs on g0. */
void stack_release_segments(G *g) {
	StkSeg *s = g->seg;
	while (s) {
		StkSeg *prev = s->prev;
		if (s->spare)
			seg_free(s->spare);
		seg_free(s);
		s = prev;
	}
	if (g->spare0)
		seg_free(g->spare0);
	g->spare0 = NULL;
	g->seg = NULL;
}

/* Recovery points (defer.c): remember which segment a frame runs on, and
 * after a longjmp back to it release the segments made since, restoring
 * the split-stack limit, as their __morestack returns would have. */
void stack_checkpoint(uintptr_t *seg) {
	G *g = getg();
	*seg = g ? (uintptr_t)g->seg : 0;
}

void stack_unwind_to(uintptr_t seg) {
	G *g = getg();
	while (g && g->seg && (uintptr_t)g->seg != seg) stack_less();
}
