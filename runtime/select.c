/* select.c: the select statement, after gc's select.go. Cases are polled in
 * a random order (so ready cases are chosen uniformly), channels are locked
 * in address order (so two selects never deadlock on each other's locks);
 * if nothing is ready and the select blocks, one sudog per case is queued on
 * every channel and the G parks until one of them is completed by another
 * goroutine (the first to win g->selectdone). */
#include <stdlib.h>
#include <string.h>

#include "chan_impl.h"

/* Sudogs for select come from a small per-thread cache refilled on the
 * system stack (never calloc on a goroutine stack). */
static __thread Sudog *sudogcache;

static void sudog_refill(void *arg) {
	(void)arg;
	for (int i = 0; i < 16; i++) {
		Sudog *s = calloc(1, sizeof *s);
		if (!s)
			rt_throw("out of memory (sudog)");
		s->next = sudogcache;
		sudogcache = s;
	}
}

static Sudog *acquire_sudog(void) {
	if (!sudogcache)
		rt_systemstack(sudog_refill, NULL);
	Sudog *s = sudogcache;
	sudogcache = s->next;
	memset(s, 0, sizeof *s);
	return s;
}

static void release_sudog(Sudog *s) {
	s->next = sudogcache;
	sudogcache = s;
}

typedef struct SelLocks {
	RtSelectCase *cases;
	uint16_t *lockorder;
	int n;
} SelLocks;

static void sellock(SelLocks *l) {
	Hchan *last = NULL;
	for (int i = 0; i < l->n; i++) {
		Hchan *c = l->cases[l->lockorder[i]].c;
		if (c != last)
			sched_lock(&c->lock);
		last = c;
	}
}

static void selunlock(void *arg) {
	SelLocks *l = arg;
	/* in reverse; the last unlock may let the G be woken and the cases
	 * array (on its stack) change, so read each channel first */
	for (int i = l->n - 1; i >= 0; i--) {
		Hchan *c = l->cases[l->lockorder[i]].c;
		if (i > 0 && c == l->cases[l->lockorder[i - 1]].c)
			continue;
		sched_unlock(&c->lock);
	}
}

static bool selparkcommit(G *g, void *arg) {
	(void)g;
	selunlock(arg);
	return true;
}

