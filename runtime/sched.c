/* sched.c: the G/M/P scheduler. Gs are goroutines, Ms OS threads (pthreads),
 * Ps the GOMAXPROCS processor slots an M must hold to run Go code. Each P has
 * a 256-entry local run queue plus a runnext slot; a global queue under the
 * scheduler lock takes the overflow; an M without work steals half of another
 * P's queue and, finding nothing, parks on a futex. Blocking system calls
 * (rt_entersyscall/rt_exitsyscall) let sysmon hand the P to another M;
 * sysmon also asks Gs running over 10 ms to yield (signal.c). Also here:
 * stop-the-world and the stack enumeration the collector needs, deadlock
 * detection, and the program's main goroutine (rt_sched_main).
 * Modelled on gc's proc.go, written for C: each M runs a scheduler loop on
 * its own thread stack (g0) and switches to Gs with sched_switch. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sched_impl.h"

/* ---------------------------------------------------------------- locks */

static long futex(_Atomic uint32_t *addr, int op, uint32_t val, const struct timespec *ts) {
	return syscall(SYS_futex, (uint32_t *)addr, op | FUTEX_PRIVATE_FLAG, val, ts, NULL, 0);
}

void sched_lock(rtlock *l) {
	uint32_t c = 0;
	if (atomic_compare_exchange_strong_explicit(&l->key, &c, 1, memory_order_acquire, memory_order_relaxed))
		return;
	for (int i = 0; i < 64; i++) { /* brief spin: critical sections are short */
		__builtin_ia32_pause();
		c = 0;
		if (atomic_load_explicit(&l->key, memory_order_relaxed) == 0 &&
		    atomic_compare_exchange_strong_explicit(&l->key, &c, 1, memory_order_acquire, memory_order_relaxed))
			return;
	}
	if (c != 2)
		c = atomic_exchange_explicit(&l->key, 2, memory_order_acquire);
	while (c != 0) {
		futex(&l->key, FUTEX_WAIT, 2, NULL);
		c = atomic_exchange_explicit(&l->key, 2, memory_order_acquire);
	}
}

void sched_unlock(rtlock *l) {
	if (atomic_exchange_explicit(&l->key, 0, memory_order_release) == 2)
		futex(&l->key, FUTEX_WAKE, 1, NULL);
}

void note_clear(rtnote *n) { atomic_store(&n->key, 0); }
void note_wakeup(rtnote *n) {
	if (atomic_exchange(&n->key, 1) == 0)
		futex(&n->key, FUTEX_WAKE, 1, NULL);
}
void note_sleep(rtnote *n) {
	while (atomic_load(&n->key) == 0)
		futex(&n->key, FUTEX_WAIT, 0, NULL);
}
bool note_tsleep(rtnote *n, int64_t ns) {
	int64_t deadline = rt_nanotime() + ns;
	while (atomic_load(&n->key) == 0) {
		int64_t left = deadline - rt_nanotime();
		if (left <= 0)
			return atomic_load(&n->key) != 0;
		struct timespec ts = {left / 1000000000, left % 1000000000};
		futex(&n->key, FUTEX_WAIT, 0, &ts);
	}
	return true;
}

/* ------------------------------------------------------------ globals */

__thread M *sched_m __attribute__((tls_model("initial-exec")));
int32_t sched_gomaxprocs;
static int32_t sched_ncpu; /* CPUs this process may run on */
P **sched_allp;
static int32_t allp_cap;

const char *const sched_waitreasons[WR_COUNT] = {
	[WR_ZERO] = "",
	[WR_CHANRECVNIL] = "chan receive (nil chan)",
	[WR_CHANSENDNIL] = "chan send (nil chan)",
	[WR_SELECT] = "select",
	[WR_SELECTNOCASES] = "select (no cases)",
	[WR_CHANRECV] = "chan receive",
	[WR_CHANSEND] = "chan send",
	[WR_SEMACQUIRE] = "semacquire",
	[WR_SLEEP] = "sleep",
	[WR_CONDWAIT] = "sync.Cond.Wait",
	[WR_PREEMPTED] = "preempted",
	[WR_SYNCMUTEX] = "sync.Mutex.Lock",
};

/* Grouped by cache line: what every M reads on its hot paths, what the
 * lock protects, and the counters, so that a spawning M and the Ms running
 * what it spawns do not bounce one line between them (spawn benchmark). */
static struct {
	/* read on every spawn and schedule; written at M/P transitions */
	_Alignas(64) _Atomic uint32_t gcwaiting;
	_Atomic int32_t nmspinning;
	_Atomic int32_t npidle;
	bool started;
	bool mainexited;
	/* under lock */
	_Alignas(64) rtlock lock;
	G *runqhead, *runqtail;
	_Atomic int32_t runqsize;
	M *midle;
	int32_t nmidle;
	int32_t mcount;
	P *pidle;
	G *gfree; /* batches of free Gs (linked by gfbatch), GFREE_BATCH each */
	int32_t ngfree;
	/* Ps take goids in batches; Gs created or ended with no P count here */
	_Alignas(64) _Atomic uint64_t goidgen;
	_Atomic int32_t ngoroutines;
	/* stop the world */
	_Alignas(64) int32_t stopwait;
	rtnote stopnote;
	rtlock stwlock; /* serializes rt_stw_stop callers */
	rtlock sysmonlock; /* held by sysmon while it looks at Ps; by procresize */
	M *stwm;
	/* timers: one idle M may sleep until the earliest timer */
	M *timerwaiter;
	int64_t timerwaitwhen;
	M *sysexitwait; /* Ms in rt_exitsyscall on a system stack, waiting for a P */
} sched;

static rtlock allglock;
static G *allg, *allgtail;
static M *allm;
static M m0;
static G *g1;

static void *mstart_thread(void *arg);
static void schedule_loop(void);
static void wakep(void);
static void startm(P *p, bool spinning);

/* ------------------------------------------------------------- random */

uint32_t sched_fastrand(void) {
	M *m = sched_m;
	static _Atomic uint32_t seedgen = 0x9e3779b9u;
	uint32_t x;
	if (!m) {
		x = atomic_fetch_add(&seedgen, 0x9e3779b9u);
	} else {
		x = m->fastrand;
		if (!x)
			x = (uint32_t)m->id * 2654435761u ^ (uint32_t)rt_nanotime() ^ 1;
	}
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	if (m)
		m->fastrand = x;
	return x;
}
uint32_t sched_fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)sched_fastrand() * n) >> 32); }

/* --------------------------------------------------------- run queues */

/* Start loading a queued G that will run soon. A goroutine that spawns
 * in a loop leaves thousands of queued Gs that have left the cache;
 * without this, running each one waits for memory several times over. */
static inline void g_prefetch(G *g) {
	for (size_t off = 0; off < sizeof(G); off += 64)
		__builtin_prefetch((char *)g + off, 1);
}

/* Caller holds sched.lock. */
static void globrunqput(G *g) {
	g->schedlink = NULL;
	if (sched.runqtail)
		sched.runqtail->schedlink = g;
	else
		sched.runqhead = g;
	sched.runqtail = g;
	atomic_fetch_add(&sched.runqsize, 1);
}
static void globrunqputbatch(G *head, G *tail, int32_t n) {
	tail->schedlink = NULL;
	if (sched.runqtail)
		sched.runqtail->schedlink = head;
	else
		sched.runqhead = head;
	sched.runqtail = tail;
	atomic_fetch_add(&sched.runqsize, n);
}
/* Run-queue slots: a thief may read a slot its owner is refilling (it then
 * fails the CAS on runqhead and drops what it read), as in gc's runqgrab:
 * relaxed atomics, plain moves on x86, say so to ThreadSanitizer. */
#define RQGET(p, i) atomic_load_explicit(&(p)->runq[i], memory_order_relaxed)
#define RQSET(p, i, g) atomic_store_explicit(&(p)->runq[i], (g), memory_order_relaxed)

