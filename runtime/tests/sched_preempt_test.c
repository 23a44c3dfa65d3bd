/* sched_preempt_test: a goroutine spinning in go_text code (no calls, no
 * preemption points) does not stop the program under GOMAXPROCS=1: sysmon
 * sees it run over 10 ms, SIGURG redirects it to rt_asyncpreempt, and main
 * gets the P back. Also a spinning goroutine keeps its register state
 * across preemptions (it checks a running sum). */
#include "sched_test.h"

long spin_forever(volatile long *counter);
long spin_sum(long n);
long go_loop_calling_c(volatile int *stop);
static uint32_t sumdone;


static volatile int stopc;
static void cspinner(void *arg) {
	(void)arg;
	go_loop_calling_c(&stopc);
	rt_semrelease(&sumdone);
}

static volatile long counter;
static long sumresult;

static void spinner(void *arg) {
	(void)arg;
	spin_forever(&counter);
}

static void summer(void *arg) {
	long n = (long)arg;
	sumresult = spin_sum(n);
	rt_semrelease(&sumdone);
}

static void gomain(void) {
	CHECK(rt_gomaxprocs(0) == 1);
	rt_go(spinner, NULL);
	int64_t t0 = rt_nanotime();
	rt_sleep(5000000); /* the spinner takes the only P */
	double ms = (rt_nanotime() - t0) / 1e6;
	CHECK(counter > 0);
	printf("main resumed after %.1f ms while a goroutine spins in go_text\n", ms);
	/* several spinners and main keep alternating */
	for (int i = 0; i < 3; i++)
		rt_go(spinner, NULL);
	for (int i = 0; i < 5; i++)
		rt_gosched();
	long n = 300000000;
	rt_go(summer, (void *)n);
	rt_semacquire(&sumdone);
	CHECK(sumresult == n * (n - 1) / 2 * 3);
	printf("spin_sum correct across preemptions\n");
	/* a goroutine spending its time in non-go_text code: preempted at its
	 * Go function prologues through the poisoned stack limit */
	rt_go(cspinner, NULL);
	t0 = rt_nanotime();
	rt_sleep(5000000);
	printf("main resumed after %.1f ms while a goroutine loops in C called from go_text\n", (rt_nanotime() - t0) / 1e6);
	stopc = 1;
	rt_semacquire(&sumdone);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
