/* gc_alloc_test: the allocator by itself and the collector's outside
 * interfaces: size classes and alignment, zeroing, large objects and the
 * page map (interior pointers), pointer bitmaps of arrays, explicit caches,
 * scavenging, ReadMemStats, GOMEMLIMIT's syntax, and the gctrace line. */
#include <regex.h>
#include <unistd.h>

#include "gc_test.h"

#define NOINLINE __attribute__((noinline))

GC_TYPE(node_t, 2, 0x1, 1);
GC_TYPE(mid_t, 3, 0x2, 2); /* struct { a int; p *T; b int } */
GC_TYPE(ptr_t, 1, 0x1, 1);

static void test_classes(void) {
	/* Every size up to 32 KiB: right span, aligned, no overlap. */
	char *prev[64] = {0};
	for (uintptr_t size = 1; size <= MAX_SMALL; size += size < 1024 ? 1 : 61) {
		char *p = rt_mallocgc(size, NULL, 1);
		Span *s = heap_spanof((uintptr_t)p);
		CHECK(s && !s->large && s->elemsize >= size);
		if (size >= 16) {
			CHECK(((uintptr_t)p & 7) == 0);
			if ((s->elemsize & 15) == 0) CHECK(((uintptr_t)p & 15) == 0);
			CHECK(span_objindex(s, (uintptr_t)p) * s->elemsize + s->base == (uintptr_t)p);
		} else {
			/* tiny: a piece of a 16-byte block, aligned to its size's alignment */
			CHECK(s->elemsize == 16 && ((uintptr_t)p & ((size & 7) == 0 ? 7 : (size & 3) == 0 ? 3 : (size & 1) == 0 ? 1 : 0)) == 0);
		}
		CHECK(heap_spanof((uintptr_t)p + size - 1) == s);
		for (uintptr_t i = 0; i < size; i++) CHECK(p[i] == 0);
		memset(p, (int)(size & 0xff), size);
		prev[size % 64] = p;
	}
	for (int i = 0; i < 64; i++) (void)prev[i];
	/* size 0: one shared address */
	CHECK(rt_mallocgc(0, NULL, 1) == rt_mallocgc(0, &node_t, 1));
	printf("classes: ok\n");
}

/* Tiny pieces: packed into 16-byte blocks, zeroed, kept alive by any piece. */
static char **g_tiny;
static const uint8_t g_tiny_bits[] = {0x1};

static void test_tiny(void) {
	rt_gc_addroots(&g_tiny, sizeof g_tiny, g_tiny_bits);
	enum { N = 30000 };
	g_tiny = rt_newarray(&ptr_t, N);
	int shared = 0;
	for (int i = 0; i < N; i++) {
		uintptr_t size = (uintptr_t)(i % 15) + 1;
		char *p = rt_mallocgc(size, NULL, 0);
		for (uintptr_t k = 0; k < size; k++) CHECK(p[k] == 0);
		memset(p, 'a' + (int)size, size);
		if (i && ((uintptr_t)p & ~(uintptr_t)15) == ((uintptr_t)g_tiny[i - 1] & ~(uintptr_t)15)) shared++;
		g_tiny[i] = p;
	}
	CHECK(shared > N / 4); /* pieces really share blocks */
	rt_gc();
	for (int i = 0; i < N; i++) {
		uintptr_t size = (uintptr_t)(i % 15) + 1;
		CHECK(gc_test_alive(g_tiny[i]));
		for (uintptr_t k = 0; k < size; k++) CHECK(g_tiny[i][k] == (char)('a' + (int)size));
	}
	g_tiny = NULL;
	printf("tiny: ok (%d of %d pieces shared a block with the previous one)\n", shared, N);
}

static NOINLINE uintptr_t dirty_garbage(void) {
	uintptr_t h = 0;
	for (int i = 0; i < 20000; i++) {
		uint64_t *p = rt_mallocgc(48, &mid_t, 1);
		p[0] = p[2] = 0xdeadbeefcafef00dull;
		h ^= HIDE(p);
	}
	return h;
}

static void test_zeroing(void) {
	(void)dirty_garbage();
	rt_gc();
	for (int i = 0; i < 20000; i++) {
		uint64_t *p = rt_mallocgc(48, &mid_t, 1);
		CHECK(p[0] == 0 && p[1] == 0 && p[2] == 0 && p[5] == 0);
	}
	printf("zeroing: ok\n");
}

