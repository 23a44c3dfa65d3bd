/* sched_timer_test: rt_sleep parks the goroutine for at least the time asked;
 * sleepers wake in deadline order; many timers across Ps; nanotime is
 * monotonic and walltime sane. */
#include <time.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static Hchan *order;
/* Set by a sleeper whose report was sent more than 5 ms late: on a loaded
 * machine (the suite shares 2 cores with other builds) a woken goroutine, or
 * its thread, may wait that long for a CPU, and sleepers 5 ms apart may then
 * report out of order although their timers fired in order. Measured after
 * the send (the thread may lose its CPU between waking and sending), and
 * read once every sleeper has finished (fin). */
static _Atomic int late;
static Hchan *fin;
static void sleeper(void *arg) {
	long ms = (long)arg;
	int64_t t0 = rt_nanotime();
	rt_sleep(ms * 1000000);
	int64_t dt = rt_nanotime() - t0;
	CHECK(dt >= ms * 1000000);
	rt_chansend(order, &ms);
	if (rt_nanotime() - t0 > (ms + 5) * 1000000)
		late = 1;
	if (fin) rt_chansend(fin, &ms);
}

/* time.After-style: the timer function does a non-blocking send */
static void sendtime(void *arg, uintptr_t seq) {
	long v = (long)seq;
	rt_selectnbsend((Hchan *)arg, &v);
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
	fin = rt_makechan(&chint, n);
	for (int i = 0; i < n; i++)
		rt_go(sleeper, (void *)delays[i]);
	long last = 0;
	bool inverted = false;
	for (int i = 0; i < n; i++) {
		long v;
		CHECK(rt_chanrecv(order, &v));
		if (v < last) inverted = true;
		if (v > last)
			last = v;
	}
	for (int i = 0; i < n; i++) {
		long v;
		CHECK(rt_chanrecv(fin, &v));
	}
	fin = NULL;
	CHECK(!inverted || late);
	if (late)
		printf("a sleeper woke over 5 ms late (loaded machine): wake order not checked\n");
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
	/* timers: one-shot, stopped, periodic */
	Hchan *tc = rt_makechan(&chint, 1), *tick = rt_makechan(&chint, 1);
	RtTimer once = {0}, stopped = {0}, ticker = {0};
	int64_t now = rt_nanotime();
	rt_timer_start(&once, now + 3000000, 0, sendtime, tc, 7);
	rt_timer_start(&stopped, now + 1000000, 0, sendtime, tc, 99);
	CHECK(rt_timer_stop(&stopped));
	CHECK(!rt_timer_stop(&stopped));
	rt_timer_start(&ticker, now + 1000000, 1000000, sendtime, tick, 1);
	long v;
	CHECK(rt_chanrecv(tc, &v) && v == 7);
	CHECK(rt_nanotime() - now >= 3000000);
	CHECK(!rt_timer_stop(&once)); /* already fired */
	for (int i = 0; i < 5; i++)
		CHECK(rt_chanrecv(tick, &v) && v == 1);
	CHECK(rt_timer_stop(&ticker));
	rt_sleep(5000000);
	bool got;
	CHECK(!rt_selectnbrecv(tc, &v, &got)); /* the stopped timer never fired */
	printf("timers: one-shot, stop, periodic ok\n");
	/* idle: everything asleep for 300 ms must cost (almost) no CPU */
	for (int i = 0; i < 8; i++)
		rt_go(sleeper, (void *)300L);
	struct timespec c0, c1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	for (int i = 0; i < 8; i++)
		CHECK(rt_chanrecv(done, &v));
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	double cpums = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
	printf("300 ms with every goroutine asleep: %.1f ms of CPU\n", cpums);
	CHECK(cpums < 50);
	/* sleep accuracy */
	t0 = rt_nanotime();
	rt_sleep(20000000);
	double over = (rt_nanotime() - t0 - 20000000) / 1e3;
	printf("sleep(20ms) overshoot: %.0f us\n", over);
	CHECK(over >= 0);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
