/* sched_stack_test: split-stack goroutine stacks. A 1,000,000-frame
 * recursion in a goroutine that starts on a 2 KiB segment (compiled with
 * -fsplit-stack, as goc's code will be); calls into the (non-split) runtime
 * from deep frames; segments are reused the second time; cost per call
 * that splits vs a plain call; and, in a child process, a runaway
 * recursion dies with gc's "stack exceeds 1000000000-byte limit" text and
 * exit status 2. */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sched_test.h"

long rec(long n);
long rec_yield(long n);
long rec_big(long n);
long boundary_loop(long n);
long room_loop(long n);

static uint32_t done;

/* CPU time of this thread: a goroutine that never blocks stays on one M, and
 * the machine is shared, so wall time would measure the neighbours. */
static int64_t cputime(void) {
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
static long result;
static double secs;

static void recurse(void *arg) {
	long n = (long)arg;
	int64_t t0 = cputime();
	result = rec(n);
	secs = (cputime() - t0) / 1e9;
	rt_semrelease(&done);
}

static void recurse_yield(void *arg) {
	result = rec_yield((long)arg);
	rt_semrelease(&done);
}

static void runaway(void *arg) {
	(void)arg;
	rec_big(1L << 40);
}

static double roomsecs;
static void boundary(void *arg) {
	int64_t t0 = cputime();
	result = boundary_loop((long)arg);
	secs = (cputime() - t0) / 1e9;
	t0 = cputime();
	room_loop((long)arg);
	roomsecs = (cputime() - t0) / 1e9;
	rt_semrelease(&done);
}

static int child;

/* The same recursion compiled without split stacks, on a big thread stack:
 * the baseline for the cost of the split-stack prologue. */
__attribute__((noinline)) long rec_plain(long n) {
	volatile long pad = n;
	if (n == 0)
		return 0;
	return rec_plain(n - 1) + 1 + (pad - n);
}
static void *plain_thread(void *arg) {
	long n = (long)arg;
	rec_plain(n); /* touch the stack once */
	int64_t t0 = cputime();
	long r = rec_plain(n);
	secs = (cputime() - t0) / 1e9;
	return (void *)r;
}
static void plain_measure(void *arg) {
	(void)arg;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 256 << 20);
	pthread_t th;
	void *r;
	CHECK(pthread_create(&th, &a, plain_thread, (void *)1000000L) == 0);
	CHECK(pthread_join(th, &r) == 0 && (long)r == 1000000L);
}

static void gomain(void) {
	if (child) {
		rt_go(runaway, NULL);
		rt_semacquire(&done);
		exit(0);
	}
	long n = 1000000;
	rt_go(recurse, (void *)n);
	rt_semacquire(&done);
	CHECK(result == n);
	printf("recursion of %ld split-stack frames: %.1f ns per frame (first time)\n", n, secs * 1e9 / n);
	rt_go(recurse, (void *)n);
	rt_semacquire(&done);
	CHECK(result == n);
	printf("recursion of %ld split-stack frames: %.1f ns per frame (segments reused)\n", n, secs * 1e9 / n);
	rt_go(recurse, (void *)n);
	rt_semacquire(&done);
	printf("recursion of %ld split-stack frames: %.1f ns per frame (again)\n", n, secs * 1e9 / n);
	rt_systemstack(plain_measure, NULL);
	printf("recursion of %ld plain frames on a thread stack: %.1f ns per frame\n", n, secs * 1e9 / n);

	/* deep frames calling the runtime, with other goroutines running */
	for (int i = 0; i < 4; i++)
		rt_go(recurse_yield, (void *)200000L);
	for (int i = 0; i < 4; i++)
		rt_semacquire(&done);

	/* a call that crosses a segment boundary each iteration (hot split) */
	long iters = 2000000;
	rt_go(boundary, (void *)iters);
	rt_semacquire(&done);
	printf("call across a segment boundary: %.1f ns per call (the same call with room: %.1f ns)\n", secs * 1e9 / iters,
	       roomsecs * 1e9 / iters);

	/* overflow, in a child process */
	char buf[1024];
	int st = test_run_child("child", buf, sizeof buf);
	if (!(WIFEXITED(st) && WEXITSTATUS(st) == 2) ||
	    !strstr(buf, "runtime: goroutine stack exceeds 1000000000-byte limit\n") ||
	    !strstr(buf, "fatal error: stack overflow")) {
		fprintf(stderr, "overflow child: status %d, stderr:\n%s\n", st, buf);
		exit(1);
	}
	printf("stack overflow: gc's message, exit status 2\n");
	printf("ok\n");
}

int main(int argc, char **argv) {
	child = argc > 1;
	rt_sched_main(gomain);
}
