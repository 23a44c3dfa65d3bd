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
