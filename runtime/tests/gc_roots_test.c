/* gc_roots_test: objects reachable only from a stack slot, a register, a
 * global, an interior pointer, an interface value, a map-like structure or a
 * closure-like block survive a collection; unreachable ones, and ones that
 * are only "pointed to" by non-pointer words (a uintptr, a byte buffer, a
 * hidden value), are reclaimed. */
#include "gc_test.h"

#define NOINLINE __attribute__((noinline))
#define MAGIC 0x600dcafe12345678ull

GC_TYPE(node_t, 2, 0x1, 1);    /* struct { next *node; val uint64 } */
GC_TYPE(eface_t, 2, 0x3, 2);   /* interface{}: {type, data} */
GC_TYPE(closure_t, 3, 0x2, 2); /* {fn uintptr, captured *T, n int} */
GC_TYPE(uptr_t, 2, 0x0, 0);    /* struct { p uintptr; n int } */
GC_TYPE(ptr_t, 1, 0x1, 1);     /* *T, for arrays of pointers */
GC_TYPE(mid_t, 3, 0x2, 2);     /* struct { a int; p *T; b int } */
GC_TYPE(big_t, 32, 0x1, 1);    /* 256 bytes, first word a pointer */
/* map-like: hmap { count int; buckets *[8]*bucket } */
GC_TYPE(hmap_t, 2, 0x2, 2);
/* bucket { tophash [8]uint8; keys [8]string; vals [8]*T; overflow *bucket }:
 * words: 0 tophash, 1..16 keys (ptr,len pairs), 17..24 vals, 25 overflow */
static const uint8_t bucket_bits[] = {0x2 | 0x8 | 0x20 | 0x80, 0x2 | 0x8 | 0x20 | 0x80, 0xfe, 0x3};
static const GoType bucket_t = {.size = 26 * 8, .ptrdata = 26 * 8, .gcdata = bucket_bits, .kind = KIND_STRUCT};

typedef struct Node { struct Node *next; uint64_t val; } Node;

static void *g_root;
static uintptr_t g_notptr;
static const uint8_t g_root_bits[] = {0x1};
static const uint8_t g_notptr_bits[] = {0x0};

static NOINLINE NO_ASAN void scrub(void) {
	char buf[32768];
	memset(buf, 0, sizeof buf);
	__asm__ volatile("" : : "r"(buf) : "memory"); /* keep the stores */
}

static NOINLINE Node *new_node(uint64_t v) {
	Node *n = rt_new(&node_t);
	n->val = v;
	return n;
}

static NOINLINE uintptr_t hidden_node(uint64_t v) { return HIDE(new_node(v)); }

static void collect(void) {
	scrub();
	rt_gc();
}

/* ---- a register ------------------------------------------------------------- */
void reg_test_gc(void);
void reg_test_gc(void) {
	scrub();
	rt_gc();
	scrub();
}

/* The object is kept by a global root until the assembly has put it in
 * r12; the same assembly then clears the root, so from then on r12 (and
 * wherever the callees save it) is the only reference. */
static void *g_regkeep;
static const uint8_t g_regkeep_bits[] = {0x1};

static NOINLINE uintptr_t through_r12(uintptr_t hidden) {
	uintptr_t out;
	__asm__ volatile(
		"mov %1, %%r12\n\t"
		"xor %2, %%r12\n\t"
		"movq $0, %3\n\t"
		"mov %%rsp, %%rbx\n\t"
		"sub $256, %%rsp\n\t"
		"and $-16, %%rsp\n\t"
		"call reg_test_gc\n\t"
		"mov %%rbx, %%rsp\n\t"
		"mov %%r12, %0\n\t"
		"xor %%r12, %%r12\n\t"
		: "=r"(out)
		: "r"(hidden), "r"((uintptr_t)0x5a5a5a5a5a5a5a5aull), "m"(g_regkeep)
		: "rbx", "r12", "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0", "xmm1", "xmm2",
		  "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",
		  "xmm15", "memory", "cc");
	return out;
}

static NOINLINE uintptr_t kept_node(uint64_t v) {
	Node *n = new_node(v);
	g_regkeep = n;
	return HIDE(n);
}