/* Take up to a fair share of the global queue into p's local queue. */
static G *globrunqget(P *p, int32_t max) {
	int32_t size = atomic_load(&sched.runqsize);
	if (size == 0)
		return NULL;
	int32_t n = size / sched_gomaxprocs + 1;
	if (n > size)
		n = size;
	if (max > 0 && n > max)
		n = max;
	if (n > RUNQ_SIZE / 2)
		n = RUNQ_SIZE / 2;
	atomic_fetch_sub(&sched.runqsize, n);
	G *g = sched.runqhead;
	sched.runqhead = g->schedlink;
	if (!sched.runqhead)
		sched.runqtail = NULL;
	for (n--; n > 0; n--) {
		G *g1 = sched.runqhead;
		g_prefetch(g1); /* the walk waits on each G anyway: fetch all its lines at once */
		sched.runqhead = g1->schedlink;
		if (!sched.runqhead)
			sched.runqtail = NULL;
		/* local queue has room: we only add at most RUNQ_SIZE/2 */
		uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
		uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
		if (t - h < RUNQ_SIZE) {
			RQSET(p, t % RUNQ_SIZE, g1);
			atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
		} else {
			globrunqput(g1);
		}
	}
	return g;
}

/* Slow path of runqput: move half of the local queue and g to the global queue. */
static bool runqputslow(P *p, G *g, uint32_t h, uint32_t t) {
	G *batch[RUNQ_SIZE / 2 + 1];
	uint32_t n = (t - h) / 2;
	for (uint32_t i = 0; i < n; i++)
		batch[i] = RQGET(p, (h + i) % RUNQ_SIZE);
	if (!atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + n, memory_order_release, memory_order_relaxed))
		return false;
	batch[n] = g;
	for (uint32_t i = 0; i < n; i++)
		batch[i]->schedlink = batch[i + 1];
	sched_lock(&sched.lock);
	globrunqputbatch(batch[0], batch[n], (int32_t)n + 1);
	sched_unlock(&sched.lock);
	return true;
}

struct rqslow { P *p; G *g; uint32_t h, t; bool ok; };
static void runqputslow_sys(void *arg) {
	struct rqslow *a = arg;
	a->ok = runqputslow(a->p, a->g, a->h, a->t);
}

/* Put g on p's local queue (only p's owner calls this). next: into runnext,
 * kicking the old runnext to the tail. */
static void runqput(P *p, G *g, bool next) {
	if (next) {
		G *old = atomic_exchange(&p->runnext, g);
		if (!old)
			return;
		g = old;
	}
	for (;;) {
		uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
		uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
		if (t - h < RUNQ_SIZE) {
			RQSET(p, t % RUNQ_SIZE, g);
			atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
			return;
		}
		struct rqslow a = {p, g, h, t, false};
		rt_systemstack(runqputslow_sys, &a); /* 1 KiB batch: not on a G stack */
		if (a.ok)
			return;
	}
}

static G *runqget(P *p) {
	G *next = atomic_load(&p->runnext);
	if (next && atomic_compare_exchange_strong(&p->runnext, &next, NULL))
		return next;
	for (;;) {
		uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
		uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
		if (t == h)
			return NULL;
		G *g = RQGET(p, h % RUNQ_SIZE);
		if (atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + 1, memory_order_release, memory_order_relaxed)) {
			if (t - h > 1)
				g_prefetch(RQGET(p, (h + 1) % RUNQ_SIZE));
			return g;
		}
	}
}

static bool runqempty(P *p) {
	for (;;) {
		uint32_t h = atomic_load(&p->runqhead);
		uint32_t t = atomic_load(&p->runqtail);
		G *next = atomic_load(&p->runnext);
		if (t == atomic_load(&p->runqtail))
			return h == t && next == NULL;
	}
}

/* Grab half of p2's queue into batch (of RUNQ_SIZE/2 slots); returns count. */
static uint32_t runqgrab(P *p2, G **batch, bool stealnext) {
	for (;;) {
		uint32_t h = atomic_load_explicit(&p2->runqhead, memory_order_acquire);
		uint32_t t = atomic_load_explicit(&p2->runqtail, memory_order_acquire);
		uint32_t n = t - h;
		n = n - n / 2;
		if (n == 0) {
			if (stealnext) {
				G *next = atomic_load(&p2->runnext);
				if (next && atomic_compare_exchange_strong(&p2->runnext, &next, NULL)) {
					batch[0] = next;
					return 1;
				}
			}
			return 0;
		}
		if (n > RUNQ_SIZE / 2)
			continue; /* inconsistent read */
		for (uint32_t i = 0; i < n; i++)
			batch[i] = RQGET(p2, (h + i) % RUNQ_SIZE);
		if (atomic_compare_exchange_strong_explicit(&p2->runqhead, &h, h + n, memory_order_release, memory_order_relaxed))
			return n;
	}
}

/* Steal half of p2's run queue into p's; return one G to run. */
static G *runqsteal(P *p, P *p2, bool stealnext) {
	G *batch[RUNQ_SIZE / 2];
	uint32_t n = runqgrab(p2, batch, stealnext);
	if (n == 0)
		return NULL;
	G *g = batch[--n];
	if (n == 0)
		return g;
	uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
	for (uint32_t i = 0; i < n; i++)
		RQSET(p, (t + i) % RUNQ_SIZE, batch[i]);
	atomic_store_explicit(&p->runqtail, t + n, memory_order_release);
	return g;
}

/* ------------------------------------------------------------- Ps, Ms */

/* Caller holds sched.lock. */
static void pidleput(P *p) {
	M *w = sched.sysexitwait;
	if (w && !atomic_load(&sched.gcwaiting)) {
		/* an M blocked in rt_exitsyscall on its system stack takes it */
		sched.sysexitwait = w->schedlink;
		atomic_store(&p->status, P_IDLE);
		RSTORE(p->m, NULL);
		w->nextp = p;
		note_wakeup(&w->park);
		return;
	}
	atomic_store(&p->status, P_IDLE);
	RSTORE(p->m, NULL);
	p->link = sched.pidle;
	sched.pidle = p;
	atomic_fetch_add(&sched.npidle, 1);
}
static P *pidleget(void) {
	P *p = sched.pidle;
	if (p) {
		sched.pidle = p->link;
		atomic_fetch_sub(&sched.npidle, 1);
	}
	return p;
}

static void acquirep(P *p) {
	M *m = sched_m;
	rt_mcache_cur = p->mcache; /* allocation cache follows the P */
	m->p = p;
	RSTORE(p->m, m);
	atomic_store(&p->status, P_RUNNING);
}
static P *releasep(void) {
	M *m = sched_m;
	P *p = m->p;
	m->p = NULL;
	RSTORE(p->m, NULL);
	rt_mcache_cur = NULL;
	return p;
}

static M *allocm(void) {
	M *m = calloc(1, sizeof(M));
	if (!m)
		rt_throw("out of memory allocating an M");
	sched_lock(&sched.lock);
	m->id = (uint64_t)sched.mcount++;
	m->alllink = allm;
	allm = m;
	sched_unlock(&sched.lock);
	return m;
}

static void newm(P *p, bool spinning) {
	M *m = allocm();
	m->nextp = p;
	m->spinning = spinning;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 1 << 20);
	pthread_t th;
	int e = pthread_create(&th, &attr, mstart_thread, m);
	pthread_attr_destroy(&attr);
	if (e)
		rt_throw("newm: pthread_create failed");
}

/* The M's system stack bounds, for rt_systemstack and the stack scan. */
static void m_stackbounds(M *m) {
	pthread_attr_t attr;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstack(&attr, &addr, &size);
		m->g0lo = (uintptr_t)addr;
		m->g0hi = (uintptr_t)addr + size;
		pthread_attr_destroy(&attr);
	}
}

