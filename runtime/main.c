/* main.c: the program entry. The C runtime's main initializes the runtime,
 * runs the main package's initialization (which runs its imports' first)
 * and then main.main, and exits 0 when main.main returns, as a Go program
 * does. (The scheduler will run main.main as goroutine 1 once code
 * generation emits goroutine-aware code: docs/scheduler.md.) */
#include <stdlib.h>

#include "runtime.h"

extern void go_main_inittask(void) __asm__("main..inittask");
extern void go_main_main(void) __asm__("main.main");

int rt_argc;
char **rt_argv;

int main(int argc, char **argv) {
	rt_argc = argc;
	rt_argv = argv;
	go_main_inittask();
	go_main_main();
	exit(0);
}
