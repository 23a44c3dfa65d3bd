/* map_basic_test: map semantics key type by key type: insert, lookup,
 * update, delete, zero values for missing keys, nil maps (reads, len,
 * delete, and the write panic), a million-entry map, string, float64 (NaN,
 * +0/-0), struct (blank field), indirect (over 128 bytes) keys and elements,
 * interface keys (the unhashable-type panic) and mapclear; plus the
 * interface comparisons of alg.c. Panics run in child processes. */
#include "map_test.h"

MAPTYPE(mt_ii, &t_int64, &t_int64);
MAPTYPE(mt_si, &t_string, &t_int64);
MAPTYPE(mt_fi, &t_float64, &t_int64);
MAPTYPE(mt_ki, &t_skey.t, &t_int64);
MAPTYPE(mt_pi, &t_pkey.t, &t_int64);
MAPTYPE(mt_bb, &t_bigkey.t, &t_bigelem.t);
MAPTYPE(mt_ei, &t_eface.t, &t_int64);
MAPTYPE(mt_ib, &t_int64, &t_bigelem.t);
/* an element bigger than the 1 KiB shared zero value */
static const GoArrayType t_huge = {
	.t = {.size = 4096, .align = 8, .fieldalign = 8, .kind = KIND_ARRAY, .equal = rt_memequal0, .name = STR("[512]int64")},
	.elem = &t_int64, .len = 512};
MAPTYPE(mt_ih, &t_int64, &t_huge.t);

static void test_int(void) {
	void *m = rt_makemap(&mt_ii, 0);
	CHECK(rt_maplen(m) == 0);
	int64_t v;
	CHECK(!mget_ii(&mt_ii, m, 1, &v) && v == 0);
	for (int64_t i = 0; i < 1000; i++) mput_ii(&mt_ii, m, i * 7, i);
	CHECK(rt_maplen(m) == 1000);
	CHECK(*(intptr_t *)m == 1000); /* len is the header's first word */
	for (int64_t i = 0; i < 1000; i++) CHECK(mget_ii(&mt_ii, m, i * 7, &v) && v == i);
	for (int64_t i = 0; i < 1000; i++) CHECK(!mget_ii(&mt_ii, m, i * 7 + 1, &v) && v == 0);
	int64_t k = 7 * 5;
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ii, m, &k) == 5);
	k = -3;
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ii, m, &k) == 0);
	for (int64_t i = 0; i < 1000; i++) mput_ii(&mt_ii, m, i * 7, -i); /* update */
	CHECK(rt_maplen(m) == 1000);
	for (int64_t i = 0; i < 1000; i += 2) mdel_i(&mt_ii, m, i * 7);
	mdel_i(&mt_ii, m, 123456); /* absent */
	CHECK(rt_maplen(m) == 500);
	for (int64_t i = 0; i < 1000; i++) CHECK(mget_ii(&mt_ii, m, i * 7, &v) == (i & 1) && v == ((i & 1) ? -i : 0));
	for (int64_t i = 0; i < 1000; i++) mdel_i(&mt_ii, m, i * 7);
	CHECK(rt_maplen(m) == 0);
	for (int64_t i = 0; i < 100; i++) mput_ii(&mt_ii, m, i, i + 1);
	for (int64_t i = 0; i < 100; i++) CHECK(mget_ii(&mt_ii, m, i, &v) && v == i + 1);
	/* hints */
	void *h = rt_makemap(&mt_ii, 100000);
	for (int64_t i = 0; i < 100000; i++) mput_ii(&mt_ii, h, i, i);
	CHECK(rt_maplen(h) == 100000);
	CHECK(rt_makemap(&mt_ii, -1) != NULL); /* gc 1.19: a negative hint is 0 */
	CHECK(rt_makemap(&mt_ii, INTPTR_MAX) != NULL);
}

