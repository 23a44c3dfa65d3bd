/* gc_stub_sched.c: a test-only stand-in for the scheduler's stop-the-world
 * and stack enumeration (runtime.h, sched.c section), linked into the
 * collector's C tests only. Test threads register themselves and call
 * gcstub_poll() at their "safe points" (as compiled code would be stopped
 * at a preemption point); rt_stw_stop waits until every registered thread is
 * stopped at a poll or blocked in rt_gc (rt_gc_blockhook). Each stopped
 * thread's callee-saved registers are captured by an assembly entry and its
 * stack from there up to the top is handed to the collector.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc_test.h"

enum { RUNNING = 0, STOPPED = 1, PARKED = 2 };
typedef struct TThread {
	int active;
	int state;
	uintptr_t hi, sp;
	uintptr_t regs[6]; /* rbx rbp r12 r13 r14 r15 at the stop */
} TThread;

#define MAXT 64
static TThread threads[MAXT];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static volatile int stw_req;
static __thread TThread *self;

volatile int gcstub_stw_requested;

static void hook(int entering);

void gcstub_register(void) {
	pthread_attr_t a;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &a)) abort();
	pthread_attr_getstack(&a, &addr, &size);
	pthread_attr_destroy(&a);
	pthread_mutex_lock(&mu);
	rt_gc_blockhook = hook;
	/* Do not start running in the middle of a stopped world. */
	while (stw_req) pthread_cond_wait(&cv, &mu);
	for (int i = 0; i < MAXT; i++) {
		if (!threads[i].active) {
			self = &threads[i];
			self->active = 1;
			self->state = RUNNING;
			self->hi = (uintptr_t)addr + size;
			break;
		}
	}
	if (!self) abort();
	pthread_mutex_unlock(&mu);
}

void gcstub_unregister(void) {
	pthread_mutex_lock(&mu);
	self->state = PARKED;
	self->sp = self->hi;
	pthread_cond_broadcast(&cv);
	while (stw_req) pthread_cond_wait(&cv, &mu);
	self->active = 0;
	self = NULL;
	pthread_mutex_unlock(&mu);
}

/* Called from the assembly entries with the saved registers at `saved`
 * (6 words) and the caller's stack pointer just above them. */
void gcstub_stop_c(int state, uintptr_t *saved) {
	if (!self) return;
	pthread_mutex_lock(&mu);
	if (state == RUNNING) {
		while (stw_req) pthread_cond_wait(&cv, &mu);
		self->state = RUNNING;
		pthread_mutex_unlock(&mu);
		return;
	}
	for (int i = 0; i < 6; i++) self->regs[i] = saved[i];
	self->sp = (uintptr_t)(saved + 6) + 8; /* past the return address */
	self->state = state;
	pthread_cond_broadcast(&cv);
	if (state == STOPPED) {
		while (stw_req) pthread_cond_wait(&cv, &mu);
		self->state = RUNNING;
	}
	pthread_mutex_unlock(&mu);
}

/* void gcstub_stop_asm(int state): push the callee-saved registers, call
 * gcstub_stop_c(state, rsp), pop them. */
__attribute__((naked)) void gcstub_stop_asm(int state) {
	__asm__ volatile(
		"push %r15\n\t"
		"push %r14\n\t"
		"push %r13\n\t"
		"push %r12\n\t"
		"push %rbp\n\t"
		"push %rbx\n\t"
		"mov %rsp, %rsi\n\t"
		"sub $8, %rsp\n\t"
		"call gcstub_stop_c\n\t"
		"add $8, %rsp\n\t"
		"pop %rbx\n\t"
		"pop %rbp\n\t"
		"pop %r12\n\t"
		"pop %r13\n\t"
		"pop %r14\n\t"
		"pop %r15\n\t"
		"ret\n\t");
}

void gcstub_poll_slow(void) { gcstub_stop_asm(STOPPED); }

static void hook(int entering) { gcstub_stop_asm(entering ? PARKED : RUNNING); }

void gcstub_blocking(int entering) { hook(entering); }

void rt_stw_stop(const char *reason) {
	(void)reason;
	pthread_mutex_lock(&mu);
	stw_req = 1;
	__atomic_store_n(&gcstub_stw_requested, 1, __ATOMIC_RELEASE);
	for (;;) {
		int running = 0;
		for (int i = 0; i < MAXT; i++)
			if (threads[i].active && threads[i].state == RUNNING && &threads[i] != self) running++;
		if (!running) break;
		pthread_cond_wait(&cv, &mu);
	}
	pthread_mutex_unlock(&mu);
}

void rt_stw_start(void) {
	pthread_mutex_lock(&mu);
	stw_req = 0;
	__atomic_store_n(&gcstub_stw_requested, 0, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
}

void rt_sched_each_stack(rt_rangefn fn, void *ctx) {
	for (int i = 0; i < MAXT; i++) {
		TThread *t = &threads[i];
		if (!t->active || t == self) continue;
		fn(t->sp, t->hi, ctx);
		fn((uintptr_t)t->regs, (uintptr_t)(t->regs + 6), ctx);
	}
}

/* No goroutine stacks here: every thread already runs on its own stack. */
void rt_systemstack(void (*fn)(void *arg), void *arg) { fn(arg); }
void rt_preemptcheck(void) {}

/* panic.c raises runtime errors through defer.c's rt_gopanic, which needs
 * the scheduler's goroutines; these tests have none: print and exit. */
void rt_gopanic(const GoType *t, void *data) {
	(void)t;
	GoString *msg = data; /* panic.c's runtime errors start with their message */
	rt_printlock();
	rt_write_stderr("panic: ", 7);
	if (msg) rt_write_stderr(msg->ptr, msg->len);
	rt_write_stderr("\n", 1);
	rt_printunlock();
	exit(2);
}

void rt_gopanic_sig(const GoType *t, void *data, const RtSigInfo *si) {
	(void)si;
	rt_gopanic(t, data);
}

/* traceback.c walks only stacks the scheduler knows: none here */
bool rt_stack_contains(uintptr_t a) {
	(void)a;
	return false;
}

uint64_t rt_goid(void) { return 0; }

bool rt_g_stack_contains(void *g, uintptr_t a) {
	(void)g;
	(void)a;
	return false;
}
