/* runtime.h: the contracts between the runtime's subsystems, and between the
 * runtime and compiled Go code. Each subsystem keeps its internals in its own
 * .c file (and a private header if it needs one); what another subsystem or
 * the compiler may call is declared here, grouped by the file that owns it.
 *
 * Naming: everything compiled code calls starts with rt_. Inside the runtime a
 * subsystem's own helpers carry its prefix (heap_, gc_, sched_, stack_,
 * chan_, map_, ...).
 */
#ifndef GOC_RUNTIME_H
#define GOC_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "type.h"

/* ---- malloc.c: the one allocation entry -------------------------------
 * Every allocation made by compiled code or by the runtime on behalf of Go
 * values goes through rt_mallocgc, which knows the type and so where the
 * pointers are. typ == NULL or typ->ptrdata == 0 means the object holds no
 * pointers (noscan). size may be a multiple of typ->size (arrays of typ). */
void *rt_mallocgc(uintptr_t size, const GoType *typ, int needzero);
void *rt_new(const GoType *typ);                     /* new(T), zeroed */
void *rt_newarray(const GoType *elem, intptr_t n);   /* make([]T, n) backing */

/* Allocation caches. The scheduler gives each P one (rt_mcache_new) and sets
 * rt_mcache_cur on the M that holds the P; a thread allocating with no cache
 * set gets a private one, released when the thread exits. The collector
 * flushes every cache at mark termination with the world stopped, so a cache
 * must only be used by the thread that holds its P, and every thread that
 * allocates must be one rt_stw_stop stops (or one blocked through
 * rt_gc_blockhook). Slow paths switch to the system stack themselves
 * (rt_systemstack); the fast path needs little goroutine stack. */
typedef struct MCache MCache;
MCache *rt_mcache_new(void);
void rt_mcache_release(MCache *c);
extern __thread MCache *rt_mcache_cur;

/* ---- gc.c: collector entry points --------------------------------------
 * Write barrier. Compiled code stores a pointer into the heap with
 *     if (rt_wbenabled) rt_wbstore(slot, val); else *slot = val;
 * The slow path does the store itself. rt_typedmemmove copies a value of
 * type typ that may contain pointers (structs, arrays, interfaces). */
extern volatile uint32_t rt_wbenabled;
void rt_wbstore(void **slot, void *val);
/* The barrier alone, for stores the caller makes itself (atomics): shades
 * the value being overwritten and the one replacing it. */
void rt_wbshade(void *old, void *val);
void rt_typedmemmove(const GoType *typ, void *dst, const void *src);
/* copy(dst, src) of n elements that contain pointers (memmove semantics),
 * and clearing n values of typ that contain pointers (var = T{}, clear). */
void rt_typedslicecopy(const GoType *elem, void *dst, const void *src, intptr_t n);
void rt_typedmemclr(const GoType *typ, void *dst, intptr_t n);

/* Global roots: compiled code registers each package's data before package
 * initialization; bitmap has one bit per word (LSB first) as GoType.gcdata. */
void rt_gc_addroots(void *start, uintptr_t nbytes, const uint8_t *bitmap);

void rt_gc_init(void);  /* called once from the program entry */
void rt_gc(void);       /* runtime.GC(): a full collection, swept, then return */

/* debug.SetGCPercent / debug.SetMemoryLimit: set and return the previous
 * value (percent < 0 is off; limit < 0 only reads; INT64_MAX is no limit). */
int rt_gc_setpercent(int percent);
int64_t rt_gc_setmemlimit(int64_t limit);

/* Extra ranges scanned conservatively every cycle (C data the runtime keeps
 * Go pointers in). Like rt_gc_addroots, register before they hold pointers. */
void rt_gc_addconservroots(void *start, uintptr_t nbytes);