static void test_million(void) {
	enum { N = 1000000 };
	void *m = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < N; i++) {
		mput_ii(&mt_ii, m, i * 0x9e3779b97f4a7c15ll, i);
		gcstub_poll();
	}
	CHECK(rt_maplen(m) == N);
	int64_t v;
	for (int64_t i = 0; i < N; i++) {
		CHECK(mget_ii(&mt_ii, m, i * 0x9e3779b97f4a7c15ll, &v) && v == i);
		gcstub_poll();
	}
	for (int64_t i = 0; i < N; i += 2) mdel_i(&mt_ii, m, i * 0x9e3779b97f4a7c15ll);
	CHECK(rt_maplen(m) == N / 2);
	for (int64_t i = 0; i < N; i++) {
		CHECK(mget_ii(&mt_ii, m, i * 0x9e3779b97f4a7c15ll, &v) == (i & 1));
		gcstub_poll();
	}
	/* delete + insert churn at constant size: same-size growth keeps the
	 * overflow buckets in check */
	void *c = rt_makemap(&mt_ii, 0);
	for (int64_t i = 0; i < 300000; i++) {
		mput_ii(&mt_ii, c, i, i);
		if (i >= 1000) mdel_i(&mt_ii, c, i - 1000);
		gcstub_poll();
	}
	CHECK(rt_maplen(c) == 1000);
	for (int64_t i = 299000; i < 300000; i++) CHECK(mget_ii(&mt_ii, c, i, &v) && v == i);
	printf("million: ok\n");
}

static void test_nil(void) {
	int64_t k = 5, v;
	bool ok = true;
	CHECK(rt_maplen(NULL) == 0);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ii, NULL, &k) == 0);
	CHECK(*(int64_t *)rt_mapaccess2(&mt_ii, NULL, &k, &ok) == 0 && !ok);
	CHECK(!mget_ii(&mt_ii, NULL, 1, &v) && v == 0);
	rt_mapdelete(&mt_ii, NULL, &k);
	rt_mapclear(&mt_ii, NULL);
	RtMapIter it;
	rt_mapiterinit(&mt_ii, NULL, &it);
	CHECK(it.key == NULL);
	rt_mapiternext(&it);
	CHECK(it.key == NULL);
	/* zero values bigger than the shared zero block */
	const int64_t *z = rt_mapaccess1(&mt_ih, NULL, &k);
	for (int i = 0; i < 512; i++) CHECK(z[i] == 0);
	void *m = rt_makemap(&mt_ih, 0);
	int64_t *e = rt_mapassign(&mt_ih, m, &k);
	for (int i = 0; i < 512; i++) e[i] = i;
	k = 6;
	z = rt_mapaccess2(&mt_ih, m, &k, &ok);
	CHECK(!ok);
	for (int i = 0; i < 512; i++) CHECK(z[i] == 0);
	k = 5;
	z = rt_mapaccess2(&mt_ih, m, &k, &ok);
	CHECK(ok && z[511] == 511);
}

static void test_string(void) {
	void *m = rt_makemap(&mt_si, 10);
	for (long i = 0; i < 5000; i++) {
		GoString s = gostr("key-%ld", i);
		*(int64_t *)rt_mapassign(&mt_si, m, &s) = i;
		gcstub_poll();
	}
	GoString empty = {NULL, 0};
	*(int64_t *)rt_mapassign(&mt_si, m, &empty) = -1;
	CHECK(rt_maplen(m) == 5001);
	for (long i = 0; i < 5000; i++) {
		char buf[32];
		int n = snprintf(buf, sizeof buf, "key-%ld", i);
		GoString s = {(const uint8_t *)buf, n}; /* another backing array */
		bool ok;
		CHECK(*(int64_t *)rt_mapaccess2(&mt_si, m, &s, &ok) == i && ok);
		gcstub_poll();
	}
	GoString e2 = {(const uint8_t *)"x", 0};
	CHECK(*(int64_t *)rt_mapaccess1(&mt_si, m, &e2) == -1);
	GoString nope = STR("key-5000");
	CHECK(*(int64_t *)rt_mapaccess1(&mt_si, m, &nope) == 0);
	/* an update replaces the stored key (gc's needkeyupdate) */
	GoString k1 = gostr("key-%ld", 1);
	*(int64_t *)rt_mapassign(&mt_si, m, &k1) = 100;
	RtMapIter it;
	int found = 0;
	for (rt_mapiterinit(&mt_si, m, &it); it.key; rt_mapiternext(&it)) {
		const GoString *s = it.key;
		if (s->len == 5 && !memcmp(s->ptr, "key-1", 5)) {
			CHECK(s->ptr == k1.ptr && *(int64_t *)it.elem == 100);
			found++;
		}
	}
	CHECK(found == 1);
}

