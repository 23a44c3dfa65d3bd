/* sched_parked_test: 100,000 goroutines parked on one channel; reports the
 * resident memory each costs (VmRSS from /proc/self/status, G struct and
 * stack included), then closes the channel and joins them all. The goal
 * (issue 6) is at most about 2,700 bytes; gc 1.19 measures 2,736. */
#include <stdatomic.h>
#include <string.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static long rss_bytes(void) {
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	if (f)
		fclose(f);
	return kb * 1024;
}

static Hchan *c;
static _Atomic long parked, finished;
static uint32_t alldone;
static long N = 100000; /* GOC_PARKED_N overrides */

static void waiter(void *arg) {
	(void)arg;
	long v;
	atomic_fetch_add(&parked, 1);
	CHECK(!rt_chanrecv(c, &v));
	if (atomic_fetch_add(&finished, 1) == N - 1)
		rt_semrelease(&alldone);
}

static void gomain(void) {
	if (getenv("GOC_PARKED_N"))
		N = atol(getenv("GOC_PARKED_N"));
	c = rt_makechan(&chint, 0);
	/* warm up: let the scheduler's own allocations happen first */
	rt_sleep(1000000);
	long before = rss_bytes();
	for (int i = 0; i < N; i++)
		rt_go(waiter, NULL);
	while (atomic_load(&parked) < N)
		rt_sleep(1000000);
	rt_sleep(2000000);
	long after = rss_bytes();
	CHECK(rt_numgoroutine() == N + 1);
	printf("%ld parked goroutines: %.0f bytes of RSS each\n", N, (double)(after - before) / N);
	rt_closechan(c);
	rt_semacquire(&alldone);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