static void test_register(void) {
	rt_gc_addroots(&g_regkeep, sizeof g_regkeep, g_regkeep_bits);
	uintptr_t h = kept_node(MAGIC);
	uintptr_t control = hidden_node(MAGIC + 1);
	scrub(); /* stale copies below this frame */
	Node *n = (Node *)through_r12(h);
	CHECK(g_regkeep == NULL);
	CHECK(n == UNHIDE(h));
	CHECK(gc_test_alive(n));
	CHECK(n->val == MAGIC);
	CHECK(!gc_test_alive(UNHIDE(control))); /* a hidden pointer keeps nothing alive */
	printf("register: ok\n");
}

/* ---- a stack slot, an interior pointer ---------------------------------------- */
static NOINLINE void test_stack(void) {
	Node *volatile p = new_node(MAGIC);
	char *volatile interior = (char *)rt_new(&big_t) + 100;
	char *volatile large_interior = (char *)rt_mallocgc(1 << 20, NULL, 1) + 500000;
	memset((char *)interior - 100, 7, 256);
	large_interior[0] = 42;
	collect();
	CHECK(gc_test_alive(p) && p->val == MAGIC);
	CHECK(gc_test_alive(interior) && interior[-100] == 7 && interior[155] == 7);
	CHECK(gc_test_alive(large_interior) && large_interior[0] == 42);
	/* A heap interior pointer: an array of one element pointing into the middle. */
	void **holder = rt_newarray(&ptr_t, 1);
	char *obj = rt_mallocgc(200, &big_t, 1);
	obj[199] = 9;
	holder[0] = obj + 150;
	uintptr_t hobj = HIDE(obj);
	obj = NULL;
	collect();
	CHECK(gc_test_alive(UNHIDE(hobj)) && ((char *)UNHIDE(hobj))[199] == 9);
	printf("stack, interior: ok (%p)\n", (void *)holder);
}

/* ---- a global ------------------------------------------------------------------ */
static NOINLINE void build_global(void) {
	Node *head = NULL;
	for (int i = 0; i < 1000; i++) {
		Node *n = new_node((uint64_t)i);
		n->next = head;
		head = n;
	}
	g_root = head;
	g_notptr = (uintptr_t)new_node(MAGIC);
}

static NOINLINE uintptr_t drop_global(void) {
	uintptr_t f = HIDE(g_root);
	g_root = NULL;
	return f;
}

static void test_global(void) {
	rt_gc_addroots(&g_root, sizeof g_root, g_root_bits);
	rt_gc_addroots(&g_notptr, sizeof g_notptr, g_notptr_bits);
	build_global();
	collect();
	int k = 999;
	for (Node *n = g_root; n; n = n->next, k--) CHECK(gc_test_alive(n) && n->val == (uint64_t)k);
	CHECK(k == -1);
	CHECK(!gc_test_alive((void *)g_notptr)); /* a uintptr global is not a root */
	uintptr_t first = drop_global();
	collect();
	CHECK(!gc_test_alive(UNHIDE(first)));
	printf("global: ok\n");
}

/* ---- an interface, a closure, a map ---------------------------------------------- */
typedef struct Eface { const GoType *type; void *data; } Eface;
typedef struct Closure { uintptr_t fn; Node *captured; intptr_t n; } Closure;
typedef struct Bucket {
	uint8_t tophash[8];
	GoString keys[8];
	Node *vals[8];
	struct Bucket *overflow;
} Bucket;
typedef struct Hmap { intptr_t count; Bucket **buckets; } Hmap;

static NOINLINE uintptr_t build_iface(void) {
	Eface *e = rt_new(&eface_t);
	e->type = &node_t;
	e->data = new_node(MAGIC);
	return HIDE(e);
}

static NOINLINE Closure *build_closure(void) {
	Closure *c = rt_new(&closure_t);
	c->fn = (uintptr_t)&build_closure;
	c->captured = new_node(MAGIC);
	c->n = 3;
	return c;
}

