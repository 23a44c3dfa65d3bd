/* sched_timer_test: rt_sleep parks the goroutine for at least the time asked;
 * sleepers wake in deadline order; many timers across Ps; nanotime is
 * monotonic and walltime sane. */
#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static Hchan *order;
static void sleeper(void *arg) {
	long ms = (long)arg;
	int64_t t0 = rt_nanotime();
	rt_sleep(ms * 1000000);
	int64_t dt = rt_nanotime() - t0;
	CHECK(dt >= ms * 1000000);
	rt_chansend(order, &ms);
}

static void gomain(void) {
	int64_t a = rt_nanotime(), b = rt_nanotime();
	CHECK(b >= a);
	int64_t sec;
	int32_t nsec;
	rt_walltime(&sec, &nsec);
	CHECK(sec > 1600000000 && nsec >= 0 && nsec < 1000000000);

	order = rt_makechan(&chint, 0);
	long delays[] = {50, 10, 40, 20, 30, 60, 5, 45};
	int n = sizeof delays / sizeof delays[0];
	for (int i = 0; i < n; i++)
		rt_go(sleeper, (void *)delays[i]);
	long last = 0;
	for (int i = 0; i < n; i++) {
		long v;
		CHECK(rt_chanrecv(order, &v));
		CHECK(v > last);
		last = v;
	}
	/* a thousand short sleeps at once */
	Hchan *done = rt_makechan(&chint, 1000);
	order = done;
	int64_t t0 = rt_nanotime();
	for (int i = 0; i < 1000; i++)
		rt_go(sleeper, (void *)(long)(1 + i % 7));
	for (int i = 0; i < 1000; i++) {
		long v;
		CHECK(rt_chanrecv(done, &v));
	}
	double ms = (rt_nanotime() - t0) / 1e6;
	printf("1000 concurrent sleeps of 1-7 ms finished in %.1f ms\n", ms);
	/* sleep accuracy */
	t0 = rt_nanotime();
	rt_sleep(20000000);
	double over = (rt_nanotime() - t0 - 20000000) / 1e3;
	printf("sleep(20ms) overshoot: %.0f us\n", over);
	CHECK(over >= 0);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