static void minit(M *m) {
	sched_m = m;
	m->tid = (uint64_t)pthread_self();
	m->g0fiber = TSAN_CURFIBER();
	set_stacklimit(0);
	m_stackbounds(m);
	signal_minit(m);
}

static void *mstart_thread(void *arg) {
	M *m = arg;
	minit(m);
	acquirep(m->nextp);
	m->nextp = NULL;
	schedule_loop();
	return NULL;
}

/* Start an M running p (or an idle P if p is NULL); no-op without idle P. */
static void startm(P *p, bool spinning) {
	sched_lock(&sched.lock);
	if (!p) {
		p = pidleget();
		if (!p) {
			sched_unlock(&sched.lock);
			if (spinning)
				atomic_fetch_sub(&sched.nmspinning, 1);
			return;
		}
	}
	M *m = sched.midle;
	if (m) {
		sched.midle = m->schedlink;
		sched.nmidle--;
	}
	sched_unlock(&sched.lock);
	if (!m) {
		newm(p, spinning);
		return;
	}
	m->spinning = spinning;
	m->nextp = p;
	note_wakeup(&m->park);
}

static void startm_spinning(void *arg) {
	(void)arg;
	startm(NULL, true);
}

/* Start a spinning M if there is an idle P and nobody is looking for work.
 * May create a thread: runs on the system stack. */
static void wakep(void) {
	if (atomic_load(&sched.npidle) == 0 || atomic_load(&sched.nmspinning) != 0)
		return;
	int32_t z = 0;
	if (!atomic_compare_exchange_strong(&sched.nmspinning, &z, 1))
		return;
	rt_systemstack(startm_spinning, NULL);
}

static void checkdead(void);

/* Sleep on m->park until a P is handed over in m->nextp. A wakeup meant for
 * an earlier sleep can still arrive: the timer waiter's note is woken by
 * sched_timer_kick after it has dropped the lock, and that M may have timed
 * out, run, and parked again meanwhile; it must not take a NULL P. Whoever
 * hands a P over (startm, pidleput) sets nextp before the wakeup. */
static void sleep_for_p(M *m) {
	for (;;) {
		note_sleep(&m->park);
		if (__atomic_load_n(&m->nextp, __ATOMIC_SEQ_CST))
			return;
		note_clear(&m->park);
		if (__atomic_load_n(&m->nextp, __ATOMIC_SEQ_CST))
			return; /* the real wakeup came just before the clear */
	}
}

/* Park the current M until startm hands it a P. */
static void stopm(void) {
	M *m = sched_m;
	sched_lock(&sched.lock);
	note_clear(&m->park);
	m->schedlink = sched.midle;
	sched.midle = m;
	sched.nmidle++;
	checkdead();
	sched_unlock(&sched.lock);
	sleep_for_p(m);
	acquirep(m->nextp);
	m->nextp = NULL;
}

/* Give p away: to a new M if it has work, else to the idle list. */
static void handoffp(P *p) {
	if (!runqempty(p) || atomic_load(&sched.runqsize) != 0 || atomic_load(&p->timer0when) != 0) {
		startm(p, false);
		return;
	}
	if (atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) == 0) {
		int32_t z = 0;
		if (atomic_compare_exchange_strong(&sched.nmspinning, &z, 1)) {
			startm(p, true);
			return;
		}
	}
	sched_lock(&sched.lock);
	if (atomic_load(&sched.gcwaiting)) {
		atomic_store(&p->status, P_GCSTOP);
		RSTORE(p->m, NULL);
		if (--sched.stopwait == 0)
			note_wakeup(&sched.stopnote);
		sched_unlock(&sched.lock);
		return;
	}
	if (atomic_load(&sched.runqsize) != 0) {
		sched_unlock(&sched.lock);
		startm(p, false);
		return;
	}
	pidleput(p);
	sched_unlock(&sched.lock);
}

/* Stop-the-world requested: hand in our P and wait. */
static void gcstopm(void) {
	M *m = sched_m;
	if (m->spinning) {
		m->spinning = false;
		atomic_fetch_sub(&sched.nmspinning, 1);
	}
	P *p = releasep();
	sched_lock(&sched.lock);
	atomic_store(&p->status, P_GCSTOP);
	if (--sched.stopwait == 0)
		note_wakeup(&sched.stopnote);
	sched_unlock(&sched.lock);
	stopm();
}

/* ------------------------------------------------------------------ Gs */

/* Dead Gs, kept with their first stack segment for reuse (gc's gfget/
 * gfput). Each P keeps up to 2 * GFREE_BATCH; beyond, the most recently
 * freed GFREE_BATCH go to the global list as one batch (a G chain whose
 * head links to the next batch), so that moving them either way is a few
 * stores under the lock instead of a walk over cold G structs: a spawning
 * goroutine reuses the Gs that other Ps freed (spawn benchmark). */
enum { GFREE_BATCH = 32 };

static G *gfpop(P *p) {
	G *g = p->gfree;
	if (g) {
		p->gfree = g->schedlink;
		p->ngfree--;
		if (p->gfree) /* newproc writes all over the next one soon */
			g_prefetch(p->gfree);
	}
	return g;
}

static G *gfget(P *p) {
	G *g = p ? gfpop(p) : NULL;
	if (g || !RLOAD(sched.gfree))
		return g;
	sched_lock(&sched.lock);
	G *b = sched.gfree;
	if (b) {
		RSTORE(sched.gfree, b->gfbatch);
		sched.ngfree -= b->gfbatchn;
		if (!p && b->schedlink) { /* no P: keep the rest as a smaller batch */
			G *rest = b->schedlink;
			rest->gfbatch = sched.gfree;
			rest->gfbatchn = b->gfbatchn - 1;
			sched.ngfree += rest->gfbatchn;
			RSTORE(sched.gfree, rest);
		}
	}
	sched_unlock(&sched.lock);
	if (!b || !p)
		return b;
	p->gfree = b;
	p->ngfree = b->gfbatchn;
	return gfpop(p);
}

static void gfput(P *p, G *g) {
	g->schedlink = p->gfree;
	p->gfree = g;
	if (++p->ngfree < 2 * GFREE_BATCH)
		return;
	G *tail = g;
	for (int i = 1; i < GFREE_BATCH; i++)
		tail = tail->schedlink;
	p->gfree = tail->schedlink;
	p->ngfree -= GFREE_BATCH;
	tail->schedlink = NULL;
	g->gfbatchn = GFREE_BATCH;
	sched_lock(&sched.lock);
	g->gfbatch = sched.gfree;
	RSTORE(sched.gfree, g);
	sched.ngfree += GFREE_BATCH;
	sched_unlock(&sched.lock);
}

/* Goroutine ids come from a per-P cache refilled in batches (gc's
 * goidcache), and the goroutine count is kept per P (only its owner writes
 * it), summed when asked for: one shared counter written by every spawn and
 * every exit was a contended cache line between the Ps. */
enum { GOID_BATCH = 16 };

static uint64_t newgoid(P *p) {
	if (!p)
		return atomic_fetch_add(&sched.goidgen, 1) + 1;
	if (p->goidnext == p->goidend) {
		p->goidnext = atomic_fetch_add(&sched.goidgen, GOID_BATCH) + 1;
		p->goidend = p->goidnext + GOID_BATCH;
	}
	return p->goidnext++;
}

static void gcount_add(P *p, int64_t d) {
	if (p)
		atomic_store_explicit(&p->ngoroutines, atomic_load_explicit(&p->ngoroutines, memory_order_relaxed) + d, memory_order_relaxed);
	else
		atomic_fetch_add(&sched.ngoroutines, (int32_t)d);
}

/* Ps beyond GOMAXPROCS have had their counts folded in (procresize). */
static int64_t gcount(void) {
	int64_t n = atomic_load(&sched.ngoroutines);
	for (int32_t i = 0; i < sched_gomaxprocs; i++)
		n += atomic_load_explicit(&sched_allp[i]->ngoroutines, memory_order_relaxed);
	return n;
}