int rt_selectgo(RtSelectCase *cases, uint16_t *order, int ncases, bool block, bool *recvok) {
	bool dummy;
	if (!recvok)
		recvok = &dummy;
	*recvok = false;
	uint16_t *pollorder = order;
	uint16_t *lockorder = order ? order + ncases : NULL; /* select{}: no arrays (UBSan: NULL + 0) */

	/* random permutation of the non-nil cases */
	int npoll = 0;
	for (int i = 0; i < ncases; i++) {
		if (!cases[i].c) {
			continue;
		}
		int j = (int)sched_fastrandn((uint32_t)npoll + 1);
		pollorder[npoll] = pollorder[j];
		pollorder[j] = (uint16_t)i;
		npoll++;
	}
	if (npoll == 0) {
		if (!block)
			return -1;
		sched_park(NULL, NULL, ncases == 0 ? WR_SELECTNOCASES : WR_SELECT);
		rt_throw("unreachable");
	}
	/* lock order: heap sort by channel address */
	for (int i = 0; i < npoll; i++) {
		int j = i;
		Hchan *c = cases[pollorder[i]].c;
		while (j > 0 && (uintptr_t)cases[lockorder[(j - 1) / 2]].c < (uintptr_t)c) {
			int k = (j - 1) / 2;
			lockorder[j] = lockorder[k];
			j = k;
		}
		lockorder[j] = pollorder[i];
	}
	for (int i = npoll - 1; i >= 0; i--) {
		uint16_t o = lockorder[i];
		Hchan *c = cases[o].c;
		lockorder[i] = lockorder[0];
		int j = 0;
		for (;;) {
			int k = j * 2 + 1;
			if (k >= i)
				break;
			if (k + 1 < i && (uintptr_t)cases[lockorder[k]].c < (uintptr_t)cases[lockorder[k + 1]].c)
				k++;
			if ((uintptr_t)c < (uintptr_t)cases[lockorder[k]].c) {
				lockorder[j] = lockorder[k];
				j = k;
				continue;
			}
			break;
		}
		lockorder[j] = o;
	}
	SelLocks locks = {cases, lockorder, npoll};
	sellock(&locks);

	/* pass 1: look for something already ready */
	for (int i = 0; i < npoll; i++) {
		int ci = pollorder[i];
		RtSelectCase *cas = &cases[ci];
		Hchan *c = cas->c;
		if (cas->dir == RT_SELECT_SEND) {
			if (c->closed) {
				selunlock(&locks);
				rt_panicplain("send on closed channel");
			}
			Sudog *s = chan_dequeue(&c->recvq);
			if (s) {
				chan_send_direct(c, s, cas->elem, selunlock, &locks);
				return ci;
			}
			if (c->qcount < c->dataqsiz) {
				chan_copy(c->elemtype, (char *)c->buf + c->sendx * c->elemsize, cas->elem);
				if (++c->sendx == c->dataqsiz)
					c->sendx = 0;
				c->qcount++;
				selunlock(&locks);
				return ci;
			}
		} else {
			Sudog *s = chan_dequeue(&c->sendq);
			if (s) {
				chan_recv_direct(c, s, cas->elem, selunlock, &locks);
				*recvok = true;
				return ci;
			}
			if (c->qcount > 0) {
				void *qp = (char *)c->buf + c->recvx * c->elemsize;
				if (cas->elem)
					chan_copy(c->elemtype, cas->elem, qp);
				memset(qp, 0, c->elemsize);
				if (++c->recvx == c->dataqsiz)
					c->recvx = 0;
				c->qcount--;
				selunlock(&locks);
				*recvok = true;
				return ci;
			}
			if (c->closed) {
				selunlock(&locks);
				if (cas->elem)
					memset(cas->elem, 0, c->elemsize);
				*recvok = false;
				return ci;
			}
		}
	}
	if (!block) {
		selunlock(&locks);
		return -1;
	}

	/* pass 2: enqueue on every channel, in lock order */
	G *g = getg();
	atomic_store(&g->selectdone, 0);
	g->param = NULL;
	g->waitobj = cases;
	Sudog **link = &g->waiting;
	for (int i = 0; i < npoll; i++) {
		int ci = lockorder[i];
		RtSelectCase *cas = &cases[ci];
		Sudog *s = acquire_sudog();
		s->g = g;
		s->isselect = true;
		s->elem = cas->elem;
		s->c = cas->c;
		s->caseidx = ci;
		*link = s;
		link = &s->waitlink;
		chan_enqueue(cas->dir == RT_SELECT_SEND ? &cas->c->sendq : &cas->c->recvq, s);
	}
	*link = NULL;
	sched_park(selparkcommit, &locks, WR_SELECT);

	/* pass 3: dequeue from the channels that did not fire */
	sellock(&locks);
	Sudog *won = g->param;
	g->param = NULL;
	int casi = -1;
	bool success = false;
	Sudog *s = g->waiting;
	g->waiting = NULL;
	while (s) {
		Sudog *next = s->waitlink;
		RtSelectCase *cas = &cases[s->caseidx];
		if (s == won) {
			casi = s->caseidx;
			success = s->success;
		} else {
			chan_dequeue_sudog(cas->dir == RT_SELECT_SEND ? &cas->c->sendq : &cas->c->recvq, s);
		}
		s->isselect = false;
		s->elem = NULL;
		s->c = NULL;
		s->waitlink = NULL;
		release_sudog(s);
		s = next;
	}
	g->waitobj = NULL;
	if (casi < 0)
		rt_throw("selectgo: bad wakeup");
	selunlock(&locks);
	if (cases[casi].dir == RT_SELECT_SEND) {
		if (!success)
			rt_panicplain("send on closed channel");
	} else {
		*recvok = success;
	}
	return casi;
}
