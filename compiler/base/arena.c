/* arena.c: bump allocation in large chunks, and the small malloc wrappers. */
#include <stdio.h>
#include <stdlib.h>

#include "base.h"

enum { CHUNK = 1 << 20 };

typedef struct Chunk {
	struct Chunk *prev;
	size_t cap, used;
	_Alignas(16) char data[];
} Chunk;

struct Arena {
	Chunk *cur;
	Chunk *spare; /* chunks kept by arena_reset for reuse */
};

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
	a->cur = NULL;
	a->spare = NULL;
	return a;
}

void arena_free(Arena *a) {
	arena_reset(a);
	for (Chunk *c = a->spare, *p; c; c = p) {
		p = c->prev;
		free(c);
	}
	free(a);
}

void arena_reset(Arena *a) {
	for (Chunk *c = a->cur, *p; c; c = p) {
		p = c->prev;
		if (c->cap == CHUNK) {
			c->used = 0;
			c->prev = a->spare;
			a->spare = c;
		} else free(c);
	}
	a->cur = NULL;
}

void *arena_alloc(Arena *a, size_t n) {
	n = (n + 7) & ~(size_t)7;
	Chunk *c = a->cur;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK / 4 ? n : CHUNK;
		if (cap == CHUNK && a->spare) {
			c = a->spare;
			a->spare = c->prev;
		} else {
			c = xmalloc(sizeof(Chunk) + cap);
			c->cap = cap;
		}
		c->used = 0;
		if (n > CHUNK / 4 && a->cur) { /* big block: keep the current chunk open */
			c->prev = a->cur->prev;
			a->cur->prev = c;
			c->used = n;
			return memset(c->data, 0, n);
		}
		c->prev = a->cur;
		a->cur = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	return memset(p, 0, n);
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
