/* chan.c: channels, after gc's chan.go. An hchan holds a ring buffer of
 * dataqsiz elements and two FIFO queues of parked senders and receivers
 * (sudogs). A send to a parked receiver (or a receive from a parked sender)
 * copies the element directly between the two goroutines; close wakes every
 * waiter. Nil channels block forever (the deadlock detector sees them).
 * The hchan and its buffer come from rt_mallocgc so the collector sees the
 * elements; sudogs live in G structs (reported by rt_sched_each_stack). */
#include <string.h>

#include "chan_impl.h"

/* The hchan as the collector sees it: one pointer word, buf. */
static const uint8_t hchan_gcdata[] = {0x04};
static const GoType hchan_type = {
	.size = sizeof(Hchan),
	.ptrdata = 3 * sizeof(void *),
	.align = 8,
	.fieldalign = 8,
	.kind = KIND_STRUCT,
	.gcdata = hchan_gcdata,
	.name = {(const uint8_t *)"runtime.hchan", 13},
};

Hchan *rt_makechan(const GoChanType *t, intptr_t size) {
	const GoType *elem = t->elem;
	if (size < 0 || (elem->size && (uintptr_t)size > ((uintptr_t)1 << 47) / elem->size))
		rt_panicplain("makechan: size out of range");
	uintptr_t mem = elem->size * (uintptr_t)size;
	Hchan *c;
	if (mem == 0) {
		c = rt_mallocgc(sizeof(Hchan), NULL, 1);
		c->buf = c; /* race-free dummy, as gc */
	} else if (elem->ptrdata == 0) {
		c = rt_mallocgc(sizeof(Hchan) + mem, NULL, 1);
		c->buf = (char *)c + sizeof(Hchan);
	} else {
		c = rt_mallocgc(sizeof(Hchan), &hchan_type, 1);
		c->buf = rt_mallocgc(mem, elem, 1);
	}
	c->elemsize = elem->size;
	c->elemtype = elem;
	c->dataqsiz = (uintptr_t)size;
	return c;
}

void chan_copy(const GoType *t, void *dst, const void *src) {
	if (t->size == 0 || !dst || !src)
		return;
	if (t->ptrdata == 0)
		memmove(dst, src, t->size);
	else
		rt_typedmemmove(t, dst, src);
}

static void *chanbuf(Hchan *c, uintptr_t i) { return (char *)c->buf + i * c->elemsize; }

/* ---- wait queues ---- */
void chan_enqueue(WaitQ *q, Sudog *s) {
	s->next = NULL;
	s->prev = q->last;
	if (q->last)
		q->last->next = s;
	else
		q->first = s;
	q->last = s;
}

void chan_dequeue_sudog(WaitQ *q, Sudog *s) {
	Sudog *x = s->prev, *y = s->next;
	if (x) {
		if (y) {
			x->next = y;
			y->prev = x;
		} else {
			x->next = NULL;
			q->last = x;
		}
	} else if (y) {
		y->prev = NULL;
		q->first = y;
	} else if (q->first == s) {
		q->first = q->last = NULL;
	}
	s->next = s->prev = NULL;
}

/* Pop the first waiter that can still be woken (a select may have been
 * won by another channel already). */
Sudog *chan_dequeue(WaitQ *q) {
	for (;;) {
		Sudog *s = q->first;
		if (!s)
			return NULL;
		q->first = s->next;
		if (q->first)
			q->first->prev = NULL;
		else
			q->last = NULL;
		s->next = s->prev = NULL;
		if (s->isselect) {
			uint32_t z = 0;
			if (!atomic_compare_exchange_strong(&s->g->selectdone, &z, 1))
				continue;
		}
		return s;
	}
}

static bool unlock_chan(G *g, void *c) {
	(void)g;
	sched_unlock(&((Hchan *)c)->lock);
	return true;
}

/* Send ep to the parked receiver s; c is locked, unlockf releases it. */
void chan_send_direct(Hchan *c, Sudog *s, const void *ep, void (*unlockf)(void *), void *ua) {
	if (s->elem) {
		chan_copy(c->elemtype, s->elem, ep);
		s->elem = NULL;
	}
	G *g = s->g;
	unlockf(ua);
	g->param = s;
	s->success = true;
	sched_ready(g, true);
}

/* Receive from the parked sender s into ep; c is locked. */
void chan_recv_direct(Hchan *c, Sudog *s, void *ep, void (*unlockf)(void *), void *ua) {
	if (c->dataqsiz == 0) {
		if (ep)
			chan_copy(c->elemtype, ep, s->elem);
	} else {
		/* buffer full: take the head, put the sender's value at the tail */
		void *qp = chanbuf(c, c->recvx);
		if (ep)
			chan_copy(c->elemtype, ep, qp);
		chan_copy(c->elemtype, qp, s->elem);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		c->sendx = c->recvx;
	}
	s->elem = NULL;
	G *g = s->g;
	unlockf(ua);
	g->param = s;
	s->success = true;
	sched_ready(g, true);
}

static void unlock1(void *c) { sched_unlock(&((Hchan *)c)->lock); }

/* Queues the running goroutine on q (c's lock held) and parks it until a
 * partner completes the operation or close wakes it. Returns whether the
 * operation succeeded: false means the channel was closed. */