/* G structs come from chunks never returned (dead Gs are reused); they are
 * reported to the collector by rt_sched_each_stack. A G of the usual size
 * gets its first segment when it first runs (execute); the main G's, of
 * its own size, now. */
static G *allocg(uintptr_t stacksize) {
	static rtlock chunklock;
	static char *chunk;
	static size_t chunkleft;
	size_t sz = (sizeof(G) + 63) & ~(size_t)63;
	sched_lock(&chunklock);
	if (chunkleft < sz) {
		size_t n = 2 << 20;
		chunk = stack_hugemap(n);
		chunkleft = n;
	}
	G *g = (G *)chunk;
	chunk += sz;
	chunkleft -= sz;
	sched_unlock(&chunklock);
	if (stacksize != STACK_FIRST) {
		g->stk0lo = stack_map(stacksize);
		g->stk0hi = g->stk0lo + stacksize;
	}
	sched_lock(&allglock); /* appended: the deadlock report lists Gs in creation order */
	g->alllink = NULL;
	if (allgtail)
		allgtail->alllink = g;
	else
		allg = g;
	allgtail = g;
	sched_unlock(&allglock);
	return g;
}

static int stackdebug = -1;
struct allocgarg { uintptr_t size; G *g; };
static void allocg_sys(void *arg) {
	struct allocgarg *a = arg;
	a->g = allocg(a->size);
}

static void g_resetstack(G *g) {
	g->seg = NULL;
	g->stacklo = g->stk0lo;
	g->stackhi = g->stk0hi;
	g->stacklimit = g->stk0lo + STACK_RESERVE;
	g->stacktotal = g->stk0hi - g->stk0lo;
	ASAN_UNPOISON(g->stk0lo, g->stk0hi - g->stk0lo);
	/* initial frame: r15 r14 r13 r12(=g) rbx rbp, return to sched_gostart */
	if (stackdebug == 1)
		memset((void *)g->stk0lo, 0xab, g->stk0hi - g->stk0lo);
	uintptr_t *sp = (uintptr_t *)(g->stk0hi - 72);
	sp[0] = sp[1] = sp[2] = 0;
	sp[3] = (uintptr_t)g;
	sp[4] = sp[5] = 0;
	sp[6] = (uintptr_t)sched_gostart;
	g->sp = (uintptr_t)sp;
}

static G *newproc(void (*fn)(void *), void *arg, uintptr_t stacksize) {
	M *m = sched_m;
	P *p = m ? m->p : NULL;
	G *g = stacksize == STACK_FIRST ? gfget(p) : NULL;
	if (!g) {
		struct allocgarg a = {stacksize, NULL};
		rt_systemstack(allocg_sys, &a); /* mmap: not on a G stack */
		g = a.g;
	}
	if (g->stk0lo)
		g_resetstack(g);
	if (!g->tsanfiber)
		g->tsanfiber = TSAN_NEWFIBER();
	g->fn = fn;
	g->arg = arg;
	g->goid = newgoid(p);
	g->waitreason = 0;
	atomic_store_explicit(&g->preempt, 0, memory_order_relaxed);
	g->param = NULL;
	g->waitobj = NULL;
	g->deferhook = NULL;
	g->panicking = NULL;
	gcount_add(p, 1);
	/* published by the release store of runqput / the global queue lock */
	atomic_store_explicit(&g->status, G_RUNNABLE, memory_order_release);
	return g;
}

void rt_go(void (*fn)(void *), void *arg) {
	G *g = newproc(fn, arg, STACK_FIRST);
	M *m = sched_m;
	if (m && m->p) {
		runqput(m->p, g, true);
	} else {
		sched_lock(&sched.lock);
		globrunqput(g);
		sched_unlock(&sched.lock);
	}
	if (RLOAD(sched.started)) {
		wakep();
		rt_preemptcheck(); /* a spawning loop is a preemption point */
	}
}

/* ---------------------------------------------------- switching to/from G */

enum { AFTER_NONE, AFTER_PARK, AFTER_YIELD, AFTER_PREEMPT, AFTER_EXIT, AFTER_SYSCALLBLOCK };

/* Switch from the current G to its M's scheduler context; the loop in
 * schedule_loop performs m->afterop on g0. */
static void switch_to_g0(int op) {
	M *m = sched_m;
	G *g = m->curg;
	m->afterop = op;
	TSAN_SWITCH(m->g0fiber);
	ASAN_START_SWITCH(op == AFTER_EXIT ? NULL : &g->asanfake, m->g0lo, m->g0hi);
	sched_switch(&g->sp, m->g0sp);
	ASAN_FINISH_SWITCH(g->asanfake); /* resumed, perhaps on another M */
}

void sched_park(bool (*unlockf)(G *, void *), void *arg, uint32_t reason) {
	M *m = sched_m;
	G *g = m->curg;
	g->waitreason = reason;
	g->waitsince = 0;
	m->unlockf = unlockf;
	m->unlockarg = arg;
	switch_to_g0(AFTER_PARK);
}

void sched_ready(G *g, bool next) {
	uint32_t st = G_WAITING;
	if (!atomic_compare_exchange_strong(&g->status, &st, G_RUNNABLE)) {
		char buf[96];
		int n = snprintf(buf, sizeof buf, "ready: goroutine %llu has status %u\n", (unsigned long long)g->goid, st);
		rt_write_stderr(buf, n);
		rt_throw("bad g status");
	}
	M *m = sched_m;
	if (m && m->p) {
		runqput(m->p, g, next);
	} else {
		sched_lock(&sched.lock);
		globrunqput(g);
		sched_unlock(&sched.lock);
	}
	wakep();
}

void rt_gosched(void) {
	G *g = getg();
	if (!g)
		return;
	switch_to_g0(AFTER_YIELD);
}

/* Called (on the G's stack) by rt_asyncpreempt once the registers are saved. */
void sched_preempt_yield(void) {
	G *g = getg();
	if (get_stacklimit() == STACK_PREEMPT_POISON)
		set_stacklimit(g->stacklimit);
	if (rt_printdepth > 0)
		return; /* never while holding the print lock: the request stays */
	atomic_store(&g->preempt, 0);
	switch_to_g0(AFTER_PREEMPT);
}

/* Cooperative check: runtime entry points that may be called in a tight loop
 * (rt_go) call it, and codegen may. Clears a poisoned split-stack limit. */
void rt_preemptcheck(void) {
	G *g = getg();
	if (g && !g->sysstack && rt_printdepth == 0 && atomic_load(&g->preempt)) {
		if (get_stacklimit() == STACK_PREEMPT_POISON)
			set_stacklimit(g->stacklimit);
		atomic_store(&g->preempt, 0);
		switch_to_g0(AFTER_PREEMPT);
	}
}

/* Per-goroutine words for the defer/panic machinery (codegen, panic.c):
 * the G struct is reported to the collector, so they may hold Go pointers. */
void **rt_g_deferslot(void) {
	G *g = getg();
	return g ? &g->deferhook : NULL;
}
void **rt_g_panicslot(void) {
	G *g = getg();
	return g ? &g->panicking : NULL;
}

/* Run by codegen'd defers: set once, called by rt_goexit with the G's hook. */
void (*rt_goexit_hook)(void *deferhook);

noreturn void rt_goexit(void) {
	G *g = getg();
	if (rt_goexit_hook && g->deferhook)
		rt_goexit_hook(g->deferhook);
	if (g == g1) {
		/* main goroutine: the program goes on until the others finish */
		RSTORE(sched.mainexited, true);
	}
	switch_to_g0(AFTER_EXIT);
	__builtin_unreachable();
}

/* First C frame of every G (called by sched_gostart). */
noreturn void sched_gmain(G *g) {
	ASAN_FINISH_SWITCH(NULL);
	void (*fn)(void *) = g->fn;
	void *arg = g->arg;
	g->fn = NULL;
	g->arg = NULL;
	fn(arg);
	ASAN_RESYNC(g);
	rt_goexit();
}