static NOINLINE Hmap *build_map(int nb) {
	Hmap *h = rt_new(&hmap_t);
	Bucket **bs = rt_newarray(&ptr_t, 8);
	h->buckets = bs;
	for (int b = 0; b < 8; b++) {
		Bucket *prev = NULL;
		for (int ov = 0; ov < nb; ov++) {
			Bucket *bk = rt_new(&bucket_t);
			for (int i = 0; i < 8; i++) {
				char *s = rt_mallocgc(16, NULL, 1);
				snprintf(s, 16, "k%d.%d.%d", b, ov, i);
				bk->keys[i] = (GoString){(const uint8_t *)s, (intptr_t)strlen(s)};
				bk->vals[i] = new_node((uint64_t)(b * 1000 + ov * 10 + i));
				bk->tophash[i] = (uint8_t)i;
				h->count++;
			}
			if (prev) prev->overflow = bk;
			else bs[b] = bk;
			prev = bk;
		}
	}
	return h;
}

static void check_map(Hmap *h, int nb) {
	CHECK(gc_test_alive(h) && gc_test_alive(h->buckets));
	int count = 0;
	for (int b = 0; b < 8; b++) {
		int ov = 0;
		for (Bucket *bk = h->buckets[b]; bk; bk = bk->overflow, ov++) {
			CHECK(gc_test_alive(bk));
			for (int i = 0; i < 8; i++) {
				char want[16];
				snprintf(want, sizeof want, "k%d.%d.%d", b, ov, i);
				CHECK(gc_test_alive(bk->keys[i].ptr));
				CHECK(bk->keys[i].len == (intptr_t)strlen(want) && !memcmp(bk->keys[i].ptr, want, strlen(want)));
				CHECK(gc_test_alive(bk->vals[i]) && bk->vals[i]->val == (uint64_t)(b * 1000 + ov * 10 + i));
				count++;
			}
		}
		CHECK(ov == nb);
	}
	CHECK(count == h->count);
}

static NOINLINE uintptr_t drop_data(Eface *e) {
	uintptr_t d = HIDE(e->data);
	e->data = NULL;
	return d;
}

static void test_shapes(void) {
	uintptr_t he = build_iface();
	Eface *volatile e = UNHIDE(he);
	Closure *volatile c = build_closure();
	Hmap *volatile h = build_map(3);
	collect();
	CHECK(gc_test_alive(e) && e->type == &node_t);
	CHECK(gc_test_alive(e->data) && ((Node *)e->data)->val == MAGIC);
	CHECK(gc_test_alive(c) && gc_test_alive(c->captured) && c->captured->val == MAGIC && c->n == 3);
	check_map(h, 3);
	/* Drop the interface's data: reclaimed. */
	uintptr_t hd = drop_data(e);
	collect();
	CHECK(!gc_test_alive(UNHIDE(hd)));
	printf("interface, closure, map: ok\n");
}

/* ---- precision: non-pointer words keep nothing alive; garbage is reclaimed ----
 * The stack and register scan is conservative: a stale copy of an old pointer
 * in this thread's registers may pin the one object that later reuses its
 * slot. So negative checks count over many objects and allow a couple. */
#define NDEAD 6000
static uintptr_t dead[NDEAD];
static void *g_keep;
static const uint8_t g_keep_bits[] = {0x1};

static NOINLINE void make_garbage(void) {
	int k = 0;
	for (int i = 0; i < 100; i++) {
		uint64_t *bytes = rt_mallocgc(64, NULL, 1);      /* noscan buffer */
		bytes[0] = (uint64_t)new_node(1);
		dead[k++] = HIDE(bytes[0]);
		uintptr_t *u = rt_new(&uptr_t);                   /* a uintptr field */
		u[0] = (uintptr_t)new_node(2);
		dead[k++] = HIDE(u[0]);
	}
	void **arr = rt_newarray(&mid_t, 100);               /* typed array: only word 1 of 3 */
	for (int i = 0; i < 100; i++) {
		arr[i * 3] = new_node(3);                         /* word 0: an int */
		dead[k++] = HIDE(arr[i * 3]);
		arr[i * 3 + 1] = new_node(4);                     /* word 1: a pointer */
	}
	g_keep = arr;
	/* Plain garbage: a list of nodes, a large pointer array, a large buffer. */
	Node *head = NULL;
	while (k < NDEAD - 2) {
		Node *n = new_node((uint64_t)k);
		n->next = head;
		head = n;
		dead[k++] = HIDE(n);
	}
	void **big = rt_newarray(&ptr_t, 100000);             /* 800 KB: scanned in oblets */
	for (int i = 0; i < 100000; i++) big[i] = head;
	dead[k++] = HIDE(big);
	dead[k++] = HIDE(rt_mallocgc(3 << 20, NULL, 0));
}

