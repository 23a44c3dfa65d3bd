/* Go-like CPU-bound loop for sched_parallel_test (go_text, split-stack). */
__attribute__((section("go_text"), noinline)) long burn(long n) {
	unsigned long x = 88172645463325252ul;
	for (long i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	return (long)(x | 1);
}