/* ------------------------------------------------------------ scheduling */

static G *stealwork(P *p, int64_t now) {
	int32_t n = sched_gomaxprocs;
	for (int round = 0; round < 4; round++) {
		bool last = round == 3;
		uint32_t start = sched_fastrandn((uint32_t)n);
		for (int32_t i = 0; i < n; i++) {
			P *p2 = sched_allp[(start + (uint32_t)i) % (uint32_t)n];
			if (p2 == p)
				continue;
			if (last && atomic_load(&p2->timer0when) != 0 && atomic_load(&p2->timer0when) <= now)
				timer_check(p2, now);
			if (atomic_load(&p2->status) == P_IDLE)
				continue;
			G *g = runqsteal(p, p2, last);
			if (g)
				return g;
		}
		if (atomic_load(&sched.runqsize))
			return NULL;
	}
	return NULL;
}

static G *findrunnable(void) {
	M *m = sched_m;
top:;
	P *p = m->p;
	if (atomic_load(&sched.gcwaiting)) {
		gcstopm();
		goto top;
	}
	int64_t now = 0;
	if (atomic_load(&p->timer0when)) {
		now = rt_nanotime();
		timer_check(p, now);
	}
	/* fairness: sometimes look at the global queue first */
	if (p->schedtick % 61 == 0 && atomic_load(&sched.runqsize) > 0) {
		sched_lock(&sched.lock);
		G *g = globrunqget(p, 1);
		sched_unlock(&sched.lock);
		if (g)
			return g;
	}
	G *g = runqget(p);
	if (g)
		return g;
	if (atomic_load(&sched.runqsize)) {
		sched_lock(&sched.lock);
		g = globrunqget(p, 0);
		sched_unlock(&sched.lock);
		if (g)
			return g;
	}
	/* steal, as a spinning M, unless enough Ms already spin */
	if (m->spinning || 2 * atomic_load(&sched.nmspinning) < sched_gomaxprocs - atomic_load(&sched.npidle)) {
		if (!m->spinning) {
			m->spinning = true;
			atomic_fetch_add(&sched.nmspinning, 1);
		}
		if (!now)
			now = rt_nanotime();
		g = stealwork(p, now);
		if (g)
			return g;
		if (!runqempty(p))
			goto top;
	}
	/* nothing: give up the P and park */
	sched_lock(&sched.lock);
	if (atomic_load(&sched.gcwaiting)) {
		sched_unlock(&sched.lock);
		goto top;
	}
	if (sched.runqsize) {
		g = globrunqget(p, 0);
		sched_unlock(&sched.lock);
		return g;
	}
	releasep();
	pidleput(p);
	sched_unlock(&sched.lock);
	bool wasspinning = m->spinning;
	if (m->spinning) {
		m->spinning = false;
		atomic_fetch_sub(&sched.nmspinning, 1);
		/* re-check after dropping spinning (see gc's findrunnable) */
		for (int32_t i = 0; i < sched_gomaxprocs; i++) {
			P *p2 = sched_allp[i];
			if (!runqempty(p2)) {
				sched_lock(&sched.lock);
				P *pp = pidleget();
				sched_unlock(&sched.lock);
				if (pp) {
					acquirep(pp);
					m->spinning = true;
					atomic_fetch_add(&sched.nmspinning, 1);
					goto top;
				}
				break;
			}
		}
	}
	(void)wasspinning;
	/* timers: one M sleeps until the earliest one */
	int64_t when = timer_earliest();
	if (when) {
		sched_lock(&sched.lock);
		if (!sched.timerwaiter || when < sched.timerwaitwhen) {
			M *old = sched.timerwaiter;
			sched.timerwaiter = m;
			sched.timerwaitwhen = when;
			note_clear(&m->park);
			sched_unlock(&sched.lock);
			if (old)
				note_wakeup(&old->park);
			int64_t d = when - rt_nanotime();
			if (d > 0)
				note_tsleep(&m->park, d);
			sched_lock(&sched.lock);
			if (sched.timerwaiter == m)
				sched.timerwaiter = NULL;
			P *pp = m->nextp ? NULL : pidleget();
			sched_unlock(&sched.lock);
			if (m->nextp) { /* handed a P by startm while we slept */
				acquirep(m->nextp);
				m->nextp = NULL;
				goto top;
			}
			if (pp) {
				acquirep(pp);
				goto top;
			}
			stopm();
			goto top;
		}
		sched_unlock(&sched.lock);
	}
	stopm();
	goto top;
}

static void execute(G *g) {
	M *m = sched_m;
	P *p = m->p;
	uint32_t st = G_RUNNABLE;
	if (!atomic_compare_exchange_strong(&g->status, &st, G_RUNNING)) {
		char buf[96];
		int n = snprintf(buf, sizeof buf, "execute: goroutine %llu has status %u\n", (unsigned long long)g->goid, st);
		rt_write_stderr(buf, n);
		rt_throw("bad g status");
	}
	if (!g->stk0lo) { /* first run: a first segment from this P's cache */
		g->stk0lo = stack_first_get(p);
		g->stk0hi = g->stk0lo + STACK_FIRST;
		g_resetstack(g);
	}
	RSTORE(m->curg, g);
	RSTORE(g->m, m);
	/* only p's owner writes it (sysmon reads): no locked add */
	atomic_store_explicit(&p->schedtick, atomic_load_explicit(&p->schedtick, memory_order_relaxed) + 1, memory_order_relaxed);
	set_stacklimit(g->stacklimit);
	TSAN_SWITCH(g->tsanfiber);
	ASAN_START_SWITCH(&m->asanfake, g->stacklo, g->stackhi);
	sched_switch(&m->g0sp, g->sp);
	ASAN_FINISH_SWITCH(m->asanfake);
	set_stacklimit(0);
}

static uintptr_t maxused;
static void gdestroy(G *g) {
	if (stackdebug == 1) {
		uintptr_t p = g->stk0lo;
		while (p < g->stk0hi && *(uint8_t *)p == 0xab)
			p++;
		if (g->stk0hi - p > maxused) {
			maxused = g->stk0hi - p;
			fprintf(stderr, "max stack used: %lu (goroutine %llu)\n", (unsigned long)maxused, (unsigned long long)g->goid);
		}
	}
	atomic_store_explicit(&g->status, G_DEAD, memory_order_release);
	gcount_add(sched_m->p, -1);
	g->m = NULL;
	g->waiting = NULL;
	g->param = NULL;
	g->waitobj = NULL;
	g->deferhook = NULL;
	stack_release_segments(g);
	if (g == g1)
		return; /* never reused: its first segment is the big one */
	P *p = sched_m->p;
	stack_first_put(p, g->stk0lo); /* for the next G to run on this P */
	g->stk0lo = g->stk0hi = 0;
	g->stacklo = g->stackhi = 0;
	gfput(p, g);
}

/* The scheduler loop every M runs on its own thread stack (g0). */
static void schedule_loop(void) {
	M *m = sched_m;
	for (;;) {
		if (!m->p)
			stopm();
		G *g = findrunnable();
		if (m->spinning) {
			m->spinning = false;
			if (atomic_fetch_sub(&sched.nmspinning, 1) == 1)
				wakep(); /* we were the last spinner: keep one looking */
		}
	again:
		execute(g);
		M *m2 = sched_m;
		(void)m2;
		RSTORE(m->curg, NULL);
		switch (m->afterop) {
		case AFTER_PARK:
			atomic_store(&g->status, G_WAITING);
			if (m->unlockf && !m->unlockf(g, m->unlockarg)) {
				m->unlockf = NULL;
				goto again;
			}
			m->unlockf = NULL;
			break;
		case AFTER_YIELD:
		case AFTER_PREEMPT:
			atomic_store(&g->status, G_RUNNABLE);
			sched_lock(&sched.lock);
			globrunqput(g);
			sched_unlock(&sched.lock);
			break;
		case AFTER_EXIT:
			gdestroy(g);
			if (RLOAD(sched.mainexited)) {
				/* two last Gs ending on two Ps at once: each stored its
				 * count before the fence, so one of them sees 0 */
				atomic_thread_fence(memory_order_seq_cst);
				if (gcount() == 0)
					rt_throw("no goroutines (main called runtime.Goexit) - deadlock!");
			}
			break;
		case AFTER_SYSCALLBLOCK:
			/* exitsyscall found no P: queue the G, give up this M */
			atomic_store(&g->status, G_RUNNABLE);
			sched_lock(&sched.lock);
			globrunqput(g);
			sched_unlock(&sched.lock);
			break;
		}
		m->afterop = AFTER_NONE;
	}
}

