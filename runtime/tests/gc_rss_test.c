/* gc_rss_test: bounded memory. Keeps a fixed live set (a table of slots,
 * each holding a small pointerful object that points at another live one)
 * while allocating several GiB in total: every step replaces a random slot
 * (the old object becomes garbage) and allocates some pure garbage.
 *   default:       64 MiB live, GOGC=100: peak RSS (VmHWM) < 2.5x live
 *   GOMEMLIMIT set: 60 MiB live: peak RSS < limit + 10%
 * argv[1] overrides the total in GiB (default 2), argv[2] the live MiB. */
#include <time.h>

#include "gc_test.h"

typedef struct Obj { struct Obj *peer; void *data; uint64_t tag, pad; } Obj;
static const uint8_t obj_bits[] = {0x3};
/* Types of 32..1024 bytes whose first two words are pointers. */
static GoType types[6];
GC_TYPE(ptr_t, 1, 0x1, 1);

static uint64_t rng(uint64_t *s) {
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
	gcstub_register();
	rt_gc_init();
	const char *lim = getenv("GOMEMLIMIT");
	uint64_t live_target = (uint64_t)(lim ? 60 : 64) << 20;
	if (argc > 2) live_target = (uint64_t)atoi(argv[2]) << 20; /* e.g. 1024: the 1 GiB-live pause check */
	double total_gib = argc > 1 ? atof(argv[1]) : 2;
	for (int i = 0; i < 6; i++)
		types[i] = (GoType){.size = (uintptr_t)32 << i, .ptrdata = 16, .gcdata = obj_bits, .kind = KIND_STRUCT};
	/* Average object 336 bytes (sizes 32..1024, equally likely). */
	size_t nslots = (size_t)(live_target / 336);
	uint64_t seed = 88172645463325252ull;
	Obj **slots = rt_newarray(&ptr_t, (intptr_t)nslots);
	/* Peers point at permanent anchors, so replaced objects really die. */
	enum { NANCHOR = 4096 };
	Obj **anchors = rt_newarray(&ptr_t, NANCHOR);
	for (int i = 0; i < NANCHOR; i++) gc_store(&anchors[i], rt_new(&types[0]));
	uint64_t live = nslots * 8 + NANCHOR * 40;
	for (size_t i = 0; i < nslots; i++) {
		gcstub_poll();
		int t = (int)(rng(&seed) % 6);
		Obj *o = rt_new(&types[t]);
		o->tag = i;
		gc_store(&o->peer, anchors[rng(&seed) % NANCHOR]);
		gc_store(&slots[i], o);
		live += types[t].size;
	}
	double t0 = now();
	uint64_t allocated = 0, target = (uint64_t)(total_gib * (double)(1ull << 30));
	while (allocated < target) {
		gcstub_poll();
		uint64_t r = rng(&seed);
		size_t i = (size_t)(r % nslots);
		int t = (int)((r >> 32) % 6);
		Obj *old = slots[i];
		Obj *o = rt_new(&types[t]);
		o->tag = i;
		gc_store(&o->peer, anchors[(r >> 16) % NANCHOR]);
		gc_store(&slots[i], o);
		live += types[t].size;
		live -= heap_spanof((uintptr_t)old)->elemsize; /* sizes are exact size classes */
		allocated += types[t].size;
		/* garbage: a short-lived pointerful object and a buffer */
		Obj *g = rt_new(&types[(r >> 40) % 6]);
		gc_store(&g->peer, o);
		void *buf = rt_mallocgc((r >> 48) % 512 + 1, NULL, 0);
		(void)buf;
		allocated += types[(r >> 40) % 6].size + (r >> 48) % 512 + 1;
	}
	double el = now() - t0;
	/* Check the structure survived. */
	for (size_t i = 0; i < nslots; i++) CHECK(slots[i] && slots[i]->tag == i);
	RtMemStats m;
	rt_readmemstats(&m);
	long hwm = vm_hwm_kb();
	uint64_t maxp = 0, sum = 0;
	uint32_t n = m.NumGC < 256 ? m.NumGC : 256;
	for (uint32_t k = 0; k < n; k++) {
		if (m.PauseNs[k] > maxp) maxp = m.PauseNs[k];
		sum += m.PauseNs[k];
	}
	double ratio = (double)hwm * 1024 / (double)live;
	printf("gc_rss_test: live %.1f MiB, allocated %.2f GiB in %.2f s (%.0f MB/s), %u cycles, "
	       "peak RSS %.1f MiB = %.2fx live, HeapSys %llu MiB, max pause %.0f us, mean pause %.0f us\n",
	       (double)live / (1 << 20), (double)allocated / (1ull << 30), el, (double)allocated / el / 1e6, m.NumGC,
	       (double)hwm / 1024, ratio, (unsigned long long)m.HeapSys >> 20, (double)maxp / 1e3,
	       n ? (double)sum / n / 1e3 : 0.0);
	if (lim) {
		int64_t limit = 0;
		char *end;
		limit = strtoll(lim, &end, 10);
		if (!strcmp(end, "MiB")) limit <<= 20;
		CHECK(hwm * 1024 < limit + limit / 10);
	} else {
		CHECK(ratio < 2.5);
	}
	printf("gc_rss_test: PASS\n");
	return 0;
}