static void test_large(void) {
	uintptr_t sizes[] = {32769, 40000, 1 << 20, (100u << 20) + 3};
	for (int i = 0; i < 4; i++) {
		char *p = rt_mallocgc(sizes[i], NULL, 1);
		Span *s = heap_spanof((uintptr_t)p);
		CHECK(s && s->large && s->base == (uintptr_t)p && ((uintptr_t)p & (PAGE_SIZE - 1)) == 0);
		CHECK(heap_spanof((uintptr_t)p + sizes[i] - 1) == s);
		CHECK(heap_spanof((uintptr_t)p + sizes[i] / 2) == s);
		p[0] = 1;
		p[sizes[i] - 1] = 2;
	}
	int local;
	CHECK(heap_spanof((uintptr_t)&local) == NULL);
	CHECK(heap_spanof((uintptr_t)&test_large) == NULL);
	CHECK(heap_spanof(0) == NULL);
	printf("large, page map: ok\n");
}

static int bit(Span *s, uintptr_t addr) {
	uintptr_t w = (addr - s->base) >> 3;
	return (int)(s->ptrbits[w >> 6] >> (w & 63) & 1);
}

static void test_bitmaps(void) {
	/* 5 elements of {int, *T, int}: 120 bytes in a 128-byte slot. */
	for (int k = 0; k < 200; k++) {
		uintptr_t *a = rt_newarray(&mid_t, 5);
		Span *s = heap_spanof((uintptr_t)a);
		CHECK(s->elemsize == 128 && s->ptrbits);
		for (int w = 0; w < 16; w++) CHECK(bit(s, (uintptr_t)&a[w]) == (w < 15 && w % 3 == 1));
		uintptr_t *b = rt_mallocgc(128, NULL, 1); /* noscan: no bitmap */
		CHECK(heap_spanof((uintptr_t)b)->ptrbits == NULL && (heap_spanof((uintptr_t)b)->spc & 1));
	}
	/* A large array of pointers keeps its type. */
	void **big = rt_newarray(&ptr_t, 50000);
	Span *s = heap_spanof((uintptr_t)big);
	CHECK(s->large && s->typ == &ptr_t && s->largesize == 400000);
	printf("bitmaps: ok\n");
}

static void *cache_thread(void *arg) {
	gcstub_register();
	MCache *c = rt_mcache_new();
	rt_mcache_cur = c; /* as the scheduler does when an M acquires a P */
	void **keep = arg;
	for (int i = 0; i < 10000; i++) keep[i % 16] = rt_new(&node_t);
	rt_mcache_cur = NULL;
	rt_mcache_release(c);
	gcstub_unregister();
	return NULL;
}

static void *g_keep[16];
static const uint8_t g_keep_bits[] = {0xff, 0xff};

static void test_caches(void) {
	rt_gc_addroots(g_keep, sizeof g_keep, g_keep_bits);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, cache_thread, g_keep) == 0);
	gcstub_blocking(1);
	pthread_join(t, NULL);
	gcstub_blocking(0);
	rt_gc();
	for (int i = 0; i < 16; i++) CHECK(gc_test_alive(g_keep[i]));
	printf("explicit caches: ok\n");
}