static void test_float(void) {
	void *m = rt_makemap(&mt_fi, 0);
	double pz = 0.0, nz = -0.0, nan = NAN, one = 1.0;
	*(int64_t *)rt_mapassign(&mt_fi, m, &pz) = 1;
	*(int64_t *)rt_mapassign(&mt_fi, m, &nz) = 2;
	CHECK(rt_maplen(m) == 1);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_fi, m, &pz) == 2);
	RtMapIter it;
	rt_mapiterinit(&mt_fi, m, &it);
	CHECK(it.key && signbit(*(double *)it.key)); /* the key was updated to -0 */
	CHECK(rt_f64hash(&pz, 42) == rt_f64hash(&nz, 42));
	CHECK(rt_f64hash(&nan, 42) != rt_f64hash(&nan, 42));
	for (int i = 0; i < 3; i++) *(int64_t *)rt_mapassign(&mt_fi, m, &nan) = 10 + i;
	CHECK(rt_maplen(m) == 4);
	bool ok;
	CHECK(*(int64_t *)rt_mapaccess2(&mt_fi, m, &nan, &ok) == 0 && !ok);
	rt_mapdelete(&mt_fi, m, &nan);
	CHECK(rt_maplen(m) == 4);
	*(int64_t *)rt_mapassign(&mt_fi, m, &one) = 5;
	int nans = 0, sum = 0;
	for (rt_mapiterinit(&mt_fi, m, &it); it.key; rt_mapiternext(&it)) {
		if (isnan(*(double *)it.key)) {
			nans++;
			sum += (int)*(int64_t *)it.elem;
		}
	}
	CHECK(nans == 3 && sum == 33);
	/* many NaNs: they spread over buckets rather than one overflow chain */
	void *n = rt_makemap(&mt_fi, 0);
	for (int i = 0; i < 10000; i++) *(int64_t *)rt_mapassign(&mt_fi, n, &nan) = i;
	CHECK(rt_maplen(n) == 10000);
	rt_mapclear(&mt_fi, n);
	CHECK(rt_maplen(n) == 0);
	rt_mapiterinit(&mt_fi, n, &it);
	CHECK(it.key == NULL);
}

static void test_struct(void) {
	void *m = rt_makemap(&mt_ki, 0);
	for (long i = 0; i < 2000; i++) {
		SKey k = {(int32_t)i, 77, gostr("s%ld", i % 10), (double)(i % 3)};
		*(int64_t *)rt_mapassign(&mt_ki, m, &k) = i;
		gcstub_poll();
	}
	CHECK(rt_maplen(m) == 2000);
	for (long i = 0; i < 2000; i++) {
		char buf[16];
		int n = snprintf(buf, sizeof buf, "s%ld", i % 10);
		/* a different blank field: still the same key */
		SKey k = {(int32_t)i, -1, {(const uint8_t *)buf, n}, (i % 3 == 0) ? -0.0 : (double)(i % 3)};
		bool ok;
		CHECK(*(int64_t *)rt_mapaccess2(&mt_ki, m, &k, &ok) == i && ok);
		k.f = 5;
		rt_mapaccess2(&mt_ki, m, &k, &ok);
		CHECK(!ok);
	}
	/* plain-memory struct keys take the memory fast path */
	void *p = rt_makemap(&mt_pi, 0);
	for (int32_t i = 0; i < 1000; i++) {
		PKey k = {i, -i};
		*(int64_t *)rt_mapassign(&mt_pi, p, &k) = i;
	}
	for (int32_t i = 0; i < 1000; i++) {
		PKey k = {i, -i};
		CHECK(*(int64_t *)rt_mapaccess1(&mt_pi, p, &k) == i);
		k.b = i + 1;
		CHECK(*(int64_t *)rt_mapaccess1(&mt_pi, p, &k) == 0 || i == 0);
	}
	SKey a = {1, 2, STR("x"), 0.0}, b = {1, 3, STR("x"), -0.0};
	CHECK(rt_typeequal(&t_skey.t, &a, &b));
	CHECK(rt_typehash(&t_skey.t, &a, 9) == rt_typehash(&t_skey.t, &b, 9));
	b.s = STR("y");
	CHECK(!rt_typeequal(&t_skey.t, &a, &b));
}