/* Stores of pointers into globals and stacks need no barrier: the collector
 * scans all stacks and globals with the world stopped when marking starts,
 * and the barrier is a deletion barrier for heap slots from then on.
 *
 * rt_gc_blockhook: set by the scheduler. The collector blocks a thread
 * inside the runtime in two places: rt_gc waiting for its cycle, and an
 * allocation that finds the heap past 1.1x the goal with no marking work
 * to help with (it waits in 100 us slices). Around each wait it calls
 * hook(1) and hook(0), so that stop-the-world can count the thread as
 * stopped. hook(1) must leave the thread's registers on its stack; hook(0)
 * must not return while the world is stopped. Without a hook, allocation
 * never waits. The collector's own background worker is a plain thread that
 * owns no P, never allocates, and calls rt_stw_stop/rt_stw_start. */
extern void (*rt_gc_blockhook)(int entering);

/* runtime.ReadMemStats: the layout of gc's runtime.MemStats (Go 1.19), so the
 * runtime package can copy it. Fields the collector does not track are 0. */
typedef struct RtMemStats {
	uint64_t Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees;
	uint64_t HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects;
	uint64_t StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys;
	uint64_t BuckHashSys, GCSys, OtherSys;
	uint64_t NextGC, LastGC, PauseTotalNs;
	uint64_t PauseNs[256], PauseEnd[256];
	uint32_t NumGC, NumForcedGC;
	double GCCPUFraction;
	_Bool EnableGC, DebugGC;
	struct { uint32_t Size; uint64_t Mallocs, Frees; } BySize[61];
} RtMemStats;
void rt_readmemstats(RtMemStats *m);

/* ---- sched.c: what the collector needs from the scheduler --------------
 * Stop every other goroutine at a point where its registers are saved on its
 * stack (or in its G), and restart them. */
void rt_stw_stop(const char *reason);
void rt_stw_start(void);
/* With the world stopped: call fn for the live range [lo, hi) of every
 * goroutine stack (saved registers included) and of every M's system stack
 * that is in use; the collector scans these conservatively. */
typedef void (*rt_rangefn)(uintptr_t lo, uintptr_t hi, void *ctx);
void rt_sched_each_stack(rt_rangefn fn, void *ctx);

/* ---- sched.c: goroutines -------------------------------------------------
 * `go f(args)` is compiled to a heap-allocated argument block and a thunk that
 * unpacks it: rt_go(thunk, block). */
void rt_go(void (*fn)(void *arg), void *arg);

/* The program entry calls rt_sched_main(main_main) after package setup: it
 * starts the scheduler (GOMAXPROCS from the environment, default the CPU
 * count) and runs gomain as goroutine 1; the process exits with status 0
 * when gomain returns. */
noreturn void rt_sched_main(void (*gomain)(void));
void rt_gosched(void);            /* runtime.Gosched */
noreturn void rt_goexit(void);    /* runtime.Goexit: runs rt_goexit_hook first */
extern void (*rt_goexit_hook)(void *deferhook); /* set by panic.c/codegen */
/* The current goroutine's defer-chain and panic-chain words (NULL off-G);
 * rt_goexit calls rt_goexit_hook(*rt_g_deferslot()) when it is set. */
void **rt_g_deferslot(void);
void **rt_g_panicslot(void);
int rt_numgoroutine(void);        /* runtime.NumGoroutine */
int32_t rt_ncpu(void);           /* runtime.NumCPU: the CPUs this process may run on */
int rt_gomaxprocs(int n);         /* runtime.GOMAXPROCS: n <= 0 only queries */
void rt_traceback_here(uintptr_t faultpc); /* traceback.c: the Go frames of the calling goroutine, gc's
                                           * format (faultpc: the pc of the fault being panicked, or 0) */
void rt_traceback_from(uintptr_t pc, uintptr_t fp); /* ... of an interrupted one (a fatal signal) */
void rt_traceback_parked(void *g, uintptr_t fp);    /* ... of parked goroutine g, from its saved frame pointer */
uint64_t rt_goid(void);           /* the current goroutine's id, 0 off-G */
/* Blocking system calls are bracketed so the P can go to another M. */
void rt_entersyscall(void);
void rt_exitsyscall(void);
/* Run fn(arg) on the M's system stack: C code that needs more stack than
 * the 1 KiB a goroutine stack promises to non-split callees (printing,
 * libc, the collector). Nests; off-G it just calls fn. */
