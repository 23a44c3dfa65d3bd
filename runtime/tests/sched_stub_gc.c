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

/* malloc.c's per-P allocation caches and gc.c's blocking hook, which the
 * scheduler sets up; defined here so the real ones are not linked. */
struct MCache { int unused; };
__thread MCache *rt_mcache_cur;
MCache *rt_mcache_new(void) {
	static MCache dummy;
	return &dummy;
}
void rt_mcache_release(MCache *c) { (void)c; }
void (*rt_gc_blockhook)(int entering);
