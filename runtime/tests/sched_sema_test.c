/* sched_sema_test: rt_semacquire/rt_semrelease as sync.Mutex and
 * sync.WaitGroup will use them (contended goroutines park, FIFO handoff,
 * no lost wakeups), and the notify list behind sync.Cond (Signal wakes one
 * registered waiter, Broadcast all). */
#include <stdatomic.h>

#include "sched_test.h"

#define NG 64
#define ITERS 20000

static uint32_t mutexsema = 1; /* a binary semaphore as a mutex */
static long counter;
static uint32_t wgsema;
static _Atomic int wgcount;

static void wg_done(void) {
	if (atomic_fetch_sub(&wgcount, 1) == 1)
		rt_semrelease(&wgsema);
}

static void locker(void *arg) {
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		rt_semacquire(&mutexsema);
		long c = counter;
		if (i % 64 == 0)
			rt_gosched(); /* hold the lock across a reschedule */
		counter = c + 1;
		rt_semrelease(&mutexsema);
	}
	wg_done();
}

/* sync.Cond */
static RtNotifyList cond;
static uint32_t condmu = 1;
static int ready, woken;
static void condwaiter(void *arg) {
	(void)arg;
	rt_semacquire(&condmu);
	while (!ready) {
		uint32_t t = rt_notifylist_add(&cond);
		rt_semrelease(&condmu);
		rt_notifylist_wait(&cond, t);
		rt_semacquire(&condmu);
	}
	woken++;
	rt_semrelease(&condmu);
	wg_done();
}

static void gomain(void) {
	atomic_store(&wgcount, NG);
	int64_t t0 = rt_nanotime();
	for (int i = 0; i < NG; i++)
		rt_go(locker, NULL);
	rt_semacquire(&wgsema);
	CHECK(counter == (long)NG * ITERS);
	printf("%d goroutines x %d locked increments: %.0f ns each\n", NG, ITERS, (rt_nanotime() - t0) / (double)(NG * ITERS));

	/* Cond: 10 waiters; Signal one, then Broadcast the rest */
	atomic_store(&wgcount, 10);
	for (int i = 0; i < 10; i++)
		rt_go(condwaiter, NULL);
	rt_sleep(5000000);
	rt_semacquire(&condmu);
	ready = 1;
	rt_semrelease(&condmu);
	rt_notifylist_notifyone(&cond);
	rt_sleep(5000000);
	rt_semacquire(&condmu);
	int w1 = woken;
	rt_semrelease(&condmu);
	CHECK(w1 == 1);
	rt_notifylist_notifyall(&cond);
	rt_semacquire(&wgsema);
	CHECK(woken == 10);
	printf("cond: signal woke 1, broadcast woke the other 9\n");
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
