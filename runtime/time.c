/* time.c: clocks and timers. rt_nanotime is the monotonic clock (vDSO
 * clock_gettime), rt_walltime the real-time clock. Timers live in a binary
 * min-heap per P, under a per-P lock; the scheduler runs expired timers in
 * findrunnable (its own P's, and other Ps' when it is about to steal), and
 * when no M has work, one idle M sleeps until the earliest timer (sched.c).
 * rt_sleep parks the calling G on its own timer; rt_timer_start/stop are the
 * pieces the time package (Sleep, After, NewTimer, Ticker) will sit on. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <time.h>

#include "sched_impl.h"

int64_t rt_nanotime(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void rt_walltime(int64_t *sec, int32_t *nsec) {
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	*sec = ts.tv_sec;
	*nsec = (int32_t)ts.tv_nsec;
}

/* ---- the heap (caller holds p->timerlock) ---- */
static void heap_set(P *p, int32_t i, Timer *t) {
	p->timers[i] = t;
	t->idx = i;
}
static void siftup(P *p, int32_t i) {
	Timer *t = p->timers[i];
	while (i > 0) {
		int32_t parent = (i - 1) / 2;
		if (p->timers[parent]->when <= t->when)
			break;
		heap_set(p, i, p->timers[parent]);
		i = parent;
	}
	heap_set(p, i, t);
}
static void siftdown(P *p, int32_t i) {
	Timer *t = p->timers[i];
	int32_t n = p->ntimers;
	for (;;) {
		int32_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && p->timers[c + 1]->when < p->timers[c]->when)
			c++;
		if (t->when <= p->timers[c]->when)
			break;
		heap_set(p, i, p->timers[c]);
		i = c;
	}
	heap_set(p, i, t);
}
static void update0(P *p) { atomic_store(&p->timer0when, p->ntimers ? p->timers[0]->when : 0); }

static void heap_push(P *p, Timer *t) {
	if (p->ntimers == p->timercap) {
		int32_t nc = p->timercap ? p->timercap * 2 : 16;
		Timer **nt = realloc(p->timers, (size_t)nc * sizeof *nt);
		if (!nt)
			rt_throw("out of memory (timers)");
		p->timers = nt;
		p->timercap = nc;
	}
	__atomic_store_n((P **)&t->p, p, __ATOMIC_RELEASE);
	p->timers[p->ntimers] = t;
	t->idx = p->ntimers++;
	siftup(p, t->idx);
	update0(p);
}
static void heap_remove(P *p, int32_t i) {
	Timer *t = p->timers[i];
	int32_t last = --p->ntimers;
	if (i != last) {
		Timer *moved = p->timers[last];
		heap_set(p, i, moved);
		siftdown(p, i);
		siftup(p, moved->idx);
	}
	__atomic_store_n((P **)&t->p, NULL, __ATOMIC_RELEASE);
	t->idx = -1;
	update0(p);
}

void timer_add(Timer *t) {
	M *m = sched_m;
	P *p = m && m->p ? m->p : sched_allp[0];
	sched_lock(&p->timerlock);
	heap_push(p, t);
	bool first = p->timers[0] == t;
	sched_unlock(&p->timerlock);
	if (first)
		sched_timer_kick(t->when);
}

bool timer_del(Timer *t) {
	for (;;) {
		P *p = __atomic_load_n((P **)&t->p, __ATOMIC_ACQUIRE);
		if (!p)
			return false;
		sched_lock(&p->timerlock);
		if ((P *)t->p != p) {
			sched_unlock(&p->timerlock);
			continue;
		}
		heap_remove(p, t->idx);
		sched_unlock(&p->timerlock);
		return true;
	}
}

int64_t timer_check(P *p, int64_t now) {
	int64_t w = atomic_load(&p->timer0when);
	if (w == 0 || w > now)
		return w;
	sched_lock(&p->timerlock);
	while (p->ntimers && p->timers[0]->when <= now) {
		Timer *t = p->timers[0];
		void (*f)(void *, uintptr_t) = t->f;
		void *arg = t->arg;
		uintptr_t seq = t->seq;
		if (t->period > 0) {
			t->when += t->period * (1 + (now - t->when) / t->period);
			siftdown(p, 0);
			update0(p);
		} else {
			heap_remove(p, 0);
		}
		sched_unlock(&p->timerlock);
		f(arg, seq);
		sched_lock(&p->timerlock);
	}
	w = p->ntimers ? p->timers[0]->when : 0;
	sched_unlock(&p->timerlock);
	return w;
}

int64_t timer_earliest(void) {
	int64_t best = 0;
	for (int32_t i = 0; i < sched_gomaxprocs; i++) {
		int64_t w = atomic_load(&sched_allp[i]->timer0when);
		if (w && (!best || w < best))
			best = w;
	}
	return best;
}

/* ---- public timers, for the time package ---- */
void rt_timer_start(RtTimer *t, int64_t when, int64_t period, void (*f)(void *, uintptr_t), void *arg, uintptr_t seq) {
	timer_del(t);
	t->when = when;
	t->period = period;
	t->f = f;
	t->arg = arg;
	t->seq = seq;
	timer_add(t);
}
bool rt_timer_stop(RtTimer *t) { return timer_del(t); }

/* ---- sleep ---- */
static void sleep_wake(void *arg, uintptr_t seq) {
	(void)seq;
	sched_ready((G *)arg, false);
}

/* Runs on g0 after the G switched out: allocate (system stack) and arm. */
static bool sleep_arm(G *g, void *arg) {
	int64_t when = *(int64_t *)arg;
	Timer *t = g->timer;
	if (!t) {
		t = calloc(1, sizeof *t);
		if (!t)
			rt_throw("out of memory (timer)");
		g->timer = t;
	}
	t->when = when;
	t->period = 0;
	t->f = sleep_wake;
	t->arg = g;
	t->seq = 0;
	timer_add(t);
	return true;
}

void rt_sleep(int64_t ns) {
	if (ns <= 0)
		return;
	G *g = getg();
	if (!g) {
		struct timespec ts = {ns / 1000000000, ns % 1000000000};
		nanosleep(&ts, NULL);
		return;
	}
	int64_t when = rt_nanotime() + ns;
	if (when < 0)
		when = INT64_MAX; /* overflow: forever */
	sched_park(sleep_arm, &when, WR_SLEEP);
}
