/* sched_deadlock_test: a program whose goroutines all block dies with gc's
 * "fatal error: all goroutines are asleep - deadlock!", the goroutine list
 * and exit status 2 (run as a child; stderr and status checked). Also the
 * nil-channel and empty-select forms of blocking forever. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static Hchan *c;
static void blocker(void *arg) {
	(void)arg;
	long v = 1;
	rt_chansend(NULL, &v); /* nil channel: forever */
}

static int mode;

static void shortlived(void *arg) {
	(void)arg;
	rt_sleep(5000000);
}

static void gomain(void) {
	if (mode == 1) {
		c = rt_makechan(&chint, 0);
		rt_go(blocker, NULL);
		rt_sleep(1000000);
		long v;
		rt_chanrecv(c, &v);
	} else if (mode == 2) {
		rt_selectgo(NULL, NULL, 0, true, NULL);
	} else if (mode == 3) {
		uint32_t sem = 0;
		rt_semacquire(&sem);
	} else if (mode == 4) {
		rt_go(shortlived, NULL);
		rt_goexit(); /* the program lives on until shortlived is done */
	}
	exit(0);
}

static void run_child(int m, const char *want) {
	char arg[2] = {(char)('0' + m), 0};
	char buf[1024];
	int st = test_run_child(arg, buf, sizeof buf);
	if (!(WIFEXITED(st) && WEXITSTATUS(st) == 2) || !strstr(buf, want)) {
		fprintf(stderr, "mode %d: status %d, stderr:\n%s\nwanted:\n%s\n", m, st, buf, want);
		exit(1);
	}
	printf("mode %d: ok\n", m);
}

int main(int argc, char **argv) {
	if (argc > 1) {
		mode = atoi(argv[1]);
		rt_sched_main(gomain);
	}
	run_child(1, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n");
	run_child(1, "goroutine 2 [chan send (nil chan)]:\n");
	run_child(2, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\n");
	run_child(3, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\n");
	run_child(4, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
	return 0;
}
