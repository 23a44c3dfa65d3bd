/* map_gc_test: maps with the real collector. Keys and values reachable only
 * through a map survive collections (inline and indirect keys/elements,
 * string keys, pointer values, a map reachable only from the heap), deleted
 * values become garbage, pointer-free maps are allocated noscan and their
 * overflow buckets survive anyway, and an iterator keeps the buckets it
 * walks alive after the map has moved on. Run also under
 * GODEBUG=gcstress (map.cmake), where the collector verifies the heap after
 * each mark and poisons what it frees. */
#include <pthread.h>

#include "map_test.h"

#define NOINLINE __attribute__((noinline))
#define MAGIC 0x5eed000000000000ull

MAPTYPE(mt_sp, &t_string, &t_nodeptr);
MAPTYPE(mt_ii, &t_int64, &t_int64);
MAPTYPE(mt_bb, &t_bigkey.t, &t_bigelem.t);
static uintptr_t const_hash(const void *k, uintptr_t seed) { return 0x1234; }
static const GoMapType mt_collide = {.t = {.size = 8, .kind = KIND_MAP, .name = STR("map")},
                                     .key = &t_int64, .elem = &t_int64, .hasher = const_hash};

static NOINLINE NO_ASAN void scrub(void) {
	char buf[32768];
	memset(buf, 0, sizeof buf);
	__asm__ volatile("" : : "r"(buf) : "memory");
}

static NOINLINE void collect(void) {
	scrub();
	rt_gc();
	rt_gc();
}

/* Some garbage, so freed memory gets reused (and GC_DEBUG's poison shows). */
static NOINLINE void churn(int n) {
	for (int i = 0; i < n; i++) {
		Node *x = rt_mallocgc(sizeof(Node), &t_node, 1);
		x->val = 0xdeadbeef;
		uint64_t *b = rt_mallocgc(48, NULL, 1);
		b[0] = 1;
		gcstub_poll();
	}
}

enum { N = 6000 };
static uintptr_t hidden_nodes[N], hidden_keys[N];

static NOINLINE void *fill_sp(void) {
	void *m = rt_makemap(&mt_sp, 0);
	for (long i = 0; i < N; i++) {
		GoString k = gostr("node-%ld", i);
		Node *n = rt_mallocgc(sizeof(Node), &t_node, 1);
		n->val = MAGIC | (uint64_t)i;
		gc_store(rt_mapassign(&mt_sp, m, &k), n); /* the element store, with the barrier */
		hidden_nodes[i] = HIDE(n);
		hidden_keys[i] = HIDE(k.ptr);
		gcstub_poll();
	}
	return m;
}

static NOINLINE void check_sp(void *m, int deleted_evens) {
	CHECK(rt_maplen(m) == (deleted_evens ? N / 2 : N));
	for (long i = 0; i < N; i++) {
		char buf[32];
		int len = snprintf(buf, sizeof buf, "node-%ld", i);
		GoString k = {(const uint8_t *)buf, len};
		bool ok;
		Node *n = *(Node **)rt_mapaccess2(&mt_sp, m, &k, &ok);
		if (deleted_evens && i % 2 == 0) {
			CHECK(!ok && n == NULL);
			continue;
		}
		CHECK(ok && n == UNHIDE(hidden_nodes[i]) && n->val == (MAGIC | (uint64_t)i));
		CHECK(gc_test_alive(n) && gc_test_alive(UNHIDE(hidden_keys[i])));
		gcstub_poll();
	}
}

static NOINLINE void delete_evens(void *m) {
	for (long i = 0; i < N; i += 2) {
		char buf[32];
		int len = snprintf(buf, sizeof buf, "node-%ld", i);
		GoString k = {(const uint8_t *)buf, len};
		rt_mapdelete(&mt_sp, m, &k);
	}
}

