/* Go-like code for sched_preempt_test: compiled with -fsplit-stack and
 * placed in the go_text section, as goc's generated code will be. */
__attribute__((section("go_text"), noinline)) long spin_forever(volatile long *counter) {
	for (;;)
		(*counter)++;
}

__attribute__((section("go_text"), noinline)) long spin_sum(long n) {
	long s = 0;
	for (volatile long i = 0; i < n; i++)
		s += i * 3;
	return s;
}

__attribute__((section("go_text"), noinline)) long spin_until(volatile long *counter, volatile int *stop) {
	while (!*stop)
		(*counter)++;
	return *counter;
}

/* A Go loop whose time goes into non-go_text code (as into the runtime):
 * async preemption rarely lands in go_text, so the signal poisons the stack
 * limit and the G yields at its next Go function prologue. */
/* Plain C (not go_text, no split-stack prologue): where that loop spends
 * its time, as it would in the runtime. */
__attribute__((noinline, no_split_stack)) long c_busy(long n) {
	volatile long x = 0;
	for (long i = 0; i < n; i++)
		x += i;
	return x;
}
__attribute__((section("go_text"), noinline)) long go_step(long x) { return c_busy(x) + 1; }
__attribute__((section("go_text"), noinline)) long go_loop_calling_c(volatile int *stop) {
	long s = 0;
	while (!*stop)
		s += go_step(20000);
	return s;
}
