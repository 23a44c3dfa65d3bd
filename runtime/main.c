/* main.c: the program entry. It starts the collector, then the scheduler
 * with goroutine 1 running the main package's initialization (which runs
 * its imports' first) and main.main; the process exits 0 when main.main
 * returns, as a Go program does (docs/scheduler.md, "The contract"). */
#include <stdlib.h>

#include "runtime.h"

extern void go_main_inittask(void) __asm__("main..inittask");
extern void go_main_main(void) __asm__("main.main");

int rt_argc;
char **rt_argv;

static void main_goroutine(void) {
	go_main_inittask();
	go_main_main();
}

int main(int argc, char **argv) {
	rt_argc = argc;
	rt_argv = argv;
	rt_gc_init();
	rt_defer_init();
	rt_sched_main(main_goroutine);
}
