/* sched_test.h: helpers shared by the scheduler/channel tests. */
#ifndef SCHED_TEST_H
#define SCHED_TEST_H
#include <stdio.h>
#include <stdlib.h>

#include "runtime.h"

#define CHECK(cond)                                                                  \
	do {                                                                             \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
			exit(1);                                                                 \
		}                                                                            \
	} while (0)

/* A channel type descriptor for elements of type T. */
#define TEST_CHANTYPE(name, T)                                              \
	static const GoType name##_elem = {.size = sizeof(T), .align = _Alignof(T), \
	                                   .fieldalign = _Alignof(T), .kind = KIND_INT}; \
	static const GoChanType name = {.t = {.size = 8, .ptrdata = 8, .kind = KIND_CHAN}, \
	                                .elem = &name##_elem, .dir = 3}

static inline double test_secs(void) { return (double)rt_nanotime() / 1e9; }
#endif
