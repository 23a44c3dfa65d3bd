/* sched_parallel_test: two CPU-bound goroutines run in parallel with
 * GOMAXPROCS=2. Reports the wall-time ratio of GOMAXPROCS=1 to
 * GOMAXPROCS=2 (ideal 2.0) without asserting on it: CI machines are noisy.
 * Also exercises rt_gomaxprocs changing the P count at run time. */
#include "sched_test.h"

long burn(long n);

static uint32_t done;
static long results[2];

static void worker(void *arg) {
	long i = (long)arg;
	results[i] = burn(200000000);
	rt_semrelease(&done);
}

static double run(void) {
	int64_t t0 = rt_nanotime();
	rt_go(worker, (void *)0L);
	rt_go(worker, (void *)1L);
	rt_semacquire(&done);
	rt_semacquire(&done);
	CHECK(results[0] == results[1] && results[0] != 0);
	return (rt_nanotime() - t0) / 1e9;
}

static void gomain(void) {
	int old = rt_gomaxprocs(1);
	CHECK(rt_gomaxprocs(0) == 1);
	double t1 = run();
	rt_gomaxprocs(2);
	CHECK(rt_gomaxprocs(0) == 2);
	double t2 = run();
	printf("two CPU-bound goroutines: GOMAXPROCS=1 %.3f s, GOMAXPROCS=2 %.3f s, ratio %.2f\n", t1, t2, t1 / t2);
	rt_gomaxprocs(old);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
