/* sched_test.h: helpers shared by the scheduler/channel tests. */
#ifndef SCHED_TEST_H
#define SCHED_TEST_H
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* Runs this test binary again with argument arg (its child mode), collects
 * the child's stderr into buf (NUL-terminated) and returns its wait status:
 * the way tests check behaviour that ends the process (panics, fatal errors). */
static inline int test_run_child(const char *arg, char *buf, size_t cap) {
	int pfd[2];
	CHECK(pipe(pfd) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pfd[1], 2);
		execl("/proc/self/exe", "child", arg, (char *)NULL);
		_exit(99);
	}
	close(pfd[1]);
	size_t n = 0;
	ssize_t r;
	while (n + 1 < cap && (r = read(pfd[0], buf + n, cap - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = 0;
	close(pfd[0]);
	int st;
	waitpid(pid, &st, 0);
	return st;
}

static inline double test_secs(void) { return (double)rt_nanotime() / 1e9; }
#endif