/* A timer earlier than any other was added: make sure some M will wait for
 * it (wake the M sleeping until a later one, or start one). */
void sched_timer_kick(int64_t when) {
	if (!RLOAD(sched.started))
		return;
	sched_lock(&sched.lock);
	M *w = sched.timerwaiter;
	if (w && when < sched.timerwaitwhen) {
		sched.timerwaiter = NULL;
		sched_unlock(&sched.lock);
		note_wakeup(&w->park);
		return;
	}
	sched_unlock(&sched.lock);
	if (!w)
		wakep();
}

/* --------------------------------------------------------------- syscalls */

/* rt_entersyscall (ctxswitch.S) stores the caller's callee-saved registers
 * and sp in the G, then comes here. */
void sched_entersyscall(void) {
	M *m = sched_m;
	G *g = m ? m->curg : NULL;
	if (!g)
		return;
	m->insyscall = true;
	atomic_store(&g->status, G_SYSCALL);
	P *p = m->p;
	atomic_fetch_add(&p->syscalltick, 1);
	atomic_store(&p->status, P_SYSCALL);
	if (atomic_load(&sched.gcwaiting)) {
		uint32_t s = P_SYSCALL;
		if (atomic_compare_exchange_strong(&p->status, &s, P_GCSTOP)) {
			sched_lock(&sched.lock);
			RSTORE(p->m, NULL);
			if (--sched.stopwait == 0)
				note_wakeup(&sched.stopnote);
			sched_unlock(&sched.lock);
		}
	}
}

void rt_exitsyscall(void) {
	M *m = sched_m;
	G *g = m ? m->curg : NULL;
	if (!g)
		return;
	P *p = m->p;
	m->insyscall = false;
	uint32_t s = P_SYSCALL;
	if (p && RLOAD(p->m) == m && atomic_compare_exchange_strong(&p->status, &s, P_RUNNING)) {
		atomic_fetch_add(&p->syscalltick, 1);
		atomic_store(&g->status, G_RUNNING);
		g->syscallsp = 0;
		return;
	}
	/* our P was retaken: try an idle one */
	m->p = NULL;
	rt_mcache_cur = NULL; /* the cache went with the P */
	sched_lock(&sched.lock);
	P *np = atomic_load(&sched.gcwaiting) ? NULL : pidleget();
	if (!np && g->sysstack) {
		/* On the system stack the G cannot switch out (g0 would run on top
		 * of it): block this M until a P is free (pidleput hands it over).
		 * Queued under the same lock as the failed pidleget: a P put idle
		 * in between would otherwise sit in the idle list while this M
		 * sleeps for ever (found by GODEBUG=gcstress with GOMAXPROCS=1). */
		note_clear(&m->park);
		m->nextp = NULL;
		m->schedlink = sched.sysexitwait;
		sched.sysexitwait = m;
	}
	sched_unlock(&sched.lock);
	if (np) {
		acquirep(np);
		atomic_store(&g->status, G_RUNNING);
		g->syscallsp = 0;
		return;
	}
	if (g->sysstack) {
		/* queued on sysexitwait above, under the lock of the failed
		 * pidleget; pidleput hands a P over */
		sleep_for_p(m);
		acquirep(m->nextp);
		m->nextp = NULL;
		atomic_store(&g->status, G_RUNNING);
		g->syscallsp = 0;
		return;
	}
	g->syscallsp = 0;
	switch_to_g0(AFTER_SYSCALLBLOCK);
}

/* The collector blocks a G inside rt_gc with hook(1) ... hook(0): to the
 * scheduler that is a blocking system call. */
static void sched_gcblock(int entering) {
	if (entering)
		rt_entersyscall();
	else
		rt_exitsyscall();
}

/* ---------------------------------------------------------- systemstack */

void sched_callon(void (*fn)(void *), void *arg, uintptr_t sp, uintptr_t *savesp);

#ifdef RT_ASAN
/* On the system stack: announce the arrival, and the way back (to the G's
 * current segment) before returning. */
struct sysstack_asan { void (*fn)(void *); void *arg; G *g; };
static void sysstack_asan_body(void *p) {
	struct sysstack_asan *a = p;
	ASAN_FINISH_SWITCH(NULL);
	a->fn(a->arg);
	ASAN_START_SWITCH(NULL, a->g->stacklo, a->g->stackhi);
}
#endif

/* Run fn(arg) on the M's system stack (for C code that needs more than the
 * STACK_NOSPLIT_HEADROOM a goroutine stack promises). */
void rt_systemstack(void (*fn)(void *), void *arg) {
	M *m = sched_m;
	G *g = m ? m->curg : NULL;
	if (!g || g->sysstack) {
		fn(arg);
		return;
	}
	uintptr_t lim = get_stacklimit();
	set_stacklimit(0);
	g->sysstack = true;
#ifdef RT_ASAN
	void *fake = NULL;
	struct sysstack_asan a = {fn, arg, g};
	ASAN_START_SWITCH(&fake, m->g0lo, m->g0hi);
	sched_callon(sysstack_asan_body, &a, m->g0sp - 256, &m->syssp);
	ASAN_FINISH_SWITCH(fake);
#else
	sched_callon(fn, arg, m->g0sp - 256, &m->syssp);
#endif
	g->sysstack = false;
	/* A preemption request (SIGURG) that arrived while on the system stack
	 * was ignored by the handler: honour it at the next Go prologue (or
	 * rt_new) rather than at the next signal, 100 us later for a
	 * stop-the-world (allocation slow paths run here). */
	set_stacklimit(atomic_load(&g->preempt) ? STACK_PREEMPT_POISON : lim);
}

/* ---------------------------------------------------------------- sysmon */

static void retake(int64_t now) {
	for (int32_t i = 0; i < sched_gomaxprocs; i++) {
		P *p = sched_allp[i];
		uint32_t s = atomic_load(&p->status);
		if (s == P_RUNNING) {
			uint64_t t = atomic_load(&p->schedtick);
			if (p->sm_schedtick != t) {
				p->sm_schedtick = t;
				p->sm_schedwhen = now;
			} else if (now - p->sm_schedwhen >= 10000000) {
				M *m = RLOAD(p->m);
				G *g = m ? RLOAD(m->curg) : NULL;
				if (g && atomic_load(&g->status) == G_RUNNING) {
					atomic_store(&g->preempt, 1);
					signal_preempt(m);
				}
				p->sm_schedwhen = now; /* retry in another 10 ms */
			}
		} else if (s == P_SYSCALL) {
			uint64_t t = atomic_load(&p->syscalltick);
			if (p->sm_syscalltick != t) {
				p->sm_syscalltick = t;
				p->sm_syscallwhen = now;
				continue;
			}
			/* in the same syscall for a whole sysmon tick: hand the P off
			 * if there is other work or nobody else is looking */
			if (runqempty(p) && atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) > 0 &&
			    now - p->sm_syscallwhen < 10000000)
				continue;
			uint32_t exp = P_SYSCALL;
			if (atomic_compare_exchange_strong(&p->status, &exp, P_IDLE)) {
				RSTORE(p->m, NULL);
				atomic_fetch_add(&p->syscalltick, 1);
				handoffp(p);
			}
		}
	}
}

