/* sched_stw_test: rt_stw_stop stops goroutines that spin in go_text (by
 * signal), that are parked, and that sit in system calls; with the world
 * stopped rt_sched_each_stack reports ranges that cover a value only a
 * parked goroutine's stack (or saved registers) holds, and the spinners
 * make no progress until rt_stw_start. */
#include <stdatomic.h>
#include <unistd.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

long spin_until(volatile long *counter, volatile int *stop);

static volatile long spins[2];
static volatile int stop;
static Hchan *park;
static uint32_t done;
#define MAGIC 0x5eed1234abcd9876L

static void spinner(void *arg) {
	spin_until(&spins[(long)arg], &stop);
	rt_semrelease(&done);
}

static volatile int parkready;
static void parker(void *arg) {
	(void)arg;
	volatile long secret = MAGIC; /* only on this goroutine's stack */
	parkready = 1;
	long v;
	rt_chanrecv(park, &v);
	CHECK(secret == MAGIC);
	rt_semrelease(&done);
}

#define MAGIC2 0x7a11ed5eedbeef01L
static volatile int insys, release;
/* A value that lives only in a callee-saved register across a blocking
 * syscall (the syscall's own frames are not scanned): rt_entersyscall must
 * have recorded it in the G. */
__attribute__((noinline)) static void sleeper_body(void) {
	register long x __asm__("r12") = MAGIC2;
	__asm__ volatile("" : "+r"(x));
	rt_entersyscall();
	insys = 1;
	/* stay in the syscall until round 0 has looked (a fixed 200 ms sleep
	 * could end before the main goroutine got a CPU on a loaded machine,
	 * and the check of the register below failed) */
	while (!release)
		usleep(1000);
	rt_exitsyscall();
	__asm__ volatile("" : "+r"(x));
	CHECK(x == MAGIC2);
}
static void sleeper(void *arg) {
	(void)arg;
	sleeper_body();
	rt_semrelease(&done);
}

struct scan { int ranges; int found; int found2; uintptr_t bytes; };
static void visit(uintptr_t lo, uintptr_t hi, void *ctx) {
	struct scan *s = ctx;
	s->ranges++;
	s->bytes += hi - lo;
	for (uintptr_t p = (lo + 7) & ~(uintptr_t)7; p + 8 <= hi; p += 8)
		if (*(long *)p == MAGIC)
			s->found++;
		else if (*(long *)p == MAGIC2)
			s->found2++;
}

static void gomain(void) {
	park = rt_makechan(&chint, 0);
	rt_go(spinner, (void *)0L);
	rt_go(spinner, (void *)1L);
	rt_go(parker, NULL);
	rt_go(sleeper, NULL);
	/* both must have started (on a loaded machine the parker may not have
	 * run yet when the sleeper is in its syscall: its stack would not hold
	 * the magic value) */
	while (!insys || !parkready)
		rt_sleep(1000000);
	for (int round = 0; round < 3; round++) {
		int64_t t0 = rt_nanotime();
		rt_stw_stop("test");
		double us = (rt_nanotime() - t0) / 1e3;
		long a = spins[0], b = spins[1];
		struct scan s = {0, 0, 0, 0};
		bool sys = insys;
		rt_sched_each_stack(visit, &s);
		usleep(20000);
		CHECK(spins[0] == a && spins[1] == b); /* really stopped */
		rt_stw_start();
		printf("stop the world: %.0f us; %d ranges, %lu bytes scanned, magic found %d time(s)\n", us, s.ranges,
		       (unsigned long)s.bytes, s.found);
		CHECK(s.found >= 1);
		if (round == 0) {
			CHECK(sys);
			CHECK(s.found2 >= 1); /* the register of the G in a syscall */
			release = 1;
		}
		rt_sleep(5000000);
	}
	stop = 1;
	long one = 1;
	rt_chansend(park, &one);
	for (int i = 0; i < 4; i++)
		rt_semacquire(&done);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
