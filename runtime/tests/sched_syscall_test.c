/* sched_syscall_test: with GOMAXPROCS=1, a goroutine blocked in a system
 * call (bracketed by rt_entersyscall/rt_exitsyscall) does not hold the P:
 * sysmon hands it to another M and other goroutines keep running; the
 * caller gets a P back afterwards. */
#include <stdatomic.h>
#include <unistd.h>

#include "sched_test.h"

static _Atomic long progress;
static _Atomic int insyscall;
static uint32_t done;

static void blocker(void *arg) {
	(void)arg;
	rt_entersyscall();
	atomic_store(&insyscall, 1);
	usleep(200000);
	long before = atomic_load(&progress);
	rt_exitsyscall();
	CHECK(before > 0); /* others ran while we were blocked */
	rt_semrelease(&done);
}

static void worker(void *arg) {
	(void)arg;
	while (!atomic_load(&insyscall))
		rt_gosched();
	for (int i = 0; i < 100; i++) {
		atomic_fetch_add(&progress, 1);
		rt_sleep(1000000);
	}
	rt_semrelease(&done);
}

static void gomain(void) {
	rt_gomaxprocs(1);
	rt_go(blocker, NULL);
	rt_go(worker, NULL);
	int64_t t0 = rt_nanotime();
	rt_semacquire(&done);
	rt_semacquire(&done);
	printf("progress during a 200 ms blocking syscall: %ld steps; total %.0f ms\n", atomic_load(&progress),
	       (rt_nanotime() - t0) / 1e6);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
