/* sched_impl.h: the scheduler's private data structures (G, M, P, sudog,
 * timers, stack segments) shared by the files of the goroutine runtime:
 * sched.c, stack.c, signal.c, chan.c, select.c, time.c, sema.c. Nothing
 * outside those files includes it; the public surface is runtime.h. */
#ifndef GOC_SCHED_IMPL_H
#define GOC_SCHED_IMPL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "runtime.h"

typedef struct G G;
typedef struct M M;
typedef struct P P;
typedef struct Sudog Sudog;
typedef struct StkSeg StkSeg;

/* ---- locks: a futex mutex (3-state), short critical sections only ---- */
typedef struct { _Atomic uint32_t key; } rtlock;
void sched_lock(rtlock *l);
void sched_unlock(rtlock *l);

/* ---- one-shot sleep/wake on a futex word ---- */
typedef struct { _Atomic uint32_t key; } rtnote;
void note_clear(rtnote *n);
void note_wakeup(rtnote *n);
void note_sleep(rtnote *n);
bool note_tsleep(rtnote *n, int64_t ns); /* true if woken, false on timeout */

/* Racy-by-design reads (a hint checked again under a lock) and the stores
 * they race with: relaxed atomics, so ThreadSanitizer agrees. */
#define RLOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define RSTORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

/* ---- goroutine status ---- */
enum {
	G_IDLE, G_RUNNABLE, G_RUNNING, G_SYSCALL, G_WAITING, G_DEAD,
};

/* A goroutine blocked on a channel / semaphore: one per (G, object). */
struct Sudog {
	G *g;
	Sudog *next, *prev;
	void *elem;   /* data element (may point into the G's stack) */
	void *c;      /* hchan (or sema address) this sudog waits on */
	uint64_t ticket;
	bool isselect;
	bool success; /* woken by a value (true) or by close (false) */
	Sudog *waitlink; /* G's list of sudogs (select) */
	Sudog *parent, *left, *right; /* unused; room for a treap later */
	int32_t caseidx;
};

/* Stack segment allocated by __morestack (the first segment lives in G). */
struct StkSeg {
	StkSeg *prev;     /* older segment, NULL: the G's first segment */
	StkSeg *spare;    /* one cached newer segment (hot-split avoidance) */
	uintptr_t size;   /* bytes of the mapping, header included */
	uintptr_t oldsp;  /* sp in the older segment when this one was entered */
	uintptr_t oldlimit;
	uintptr_t pad[3];
};

struct G {
	/* Offsets 0..: read by asm (ctxswitch.S). Do not reorder. */
	uintptr_t sp;         /* 0: saved rsp while not running */
	uintptr_t stacklimit; /* 8: value of %fs:0x70 while running */
	uintptr_t stacklo;    /* 16: lowest address of the current segment */
	uintptr_t stackhi;    /* 24: highest address (exclusive) of the current segment */
	uintptr_t stk0lo, stk0hi; /* the first segment */
	StkSeg *seg;          /* current segment, NULL while in the first */
	StkSeg *spare0;       /* cached segment above the first one */
	uintptr_t stacktotal; /* bytes of all segments, for the 1 GB limit */
	/* 72: set by rt_entersyscall (ctxswitch.S): the caller's callee-saved
	 * registers (rbx rbp r12 r13 r14 r15) and its sp. The G struct is
	 * scanned, so pointers that live only in those registers survive. */
	uintptr_t sysregs[6];
	uintptr_t syscallsp;  /* 120: caller's sp at rt_entersyscall */
	uint64_t goid;
	_Atomic uint32_t status;
	uint32_t waitreason; /* index into sched_waitreasons */
	_Atomic uint32_t preempt; /* sysmon asks the G to yield */
	_Atomic uint32_t selectdone;
	M *m;
	G *schedlink;
	G *alllink;
	G *gfbatch;       /* dead, at the head of a batch: the next batch */
	int32_t gfbatchn; /* dead, at the head of a batch: Gs in it */
	void (*fn)(void *); /* entry and argument, until it starts */
	void *arg;
	Sudog *waiting;   /* sudogs of a blocked select/chan op */
	void *param;      /* wake-up parameter (the sudog that completed) */
	void *waitobj;    /* object the G blocks on (kept for the GC scan) */
	int64_t waitsince;
	void *timer;      /* this G's sleep timer (lazily allocated) */
	Sudog sud;        /* the sudog for a plain send/recv/semacquire */
	void *deferhook;  /* codegen: the defer chain (rt_goexit runs it) */
	void *panicking;  /* panic.c: the current panic chain */
	bool sysstack;    /* running on its M's system stack (rt_systemstack) */
	void *tsanfiber;  /* ThreadSanitizer builds: this G's fiber */
	void *asanfake;   /* AddressSanitizer builds: this G's fake stack while switched out */
};

