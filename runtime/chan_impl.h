/* chan_impl.h: the hchan layout and the channel helpers select.c shares
 * with chan.c. Private to the goroutine runtime. */
#ifndef GOC_CHAN_IMPL_H
#define GOC_CHAN_IMPL_H

#include "sched_impl.h"

typedef struct WaitQ { Sudog *first, *last; } WaitQ;

/* Layout: the first three words are what the collector scans (buf). */
typedef struct Hchan {
	_Atomic uintptr_t qcount; /* elements in the buffer */
	uintptr_t dataqsiz;       /* buffer size */
	void *buf;
	uintptr_t elemsize;
	_Atomic uint32_t closed;
	uint32_t pad;
	const GoType *elemtype;
	uintptr_t sendx, recvx;
	WaitQ recvq, sendq;
	rtlock lock;
} Hchan;

void chan_copy(const GoType *t, void *dst, const void *src);
void chan_enqueue(WaitQ *q, Sudog *s);
Sudog *chan_dequeue(WaitQ *q);
void chan_dequeue_sudog(WaitQ *q, Sudog *s);
void chan_send_direct(Hchan *c, Sudog *s, const void *ep, void (*unlockf)(void *), void *ua);
void chan_recv_direct(Hchan *c, Sudog *s, void *ep, void (*unlockf)(void *), void *ua);

#endif
