/* sched_stub_gc.c: test-only stand-ins for the collector's entry points, so
 * the scheduler tests link without malloc.c/gc.c: rt_mallocgc = calloc. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

void *rt_mallocgc(uintptr_t size, const GoType *typ, int needzero) {
	(void)typ;
	(void)needzero;
	void *p = calloc(1, size ? size : 1);
	if (!p)
		rt_throw("out of memory");
	return p;
}

void rt_typedmemmove(const GoType *typ, void *dst, const void *src) { memmove(dst, src, typ->size); }
