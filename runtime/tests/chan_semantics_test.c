/* chan_semantics_test: buffered/unbuffered channels, close (receivers get
 * zero values and ok=false, buffered values drain first), len/cap, nil
 * channels in select, select with default, non-blocking ops, and the
 * panics (checked in child processes: message on stderr, exit status 2). */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static Hchan *c1, *c2, *done;

static void producer(void *arg) {
	long n = (long)arg;
	for (long i = 1; i <= n; i++)
		rt_chansend(c1, &i);
	rt_closechan(c1);
}

static void closer(void *arg) {
	(void)arg;
	rt_sleep(2000000);
	rt_closechan(c2);
}

static void waiter(void *arg) {
	(void)arg;
	long v = 123;
	bool ok = rt_chanrecv(c2, &v);
	CHECK(!ok && v == 0);
	long one = 1;
	rt_chansend(done, &one);
}

static int child_mode;

static void panicker(void *arg) {
	(void)arg;
	printf("buffered stdout that exit must flush\n");
	rt_closechan(NULL);
}

static void gomain(void) {
	if (child_mode) {
		Hchan *c = rt_makechan(&chint, 1);
		long v = 1;
		switch (child_mode) {
		case 1: rt_closechan(c); rt_chansend(c, &v); break;
		case 2: rt_closechan(c); rt_closechan(c); break;
		case 3: rt_closechan(NULL); break;
		case 4: rt_go(panicker, NULL); rt_sleep(1000000000); break;
		}
		exit(0);
	}
	/* buffered: len/cap, FIFO, drain after close */
	Hchan *b = rt_makechan(&chint, 3);
	CHECK(rt_chancap(b) == 3 && rt_chanlen(b) == 0);
	for (long i = 10; i < 13; i++)
		rt_chansend(b, &i);
	CHECK(rt_chanlen(b) == 3);
	long x = 99;
	CHECK(!rt_selectnbsend(b, &x)); /* full */
	rt_closechan(b);
	long v;
	for (long i = 10; i < 13; i++) {
		CHECK(rt_chanrecv(b, &v) && v == i);
	}
	CHECK(!rt_chanrecv(b, &v) && v == 0);
	CHECK(!rt_chanrecv(b, NULL));
	CHECK(rt_chanlen(NULL) == 0 && rt_chancap(NULL) == 0);

	/* unbuffered producer with range-style loop */
	c1 = rt_makechan(&chint, 0);
	rt_go(producer, (void *)1000L);
	long sum = 0, cnt = 0;
	while (rt_chanrecv(c1, &v)) {
		sum += v;
		cnt++;
	}
	CHECK(cnt == 1000 && sum == 1000 * 1001 / 2);

	/* close wakes all blocked receivers */
	c2 = rt_makechan(&chint, 0);
	done = rt_makechan(&chint, 10);
	for (int i = 0; i < 10; i++)
		rt_go(waiter, NULL);
	rt_go(closer, NULL);
	for (int i = 0; i < 10; i++)
		CHECK(rt_chanrecv(done, &v) && v == 1);

	/* non-blocking ops */
	Hchan *u = rt_makechan(&chint, 0);
	bool got;
	CHECK(!rt_selectnbrecv(u, &v, &got));
	CHECK(!rt_selectnbsend(u, &v));
	CHECK(!rt_selectnbsend(NULL, &v));
	CHECK(!rt_selectnbrecv(NULL, &v, &got));

	/* select: nil cases never fire; default when nothing ready */
	RtSelectCase cases[3] = {{NULL, &v, RT_SELECT_RECV}, {u, &v, RT_SELECT_RECV}, {NULL, &v, RT_SELECT_SEND}};
	uint16_t order[6];
	bool ok;
	CHECK(rt_selectgo(cases, order, 3, false, &ok) == -1);
	Hchan *cl = rt_makechan(&chint, 0);
	rt_closechan(cl);
	RtSelectCase cases2[2] = {{NULL, &v, RT_SELECT_RECV}, {cl, &v, RT_SELECT_RECV}};
	v = 5;
	CHECK(rt_selectgo(cases2, order, 2, true, &ok) == 1 && !ok && v == 0);

	/* panics, in child processes */
	static const char *msgs[] = {NULL, "panic: send on closed channel\n", "panic: close of closed channel\n",
	                             "panic: close of nil channel\n", "panic: close of nil channel\n"};
#ifdef RT_TSAN
	int lastmode = 3; /* TSan's exit path needs more than a goroutine stack */
#else
	int lastmode = 4; /* 4: the panic on a goroutine's 2 KiB stack */
#endif
	for (int mode = 1; mode <= lastmode; mode++) {
		char m[2] = {(char)('0' + mode), 0};
		char buf[256];
		int st = test_run_child(m, buf, sizeof buf);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
		if (strncmp(buf, msgs[mode], strlen(msgs[mode])) != 0) {
			fprintf(stderr, "mode %d: got %s", mode, buf);
			CHECK(0);
		}
	}
	printf("ok\n");
}

int main(int argc, char **argv) {
	if (argc > 1)
		child_mode = atoi(argv[1]);
	rt_sched_main(gomain);
}