void rt_systemstack(void (*fn)(void *arg), void *arg);
/* Cooperative preemption point (optional: preemption is by signal). */
void rt_preemptcheck(void);

/* ---- chan.c, select.c: channels --------------------------------------
 * Element values are passed by address. A nil channel blocks forever. */
typedef struct Hchan Hchan;
Hchan *rt_makechan(const GoChanType *t, intptr_t size);
void rt_chansend(Hchan *c, const void *elem);          /* c <- *elem */
bool rt_chanrecv(Hchan *c, void *elem);                /* *elem, ok = <-c (elem may be NULL) */
void rt_closechan(Hchan *c);
intptr_t rt_chanlen(Hchan *c);
intptr_t rt_chancap(Hchan *c);
/* select with one case and a default */
bool rt_selectnbsend(Hchan *c, const void *elem);
bool rt_selectnbrecv(Hchan *c, void *elem, bool *received);
/* General select: cases[i].dir is RT_SELECT_SEND or RT_SELECT_RECV; order
 * is scratch space of 2*ncases uint16_t in the caller's frame. Returns the
 * chosen case index, or -1 if !block and no case was ready (default). For a
 * receive, *recvok tells a value from a close. Cases with c == NULL never
 * proceed; ncases == 0 with block blocks forever. */
enum { RT_SELECT_SEND = 1, RT_SELECT_RECV = 2 };
typedef struct RtSelectCase {
	Hchan *c;
	void *elem;
	uintptr_t dir;
} RtSelectCase;
int rt_selectgo(RtSelectCase *cases, uint16_t *order, int ncases, bool block, bool *recvok);

/* ---- time.c: clocks, sleep, timers ------------------------------------ */
int64_t rt_nanotime(void);                      /* monotonic ns */
void rt_walltime(int64_t *sec, int32_t *nsec);  /* real time */
void rt_sleep(int64_t ns);                      /* time.Sleep */
/* Timers for the time package (After, NewTimer, AfterFunc, Ticker): f(arg,
 * seq) runs on a scheduler thread (not on a goroutine) at when, then every
 * period ns if period > 0; it must not block (time's sendTime does a
 * non-blocking send). The RtTimer may live in the Go heap: while queued the
 * scheduler reports it to the collector. Restarting a queued timer moves it. */
typedef struct RtTimer {
	int64_t when;
	int64_t period;
	void (*f)(void *arg, uintptr_t seq);
	void *arg;
	uintptr_t seq;
	void *p;     /* private: the P whose heap holds it */
	int32_t idx; /* private */
	int32_t pad;
} RtTimer;
void rt_timer_start(RtTimer *t, int64_t when, int64_t period, void (*f)(void *arg, uintptr_t seq), void *arg,
                    uintptr_t seq);
bool rt_timer_stop(RtTimer *t); /* true if it was still pending */

/* ---- sema.c: semaphores for package sync --------------------------------
 * rt_semacquire waits until *addr > 0 and decrements it; rt_semrelease
 * increments it and wakes a waiter (FIFO). notifyList: sync.Cond. */
void rt_semacquire(uint32_t *addr);
void rt_semrelease(uint32_t *addr);
typedef struct RtNotifyList {
	uint32_t wait;   /* ticket of the next waiter (atomic) */
	uint32_t notify; /* ticket of the next waiter to notify */
	uint32_t lock;
	uint32_t pad;
	void *head, *tail;
} RtNotifyList;
uint32_t rt_notifylist_add(RtNotifyList *l);
void rt_notifylist_wait(RtNotifyList *l, uint32_t t);
void rt_notifylist_notifyone(RtNotifyList *l);
void rt_notifylist_notifyall(RtNotifyList *l);