static void test_big(void) {
	void *m = rt_makemap(&mt_bb, 0);
	Node *nodes = rt_mallocgc(100 * sizeof(Node), &t_node, 1);
	for (int i = 0; i < 300; i++) {
		BigKey k;
		for (int j = 0; j < 40; j++) k.v[j] = i * 1000 + j;
		BigElem *e = rt_mapassign(&mt_bb, m, &k);
		for (int j = 0; j < 20; j++) gc_store(&e->p[j], &nodes[(i + j) % 100]);
		gcstub_poll();
	}
	CHECK(rt_maplen(m) == 300);
	for (int i = 0; i < 300; i++) {
		BigKey k;
		for (int j = 0; j < 40; j++) k.v[j] = i * 1000 + j;
		bool ok;
		BigElem *e = rt_mapaccess2(&mt_bb, m, &k, &ok);
		CHECK(ok);
		for (int j = 0; j < 20; j++) CHECK(e->p[j] == &nodes[(i + j) % 100]);
		if (i % 2) rt_mapdelete(&mt_bb, m, &k);
	}
	CHECK(rt_maplen(m) == 150);
	RtMapIter it;
	int n = 0;
	for (rt_mapiterinit(&mt_bb, m, &it); it.key; rt_mapiternext(&it)) {
		const BigKey *k = it.key;
		const BigElem *e = it.elem;
		int i = (int)(k->v[0] / 1000);
		CHECK(i % 2 == 0 && k->v[39] == i * 1000 + 39 && e->p[0] == &nodes[i % 100]);
		n++;
	}
	CHECK(n == 150);
	BigKey missing = {{-1}};
	const BigElem *z = rt_mapaccess1(&mt_bb, m, &missing);
	for (int j = 0; j < 20; j++) CHECK(z->p[j] == NULL);
	void *ib = rt_makemap(&mt_ib, 0);
	int64_t k = 3;
	BigElem *e = rt_mapassign(&mt_ib, ib, &k);
	gc_store(&e->p[19], &nodes[1]);
	CHECK(((BigElem *)rt_mapaccess1(&mt_ib, ib, &k))->p[19] == &nodes[1]);
}

static void *box_int(int64_t v) {
	int64_t *p = rt_mallocgc(8, &t_int64, 1);
	*p = v;
	return p;
}
static const GoType t_int64b = {.size = 8, .kind = KIND_INT64, .align = 8, .fieldalign = 8,
                                .equal = rt_memequal64, .name = STR("main.MyInt")};

