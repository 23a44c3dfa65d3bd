/* map_test.h: what the map tests (runtime/tests/map_*_test.c) share: type
 * descriptors built by hand as the code generator will emit them, typed
 * wrappers around the map entry points, and a helper that runs a case in a
 * child process (for panics and fatal errors) and returns its stderr and
 * exit status. The tests link the real collector (gc.cmake's gcrt_*) with
 * its stop-the-world stub, so loops call gcstub_poll() at safe points. */
#ifndef GOC_MAP_TEST_H
#define GOC_MAP_TEST_H

#include <math.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gc_test.h"

#define STR(s) ((GoString){(const uint8_t *)(s), (intptr_t)sizeof(s) - 1})

/* ---- scalar and string types ------------------------------------------------ */
static const uint8_t mt_bits1[] = {0x1};
static const uint8_t mt_bits3[] = {0x3};

static const GoType t_int64 = {.size = 8, .kind = KIND_INT64, .align = 8, .fieldalign = 8,
                               .tflag = TFLAG_REGULARMEMORY, .equal = rt_memequal64, .name = STR("int64")};
static const GoType t_int32 = {.size = 4, .kind = KIND_INT32, .align = 4, .fieldalign = 4,
                               .tflag = TFLAG_REGULARMEMORY, .equal = rt_memequal32, .name = STR("int32")};
static const GoType t_float64 = {.size = 8, .kind = KIND_FLOAT64, .align = 8, .fieldalign = 8,
                                 .equal = rt_f64equal, .name = STR("float64")};
static const GoType t_string = {.size = 16, .ptrdata = 8, .gcdata = mt_bits1, .kind = KIND_STRING, .align = 8,
                                .fieldalign = 8, .equal = rt_strequal, .name = STR("string")};
/* *Node, where Node is struct { next *Node; val uint64 } */
static const GoType t_nodeptr = {.size = 8, .ptrdata = 8, .gcdata = mt_bits1, .align = 8, .fieldalign = 8,
                                 .kind = KIND_POINTER | KIND_DIRECTIFACE, .equal = rt_memequal64,
                                 .name = STR("*main.Node")};
static const GoType t_node = {.size = 16, .ptrdata = 8, .gcdata = mt_bits1, .align = 8, .fieldalign = 8,
                              .kind = KIND_STRUCT, .equal = rt_memequal128, .name = STR("main.Node")};
typedef struct Node { struct Node *next; uint64_t val; } Node;
/* []int: not comparable */
static const GoType t_intslice = {.size = 24, .ptrdata = 8, .gcdata = mt_bits1, .align = 8, .fieldalign = 8,
                                  .kind = KIND_SLICE, .equal = NULL, .name = STR("[]int")};
/* interface{} */
static const GoInterfaceType t_eface = {
	.t = {.size = 16, .ptrdata = 16, .gcdata = mt_bits3, .align = 8, .fieldalign = 8, .kind = KIND_INTERFACE,
	      .equal = rt_nilinterequal, .name = STR("interface {}")},
	.nmethods = 0};

/* struct { a int32; _ int32; s string; f float64 }: a blank field, padding-
 * free but not plain memory (string, float) */
typedef struct SKey { int32_t a, blank; GoString s; double f; } SKey;
static const GoStructField skey_fields[] = {
	{STR("a"), &t_int32, 0, false},
	{STR("_"), &t_int32, 4, false},
	{STR("s"), &t_string, 8, false},
	{STR("f"), &t_float64, 24, false},
};
static bool skey_equal(const void *a, const void *b);
static const uint8_t skey_bits[] = {0x2};
static const GoStructType t_skey = {
	.t = {.size = 32, .ptrdata = 16, .gcdata = skey_bits, .align = 8, .fieldalign = 8, .kind = KIND_STRUCT,
	      .equal = skey_equal, .name = STR("main.SKey")},
	.nfields = 4,
	.fields = skey_fields};
