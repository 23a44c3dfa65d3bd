/* Go-like recursive code for sched_stack_test, compiled with -fsplit-stack
 * (in go_text, as goc's output will be). */
#include "runtime.h"

/* make the array escape so the whole frame is really allocated */
#define ESCAPE(p) __asm__ volatile("" ::"r"(p) : "memory")


__attribute__((section("go_text"), noinline)) long rec(long n) {
	volatile long pad = n;
	if (n == 0)
		return 0;
	return rec(n - 1) + 1 + (pad - n);
}

__attribute__((section("go_text"), noinline)) long rec_yield(long n) {
	volatile long pad = n;
	if (n == 0)
		return 0;
	if (n % 50000 == 0)
		rt_gosched(); /* non-split callee: lld adjusts this prologue */
	return rec_yield(n - 1) + 1 + (pad - n);
}

__attribute__((section("go_text"), noinline)) long rec_big(long n) {
	volatile char buf[1000];
	buf[0] = (char)n;
	buf[999] = (char)n;
	ESCAPE(buf);
	if (n == 0)
		return 0;
	return rec_big(n - 1) + buf[0] + buf[999];
}

__attribute__((section("go_text"), noinline)) long leaf_frame(long x) {
	volatile char buf[600];
	buf[0] = (char)x;
	buf[599] = 1;
	ESCAPE(buf);
	return buf[0] + buf[599];
}

/* Eat most of the first segment, then call leaf_frame in a loop: every call
 * needs a new segment (kept as the G's spare, so it is not reallocated). */
__attribute__((section("go_text"), noinline)) long boundary_loop(long n) {
	volatile char buf[1100];
	buf[0] = 0;
	buf[1099] = 0;
	ESCAPE(buf);
	long s = 0;
	for (long i = 0; i < n; i++)
		s += leaf_frame(i) - buf[0] - buf[1099];
	return s - n + n;
}

/* The same calls with room to spare: the baseline for boundary_loop. */
__attribute__((section("go_text"), noinline)) long room_loop(long n) {
	long s = 0;
	for (long i = 0; i < n; i++)
		s += leaf_frame(i);
	return s - n + n;
}