/* ---- alg.c: hashing and equality of Go values ----------------------------
 * Hashes take a seed and return a hash; a per-process random key is mixed
 * in (wyhash, as gc's hash64.go). Equality and hashing follow the type
 * descriptor: floats compare as IEEE numbers (+0 == -0, NaN != NaN, and a
 * NaN hashes randomly), strings by content, interfaces by dynamic type and
 * value, arrays and structs element by element (blank fields skipped). A
 * value whose dynamic type is not comparable (descriptor equal == NULL)
 * panics "hash of unhashable type T" / "comparing uncomparable type T".
 * The hashers with the (key, seed) signature fit GoMapType.hasher; the
 * equal functions fit GoType.equal (see docs/runtime-abi.md). */
uintptr_t rt_memhash(const void *p, uintptr_t seed, uintptr_t size);
uintptr_t rt_memhash32(const void *p, uintptr_t seed);
uintptr_t rt_memhash64(const void *p, uintptr_t seed);
uintptr_t rt_strhash(const void *p, uintptr_t seed);      /* p: GoString * */
uintptr_t rt_f32hash(const void *p, uintptr_t seed);
uintptr_t rt_f64hash(const void *p, uintptr_t seed);
uintptr_t rt_c64hash(const void *p, uintptr_t seed);
uintptr_t rt_c128hash(const void *p, uintptr_t seed);
uintptr_t rt_nilinterhash(const void *p, uintptr_t seed); /* p: GoEface * */
uintptr_t rt_interhash(const void *p, uintptr_t seed);    /* p: GoIface * */
uintptr_t rt_typehash(const GoType *t, const void *p, uintptr_t seed);
bool rt_typeequal(const GoType *t, const void *a, const void *b);
bool rt_memequal0(const void *a, const void *b);
bool rt_memequal8(const void *a, const void *b);
bool rt_memequal16(const void *a, const void *b);
bool rt_memequal32(const void *a, const void *b);
bool rt_memequal64(const void *a, const void *b);
bool rt_memequal128(const void *a, const void *b);
bool rt_f32equal(const void *a, const void *b);
bool rt_f64equal(const void *a, const void *b);
bool rt_c64equal(const void *a, const void *b);
bool rt_c128equal(const void *a, const void *b);
bool rt_strequal(const void *a, const void *b);
bool rt_nilinterequal(const void *a, const void *b);
bool rt_interequal(const void *a, const void *b);
/* Interface comparisons (==): same dynamic type and equal values. */
bool rt_efaceeq(GoEface a, GoEface b);
bool rt_ifaceeq(GoIface a, GoIface b);
bool rt_ifaceefaceeq(GoIface a, GoEface b); /* non-empty vs empty interface */
/* Per-thread random numbers (wyrand), for maps and anyone else. */
uint32_t rt_fastrand(void);
uint64_t rt_fastrand64(void);

/* ---- map.c: maps -----------------------------------------------------------
 * A map value is a pointer to the runtime's header (NULL for a nil map);
 * its first word is the entry count (len). Keys are passed by address;
 * the access functions return the address of the element in the table (or
 * of a zero element), valid until the next write to the map. rt_mapassign
 * returns the slot to store the element into: the caller stores it, with a
 * write barrier if the element type holds pointers. Lowering of every map
 * operation: docs/runtime-abi.md. */
void *rt_makemap(const GoMapType *t, intptr_t hint);  /* hint < 0 counts as 0, as gc 1.19 */
void *rt_mapaccess1(const GoMapType *t, void *m, const void *key);
void *rt_mapaccess2(const GoMapType *t, void *m, const void *key, bool *ok);
void *rt_mapassign(const GoMapType *t, void *m, const void *key);
/* rt_mapassign for a string key whose bytes are borrowed (m[string(b)]):
 * copied into the map only when the key is new */
void *rt_mapassign_strtmp(const GoMapType *t, void *m, const void *key);
void rt_mapdelete(const GoMapType *t, void *m, const void *key);
void rt_mapclear(const GoMapType *t, void *m);
intptr_t rt_maplen(void *m);
/* Iteration: the iterator lives in the caller's frame (12 words, gc's
 * hiter size); key == NULL once iteration is over. The first eight words
 * may hold pointers. */