static void test_pointers(void) {
	void *m = fill_sp();
	collect();
	churn(20000);
	check_sp(m, 0);
	delete_evens(m);
	collect();
	int freed = 0; /* before churn reuses their memory */
	for (long i = 0; i < N; i += 2) freed += !gc_test_alive(UNHIDE(hidden_nodes[i]));
	printf("deleted values freed: %d of %d\n", freed, N / 2);
	CHECK(freed > N / 2 * 9 / 10);
	churn(20000);
	check_sp(m, 1);
	/* a map reachable only from a heap object */
	Node *holder = rt_mallocgc(sizeof(Node), &t_node, 1);
	gc_store(&holder->next, m);
	m = NULL;
	collect();
	churn(5000);
	check_sp((void *)holder->next, 1);
}

static NOINLINE void test_noscan(void) {
	void *a = rt_makemap(&mt_ii, 1000), *b = rt_makemap(&mt_sp, 1000);
	void *ab = ((void **)a)[2], *bb = ((void **)b)[2];
	CHECK(ab && bb);
	CHECK(heap_spanof((uintptr_t)ab)->spc & 1);    /* noscan */
	CHECK(!(heap_spanof((uintptr_t)bb)->spc & 1)); /* scanned */
	/* pointer-free map with a long overflow chain */
	void *c = rt_makemap(&mt_collide, 0);
	for (int64_t i = 0; i < 800; i++) {
		mput_ii(&mt_collide, c, i, i ^ 0x55);
		gcstub_poll();
	}
	collect();
	churn(20000);
	collect();
	int64_t v;
	for (int64_t i = 0; i < 800; i++) CHECK(mget_ii(&mt_collide, c, i, &v) && v == (i ^ 0x55));
}

/* Indirect keys and elements ([40]int64 keys, [20]*Node elements). */
static NOINLINE void test_indirect(void) {
	void *m = rt_makemap(&mt_bb, 0);
	for (int i = 0; i < 500; i++) {
		BigKey k;
		for (int j = 0; j < 40; j++) k.v[j] = i * 100 + j;
		BigElem *e = rt_mapassign(&mt_bb, m, &k);
		for (int j = 0; j < 20; j++) {
			Node *n = rt_mallocgc(sizeof(Node), &t_node, 1);
			n->val = MAGIC | (uint64_t)(i * 100 + j);
			gc_store(&e->p[j], n);
		}
		gcstub_poll();
	}
	collect();
	churn(30000);
	collect();
	for (int i = 0; i < 500; i++) {
		BigKey k;
		for (int j = 0; j < 40; j++) k.v[j] = i * 100 + j;
		bool ok;
		BigElem *e = rt_mapaccess2(&mt_bb, m, &k, &ok);
		CHECK(ok);
		for (int j = 0; j < 20; j++) CHECK(e->p[j]->val == (MAGIC | (uint64_t)(i * 100 + j)));
		gcstub_poll();
	}
}

/* An iterator over a pointer-free map keeps the old overflow buckets
 * alive after two growths have finished evacuating them. */
static NOINLINE void test_iter_keepalive(void) {
	enum { M = 300 };
	void *m = rt_makemap(&mt_collide, 0);
	for (int64_t i = 0; i < M; i++) mput_ii(&mt_collide, m, i, i + 1);
	uint8_t seen[M] = {0};
	RtMapIter it;
	rt_mapiterinit(&mt_collide, m, &it);
	for (int s = 0; s < 10 && it.key; s++, rt_mapiternext(&it)) {
		int64_t k = *(int64_t *)it.key;
		CHECK(k < M && *(int64_t *)it.elem == k + 1 && !seen[k]);
		seen[k]++;
	}
	for (int64_t i = M; i < 8 * M; i++) { /* grow, evacuate, grow again */
		mput_ii(&mt_collide, m, i, i + 1);
		gcstub_poll();
	}
	collect();
	churn(20000);
	collect();
	for (; it.key; rt_mapiternext(&it)) {
		int64_t k = *(int64_t *)it.key;
		CHECK(k >= 0 && *(int64_t *)it.elem == k + 1);
		if (k >= M) continue;
		CHECK(!seen[k]);
		seen[k]++;
	}
	for (int i = 0; i < M; i++) CHECK(seen[i] == 1);
}

