/* map_iter_test: iteration. Every entry exactly once; entries deleted during
 * iteration are never returned; entries added during iteration (which grow
 * the table) may or may not be, but the original ones still come exactly
 * once; iterations started while the table is half evacuated, and NaN keys
 * across a growth (gc's tophash-bit rule); overflow chains (a constant
 * hasher puts every key in one bucket); and randomized start positions. */
#include "map_test.h"

MAPTYPE(mt_ii, &t_int64, &t_int64);
MAPTYPE(mt_fi, &t_float64, &t_int64);
static uintptr_t const_hash(const void *k, uintptr_t seed) { return 0x1234; }
static const GoMapType mt_collide = {.t = {.size = 8, .kind = KIND_MAP, .name = STR("map")},
                                     .key = &t_int64, .elem = &t_int64, .hasher = const_hash};

/* The header's oldbuckets word: non-NULL while the table grows. */
static bool growing(void *m) { return ((void **)m)[3] != NULL; }

/* seen[k] counts how often key k came back */
static void check_once(const uint8_t *seen, int64_t n, const uint8_t *deleted) {
	for (int64_t i = 0; i < n; i++) {
		if (deleted && deleted[i]) {
			if (seen[i]) {
				fprintf(stderr, "deleted key %lld returned\n", (long long)i);
				exit(1);
			}
		} else if (seen[i] != 1) {
			fprintf(stderr, "key %lld returned %d times\n", (long long)i, seen[i]);
			exit(1);
		}
	}
}

static void test_all(void) {
	for (int64_t n = 0; n < 3000; n = n * 2 + 1) {
		void *m = rt_makemap(&mt_ii, 0);
		for (int64_t i = 0; i < n; i++) mput_ii(&mt_ii, m, i, i * 10);
		uint8_t *seen = calloc((size_t)n + 1, 1);
		RtMapIter it;
		for (rt_mapiterinit(&mt_ii, m, &it); it.key; rt_mapiternext(&it)) {
			int64_t k = *(int64_t *)it.key;
			CHECK(k >= 0 && k < n && *(int64_t *)it.elem == k * 10);
			seen[k]++;
		}
		check_once(seen, n, NULL);
		free(seen);
		gcstub_poll();
	}
}

/* Insert many new keys while iterating: the table grows (several times). */
static void test_grow_during(void) {
	enum { N = 2000, EXTRA = 50000 };
	void *m = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < N; i++) mput_ii(&mt_ii, m, i, i);
	uint8_t *seen = calloc(N + EXTRA, 1);
	int64_t next = N, extra_seen = 0;
	RtMapIter it;
	for (rt_mapiterinit(&mt_ii, m, &it); it.key; rt_mapiternext(&it)) {
		int64_t k = *(int64_t *)it.key;
		CHECK(k >= 0 && k < N + EXTRA && *(int64_t *)it.elem == k);
		CHECK(seen[k] == 0);
		seen[k]++;
		if (k >= N) extra_seen++;
		for (int j = 0; j < 25 && next < N + EXTRA; j++, next++) mput_ii(&mt_ii, m, next, next);
		gcstub_poll();
	}
	check_once(seen, N, NULL);
	CHECK(rt_maplen(m) == N + EXTRA);
	printf("grow during iteration: %lld of %d added keys seen\n", (long long)extra_seen, EXTRA);
	free(seen);
}

/* Delete keys not yet returned (and the one just returned) while iterating,
 * while also growing the map. */
static void test_delete_during(void) {
	enum { N = 5000 };
	for (int grow = 0; grow < 2; grow++) {
		void *m = rt_makemap(&mt_ii, 0);
		for (int64_t i = 0; i < N; i++) mput_ii(&mt_ii, m, i, i);
		uint8_t *seen = calloc(N, 1), *deleted = calloc(N, 1);
		int64_t next = 1000000;
		RtMapIter it;
		for (rt_mapiterinit(&mt_ii, m, &it); it.key; rt_mapiternext(&it)) {
			int64_t k = *(int64_t *)it.key;
			if (k >= 1000000) continue;
			CHECK(k >= 0 && k < N && !deleted[k]);
			seen[k]++;
			/* delete a pseudo-random other key, if it was not seen yet */
			int64_t d = (k * 7919 + 13) % N;
			if (!seen[d] && !deleted[d]) {
				mdel_i(&mt_ii, m, d);
				deleted[d] = 1;
			}
			if (k % 3 == 0) { /* and the current one: iteration goes on */
				mdel_i(&mt_ii, m, k);
			}
			if (grow)
				for (int j = 0; j < 10; j++) mput_ii(&mt_ii, m, next++, 0);
			gcstub_poll();
		}
		check_once(seen, N, deleted);
		free(seen);
		free(deleted);
	}
}