static void test_iface(void) {
	void *m = rt_makemap(&mt_ei, 0);
	Node *nd = rt_mallocgc(sizeof(Node), &t_node, 1);
	GoEface k1 = {&t_int64, box_int(1)}, k1b = {&t_int64, box_int(1)}, k1c = {&t_int64b, box_int(1)};
	GoEface ks = {&t_string, NULL}, kp = {&t_nodeptr, nd}, knil = {NULL, NULL};
	GoString *sp = rt_mallocgc(16, &t_string, 1);
	*sp = STR("hello");
	ks.data = sp;
	*(int64_t *)rt_mapassign(&mt_ei, m, &k1) = 1;
	*(int64_t *)rt_mapassign(&mt_ei, m, &k1b) = 2; /* same key */
	*(int64_t *)rt_mapassign(&mt_ei, m, &k1c) = 3; /* another type */
	*(int64_t *)rt_mapassign(&mt_ei, m, &ks) = 4;
	*(int64_t *)rt_mapassign(&mt_ei, m, &kp) = 5;
	*(int64_t *)rt_mapassign(&mt_ei, m, &knil) = 6;
	CHECK(rt_maplen(m) == 5);
	GoString s2 = STR("hello");
	GoEface ks2 = {&t_string, &s2}, kp2 = {&t_nodeptr, nd};
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ei, m, &k1) == 2);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ei, m, &k1c) == 3);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ei, m, &ks2) == 4);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ei, m, &kp2) == 5);
	CHECK(*(int64_t *)rt_mapaccess1(&mt_ei, m, &knil) == 6);
	/* comparisons */
	CHECK(rt_efaceeq(k1, k1b) && !rt_efaceeq(k1, k1c) && rt_efaceeq(ks, ks2) && rt_efaceeq(knil, knil));
	CHECK(!rt_efaceeq(k1, knil) && rt_efaceeq(kp, kp2));
	GoSlice *sl = rt_mallocgc(24, &t_intslice, 1);
	GoEface ksl = {&t_intslice, sl};
	CHECK(!rt_efaceeq(ksl, k1)); /* different types: no panic */
	GoItab itab = {.type = &t_int64};
	GoIface i1 = {&itab, k1.data}, i2 = {&itab, k1b.data}, inil = {NULL, NULL};
	CHECK(rt_ifaceeq(i1, i2) && !rt_ifaceeq(i1, inil) && rt_ifaceeq(inil, inil));
	CHECK(rt_ifaceefaceeq(i1, k1) && !rt_ifaceefaceeq(i1, k1c) && rt_ifaceefaceeq(inil, knil));
	CHECK(rt_nilinterhash(&k1, 3) == rt_nilinterhash(&k1b, 3));
	CHECK(rt_interhash(&i1, 3) == rt_nilinterhash(&k1, 3));
}

/* Many map types: the runtime's per-type cache grows. */
static void test_many_types(void) {
	enum { NT = 300 };
	GoMapType *ts = calloc(NT, sizeof *ts);
	void *ms[NT];
	for (int i = 0; i < NT; i++) {
		ts[i] = mt_ii;
		ms[i] = rt_makemap(&ts[i], i);
		mput_ii(&ts[i], ms[i], i, -i);
	}
	for (int i = 0; i < NT; i++) {
		int64_t v;
		CHECK(mget_ii(&ts[i], ms[i], i, &v) && v == -i);
		CHECK(rt_makemap(&ts[i], 0) != NULL);
	}
	/* ts stays allocated: the runtime keeps pointers to map types */
}

/* Descriptors whose equal is left NULL: the kinds decide comparability. */
static const GoType t_int64_noeq = {.size = 8, .kind = KIND_INT64, .align = 8, .fieldalign = 8, .name = STR("main.N")};
static const GoStructField sslice_fields[] = {{STR("n"), &t_int64, 0, false}, {STR("s"), &t_intslice, 8, false}};
static const GoStructType t_sslice = {
	.t = {.size = 32, .ptrdata = 16, .gcdata = (const uint8_t[]){0x2}, .align = 8, .fieldalign = 8,
	      .kind = KIND_STRUCT, .name = STR("main.S")},
	.nfields = 2,
	.fields = sslice_fields};

static void test_noequal(void) {
	void *m = rt_makemap(&mt_ei, 0);
	GoEface a = {&t_int64_noeq, box_int(7)}, b = {&t_int64_noeq, box_int(7)};
	*(int64_t *)rt_mapassign(&mt_ei, m, &a) = 1;
	*(int64_t *)rt_mapassign(&mt_ei, m, &b) = 2;
	CHECK(rt_maplen(m) == 1 && *(int64_t *)rt_mapaccess1(&mt_ei, m, &a) == 2);
	CHECK(rt_efaceeq(a, b));
}