static bool skey_equal(const void *a, const void *b) { return rt_typeequal(&t_skey.t, a, b); }

/* struct { a int32; b int32 }: plain memory, 8 bytes */
typedef struct PKey { int32_t a, b; } PKey;
static const GoStructField pkey_fields[] = {{STR("a"), &t_int32, 0, false}, {STR("b"), &t_int32, 4, false}};
static const GoStructType t_pkey = {
	.t = {.size = 8, .align = 4, .fieldalign = 4, .kind = KIND_STRUCT, .equal = rt_memequal64,
	      .name = STR("main.PKey")},
	.nfields = 2,
	.fields = pkey_fields};

/* [40]int64: 320 bytes, stored indirectly */
typedef struct BigKey { int64_t v[40]; } BigKey;
static bool bigkey_equal(const void *a, const void *b) { return memcmp(a, b, sizeof(BigKey)) == 0; }
static const GoArrayType t_bigkey = {
	.t = {.size = 320, .align = 8, .fieldalign = 8, .kind = KIND_ARRAY, .equal = bigkey_equal,
	      .name = STR("[40]int64")},
	.elem = &t_int64,
	.len = 40};
/* [20]*Node: 160 bytes of pointers, stored indirectly */
typedef struct BigElem { Node *p[20]; } BigElem;
static const uint8_t bigelem_bits[] = {0xff, 0xff, 0x0f};
static const GoArrayType t_bigelem = {
	.t = {.size = 160, .ptrdata = 160, .gcdata = bigelem_bits, .align = 8, .fieldalign = 8, .kind = KIND_ARRAY,
	      .equal = NULL, .name = STR("[20]*main.Node")},
	.elem = &t_nodeptr,
	.len = 20};

#define MAPTYPE(mtname, k, e) static const GoMapType mtname = {.t = {.size = 8, .ptrdata = 8, .gcdata = mt_bits1, \
	.align = 8, .fieldalign = 8, .kind = KIND_MAP | KIND_DIRECTIFACE, .name = STR("map")}, .key = (k), .elem = (e)}

/* ---- typed wrappers ----------------------------------------------------------- */
static inline void mput_ii(const GoMapType *t, void *m, int64_t k, int64_t v) {
	*(int64_t *)rt_mapassign(t, m, &k) = v;
}
static inline bool mget_ii(const GoMapType *t, void *m, int64_t k, int64_t *v) {
	bool ok;
	*v = *(int64_t *)rt_mapaccess2(t, m, &k, &ok);
	return ok;
}
static inline void mdel_i(const GoMapType *t, void *m, int64_t k) { rt_mapdelete(t, m, &k); }

/* A string in the Go heap. */
static inline GoString gostr(const char *fmt, long v) {
	char buf[64];
	int n = snprintf(buf, sizeof buf, fmt, v);
	uint8_t *p = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(p, buf, (size_t)n);
	return (GoString){p, n};
}

/* ---- child processes ------------------------------------------------------------ */
/* Run this program again with argv[1] = name; return its exit status and
 * put its stderr (NUL-terminated, truncated) in out. */
static inline int run_child(const char *name, char *out, size_t outsz) {
	int fds[2];
	CHECK(pipe(fds) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execl("/proc/self/exe", "child", name, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	size_t n = 0;
	ssize_t r;
	while ((r = read(fds[0], out + n, outsz - 1 - n)) > 0) n += (size_t)r;
	out[n] = 0;
	close(fds[0]);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The child must exit 2 with a first stderr line equal to want. */
static inline void expect_child(const char *name, const char *want) {
	char out[4096];
	int st = run_child(name, out, sizeof out);
	char *nl = strchr(out, '\n');
	if (nl) *nl = 0;
	if (st != 2 || strcmp(out, want) != 0) {
		fprintf(stderr, "child %s: status %d, first line \"%s\"; want status 2, \"%s\"\n", name, st, out, want);
		exit(1);
	}
}

#endif