static void *sysmon(void *arg) {
	(void)arg;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	int64_t delay = 20; /* us */
	int idle = 0;
	for (;;) {
		if (idle == 0)
			delay = 20;
		else if (idle > 50)
			delay *= 2;
		if (delay > 10000)
			delay = 10000;
		usleep((useconds_t)delay);
		int64_t now = rt_nanotime();
		sched_lock(&sched.sysmonlock);
		if (atomic_load(&sched.gcwaiting)) {
			sched_unlock(&sched.sysmonlock);
			idle++;
			continue;
		}
		/* overdue timers and nobody to run them */
		int64_t tw = timer_earliest();
		if (tw && tw < now - 1000000 && atomic_load(&sched.npidle) > 0)
			sched_timer_kick(tw);
		uint64_t before = 0, after = 0;
		for (int32_t i = 0; i < sched_gomaxprocs; i++)
			before += atomic_load(&sched_allp[i]->syscalltick);
		retake(now);
		for (int32_t i = 0; i < sched_gomaxprocs; i++)
			after += atomic_load(&sched_allp[i]->syscalltick);
		sched_unlock(&sched.sysmonlock);
		if (after != before)
			idle = 0;
		else
			idle++;
	}
	return NULL;
}

/* -------------------------------------------------------- stop the world */

static void stw_stop(void *reason) {
	(void)reason;
	M *m = sched_m;
	sched_lock(&sched.stwlock);
	sched_lock(&sched.lock);
	sched.stwm = m;
	sched.stopwait = sched_gomaxprocs;
	atomic_store(&sched.gcwaiting, 1);
	if (m && m->p) {
		atomic_store(&m->p->status, P_GCSTOP);
		sched.stopwait--;
	}
	for (int32_t i = 0; i < sched_gomaxprocs; i++) {
		P *p = sched_allp[i];
		uint32_t s = P_SYSCALL;
		if (atomic_compare_exchange_strong(&p->status, &s, P_GCSTOP)) {
			RSTORE(p->m, NULL);
			atomic_fetch_add(&p->syscalltick, 1);
			sched.stopwait--;
		}
	}
	P *p;
	while ((p = pidleget()) != NULL) {
		atomic_store(&p->status, P_GCSTOP);
		sched.stopwait--;
	}
	bool wait = sched.stopwait > 0;
	note_clear(&sched.stopnote);
	sched_unlock(&sched.lock);
	while (wait) {
		/* ask running Gs to stop; repeat until everyone is in */
		for (int32_t i = 0; i < sched_gomaxprocs; i++) {
			P *p2 = sched_allp[i];
			M *pm = RLOAD(p2->m);
			if (atomic_load(&p2->status) == P_RUNNING && pm && pm != m) {
				G *g = RLOAD(pm->curg);
				if (g) {
					atomic_store(&g->preempt, 1);
					signal_preempt(pm);
				}
			}
		}
		/* The Ps usually stop within microseconds; a futex wakeup costs
		 * tens on a busy machine, all of it pause: spin a while first
		 * (on one CPU the stopping threads need ours, so sleep at once). */
		if (sched_ncpu > 1) {
			int64_t until = rt_nanotime() + 50000;
			while (atomic_load(&sched.stopnote.key) == 0 && rt_nanotime() < until)
				for (int k = 0; k < 16; k++)
					__builtin_ia32_pause();
		}
		if (note_tsleep(&sched.stopnote, 100000))
			break;
	}
}

static void stw_start(void *arg) {
	(void)arg;
	M *m = sched_m;
	sched_lock(&sched.lock);
	atomic_store(&sched.gcwaiting, 0);
	P *work = NULL;
	for (int32_t i = sched_gomaxprocs - 1; i >= 0; i--) {
		P *p = sched_allp[i];
		if (m && p == m->p) {
			atomic_store(&p->status, P_RUNNING);
			continue;
		}
		if (atomic_load(&p->status) != P_GCSTOP)
			continue;
		if (runqempty(p)) {
			pidleput(p);
		} else {
			p->link = work;
			work = p;
		}
	}
	sched.stwm = NULL;
	sched_unlock(&sched.lock);
	while (work) {
		P *p = work;
		work = p->link;
		startm(p, false);
	}
	wakep();
	sched_unlock(&sched.stwlock);
}

/* Stop every other goroutine: running ones are preempted (at a point in
 * go_text, registers saved on their stacks) or reach a scheduling point;
 * Ps in syscalls and idle Ps are taken. Runs on the system stack. */
void rt_stw_stop(const char *reason) { rt_systemstack(stw_stop, (void *)reason); }
void rt_stw_start(void) { rt_systemstack(stw_start, NULL); }

static void stack_ranges(G *g, uintptr_t sp, rt_rangefn fn, void *ctx) {
	StkSeg *s = g->seg;
	uintptr_t hi = g->stackhi;
	while (1) {
		if (sp && sp < hi)
			fn(sp, hi, ctx);
		if (!s)
			break;
		sp = s->oldsp;
		StkSeg *prev = s->prev;
		hi = prev ? (uintptr_t)prev + prev->size : g->stk0hi;
		s = prev;
	}
}

void rt_sched_each_stack(rt_rangefn fn, void *ctx) {
	__builtin_unwind_init(); /* our caller's callee-saved registers: in this frame */
	M *me = sched_m;
	G *self = me ? me->curg : NULL;
	uintptr_t here;
	__asm__ volatile("mov %%rsp, %0" : "=r"(here)); /* below those spills */
	sched_lock(&allglock);
	for (G *g = allg; g; g = g->alllink) {
		uint32_t st = atomic_load(&g->status);
		if (st == G_DEAD || st == G_IDLE)
			continue;
		fn((uintptr_t)g, (uintptr_t)(g + 1), ctx); /* fn/arg/waitobj/param */
		if (!g->stk0lo)
			continue; /* not started yet: no stack */
		uintptr_t sp;
		if (g == self)
			sp = g->sysstack ? me->syssp : here;
		else if (st == G_SYSCALL)
			sp = g->sysstack ? g->m->syssp : g->syscallsp;
		else
			sp = g->sp;
		if (!(sp >= g->stacklo && sp < g->stackhi))
			sp = g->stacklo; /* be conservative */
		stack_ranges(g, sp, fn, ctx);
	}
	sched_unlock(&allglock);
	/* queued timers (time.Timer values in the Go heap, and their channels) */
	for (int32_t i = 0; i < sched_gomaxprocs; i++) {
		P *p = sched_allp[i];
		if (p->ntimers)
			fn((uintptr_t)p->timers, (uintptr_t)(p->timers + p->ntimers), ctx);
	}
	/* system stacks in use: ours, and those of Ms in a syscall on them */
	for (M *m = allm; m; m = m->alllink) {
		if (m == me) {
			if (here >= m->g0lo && here < m->g0hi)
				fn(here, m->g0hi, ctx);
			else if (self && self->sysstack)
				fn(m->syssp, m->g0hi, ctx);
		} else if (RLOAD(m->curg) && atomic_load(&RLOAD(m->curg)->status) == G_SYSCALL) {
			G *g = RLOAD(m->curg);
			if (g->sysstack)
				fn(g->syscallsp, m->g0hi, ctx);
		}
	}
}

/* ------------------------------------------------------------ deadlock */

bool rt_g_stack_contains(void *g, uintptr_t a); /* below */

