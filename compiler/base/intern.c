/* intern.c: the process-wide table of interned strings (open addressing).
 *
 * By default strings are malloc'd and live as long as the process. goc tool
 * syntax instead scopes the table to one file (intern_scope): strings come
 * from the file's arena and intern_reset forgets them by clearing only the
 * slots in use. One table for the whole corpus grew to 242K names and 12 MB
 * of slots, and most probes missed the cache; a file's table stays small. */
#include <stdlib.h>

#include "base.h"

/* Each slot keeps the hash, the length and the first 8 bytes of its string
 * beside the pointer: most identifiers are found (or ruled out) without
 * touching the string, which is a cache miss away in a table this size. */
typedef struct Slot {
	uint32_t hash, len;
	uint64_t head; /* head_of the string */
	const Str *s;
} Slot;
static Slot *tab;
static uint32_t cap, count;
static Arena *scope;   /* intern_scope's arena, or NULL: strings are malloc'd */
static uint32_t *used; /* in a scope: the slots in use, for intern_reset */

static inline uint64_t load8(const char *s) {
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

static inline uint64_t load4(const char *s) {
	uint32_t w;
	memcpy(&w, s, 4);
	return w;
}

/* The first 8 bytes of s as one word; shorter strings are packed from loads
 * that overlap rather than copied byte by byte (a memcpy of variable length
 * is a library call). Injective for a given length up to 8, which is what
 * lets intern skip the string compare for short names. */
static inline uint64_t head_of(const char *s, size_t n) {
	if (n >= 8) return load8(s);
	if (n >= 4) return load4(s) | load4(s + n - 4) << 32;
	if (n > 0) return (uint64_t)(uint8_t)s[0] | (uint64_t)(uint8_t)s[n / 2] << 8 | (uint64_t)(uint8_t)s[n - 1] << 16;
	return 0;
}

/* A word at a time: identifiers are short, and FNV's byte-serial multiply
 * chain was a tenth of goc tool syntax's time. The last word of a longer
 * string is its last 8 bytes, overlapping the one before. */
static inline uint32_t hash_bytes(const char *s, size_t n, uint64_t head) {
	uint64_t h = ((uint64_t)n * 0x9E3779B97F4A7C15u ^ head) * 0xFF51AFD7ED558CCDu;
	h ^= h >> 29;
	for (size_t i = 8; i < n; i += 8) {
		h = (h ^ load8(i + 8 <= n ? s + i : s + n - 8)) * 0xC4CEB9FE1A85EC53u;
		h ^= h >> 29;
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

static void grow(void) {
	uint32_t ncap = cap ? cap * 2 : 4096;
	Slot *nt = calloc(ncap, sizeof *nt);
	if (!nt) abort();
	if (scope) used = xrealloc(used, sizeof *used * (ncap / 2));
	uint32_t n = 0;
	for (uint32_t i = 0; i < cap; i++) {
		if (!tab[i].s) continue;
		uint32_t j = tab[i].hash & (ncap - 1);
		while (nt[j].s) j = (j + 1) & (ncap - 1);
		nt[j] = tab[i];
		if (scope) used[n++] = j;
	}
	free(tab);
	tab = nt;
	cap = ncap;
}

const Str *intern(const char *s, size_t n) {
	if (count * 2 >= cap) grow();
	uint64_t head = head_of(s, n);
	uint32_t h = hash_bytes(s, n, head);
	uint32_t i = h & (cap - 1);
	for (; tab[i].s; i = (i + 1) & (cap - 1)) {
		const Slot *e = &tab[i];
		if (e->hash == h && e->len == n && e->head == head && (n <= 8 || memcmp(e->s->s + 8, s + 8, n - 8) == 0))
			return e->s;
	}
	/* Interned strings outlive every compilation arena, unless scoped. */
	Str *e = scope ? arena_alloc(scope, sizeof(Str) + n + 1) : xmalloc(sizeof(Str) + n + 1);
	e->len = (uint32_t)n;
	e->hash = h;
	memcpy(e->s, s, n);
	e->s[n] = 0;
	tab[i] = (Slot){h, (uint32_t)n, head, e};
	if (scope) used[count] = i; /* count < cap / 2: grow keeps it so */
	count++;
	return e;
}

void intern_reset(void) {
	if (scope) { /* the arena owns the strings; the table is kept */
		for (uint32_t k = 0; k < count; k++) tab[used[k]].s = NULL;
		count = 0;
		return;
	}
	for (uint32_t i = 0; i < cap; i++) free((void *)tab[i].s);
	free(tab);
	tab = NULL;
	cap = count = 0;
}

void intern_scope(Arena *a) {
	intern_reset();
	scope = a;
}
