/* gctsan_init.c: the *_gctsan tests run the real collector; start it as
 * runtime/main.c does before the scheduler, and register the test's C data
 * and bss as conservative roots (the tests keep channels in globals). */
#include "runtime.h"

extern char __data_start[], _end[];

__attribute__((constructor)) static void gctsan_init(void) {
	rt_gc_init();
	rt_gc_addconservroots(__data_start, (uintptr_t)(_end - __data_start));
}
