/* defer.c: deferred calls, panics and recover.
 *
 * A function with defer statements keeps a DeferFrame in its stack frame,
 * linked into its goroutine's chain (the G's defer slot) on entry, with a
 * recovery point (rt_setjmp) and the segment it runs on. `defer f(x)`
 * pushes a record {thunk, argument block} on the frame; a return runs the
 * frame's records last-in first-out and unlinks it.
 *
 * A panic walks the chain from the top: it runs each frame's deferred
 * calls; a deferred call that calls recover() marks the panic recovered,
 * and when it returns control goes back to its frame's recovery point
 * (rt_longjmp, releasing the stack segments grown since), where the
 * function runs its remaining deferred calls and returns normally. With no
 * frames left the panic is printed as gc prints it and the program exits 2.
 * (Choice of mechanism: docs/defer.md.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

#ifdef RT_ASAN
void __asan_handle_no_return(void);
#define ASAN_NORETURN() __asan_handle_no_return()
#else
#define ASAN_NORETURN() ((void)0)
#endif

void stack_checkpoint(uintptr_t *seg);
void stack_unwind_to(uintptr_t seg);
int rt_setjmp(void *jb) __attribute__((returns_twice));
noreturn void rt_longjmp(void *jb);

typedef struct DeferRec {
	struct DeferRec *next;
	void (*thunk)(void *blk);
	void *blk;
} DeferRec;

/* Laid out by the code generator in the function's frame: 12 words. */
typedef struct DeferFrame {
	struct DeferFrame *link;
	DeferRec *defers;
	uintptr_t seg;
	uintptr_t jb[8];
	uintptr_t pad;
} DeferFrame;

typedef struct Panic {
	struct Panic *link;
	const GoType *type;
	void *data;
	bool recovered;
	bool aborted;
	void *runblk;   /* the argument block of the deferred call it is running */
	void *runframe; /* that call's thunk frame, once it has entered */
	RtSigInfo sig; /* sig.sig != 0: raised by a fault (signal.c) */
} Panic;

static GoType defer_rec_type = {
	.size = sizeof(DeferRec), .ptrdata = 3 * sizeof(void *), .align = 8, .fieldalign = 8, .kind = KIND_STRUCT,
	.gcdata = (const uint8_t *)"\x05", .name = {(const uint8_t *)"runtime._defer", 14},
};
static GoType panic_type = {
	.size = sizeof(Panic), .ptrdata = 3 * sizeof(void *), .align = 8, .fieldalign = 8, .kind = KIND_STRUCT,
	.gcdata = (const uint8_t *)"\x05", .name = {(const uint8_t *)"runtime._panic", 14},
};

void rt_deferframe_push(DeferFrame *f) {
	void **slot = rt_g_deferslot();
	f->link = *slot;
	f->defers = NULL;
	stack_checkpoint(&f->seg);
	*slot = f;
}

void rt_defer(DeferFrame *f, void (*thunk)(void *), void *blk) {
	DeferRec *d = rt_mallocgc(sizeof *d, &defer_rec_type, 1);
	d->thunk = thunk;
	d->blk = blk;
	d->next = f->defers;
	f->defers = d;
}

/* A return: run the frame's deferred calls, then unlink it. */
void rt_deferframe_return(DeferFrame *f) {
	while (f->defers) {
		DeferRec *d = f->defers;
		f->defers = d->next;
		d->thunk(d->blk);
	}
	void **slot = rt_g_deferslot();
	if (*slot == f) *slot = f->link;
}

/* runtime.Goexit: every deferred call of the goroutine runs, innermost
 * frame first, as if each function returned (sched.c calls this hook). */
static void goexit_defers(void *top) {
	(void)top;
	void **slot = rt_g_deferslot();
	while (*slot) rt_deferframe_return(*slot);
}

void rt_defer_init(void) { rt_goexit_hook = goexit_defers; }

/* ---- panics ------------------------------------------------------------------ */

void rt_printpanicval(const GoType *t, void *data); /* panic.c */