static void print_goroutines(void) {
	char buf[128];
	for (G *g = allg; g; g = g->alllink) {
		uint32_t st = atomic_load(&g->status);
		if (st == G_DEAD || st == G_IDLE)
			continue;
		const char *s = st == G_RUNNABLE ? "runnable" : st == G_RUNNING ? "running" : st == G_SYSCALL ? "syscall" : "waiting";
		if (st == G_WAITING && g->waitreason)
			s = sched_waitreasons[g->waitreason];
		int n = snprintf(buf, sizeof buf, "\ngoroutine %llu [%s]:\n", (unsigned long long)g->goid, s);
		rt_write_stderr(buf, n);
		/* a parked G's frame pointer is among the registers sched_switch
		 * pushed (r15 r14 r13 r12 rbx rbp, from g->sp up) */
		if (st == G_WAITING && g->sp && rt_g_stack_contains(g, g->sp))
			rt_traceback_parked(g, ((uintptr_t *)g->sp)[5]);
	}
}

static void checkdead_throw(const char *msg) {
	rt_printlock();
	static const char pre[] = "fatal error: ";
	rt_write_stderr(pre, sizeof pre - 1);
	rt_write_stderr(msg, (intptr_t)strlen(msg));
	rt_write_stderr("\n", 1);
	print_goroutines();
	rt_printunlock();
	_exit(2);
}

/* Caller holds sched.lock; called when an M goes idle. */
static void checkdead(void) {
	if (!sched.started)
		return;
	int32_t run = sched.mcount - sched.nmidle;
	if (sched.timerwaiter)
		return;
	if (run > 0)
		return;
	if (atomic_load(&sched.gcwaiting))
		return;
	if (timer_earliest())
		return;
	int32_t grunning = 0;
	for (G *g = allg; g; g = g->alllink) {
		uint32_t st = atomic_load(&g->status);
		if (st == G_WAITING || st == G_SYSCALL)
			grunning++;
		else if (st == G_RUNNABLE || st == G_RUNNING)
			return; /* someone will run it */
	}
	if (grunning == 0)
		checkdead_throw("no goroutines (main called runtime.Goexit) - deadlock!");
	checkdead_throw("all goroutines are asleep - deadlock!");
}

/* ---------------------------------------------------------- procs, init */

static P *newp(int32_t id) {
	/* cache-line aligned: each P is written by its own M */
	size_t sz = (sizeof(P) + 63) & ~(size_t)63;
	P *p = aligned_alloc(64, sz);
	if (!p)
		rt_throw("out of memory allocating a P");
	memset(p, 0, sz);
	p->id = id;
	atomic_store(&p->status, P_GCSTOP);
	p->mcache = rt_mcache_new();
	return p;
}

int32_t rt_ncpu(void) {
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0) {
		int n = CPU_COUNT(&set);
		if (n > 0)
			return n;
	}
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int32_t)n : 1;
}

/* Resize to n Ps; the world is stopped (or not started). */
static void procresize(int32_t n) {
	if (n > allp_cap) {
		P **np = calloc((size_t)n, sizeof(P *));
		for (int32_t i = 0; i < sched_gomaxprocs; i++)
			np[i] = sched_allp[i];
		for (int32_t i = sched_gomaxprocs; i < n; i++)
			np[i] = newp(i);
		/* the old array is not freed: a spinning M may still be reading it */
		sched_allp = np;
		allp_cap = n;
	}
	for (int32_t i = n; i < sched_gomaxprocs; i++) {
		/* retiring Ps: move their Gs, timers and goroutine count */
		P *p = sched_allp[i];
		atomic_fetch_add(&sched.ngoroutines, (int32_t)atomic_load(&p->ngoroutines));
		atomic_store(&p->ngoroutines, 0);
		G *g;
		while ((g = runqget(p)) != NULL)
			globrunqput(g);
		sched_lock(&p->timerlock);
		int32_t nt = p->ntimers;
		Timer **ts = p->timers;
		p->timers = NULL;
		p->ntimers = p->timercap = 0;
		atomic_store(&p->timer0when, 0);
		sched_unlock(&p->timerlock);
		for (int32_t j = 0; j < nt; j++) {
			ts[j]->p = NULL;
			M *m = sched_m;
			P *save = m->p;
			m->p = sched_allp[0];
			timer_add(ts[j]);
			m->p = save;
		}
		free(ts);
		atomic_store(&p->status, P_GCSTOP);
	}
	for (int32_t i = sched_gomaxprocs; i < n; i++)
		atomic_store(&sched_allp[i]->status, P_GCSTOP);
	sched_gomaxprocs = n;
}

int rt_gomaxprocs(int n) {
	int old = sched_gomaxprocs;
	if (n <= 0 || n == old)
		return old;
	if (n > 1024)
		n = 1024;
	rt_stw_stop("GOMAXPROCS");
	sched_lock(&sched.sysmonlock);
	sched_lock(&sched.lock);
	M *m = sched_m;
	P *mine = m->p;
	if (mine && mine->id >= n) {
		/* keep running on P0 */
		releasep();
		atomic_store(&mine->status, P_GCSTOP);
		P *p0 = sched_allp[0];
		acquirep(p0);
		atomic_store(&p0->status, P_GCSTOP);
	}
	procresize(n);
	if (m->p)
		atomic_store(&m->p->status, P_GCSTOP);
	sched_unlock(&sched.lock);
	sched_unlock(&sched.sysmonlock);
	rt_stw_start();
	return old;
}

int rt_numgoroutine(void) { return (int)gcount(); }

uint64_t rt_goid(void) {
	G *g = getg();
	return g ? g->goid : 0;
}

struct mainarg { void (*gomain)(void); };

static void exit0(void *arg) {
	(void)arg;
	exit(0);
}

static void main_trampoline(void *arg) {
	void (*gomain)(void) = ((struct mainarg *)arg)->gomain;
	gomain();
	rt_systemstack(exit0, NULL); /* exit(0) on the system stack */
}

noreturn void rt_sched_main(void (*gomain)(void)) {
	static struct mainarg ma;
	ma.gomain = gomain;
	int32_t n = sched_ncpu = rt_ncpu();
	const char *e = getenv("GOMAXPROCS");
	if (e && *e) {
		long v = strtol(e, NULL, 10);
		if (v > 0)
			n = (int32_t)(v > 1024 ? 1024 : v);
	}
	stackdebug = getenv("GOC_STACKDEBUG") != NULL;
	rt_gc_blockhook = sched_gcblock;
	m0.id = 0;
	sched.mcount = 1;
	allm = &m0;
	minit(&m0);
	signal_init();
	signal_minit(&m0);
	procresize(n);
	for (int32_t i = n - 1; i > 0; i--)
		pidleput(sched_allp[i]);
	acquirep(sched_allp[0]);
	g1 = newproc(main_trampoline, &ma, 256 * 1024);
	runqput(sched_allp[0], g1, true);
	pthread_t th;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	if (pthread_create(&th, &attr, sysmon, NULL))
		rt_throw("cannot start sysmon");
	pthread_attr_destroy(&attr);
	RSTORE(sched.started, true);
	schedule_loop();
	abort();
}

/* Whether address a lies in one of goroutine g's stack segments. */
bool rt_g_stack_contains(void *gv, uintptr_t a) {
	G *g = gv;
	if (a >= g->stacklo && a < g->stackhi) return true;
	if (a >= g->stk0lo && a < g->stk0hi) return true;
	for (StkSeg *s = g->seg; s; s = s->prev)
		if (a >= (uintptr_t)s && a < (uintptr_t)s + s->size) return true;
	return false;
}

/* Whether address a lies in a stack the current thread may be walking: the
 * running goroutine's segments, or its M's system stack (traceback.c). */
bool rt_stack_contains(uintptr_t a) {
	M *m = sched_m;
	if (!m) return false;
	if (a >= m->g0lo && a < m->g0hi) return true;
	G *g = m->curg;
	if (!g) return false;
	if (a >= g->stacklo && a < g->stackhi) return true;
	if (a >= g->stk0lo && a < g->stk0hi) return true;
	for (StkSeg *s = g->seg; s; s = s->prev)
		if (a >= (uintptr_t)s && a < (uintptr_t)s + s->size) return true;
	return false;
}
