/* gc_test.h: helpers shared by the collector's C tests (runtime/tests/gc_*):
 * the stub scheduler's thread registration and safe points, assertions,
 * type descriptors for test objects, and queries on the heap's private state. */
#ifndef GOC_GC_TEST_H
#define GOC_GC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "runtime.h"

/* gc_stub_sched.c */
void gcstub_register(void);
void gcstub_unregister(void);
void gcstub_poll_slow(void);
void gcstub_blocking(int entering); /* around a blocking call: counts as stopped */
extern volatile int gcstub_stw_requested;
static inline void gcstub_poll(void) {
	if (__builtin_expect(__atomic_load_n(&gcstub_stw_requested, __ATOMIC_ACQUIRE), 0)) gcstub_poll_slow();
}

#define CHECK(c)                                                                                   \
	do {                                                                                           \
		if (!(c)) {                                                                                \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c);                 \
			exit(1);                                                                               \
		}                                                                                          \
	} while (0)

/* A type whose first nptr words are pointers, size words long. */
#define GC_TYPE(name, words, bitmapbyte, ptrwords)                                                 \
	static const uint8_t name##_bits[] = {bitmapbyte};                                             \
	static const GoType name = {.size = (words) * 8,                                               \
	                            .ptrdata = (ptrwords) * 8,                                         \
	                            .gcdata = (ptrwords) ? name##_bits : NULL,                         \
	                            .kind = KIND_STRUCT,                                               \
	                            .align = 8,                                                        \
	                            .fieldalign = 8}

/* Pointer store as compiled code does it. */
static inline void gc_store(void *slot, void *val) {
	if (rt_wbenabled) rt_wbstore((void **)slot, val);
	else *(void **)slot = val;
}

/* Is the object at p allocated? Meaningful after rt_gc() (which sweeps). */
static inline int gc_test_alive(const void *p) {
	Span *s = heap_spanof((uintptr_t)p);
	if (!s) return 0;
	if (s->large) return 1;
	uintptr_t idx = ((uintptr_t)p - s->base) / s->elemsize;
	return idx < s->freeindex || (s->allocbits[idx >> 6] >> (idx & 63) & 1);
}

/* Hide a pointer from the conservative scan. */
#define HIDE(p) ((uintptr_t)(p) ^ 0x5a5a5a5a5a5a5a5aull)
#define UNHIDE(h) ((void *)((uintptr_t)(h) ^ 0x5a5a5a5a5a5a5a5aull))

static inline long vm_hwm_kb(void) {
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM:", 6)) v = atol(line + 6);
	if (f) fclose(f);
	return v;
}
static inline long vm_rss_kb(void) {
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmRSS:", 6)) v = atol(line + 6);
	if (f) fclose(f);
	return v;
}

#endif