struct M {
	uintptr_t g0sp;  /* 0: saved sp of the scheduler context */
	G *curg;         /* 8 */
	uintptr_t g0lo, g0hi;
	uint64_t id;
	uint64_t tid;     /* pthread_t */
	P *p;
	P *nextp;
	M *schedlink;
	M *alllink;
	bool spinning;
	bool blocked;     /* parked in stopm */
	bool insyscall;
	rtnote park;
	/* action run on g0 right after a G switches out (see sched.c) */
	int afterop;
	bool (*unlockf)(G *, void *);
	void *unlockarg;
	uintptr_t syssp;   /* sp on g0 stack while in rt_systemstack + syscall */
	void *sigstack;
	uint32_t fastrand;
	int64_t lastpreempt;
	void *g0fiber;    /* ThreadSanitizer builds: the thread's own fiber */
	void *asanfake;   /* AddressSanitizer builds: g0's fake stack while a G runs */
};

#define RUNQ_SIZE 256
enum { P_IDLE, P_RUNNING, P_SYSCALL, P_GCSTOP };

typedef RtTimer Timer; /* runtime.h; t->p is the P (void * there) */

struct P {
	int32_t id;
	_Atomic uint32_t status;
	M *m;
	P *link;
	_Atomic uint32_t runqhead, runqtail;
	G *_Atomic runnext;
	_Atomic(G *) runq[RUNQ_SIZE]; /* see RQGET in sched.c */
	_Atomic uint64_t schedtick;
	_Atomic uint64_t syscalltick;
	/* sysmon's view */
	uint64_t sm_schedtick, sm_syscalltick;
	int64_t sm_schedwhen, sm_syscallwhen;
	/* timers: a binary min-heap on when */
	rtlock timerlock;
	Timer **timers;
	int32_t ntimers, timercap;
	_Atomic int64_t timer0when; /* earliest when, 0: none */
	G *gfree; int32_t ngfree; /* local cache of dead Gs */
	uint64_t goidnext, goidend; /* goids taken from sched.goidgen in batches */
	_Atomic int64_t ngoroutines; /* Gs created here minus Gs ended here */
	MCache *mcache;           /* malloc.c's allocation cache for this P */
	uintptr_t stkfree; int32_t nstkfree; /* free first segments (stack.c) */
};

/* ---- sched.c internals used by the other files ---- */
extern __thread M *sched_m;
static inline G *getg(void) { M *m = sched_m; return m ? m->curg : 0; }
extern int32_t sched_gomaxprocs;
extern P **sched_allp;
extern const char *const sched_waitreasons[];
enum {
	WR_ZERO, WR_CHANRECVNIL, WR_CHANSENDNIL, WR_SELECT, WR_SELECTNOCASES,
	WR_CHANRECV, WR_CHANSEND, WR_SEMACQUIRE, WR_SLEEP, WR_CONDWAIT,
	WR_PREEMPTED, WR_SYNCMUTEX, WR_COUNT
};

/* Park the current G; unlockf(g, arg) runs on g0 after the switch and may
 * return false to resume the G at once. */
void sched_park(bool (*unlockf)(G *, void *), void *arg, uint32_t reason);
/* Make g runnable on the current P (runnext when next). */
void sched_ready(G *g, bool next);
void sched_preempt_yield(void); /* called by the async preemption trampoline */
extern _Thread_local int rt_printdepth; /* print.c: > 0 while this M holds the print lock */
uint32_t sched_fastrand(void);
uint32_t sched_fastrandn(uint32_t n);
/* Stack segments (stack.c) */
uintptr_t stack_first_get(P *p);           /* a STACK_FIRST segment from p's cache */
void stack_first_put(P *p, uintptr_t lo);  /* back to p's cache */
uintptr_t stack_map(uintptr_t size);       /* a segment of another size (the main G's) */
void stack_release_segments(G *g);
void *stack_hugemap(uintptr_t n); /* 2 MiB-aligned, MADV_HUGEPAGE */
#if defined(RT_TSAN) || defined(RT_ASAN)
/* The sanitizers' instrumentation and interceptors run on the goroutine
 * stack and need far more than 2 KiB; their tests do not use split stacks. */