static void *g_big[64];
static const uint8_t g_big_bits[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static NOINLINE void big_alloc(void) {
	for (int i = 0; i < 64; i++) {
		char *p = rt_mallocgc(1 << 20, NULL, 1);
		memset(p, 1, 1 << 20);
		g_big[i] = p;
	}
}

static void test_scavenge(void) {
	rt_gc_addroots(g_big, sizeof g_big, g_big_bits);
	rt_gc();
	heap_scavenge(UINTPTR_MAX, 0);
	long rss0 = vm_rss_kb();
	big_alloc();
	long rss1 = vm_rss_kb();
	memset(g_big, 0, sizeof g_big);
	rt_gc();
	RtMemStats m0, m1;
	rt_readmemstats(&m0);
	uintptr_t rel = heap_scavenge(UINTPTR_MAX, 0);
	rt_readmemstats(&m1);
	long rss2 = vm_rss_kb();
	printf("scavenge: RSS %ld -> %ld -> %ld KiB, released %lu KiB, HeapReleased %llu -> %llu KiB\n", rss0, rss1,
	       rss2, (unsigned long)rel >> 10, (unsigned long long)m0.HeapReleased >> 10,
	       (unsigned long long)m1.HeapReleased >> 10);
	CHECK(rss1 - rss0 > 50 * 1024);
	CHECK(rel >= (uintptr_t)60 << 20);
	CHECK(m1.HeapReleased >= m0.HeapReleased + (60 << 20));
	CHECK(rss2 < rss1 - 50 * 1024);
	/* Released pages are reused, and read as zeros. */
	char *p = rt_mallocgc(1 << 20, NULL, 1);
	for (int i = 0; i < (1 << 20); i += 4096) CHECK(p[i] == 0);
	printf("scavenge: ok\n");
}

static void test_memstats(void) {
	RtMemStats m0, m1;
	rt_readmemstats(&m0);
	for (int i = 0; i < 1000; i++) (void)rt_new(&node_t);
	rt_gc();
	rt_readmemstats(&m1);
	CHECK(m1.Mallocs >= m0.Mallocs + 1000);
	CHECK(m1.Frees >= m0.Frees + 900);
	CHECK(m1.NumGC >= m0.NumGC + 1 && m1.NumForcedGC >= m0.NumForcedGC + 1);
	CHECK(m1.PauseTotalNs > m0.PauseTotalNs);
	CHECK(m1.PauseNs[(m1.NumGC + 255) % 256] > 0);
	CHECK(m1.HeapSys >= m1.HeapInuse && m1.HeapInuse >= m1.HeapAlloc);
	CHECK(m1.NextGC >= (4u << 20));
	CHECK(m1.LastGC > 0 && m1.EnableGC);
	CHECK(m1.BySize[1].Size == 8 && m1.BySize[60].Size == heap_class_size[60]);
	printf("memstats: ok (HeapAlloc %llu KiB, HeapSys %llu MiB, NumGC %u)\n",
	       (unsigned long long)m1.HeapAlloc >> 10, (unsigned long long)m1.HeapSys >> 20, m1.NumGC);
}

static void test_parse(void) {
	CHECK(gc_parse_bytes("100MiB") == 100 << 20);
	CHECK(gc_parse_bytes("1GiB") == 1 << 30);
	CHECK(gc_parse_bytes("12345") == 12345);
	CHECK(gc_parse_bytes("12345B") == 12345);
	CHECK(gc_parse_bytes("64KiB") == 64 << 10);
	CHECK(gc_parse_bytes("2TiB") == (int64_t)2 << 40);
	CHECK(gc_parse_bytes("off") == INT64_MAX);
	CHECK(gc_parse_bytes("1.5GiB") == -1);
	CHECK(gc_parse_bytes("10MB") == -1);
	CHECK(gc_parse_bytes("") == -1);
	printf("GOMEMLIMIT syntax: ok\n");
	/* debug.SetGCPercent / SetMemoryLimit */
	int old = rt_gc_setpercent(50);
	CHECK(old == 100 || getenv("GOGC"));
	CHECK(rt_gc_setpercent(old) == 50);
	CHECK(rt_gc_setmemlimit(-1) == INT64_MAX || getenv("GOMEMLIMIT"));
	int64_t ol = rt_gc_setmemlimit(64 << 20);
	RtMemStats m;
	rt_readmemstats(&m);
	CHECK(m.NextGC <= (64u << 20));
	CHECK(rt_gc_setmemlimit(ol) == 64 << 20);
	printf("SetGCPercent, SetMemoryLimit: ok\n");
}

static void test_gctrace(const char *path) {
	fflush(stderr);
	FILE *f = fopen(path, "r");
	CHECK(f);
	char line[512];
	regex_t re;
	const char *pat = "^gc [0-9]+ @[0-9]+\\.[0-9]{3}s [0-9]+%: [0-9.]+\\+[0-9.]+\\+[0-9.]+ ms clock, "
	                  "[0-9.]+\\+[0-9.]+/[0-9.]+/[0-9.]+\\+[0-9.]+ ms cpu, [0-9]+->[0-9]+->[0-9]+ MB, [0-9]+ MB goal, "
	                  "[0-9]+ MB stacks, [0-9]+ MB globals, [0-9]+ P( \\(forced\\))?\n$";
	CHECK(regcomp(&re, pat, REG_EXTENDED | REG_NOSUB) == 0);
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "gc ", 3)) {
			fputs(line, stdout); /* whatever else went to stderr: sanitizer reports */
			continue;
		}
		if (regexec(&re, line, 0, NULL, 0)) {
			fprintf(stdout, "bad gctrace line: %s", line);
			exit(1);
		}
		if (n == 0) printf("gctrace: %s", line);
		n++;
	}
	fclose(f);
	regfree(&re);
	CHECK(n >= 5);
	printf("gctrace: ok (%d lines)\n", n);
}

int main(void) {
	setvbuf(stdout, NULL, _IOLBF, 0); /* lines seen even if a sanitizer ends the process */
	/* gctrace goes to stderr: capture it in a file to check the format. */
	char path[] = "/tmp/gc_alloc_test.XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	int saved = dup(2);
	dup2(fd, 2);
	const char *g = getenv("GODEBUG");
	char buf[256];
	snprintf(buf, sizeof buf, "%s%sgctrace=1", g ? g : "", g ? "," : "");
	setenv("GODEBUG", buf, 1);
	gcstub_register();
	rt_gc_init();
	test_classes();
	test_zeroing();
	test_tiny();
	test_large();
	test_bitmaps();
	test_caches();
	test_scavenge();
	test_memstats();
	test_parse();
	dup2(saved, 2);
	test_gctrace(path);
	unlink(path);
	gcstub_unregister();
	printf("gc_alloc_test: PASS\n");
	return 0;
}