/* ---- the panics, in child processes --------------------------------------------- */

static void child_nilwrite(void) {
	int64_t k = 1;
	rt_mapassign(&mt_ii, NULL, &k);
}
static void child_unhashable(void) {
	void *m = rt_makemap(&mt_ei, 0);
	GoEface k = {&t_intslice, rt_mallocgc(24, &t_intslice, 1)};
	rt_mapassign(&mt_ei, m, &k);
}
static void child_unhashable_read(void) {
	GoEface k = {&t_intslice, rt_mallocgc(24, &t_intslice, 1)};
	rt_mapaccess1(&mt_ei, NULL, &k); /* even a nil map hashes the key */
}
static void child_uncomparable(void) {
	GoEface a = {&t_intslice, rt_mallocgc(24, &t_intslice, 1)}, b = {&t_intslice, rt_mallocgc(24, &t_intslice, 1)};
	rt_efaceeq(a, b);
}
static void child_uncomparable_iface(void) {
	GoItab itab = {.type = &t_intslice};
	GoIface a = {&itab, rt_mallocgc(24, &t_intslice, 1)}, b = {&itab, rt_mallocgc(24, &t_intslice, 1)};
	rt_ifaceeq(a, b);
}
static void child_unhashable_struct(void) {
	void *m = rt_makemap(&mt_ei, 0);
	GoEface k = {&t_sslice.t, rt_mallocgc(32, &t_sslice.t, 1)};
	rt_mapassign(&mt_ei, m, &k);
}
static void child_concurrent(void) {
	void *m = rt_makemap(&mt_ii, 0);
	mput_ii(&mt_ii, m, 1, 1);
	((uint8_t *)m)[8] |= 4; /* as if another goroutine were in the middle of a write */
	mput_ii(&mt_ii, m, 2, 2);
}
static void child_concurrent_read(void) {
	void *m = rt_makemap(&mt_ii, 0);
	mput_ii(&mt_ii, m, 1, 1);
	((uint8_t *)m)[8] |= 4;
	int64_t v;
	mget_ii(&mt_ii, m, 1, &v);
}

static const struct { const char *name; void (*fn)(void); const char *want; } children[] = {
	{"nilwrite", child_nilwrite, "panic: assignment to entry in nil map"},
	{"unhashable", child_unhashable, "panic: runtime error: hash of unhashable type []int"},
	{"unhashable_read", child_unhashable_read, "panic: runtime error: hash of unhashable type []int"},
	{"uncomparable", child_uncomparable, "panic: runtime error: comparing uncomparable type []int"},
	{"uncomparable_iface", child_uncomparable_iface, "panic: runtime error: comparing uncomparable type []int"},
	{"unhashable_struct", child_unhashable_struct, "panic: runtime error: hash of unhashable type main.S"},
	{"concurrent", child_concurrent, "fatal error: concurrent map writes"},
	{"concurrent_read", child_concurrent_read, "fatal error: concurrent map read and map write"},
};
enum { NCHILDREN = sizeof children / sizeof children[0] };

int main(int argc, char **argv) {
	gcstub_register();
	rt_gc_init();
	if (argc > 1) {
		for (int i = 0; i < NCHILDREN; i++)
			if (!strcmp(argv[1], children[i].name)) children[i].fn();
		fprintf(stderr, "child %s returned\n", argv[1]);
		return 1;
	}
	test_int();
	test_nil();
	test_string();
	test_float();
	test_struct();
	test_big();
	test_iface();
	test_many_types();
	test_noequal();
	for (int i = 0; i < NCHILDREN; i++) expect_child(children[i].name, children[i].want);
	printf("panics: ok\n");
	test_million();
	gcstub_unregister();
	printf("map_basic_test: PASS\n");
	return 0;
}