static bool chan_park(Hchan *c, WaitQ *q, void *ep, uint32_t reason) {
	G *g = getg();
	Sudog *s = &g->sud;
	s->g = g;
	s->elem = ep;
	s->c = c;
	s->isselect = false;
	s->success = false;
	g->waiting = s;
	g->param = NULL;
	g->waitobj = c;
	chan_enqueue(q, s);
	sched_park(unlock_chan, c, reason);
	bool ok = s->success;
	g->waiting = NULL;
	g->param = NULL;
	g->waitobj = NULL;
	s->c = NULL;
	s->elem = NULL;
	return ok;
}

noreturn static void block_forever(uint32_t reason) {
	sched_park(NULL, NULL, reason);
	rt_throw("unreachable");
}

bool chan_send(Hchan *c, const void *ep, bool block) {
	if (!c) {
		if (!block)
			return false;
		block_forever(WR_CHANSENDNIL);
	}
	if (!block && !atomic_load_explicit(&c->closed, memory_order_relaxed) &&
	    ((c->dataqsiz == 0 && !c->recvq.first) || (c->dataqsiz > 0 && c->qcount == c->dataqsiz)))
		return false;
	sched_lock(&c->lock);
	if (c->closed) {
		sched_unlock(&c->lock);
		rt_panicplain("send on closed channel");
	}
	Sudog *s = chan_dequeue(&c->recvq);
	if (s) {
		chan_send_direct(c, s, ep, unlock1, c);
		return true;
	}
	if (c->qcount < c->dataqsiz) {
		chan_copy(c->elemtype, chanbuf(c, c->sendx), ep);
		if (++c->sendx == c->dataqsiz)
			c->sendx = 0;
		c->qcount++;
		sched_unlock(&c->lock);
		return true;
	}
	if (!block) {
		sched_unlock(&c->lock);
		return false;
	}
	if (!chan_park(c, &c->sendq, (void *)ep, WR_CHANSEND))
		rt_panicplain("send on closed channel");
	return true;
}

/* Returns selected; *received: a value (not a close) was received. */
bool chan_recv(Hchan *c, void *ep, bool block, bool *received) {
	*received = false;
	if (!c) {
		if (!block)
			return false;
		block_forever(WR_CHANRECVNIL);
	}
	if (!block) {
		bool empty = c->dataqsiz == 0 ? !c->sendq.first : atomic_load_explicit(&c->qcount, memory_order_relaxed) == 0;
		if (empty) {
			if (!atomic_load(&c->closed))
				return false;
			/* closed: re-check emptiness now that we know it is closed */
			empty = c->dataqsiz == 0 ? !c->sendq.first : atomic_load_explicit(&c->qcount, memory_order_relaxed) == 0;
			if (empty) {
				if (ep)
					memset(ep, 0, c->elemsize);
				return true;
			}
		}
	}
	sched_lock(&c->lock);
	if (c->closed && c->qcount == 0) {
		sched_unlock(&c->lock);
		if (ep)
			memset(ep, 0, c->elemsize);
		return true;
	}
	Sudog *s = chan_dequeue(&c->sendq);
	if (s) {
		chan_recv_direct(c, s, ep, unlock1, c);
		*received = true;
		return true;
	}
	if (c->qcount > 0) {
		void *qp = chanbuf(c, c->recvx);
		if (ep)
			chan_copy(c->elemtype, ep, qp);
		memset(qp, 0, c->elemsize);
		if (++c->recvx == c->dataqsiz)
			c->recvx = 0;
		c->qcount--;
		sched_unlock(&c->lock);
		*received = true;
		return true;
	}
	if (!block) {
		sched_unlock(&c->lock);
		return false;
	}
	*received = chan_park(c, &c->recvq, ep, WR_CHANRECV);
	return true;
}

void rt_chansend(Hchan *c, const void *elem) { chan_send(c, elem, true); }

bool rt_chanrecv(Hchan *c, void *elem) {
	bool received;
	chan_recv(c, elem, true, &received);
	return received;
}

bool rt_selectnbsend(Hchan *c, const void *elem) { return chan_send(c, elem, false); }

bool rt_selectnbrecv(Hchan *c, void *elem, bool *received) {
	bool r;
	bool sel = chan_recv(c, elem, false, &r);
	if (received)
		*received = r;
	return sel;
}

void rt_closechan(Hchan *c) {
	if (!c)
		rt_panicplain("close of nil channel");
	sched_lock(&c->lock);
	if (c->closed) {
		sched_unlock(&c->lock);
		rt_panicplain("close of closed channel");
	}
	atomic_store(&c->closed, 1);
	G *list = NULL;
	Sudog *s;
	while ((s = chan_dequeue(&c->recvq)) != NULL) {
		if (s->elem) {
			memset(s->elem, 0, c->elemsize);
			s->elem = NULL;
		}
		s->success = false;
		s->g->param = s;
		s->g->schedlink = list;
		list = s->g;
	}
	while ((s = chan_dequeue(&c->sendq)) != NULL) {
		s->elem = NULL;
		s->success = false;
		s->g->param = s;
		s->g->schedlink = list;
		list = s->g;
	}
	sched_unlock(&c->lock);
	while (list) {
		G *g = list;
		list = g->schedlink;
		sched_ready(g, true);
	}
}

intptr_t rt_chanlen(Hchan *c) { return c ? (intptr_t)c->qcount : 0; }
intptr_t rt_chancap(Hchan *c) { return c ? (intptr_t)c->dataqsiz : 0; }
