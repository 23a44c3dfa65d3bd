/* base.h: what every stage of the compiler shares: arenas, interned strings,
 * growable vectors, source files and positions, and diagnostics.
 *
 * Memory: a compilation allocates from arenas and never frees in the hot
 * path; an arena is dropped whole when its compilation ends. */
#ifndef GOC_BASE_H
#define GOC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- arena.c ------------------------------------------------------------ */
typedef struct Arena {
	char *ptr, *end; /* the free space of the current chunk (arena.c) */
	struct ArenaChunk *cur, *spare;
} Arena;
Arena *arena_new(void);
void arena_free(Arena *a);
void arena_reset(Arena *a); /* drop every allocation, keep the memory */
void *arena_alloc_slow(Arena *a, size_t n);
/* Zeroed, 8-byte aligned. Inline: the parser allocates a node per few
 * bytes of source, and with a constant size the zeroing is a few stores. */
static inline void *arena_alloc(Arena *a, size_t n) {
	n = n ? (n + 7) & ~(size_t)7 : 8; /* never NULL, even for 0 bytes */
	if ((size_t)(a->end - a->ptr) < n) return arena_alloc_slow(a, n);
	void *p = a->ptr;
	a->ptr += n;
	return memset(p, 0, n);
}
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The arena of the current compilation. The compiler is single-threaded and
 * compiles one package at a time, so one process-wide arena is enough. */
extern Arena *g_arena;
#define NEW(T) ((T *)arena_alloc(g_arena, sizeof(T)))
#define NEWARR(T, n) ((T *)arena_alloc(g_arena, sizeof(T) * (size_t)(n)))

/* ---- vec.h-style growable arrays (malloc-backed, for builders) ----------- */
#define VEC(T) struct { T *v; int n, cap; }
#define vec_push(vec, x) do { \
	if ((vec)->n == (vec)->cap) { \
		(vec)->cap = (vec)->cap ? (vec)->cap * 2 : 8; \
		(vec)->v = xrealloc((vec)->v, sizeof(*(vec)->v) * (size_t)(vec)->cap); \
	} \
	(vec)->v[(vec)->n++] = (x); \
} while (0)
void *xrealloc(void *p, size_t n);
void *xmalloc(size_t n);

/* ---- intern.c: interned strings ------------------------------------------
 * Identifiers and other names are interned: equal strings are the same
 * pointer, so comparing names is comparing pointers. */
typedef struct Str {
	uint32_t len;
	uint32_t hash;
	char s[]; /* NUL-terminated */
} Str;
const Str *intern(const char *s, size_t n);
void intern_reset(void); /* forget every string (tests, the fuzzer, and each file of a scope) */
/* From now on, strings are allocated in arena a, which the caller resets
 * only after intern_reset: goc tool syntax's per-file table. */
void intern_scope(Arena *a);
static inline const Str *internz(const char *s) { return intern(s, strlen(s)); }

/* ---- source.c: files and positions ---------------------------------------
 * A Pos is a byte offset into the concatenation of all source files read by
 * the process (each file gets a base), so a position is one 32-bit word and
 * line/column are computed on demand from the file's line table. */
typedef uint32_t Pos;
#define NOPOS 0

typedef struct Source {
	const char *name; /* as given on the command line */
	const uint8_t *text;
	uint32_t len;
	Pos base;             /* position of text[0] */
	VEC(uint32_t) lines;  /* offsets of line starts, built on first use */
} Source;

Source *source_read(const char *path); /* NULL on I/O error (errno set) */
Source *source_from_mem(const char *name, const char *text, size_t len);
typedef struct LineCol {
	const Source *src;
	int line, col; /* 1-based; col counts bytes, as gc */
} LineCol;
LineCol pos_linecol(Pos p);
void source_reset(void); /* free every Source and its text; positions restart (fuzzer) */

/* ---- diag.c: diagnostics ---------------------------------------------------
 * Errors are collected, then reported sorted by position as gc reports them:
 * "file:line:col: message", at most diag_limit unless -e. gc reports only the
 * first syntax error of a line; diag_syntax keeps that rule. */
void diag_error(Pos p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_errorv(Pos p, const char *fmt, va_list ap);
void diag_syntax(Pos p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_count(void);
void diag_soft(Pos p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_hard_count(void); /* diag_count() less the parser's diag_soft errors */
int diag_count_nopos(void); /* errors without a position (a package's missing main) */
void diag_flush(void); /* print collected errors to stderr, sorted, and clear */
void diag_reset(void);  /* drop collected errors unprinted, count from zero (fuzzer) */
extern int diag_limit;  /* 10, 0 for no limit (-e) */

#endif