/* Start iterating while the table is half evacuated, then keep writing. */
static void test_iter_while_growing(void) {
	int started = 0;
	for (int round = 0; round < 20; round++) {
		void *m = rt_makemap(&mt_ii, 0);
		int64_t n = 0;
		/* fill until an insert starts a growth */
		do {
			mput_ii(&mt_ii, m, n, n);
			n++;
		} while (!growing(m) || n < 100 * (round + 1));
		if (!growing(m)) continue;
		started++;
		uint8_t *seen = calloc((size_t)n + 100000, 1);
		int64_t next = n;
		RtMapIter it;
		for (rt_mapiterinit(&mt_ii, m, &it); it.key; rt_mapiternext(&it)) {
			int64_t k = *(int64_t *)it.key;
			CHECK(k >= 0 && k < next && *(int64_t *)it.elem == k && seen[k] == 0);
			seen[k]++;
			if (round & 1) {
				mput_ii(&mt_ii, m, next, next); /* evacuation proceeds */
				next++;
			} else if (k % 5 == 0) {
				mput_ii(&mt_ii, m, k, k); /* updates evacuate too */
			}
		}
		check_once(seen, n, NULL);
		free(seen);
		gcstub_poll();
	}
	CHECK(started >= 5);
}

/* NaN keys: not findable, each returned once, also across growth. Distinct
 * NaN payloads tell them apart. */
static double nan_with(uint64_t payload) {
	uint64_t bits = 0x7ff8000000000000ull | (payload & 0x7ffffffffffffull);
	double d;
	memcpy(&d, &bits, 8);
	return d;
}
static uint64_t payload_of(double d) {
	uint64_t bits;
	memcpy(&bits, &d, 8);
	return bits & 0x7ffffffffffffull;
}

static void test_nan_growth(void) {
	enum { N = 3000 };
	void *m = rt_makemap(&mt_fi, 0);
	for (int i = 0; i < N; i++) {
		double k = nan_with((uint64_t)i);
		*(int64_t *)rt_mapassign(&mt_fi, m, &k) = i;
	}
	CHECK(rt_maplen(m) == N);
	uint8_t *seen = calloc(N, 1);
	int64_t next = 0;
	RtMapIter it;
	for (rt_mapiterinit(&mt_fi, m, &it); it.key; rt_mapiternext(&it)) {
		double k = *(double *)it.key;
		if (!isnan(k)) continue;
		uint64_t p = payload_of(k);
		CHECK(p < N && *(int64_t *)it.elem == (int64_t)p && seen[p] == 0);
		seen[p]++;
		for (int j = 0; j < 20; j++) {
			double f = (double)next++;
			*(int64_t *)rt_mapassign(&mt_fi, m, &f) = 0;
		}
		gcstub_poll();
	}
	check_once(seen, N, NULL);
	free(seen);
}

/* One bucket chain: every key collides. Exercises overflow buckets of a
 * pointer-free map (kept alive off the header), lookups down the chain,
 * deletion's emptyRest marking, and same-size growth. */