/* Map writes while the collector marks concurrently (another thread runs
 * collections back to back): the map's own barriers (evacuation, deletion,
 * new overflow buckets, header stores) and the element stores keep every
 * live key and value; in the GC_DEBUG build the collector checks after each
 * mark that no marked object points to an unmarked one. */
static volatile int gc_stop;
static int gc_cycles;
static void *gc_loop(void *arg) {
	gcstub_register();
	while (!gc_stop) {
		rt_gc();
		gc_cycles++;
	}
	gcstub_unregister();
	return NULL;
}

static uint64_t rng(uint64_t *s) {
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static NOINLINE void test_concurrent(void) {
	enum { K = 4000, OPS = 200000 };
	void *ms = rt_makemap(&mt_sp, 0); /* string -> *Node */
	void *mi = rt_makemap(&mt_ii, 0); /* int64 -> int64, noscan */
	uint32_t *ver = calloc(K, sizeof *ver); /* 0: absent, else version */
	pthread_t th;
	gc_stop = 0;
	CHECK(pthread_create(&th, NULL, gc_loop, NULL) == 0);
	uint64_t seed = 88172645463325252ull;
	for (long op = 0; op < OPS; op++) {
		gcstub_poll();
		uint64_t r = rng(&seed);
		long k = (long)(r % K);
		GoString key = gostr("k%ld", k);
		switch ((r >> 32) % 4) {
		case 0: case 1: { /* insert or overwrite */
			Node *n = rt_mallocgc(sizeof(Node), &t_node, 1);
			ver[k]++;
			n->val = MAGIC | (uint64_t)k << 20 | ver[k];
			gc_store(rt_mapassign(&mt_sp, ms, &key), n);
			mput_ii(&mt_ii, mi, k, (int64_t)ver[k]);
			break;
		}
		case 2:
			rt_mapdelete(&mt_sp, ms, &key);
			mdel_i(&mt_ii, mi, k);
			ver[k] = 0;
			break;
		case 3: { /* a few steps of an iteration */
			RtMapIter it;
			rt_mapiterinit(&mt_sp, ms, &it);
			for (int s = 0; s < 8 && it.key; s++, rt_mapiternext(&it)) {
				Node *n = *(Node **)it.elem;
				CHECK((n->val & 0xffff000000000000ull) == MAGIC);
			}
			break;
		}
		}
	}
	gc_stop = 1;
	gcstub_blocking(1);
	pthread_join(th, NULL);
	gcstub_blocking(0);
	collect();
	churn(10000);
	long live = 0;
	for (long k = 0; k < K; k++) {
		char buf[32];
		int len = snprintf(buf, sizeof buf, "k%ld", k);
		GoString key = {(const uint8_t *)buf, len};
		bool ok, ok2;
		Node *n = *(Node **)rt_mapaccess2(&mt_sp, ms, &key, &ok);
		int64_t v;
		ok2 = mget_ii(&mt_ii, mi, k, &v);
		CHECK(ok == (ver[k] != 0) && ok2 == ok);
		if (!ok) continue;
		live++;
		CHECK(n->val == (MAGIC | (uint64_t)k << 20 | ver[k]) && v == (int64_t)ver[k]);
	}
	CHECK(rt_maplen(ms) == live && rt_maplen(mi) == live);
	printf("concurrent: %d collections during %d map operations, %ld live\n", gc_cycles, OPS, live);
	free(ver);
}

int main(void) {
	gcstub_register();
	rt_gc_init();
	test_noscan();
	test_pointers();
	test_indirect();
	test_iter_keepalive();
	test_concurrent();
	gcstub_unregister();
	printf("map_gc_test: PASS\n");
	return 0;
}
