/* panic.c: runtime errors and fatal errors.
 * For now a panic prints gc's first line and exits with status 2; defer,
 * recover and the goroutine trace arrive with code generation (issue 4). */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static noreturn void die(const char *prefix, const char *msg) {
	rt_printlock();
	rt_write_stderr(prefix, (intptr_t)strlen(prefix));
	rt_write_stderr(msg, (intptr_t)strlen(msg));
	/* gc then lists the goroutines; the traceback itself comes later */
	static const char trailer[] = "\n\ngoroutine 1 [running]:\n";
	rt_write_stderr(trailer, (intptr_t)sizeof trailer - 1);
	rt_printunlock();
	exit(2);
}

void rt_panicrt(const char *msg) { die("panic: runtime error: ", msg); }
void rt_panicplain(const char *msg) { die("panic: ", msg); }
void rt_throw(const char *msg) { die("fatal error: ", msg); }

/* Runtime errors raised by compiled code, with gc's messages. */
void rt_panicshift(void) { rt_panicrt("negative shift amount"); }
void rt_panicdivide(void) { rt_panicrt("integer divide by zero"); }
