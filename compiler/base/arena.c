/* arena.c: bump allocation in large chunks, and the small malloc wrappers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "base.h"

/* Chunks are 2 MiB, aligned, and asked to be transparent huge pages: a
 * compilation touches tens of MiB of fresh memory, and on this kind of
 * machine (a VM) a page fault per 4 KiB page cost more than half of a
 * type check of the runtime's closure (13,000 faults, 0.13 of 0.22 s). */
enum { CHUNK_BYTES = 2 << 20, CHUNK = CHUNK_BYTES - 64 };

/* An arena is a list of chunks; allocation bumps a->ptr through the current
 * one (arena_alloc in base.h), and a block bigger than a quarter chunk gets
 * a chunk of its own. */
typedef struct ArenaChunk {
	struct ArenaChunk *prev;
	size_t cap;
	_Alignas(16) char data[];
} Chunk;

Arena *g_arena;

void *xmalloc(size_t n) {
	void *p = malloc(n);
	if (!p) {
		fprintf(stderr, "goc: out of memory\n");
		exit(3);
	}
	return p;
}

void *xrealloc(void *p, size_t n) {
	p = realloc(p, n);
	if (!p) {
		fprintf(stderr, "goc: out of memory\n");
		exit(3);
	}
	return p;
}

Arena *arena_new(void) {
	Arena *a = xmalloc(sizeof *a);
	memset(a, 0, sizeof *a);
	return a;
}

/* A fresh chunk: CHUNK_BYTES of memory at a CHUNK_BYTES boundary. */
static Chunk *chunk_map(void) {
	size_t span = 2 * (size_t)CHUNK_BYTES;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		fprintf(stderr, "goc: out of memory\n");
		exit(3);
	}
	char *base = (char *)(((uintptr_t)p + CHUNK_BYTES - 1) & ~(uintptr_t)(CHUNK_BYTES - 1));
	if (base > p) munmap(p, (size_t)(base - p));
	if (base + CHUNK_BYTES < p + span) munmap(base + CHUNK_BYTES, (size_t)(p + span - (base + CHUNK_BYTES)));
	madvise(base, CHUNK_BYTES, MADV_HUGEPAGE);
	Chunk *c = (Chunk *)base;
	c->cap = CHUNK;
	return c;
}

static void chunk_free(Chunk *c) {
	if (c->cap == CHUNK) munmap(c, CHUNK_BYTES);
	else free(c);
}

void arena_free(Arena *a) {
	arena_reset(a);
	for (Chunk *c = a->spare, *p; c; c = p) {
		p = c->prev;
		chunk_free(c);
	}
	free(a);
}

void arena_reset(Arena *a) {
	for (Chunk *c = a->cur, *p; c; c = p) {
		p = c->prev;
		if (c->cap == CHUNK) {
			c->prev = a->spare;
			a->spare = c;
		} else free(c);
	}
	a->cur = NULL;
	a->ptr = a->end = NULL;
}

/* n is rounded to 8 and does not fit the current chunk. */
void *arena_alloc_slow(Arena *a, size_t n) {
	if (n > CHUNK / 4) { /* a chunk of its own, behind the current one, which stays open */
		Chunk *c = xmalloc(sizeof(Chunk) + n);
		c->cap = n;
		if (a->cur) {
			c->prev = a->cur->prev;
			a->cur->prev = c;
		} else {
			c->prev = NULL;
			a->cur = c; /* full: the next allocation opens a new chunk */
		}
		return memset(c->data, 0, n);
	}
	Chunk *c = a->spare;
	if (c) a->spare = c->prev;
	else c = chunk_map();
	c->prev = a->cur;
	a->cur = c;
	a->ptr = c->data + n;
	a->end = c->data + CHUNK;
	return memset(c->data, 0, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_printf(Arena *a, const char *fmt, ...) {
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
