/* sema.c: semaphores for package sync, after gc's sema.go. A semaphore is a
 * uint32 in Go memory; rt_semacquire takes a unit or parks the G in a FIFO
 * queue hashed by address (251 roots), rt_semrelease adds a unit and hands
 * it straight to the oldest waiter on that address. Also the notify list
 * sync.Cond uses (tickets, so a Signal only wakes a waiter that was already
 * registered). Parking goroutines never burn CPU. */
#include <sched.h>
#include <time.h>

#include "sched_impl.h"

#define SEMTABSZ 251

typedef struct SemaRoot {
	rtlock lock;
	_Atomic uint32_t nwait;
	Sudog *head, *tail;
	char pad[64 - 24 - 8];
} SemaRoot;

static SemaRoot semtable[SEMTABSZ];

static SemaRoot *semroot(uint32_t *addr) { return &semtable[((uintptr_t)addr >> 3) % SEMTABSZ]; }

static bool cansemacquire(uint32_t *addr) {
	_Atomic uint32_t *a = (_Atomic uint32_t *)addr;
	for (;;) {
		uint32_t v = atomic_load(a);
		if (v == 0)
			return false;
		if (atomic_compare_exchange_weak(a, &v, v - 1))
			return true;
	}
}

static bool unlock_root(G *g, void *r) {
	(void)g;
	sched_unlock(&((SemaRoot *)r)->lock);
	return true;
}

void rt_semacquire(uint32_t *addr) {
	if (cansemacquire(addr))
		return;
	G *g = getg();
	if (!g) { /* not on a goroutine: poll politely */
		while (!cansemacquire(addr)) {
			struct timespec ts = {0, 20000};
			nanosleep(&ts, NULL);
		}
		return;
	}
	SemaRoot *root = semroot(addr);
	Sudog *s = &g->sud;
	for (;;) {
		sched_lock(&root->lock);
		atomic_fetch_add(&root->nwait, 1);
		if (cansemacquire(addr)) {
			atomic_fetch_sub(&root->nwait, 1);
			sched_unlock(&root->lock);
			return;
		}
		s->g = g;
		s->elem = addr;
		s->ticket = 0;
		s->next = NULL;
		s->isselect = false;
		if (root->tail)
			root->tail->next = s;
		else
			root->head = s;
		root->tail = s;
		g->waitobj = addr;
		sched_park(unlock_root, root, WR_SEMACQUIRE);
		g->waitobj = NULL;
		if (s->ticket || cansemacquire(addr))
			return;
	}
}

void rt_semrelease(uint32_t *addr) {
	SemaRoot *root = semroot(addr);
	atomic_fetch_add((_Atomic uint32_t *)addr, 1);
	if (atomic_load(&root->nwait) == 0)
		return;
	sched_lock(&root->lock);
	if (atomic_load(&root->nwait) == 0) {
		sched_unlock(&root->lock);
		return;
	}
	Sudog *prev = NULL, *s = root->head;
	while (s && s->elem != addr) {
		prev = s;
		s = s->next;
	}
	if (s) {
		if (prev)
			prev->next = s->next;
		else
			root->head = s->next;
		if (root->tail == s)
			root->tail = prev;
		s->next = NULL;
		atomic_fetch_sub(&root->nwait, 1);
		if (cansemacquire(addr))
			s->ticket = 1; /* hand the unit over */
	}
	sched_unlock(&root->lock);
	if (s)
		sched_ready(s->g, true);
}

/* ---- notify list (sync.Cond) ---- */
static rtlock *nl_lock(RtNotifyList *l) { return (rtlock *)&l->lock; }

uint32_t rt_notifylist_add(RtNotifyList *l) {
	return atomic_fetch_add((_Atomic uint32_t *)&l->wait, 1);
}

static bool unlock_nl(G *g, void *l) {
	(void)g;
	sched_unlock(nl_lock(l));
	return true;
}

void rt_notifylist_wait(RtNotifyList *l, uint32_t t) {
	sched_lock(nl_lock(l));
	if ((int32_t)(t - l->notify) < 0) { /* already notified */
		sched_unlock(nl_lock(l));
		return;
	}
	G *g = getg();
	Sudog *s = &g->sud;
	s->g = g;
	s->ticket = t;
	s->next = NULL;
	s->elem = NULL;
	if (l->tail)
		((Sudog *)l->tail)->next = s;
	else
		l->head = s;
	l->tail = s;
	sched_park(unlock_nl, l, WR_CONDWAIT);
}

void rt_notifylist_notifyall(RtNotifyList *l) {
	if (atomic_load((_Atomic uint32_t *)&l->wait) == atomic_load((_Atomic uint32_t *)&l->notify))
		return;
	sched_lock(nl_lock(l));
	Sudog *s = l->head;
	l->head = l->tail = NULL;
	atomic_store((_Atomic uint32_t *)&l->notify, atomic_load((_Atomic uint32_t *)&l->wait));
	sched_unlock(nl_lock(l));
	while (s) {
		Sudog *next = s->next;
		s->next = NULL;
		sched_ready(s->g, false);
		s = next;
	}
}

void rt_notifylist_notifyone(RtNotifyList *l) {
	if (atomic_load((_Atomic uint32_t *)&l->wait) == atomic_load((_Atomic uint32_t *)&l->notify))
		return;
	sched_lock(nl_lock(l));
	uint32_t t = l->notify;
	if (t == atomic_load((_Atomic uint32_t *)&l->wait)) {
		sched_unlock(nl_lock(l));
		return;
	}
	atomic_store((_Atomic uint32_t *)&l->notify, t + 1);
	for (Sudog *p = NULL, *s = l->head; s; p = s, s = s->next) {
		if (s->ticket == t) {
			Sudog *n = s->next;
			if (p)
				p->next = n;
			else
				l->head = n;
			if (l->tail == s)
				l->tail = p;
			s->next = NULL;
			sched_unlock(nl_lock(l));
			sched_ready(s->g, false);
			return;
		}
	}
	sched_unlock(nl_lock(l));
}
