/* sched_basic_test: spawn and join 1,000,000 goroutines; an unbuffered
 * channel ping-pong of 1,000,000 round trips; Gosched, NumGoroutine. */
#include <stdatomic.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static _Atomic long pending;
static uint32_t donesema;

static void worker(void *arg) {
	(void)arg;
	if (atomic_fetch_sub(&pending, 1) == 1)
		rt_semrelease(&donesema);
}

static Hchan *ping, *pong;
static void ponger(void *arg) {
	long n = (long)arg, v;
	for (long i = 0; i < n; i++) {
		rt_chanrecv(ping, &v);
		v++;
		rt_chansend(pong, &v);
	}
}

static void gomain(void) {
	/* spawn and join */
	long n = getenv("GOC_TEST_SMALL") ? 10000 : 1000000; /* small: TSan build */
	atomic_store(&pending, n);
	double t0 = test_secs();
	for (long i = 0; i < n; i++)
		rt_go(worker, NULL);
	rt_semacquire(&donesema);
	double t1 = test_secs();
	printf("spawn+join: %.0f ns per goroutine (%ld goroutines, GOMAXPROCS=%d)\n", (t1 - t0) * 1e9 / n, n, rt_gomaxprocs(0));

	/* ping-pong */
	ping = rt_makechan(&chint, 0);
	pong = rt_makechan(&chint, 0);
	long rounds = n;
	rt_go(ponger, (void *)rounds);
	t0 = test_secs();
	long v = 0;
	for (long i = 0; i < rounds; i++) {
		rt_chansend(ping, &v);
		CHECK(rt_chanrecv(pong, &v));
	}
	t1 = test_secs();
	CHECK(v == rounds);
	printf("ping-pong: %.0f ns per round trip (%ld round trips)\n", (t1 - t0) * 1e9 / rounds, rounds);

	/* Gosched and NumGoroutine */
	for (int i = 0; i < 1000; i++)
		rt_gosched();
	rt_sleep(1000000);
	CHECK(rt_numgoroutine() == 1);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