#define STACK_FIRST 65536
#else
#define STACK_FIRST 2048       /* bytes of a new goroutine's first segment */
#endif
#define STACK_RESERVE 512      /* below the limit: LLVM's 256 + __morestack */
#define STACK_NOSPLIT_HEADROOM 1024 /* guaranteed to non-split (C) callees */
/* %fs:0x70 value meaning "yield at the next split-stack prologue" (gc's
 * stackPreempt): every prologue then calls __morestack, which yields. */
#define STACK_PREEMPT_POISON 0xfffffffffffffadeul
/* Timers (time.c) */
void timer_add(Timer *t);          /* onto the current P's heap */
bool timer_del(Timer *t);          /* true if it was still pending */
int64_t timer_check(P *p, int64_t now); /* run expired; returns next when (0 none) */
int64_t timer_earliest(void);      /* over all Ps, 0 none */
void sched_timer_kick(int64_t when); /* a timer earlier than any may be added */
/* Signals (signal.c) */
void signal_init(void);
void signal_minit(M *m);
void signal_preempt(M *m);
/* context switch (ctxswitch.S) */
void sched_switch(uintptr_t *save_sp, uintptr_t new_sp);
void sched_gostart(void); /* first frame of a new G */

/* ThreadSanitizer: each G is a fiber; switching Gs switches fibers. */
#ifdef RT_TSAN
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
#define TSAN_SWITCH(f) __tsan_switch_to_fiber((f), 0)
#define TSAN_NEWFIBER() __tsan_create_fiber(0)
#define TSAN_CURFIBER() __tsan_get_current_fiber()
#else
#define TSAN_SWITCH(f) ((void)0)
#define TSAN_NEWFIBER() NULL
#define TSAN_CURFIBER() NULL
#endif

/* AddressSanitizer: every stack switch is announced (start before, finish
 * after, on the new stack) so that ASan knows the current stack's bounds,
 * and a goroutine stack is unpoisoned before it is reused (frames of a G
 * that never returned leave their redzones poisoned). */
#ifdef RT_ASAN
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old, size_t *size_old);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
void __asan_handle_no_return(void);
#define ASAN_START_SWITCH(save, lo, hi) \
	__sanitizer_start_switch_fiber((save), (const void *)(lo), (size_t)((hi) - (lo)))
#define ASAN_FINISH_SWITCH(save) __sanitizer_finish_switch_fiber((save), NULL, NULL)
#define ASAN_UNPOISON(lo, n) __asan_unpoison_memory_region((const void *)(lo), (size_t)(n))
#define ASAN_NORETURN() __asan_handle_no_return()
/* __morestack moves a G between segments without telling ASan: re-announce
 * the current segment (a switch to the same fiber) before a noreturn call. */
#define ASAN_RESYNC(g)                                          \
	do {                                                        \
		void *fake_ = NULL;                                     \
		ASAN_START_SWITCH(&fake_, (g)->stacklo, (g)->stackhi);  \
		ASAN_FINISH_SWITCH(fake_);                              \
	} while (0)
#else
#define ASAN_RESYNC(g) ((void)0)
#define ASAN_START_SWITCH(save, lo, hi) ((void)0)
#define ASAN_FINISH_SWITCH(save) ((void)0)
#define ASAN_UNPOISON(lo, n) ((void)0)
#define ASAN_NORETURN() ((void)0)
#endif

static inline void set_stacklimit(uintptr_t v) {
	__asm__ volatile("movq %0, %%fs:0x70" ::"r"(v) : "memory");
}
static inline uintptr_t get_stacklimit(void) {
	uintptr_t v;
	__asm__ volatile("movq %%fs:0x70, %0" : "=r"(v));
	return v;
}

#endif