static void test_collisions(void) {
	enum { N = 600 };
	void *m = rt_makemap(&mt_collide, 0);
	for (int64_t i = 0; i < N; i++) mput_ii(&mt_collide, m, i, -i);
	CHECK(rt_maplen(m) == N);
	int64_t v;
	for (int64_t i = 0; i < N; i++) CHECK(mget_ii(&mt_collide, m, i, &v) && v == -i);
	rt_gc();
	for (int64_t i = 0; i < N; i += 2) mdel_i(&mt_collide, m, i);
	for (int64_t i = 0; i < N; i++) CHECK(mget_ii(&mt_collide, m, i, &v) == (i & 1));
	for (int64_t i = N - 1; i >= 0; i -= 2) mdel_i(&mt_collide, m, i); /* from the end: emptyRest */
	CHECK(rt_maplen(m) == 0);
	CHECK(!mget_ii(&mt_collide, m, 1, &v));
	for (int64_t i = 0; i < N; i++) mput_ii(&mt_collide, m, i, i);
	rt_gc();
	uint8_t *seen = calloc(N, 1);
	RtMapIter it;
	for (rt_mapiterinit(&mt_collide, m, &it); it.key; rt_mapiternext(&it)) {
		int64_t k = *(int64_t *)it.key;
		if (k >= N) continue; /* added during the iteration */
		CHECK(k >= 0 && *(int64_t *)it.elem == k);
		seen[k]++;
		if (k % 4 == 0) mput_ii(&mt_collide, m, k + N, 0);
	}
	check_once(seen, N, NULL);
	free(seen);
	/* churn: delete and reinsert forces same-size growth */
	for (int64_t r = 0; r < 20000; r++) {
		mdel_i(&mt_collide, m, r % N);
		mput_ii(&mt_collide, m, r % N, r);
		gcstub_poll();
	}
	for (int64_t i = 0; i < N; i++) CHECK(mget_ii(&mt_collide, m, i, &v));
}

/* Same-size growth during an iteration: a sliding window of other keys
 * (insert one, delete the one inserted W earlier) moves the load from
 * bucket to bucket, leaving overflow buckets behind until the table is
 * rebuilt at the same size, while the original keys are walked. */
static uint8_t header_B(void *m) { return ((uint8_t *)m)[9]; }

static void test_samesize_during(void) {
	enum { N = 100, W = 100 };
	void *m = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < N; i++) mput_ii(&mt_ii, m, i, i);
	for (int64_t j = 0; j < W; j++) mput_ii(&mt_ii, m, 1000000 + j, 0);
	uint8_t B = header_B(m);
	uint8_t seen[N] = {0};
	int64_t next = 1000000 + W, grows = 0;
	RtMapIter it;
	for (rt_mapiterinit(&mt_ii, m, &it); it.key; rt_mapiternext(&it)) {
		int64_t k = *(int64_t *)it.key;
		if (k >= N) continue;
		CHECK(k >= 0 && *(int64_t *)it.elem == k && !seen[k]);
		seen[k]++;
		for (int r = 0; r < 300; r++, next++) {
			mput_ii(&mt_ii, m, next, 0);
			mdel_i(&mt_ii, m, next - W);
			grows += growing(m);
		}
		gcstub_poll();
	}
	check_once(seen, N, NULL);
	CHECK(rt_maplen(m) == N + W);
	CHECK(header_B(m) == B); /* only same-size growths */
	printf("same-size growth during iteration: growing after %lld of %lld writes\n", (long long)grows,
	       (long long)(next - 1000000 - W));
	CHECK(grows > 0);
}

/* Two iterations of one map rarely start at the same entry. */
static void test_random_start(void) {
	void *m = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < 200; i++) mput_ii(&mt_ii, m, i, i);
	int differ = 0;
	for (int r = 0; r < 50; r++) {
		RtMapIter a, b;
		rt_mapiterinit(&mt_ii, m, &a);
		rt_mapiterinit(&mt_ii, m, &b);
		if (*(int64_t *)a.key != *(int64_t *)b.key) differ++;
	}
	printf("random start: %d of 50 pairs differ\n", differ);
	CHECK(differ >= 35);
	/* a small map (one bucket) still varies its offset */
	void *s = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < 5; i++) mput_ii(&mt_ii, s, i, i);
	int firsts[5] = {0};
	for (int r = 0; r < 200; r++) {
		RtMapIter a;
		rt_mapiterinit(&mt_ii, s, &a);
		firsts[*(int64_t *)a.key]++;
	}
	int distinct = 0;
	for (int i = 0; i < 5; i++) distinct += firsts[i] > 0;
	CHECK(distinct >= 3);
}

int main(void) {
	gcstub_register();
	rt_gc_init();
	test_all();
	test_grow_during();
	test_delete_during();
	test_iter_while_growing();
	test_nan_growth();
	test_collisions();
	test_samesize_during();
	test_random_start();
	gcstub_unregister();
	printf("map_iter_test: PASS\n");
	return 0;
}