typedef struct RtMapIter {
	void *key;
	void *elem;
	const GoMapType *t;
	void *h;
	void *buckets;
	void *bptr;
	void *overflow, *oldoverflow;
	uintptr_t startbucket;
	uint8_t offset, wrapped, B, i;
	uint32_t pad;
	uintptr_t bucket;
	uintptr_t checkbucket;
} RtMapIter;
void rt_mapiterinit(const GoMapType *t, void *m, RtMapIter *it);
void rt_mapiternext(RtMapIter *it);

/* ---- panic.c: runtime errors ---------------------------------------------
 * rt_panicrt: a runtime.Error, printed "panic: runtime error: msg".
 * rt_panicplain: a runtime.Error printed without the prefix, for gc's
 * plainError panics ("send on closed channel", "close of nil channel").
 * rt_throw: an unrecoverable "fatal error: msg", exit status 2. */
noreturn void rt_panicrt(const char *msg);
noreturn void rt_panicnil(void);
noreturn void rt_raisenil(uintptr_t pc); /* panic.c: rt_panicnil's body (goentry.c) */
noreturn void rt_panicplain(const char *msg);
noreturn void rt_throw(const char *msg);
noreturn void rt_gopanic(const GoType *t, void *data); /* panic(v), v as an interface{} */
/* A fault in Go code turned into a panic (signal.c): the runtime error
 * "invalid memory address or nil pointer dereference", printed, if not
 * recovered, with gc's "[signal SIGSEGV: ...]" line. */
typedef struct RtSigInfo { int sig, code; uintptr_t addr, pc; } RtSigInfo;
noreturn void rt_panicsig(const RtSigInfo *si);
noreturn void rt_gopanic_sig(const GoType *t, void *data, const RtSigInfo *si);

/* ---- defer.c: deferred calls and recover (the frame layout is the code
 * generator's: 12 words in the deferring function's frame) -------------- */
struct DeferFrame;
void rt_deferframe_push(struct DeferFrame *f);
void rt_defer(struct DeferFrame *f, void (*thunk)(void *), void *blk);
void rt_defer_init(void); /* at program start: runtime.Goexit runs deferred calls */
void rt_deferframe_return(struct DeferFrame *f);
GoEface rt_gorecover(void *callerframe);
void rt_deferenter(void *blk, void *frame);
GoEface rt_gorecover_deferred(void *blk, void *callerframe);
int rt_setjmp(void *jb) __attribute__((returns_twice));

/* ---- iface.c: itabs at run time, assertions, conversion panics ---------- */
GoItab *rt_getitab(const GoType *inter, const GoType *type);
GoItab *rt_assertI2Iok(const GoType *inter, const GoType *type);
GoItab *rt_convI2I(const GoType *inter, const void *word0, const void *empty);
noreturn void rt_panicdottype(const GoType *have, const GoType *want, const GoType *iface);
noreturn void rt_raisedottype(const GoType *have, const GoType *want, const GoType *iface);

/* ---- slice.c: make, append, bounds failures ------------------------------ */
extern uintptr_t rt_zerobase;
void *rt_makeslice(const GoType *elem, int64_t len, int64_t cap);
void rt_growslice(GoSlice *out, const GoType *elem, void *oldptr, int64_t oldlen, int64_t oldcap, int64_t newlen);
noreturn void rt_panicindex(int64_t i, int64_t len);
noreturn void rt_raiseindex(int64_t i, int64_t len);

/* ---- print.c: the print/println builtins, and raw stderr output ---------- */
void rt_write_stderr(const void *p, intptr_t n);
void rt_printlock(void);
void rt_printunlock(void);

/* complex.c: complex128 division as gc's runtime.complex128div */
void rt_complex128div(double out[2], double a, double b, double c, double d);

#endif
