/* gc_concurrent_test: mutator threads rewire linked structures (lists of
 * nodes hanging off a heap array, subtrees moved between nodes, nodes taken
 * out of the heap into locals and stored back later, structures handed
 * between threads through a global) while the collector marks concurrently;
 * every node is validated periodically. A node freed while reachable shows
 * as a broken magic/checksum (the debug build poisons freed memory and
 * verifies the heap after every mark). */
#include <pthread.h>
#include <time.h>

#include "gc_test.h"

#define MAGIC 0x5eed5eed0badf00dull
#define NSLOTS 2048
#define PAYLOAD 40

typedef struct Node {
	struct Node *next;
	struct Node *child;
	uint8_t *payload;
	uint64_t magic, id, check;
} Node;
GC_TYPE(node_t, 6, 0x7, 3);
GC_TYPE(slot_t, 1, 0x1, 1);

static double run_seconds = 1.5;
static void *g_shared[4];
static const uint8_t g_shared_bits[] = {0xf};
static pthread_mutex_t shared_mu = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int stop; /* set by main, polled by the mutators */

static uint64_t rng(uint64_t *s) {
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static uint64_t checkof(uint64_t id) { return id * 0x9e3779b97f4a7c15ull ^ MAGIC; }

static Node *new_node(uint64_t id) {
	Node *n = rt_new(&node_t);
	uint8_t *p = rt_mallocgc(PAYLOAD, NULL, 0);
	for (int i = 0; i < PAYLOAD; i++) p[i] = (uint8_t)(id + (uint64_t)i);
	gc_store(&n->payload, p);
	n->magic = MAGIC;
	n->id = id;
	n->check = checkof(id);
	return n;
}

/* final: no sweeping can be running, so the allocation bits are stable. */
static int final;

static long validate(Node *n, int depth) {
	long count = 0;
	for (; n; n = n->next) {
		gcstub_poll();
		if (n->magic != MAGIC || n->check != checkof(n->id) || (final && !gc_test_alive(n))) {
			fprintf(stderr, "corrupt node %p: magic %#llx id %llu check %#llx\n", (void *)n,
			        (unsigned long long)n->magic, (unsigned long long)n->id, (unsigned long long)n->check);
			exit(1);
		}
		CHECK(!final || gc_test_alive(n->payload));
		for (int i = 0; i < PAYLOAD; i++) CHECK(n->payload[i] == (uint8_t)(n->id + (uint64_t)i));
		count++;
		if (n->child) {
			CHECK(depth < 64);
			count += validate(n->child, depth + 1);
		}
	}
	return count;
}

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long total_ops;

static void *mutator(void *arg) {
	gcstub_register();
	uint64_t seed = (uintptr_t)arg * 7919 + 1, id = (uintptr_t)arg << 40;
	Node **slots = rt_newarray(&slot_t, NSLOTS);
	long live = 0, ops = 0;
	for (int i = 0; i < NSLOTS; i++) {
		Node *n = new_node(id++);
		gc_store(&slots[i], n);
		live++;
	}
	while (!stop) {
		gcstub_poll();
		uint64_t r = rng(&seed);
		int i = (int)(r % NSLOTS), j = (int)((r >> 16) % NSLOTS);
		switch ((r >> 32) % 8) {
		case 0: case 1: { /* push a new node */
			Node *n = new_node(id++);
			gc_store(&n->next, slots[j]);
			gc_store(&slots[j], n);
			live++;
			break;
		}
		case 2: { /* take a node out into a local, churn, store it elsewhere */
			Node *n = slots[i];
			if (!n) break;
			gc_store(&slots[i], n->next);
			for (int k = 0; k < 8; k++) (void)rt_mallocgc(48, NULL, 0);
			gcstub_poll();
			gc_store(&n->next, slots[j]);
			gc_store(&slots[j], n);
			break;
		}
		case 3: { /* drop a node (and its subtree) */
			Node *n = slots[i];
			if (!n) break;
			gc_store(&slots[i], n->next);
			live -= 1 + (n->child ? validate(n->child, 0) : 0);
			break;
		}
		case 4: { /* move a subtree from one node to another */
			Node *a = slots[i], *b = slots[j];
			if (!a || !b || a == b || b->child) break;
			Node *sub = a->child;
			rt_typedmemclr(&slot_t, &a->child, 1); /* a->child = nil, barriered */
			gc_store(&b->child, sub);
			break;
		}
		case 5: { /* grow a subtree */
			Node *a = slots[i];
			if (!a) break;
			Node *n = new_node(id++);
			gc_store(&n->next, a->child);
			gc_store(&a->child, n);
			live++;
			break;
		}
		case 6: { /* hand a chain to another thread through a global */
			pthread_mutex_lock(&shared_mu);
			int s = (int)(r >> 40) % 4;
			Node *mine = slots[i], *theirs = g_shared[s];
			g_shared[s] = mine;
			gc_store(&slots[i], theirs);
			pthread_mutex_unlock(&shared_mu);
			/* live counts become per-process; recount at the end */
			break;
		}
		case 7: { /* replace the slot array: copy with barriers */
			if ((r >> 40) % 64) {
				(void)rt_mallocgc(((r >> 20) % 40000) + 1, NULL, 0);
				break;
			}
			Node **ns = rt_newarray(&slot_t, NSLOTS);
			if ((r >> 50) & 1) rt_typedslicecopy(&slot_t, ns, slots, NSLOTS);
			else for (int k = 0; k < NSLOTS; k++) gc_store(&ns[k], slots[k]);
			slots = ns;
			break;
		}
		}
		if (++ops % 50000 == 0) {
			for (int k = 0; k < NSLOTS; k++) (void)validate(slots[k], 0);
		}
	}
	for (int k = 0; k < NSLOTS; k++) (void)validate(slots[k], 0);
	(void)live;
	__atomic_fetch_add(&total_ops, ops, __ATOMIC_RELAXED);
	/* Park the structure in a global so the final check can see it. */
	pthread_mutex_lock(&shared_mu);
	for (int k = 0; k < NSLOTS; k++) {
		Node *n = slots[k];
		while (n) {
			Node *nx = n->next;
			int s = (int)(n->id % 4);
			gc_store(&n->next, g_shared[s]);
			g_shared[s] = n;
			n = nx;
		}
	}
	pthread_mutex_unlock(&shared_mu);
	gcstub_unregister();
	return NULL;
}

int main(int argc, char **argv) {
	if (argc > 1) run_seconds = atof(argv[1]);
	gcstub_register();
	rt_gc_init();
	rt_gc_addroots(g_shared, sizeof g_shared, g_shared_bits);
	enum { NT = 2 };
	pthread_t th[NT];
	for (uintptr_t i = 0; i < NT; i++) CHECK(pthread_create(&th[i], NULL, mutator, (void *)(i + 1)) == 0);
	double t0 = now();
	RtMemStats m0;
	rt_readmemstats(&m0);
	gcstub_blocking(1);
	while (now() - t0 < run_seconds) {
		struct timespec ts = {0, 20 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	stop = 1;
	for (int i = 0; i < NT; i++) pthread_join(th[i], NULL);
	gcstub_blocking(0);
	rt_gc();
	final = 1;
	long c = 0;
	for (int s = 0; s < 4; s++) c += validate(g_shared[s], 0);
	RtMemStats m;
	rt_readmemstats(&m);
	uint64_t maxp = 0;
	for (int i = 0; i < 256; i++)
		if (m.PauseNs[i] > maxp) maxp = m.PauseNs[i];
	printf("gc_concurrent_test: %ld ops, %ld nodes reachable at the end, %u cycles, max pause %.1f us, "
	       "total alloc %llu MB\n",
	       total_ops, c, m.NumGC - m0.NumGC, (double)maxp / 1e3, (unsigned long long)m.TotalAlloc >> 20);
	CHECK(m.NumGC - m0.NumGC >= 3);
	printf("gc_concurrent_test: PASS\n");
	return 0;
}