/* Garbage is made on a thread of its own so that no stale copy of a pointer
 * lingers in this thread's registers or stack. */
static void *garbage_thread(void *arg) {
	gcstub_register();
	make_garbage();
	gcstub_unregister();
	return arg;
}

static void *on_thread(void *(*fn)(void *), void *arg) {
	pthread_t t;
	CHECK(pthread_create(&t, NULL, fn, arg) == 0);
	gcstub_blocking(1);
	pthread_join(t, NULL);
	gcstub_blocking(0);
	return arg;
}

static void test_precise_and_reclaim(void) {
	RtMemStats m0, m1;
	rt_gc_addroots(&g_keep, sizeof g_keep, g_keep_bits);
	on_thread(garbage_thread, NULL);
	collect();
	rt_readmemstats(&m0);
	void **arr = g_keep;
	/* arr is alive (a global); its word-1 pointers are alive, word-0 ones are not. */
	CHECK(gc_test_alive(arr));
	for (int i = 0; i < 100; i++) CHECK(gc_test_alive(arr[i * 3 + 1]) && ((Node *)arr[i * 3 + 1])->val == 4);
	int alive = 0;
	for (int i = 0; i < NDEAD; i++) alive += gc_test_alive(UNHIDE(dead[i]));
	printf("precise, reclaim: %d of %d unreachable objects survived\n", alive, NDEAD);
	CHECK(alive <= 2);
	CHECK(!gc_test_alive(UNHIDE(dead[NDEAD - 1])) && !gc_test_alive(UNHIDE(dead[NDEAD - 2])));
	g_keep = NULL;
	collect();
	rt_readmemstats(&m1);
	CHECK(m1.NumGC > m0.NumGC);
	printf("precise, reclaim: ok (HeapAlloc %llu KB, HeapObjects %llu, NumGC %u)\n",
	       (unsigned long long)m1.HeapAlloc >> 10, (unsigned long long)m1.HeapObjects, m1.NumGC);
}

/* ---- reclaim at scale: heap objects return to a baseline -------------------------- */
static NOINLINE void churn(int n) {
	for (int i = 0; i < n; i++) {
		Node *a = new_node((uint64_t)i);
		a->next = new_node((uint64_t)i);
		(void)rt_mallocgc((size_t)(i % 3000) + 1, NULL, 0);
	}
}

static void *churn_thread(void *arg) {
	gcstub_register();
	churn(200000);
	gcstub_unregister();
	return arg;
}

static void test_heap_returns_to_baseline(void) {
	RtMemStats m0, m1;
	collect();
	rt_readmemstats(&m0);
	on_thread(churn_thread, NULL);
	collect();
	rt_readmemstats(&m1);
	printf("baseline: objects %llu -> %llu, HeapAlloc %llu KB -> %llu KB, TotalAlloc %llu MB\n",
	       (unsigned long long)m0.HeapObjects, (unsigned long long)m1.HeapObjects,
	       (unsigned long long)m0.HeapAlloc >> 10, (unsigned long long)m1.HeapAlloc >> 10,
	       (unsigned long long)m1.TotalAlloc >> 20);
	CHECK(m1.HeapObjects <= m0.HeapObjects + 100);
	CHECK(m1.HeapAlloc <= m0.HeapAlloc + (1 << 20));
}

int main(void) {
	gcstub_register();
	rt_gc_init();
	test_register();
	test_stack();
	test_global();
	test_shapes();
	test_precise_and_reclaim();
	test_heap_returns_to_baseline();
	gcstub_unregister();
	printf("gc_roots_test: PASS\n");
	return 0;
}