static noreturn void fatalpanic(Panic *p) {
	rt_printlock();
	/* gc prints the chain oldest first: earlier panics marked [recovered] or not */
	Panic *chain[16];
	int n = 0;
	for (Panic *q = p; q && n < 16; q = q->link) chain[n++] = q;
	for (int i = n - 1; i >= 0; i--) {
		rt_write_stderr("panic: ", 7);
		rt_printpanicval(chain[i]->type, chain[i]->data);
		if (chain[i]->recovered) rt_write_stderr(" [recovered]", 12);
		rt_write_stderr("\n", 1);
		if (i) rt_write_stderr("\t", 1);
	}
	char buf[160];
	int k;
	if (p->sig.sig) {
		k = snprintf(buf, sizeof buf, "[signal SIGSEGV: segmentation violation code=0x%x addr=0x%lx pc=0x%lx]\n", p->sig.code,
		             (unsigned long)p->sig.addr, (unsigned long)p->sig.pc);
		rt_write_stderr(buf, k);
	}
	k = snprintf(buf, sizeof buf, "\ngoroutine %llu [running]:\n", (unsigned long long)(rt_goid() ? rt_goid() : 1));
	rt_write_stderr(buf, k);
	rt_traceback_here(p->sig.sig ? p->sig.pc : 0);
	rt_printunlock();
	exit(2);
}

void rt_gopanic(const GoType *t, void *data) { rt_gopanic_sig(t, data, NULL); }

void rt_gopanic_sig(const GoType *t, void *data, const RtSigInfo *si) {
	void **pslot = rt_g_panicslot();
	Panic *p = rt_mallocgc(sizeof *p, &panic_type, 1);
	p->type = t;
	p->data = data;
	if (si) p->sig = *si;
	p->link = pslot ? *pslot : NULL;
	if (pslot) *pslot = p;
	void **slot = rt_g_deferslot();
	for (;;) {
		DeferFrame *f = slot ? *slot : NULL;
		if (!f) break;
		while (f->defers) {
			DeferRec *d = f->defers;
			f->defers = d->next;
			p->runblk = d->blk;
			p->runframe = NULL;
			d->thunk(d->blk);
			p->runblk = p->runframe = NULL;
			if (p->recovered) {
				/* back to the frame that deferred the recovering call;
				 * panics recovered earlier whose deferred calls this
				 * unwinds are over too */
				*pslot = p->link;
				while (*pslot && ((Panic *)*pslot)->recovered) *pslot = ((Panic *)*pslot)->link;
				stack_unwind_to(f->seg);
				ASAN_NORETURN(); /* unpoison the frames the jump abandons */
				rt_longjmp(f->jb);
			}
		}
		*slot = f->link;
	}
	fatalpanic(p);
}

/* defer recover(): run by the deferring function's exit it is a recover()
 * there (callerframe is that function's caller); run by a panic, nil. */
GoEface rt_gorecover_deferred(void *blk, void *callerframe) {
	void **pslot = rt_g_panicslot();
	Panic *p = pslot ? *pslot : NULL;
	if (p && p->runblk == blk) return (GoEface){NULL, NULL};
	return rt_gorecover(callerframe);
}

/* A deferred call's thunk, on entry: if the current panic is running it,
 * record the thunk's frame. */
void rt_deferenter(void *blk, void *frame) {
	void **pslot = rt_g_panicslot();
	Panic *p = pslot ? *pslot : NULL;
	if (p && p->runblk == blk && !p->runframe) p->runframe = frame;
}

/* recover(): the panic's value, once, if called directly by a deferred
 * call the panic is running (the caller's frame is that call's thunk) */
GoEface rt_gorecover(void *callerframe) {
	void **pslot = rt_g_panicslot();
	Panic *p = pslot ? *pslot : NULL;
	if (!p || p->recovered || !callerframe || p->runframe != callerframe) return (GoEface){NULL, NULL};
	p->recovered = true;
	return (GoEface){p->type, p->data};
}
