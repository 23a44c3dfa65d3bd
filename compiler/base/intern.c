/* intern.c: the process-wide table of interned strings (open addressing). */
#include <stdlib.h>

#include "base.h"

/* Each slot keeps the hash, the length and the first 8 bytes of its string
 * beside the pointer: most identifiers are found (or ruled out) without
 * touching the string, which is a cache miss away in a table this size. */
typedef struct Slot {
	uint32_t hash, len;
	uint64_t head; /* first bytes, zero-padded */
	const Str *s;
} Slot;
static Slot *tab;
static uint32_t cap, count;

static uint64_t head_of(const char *s, size_t n) {
	uint64_t w = 0;
	memcpy(&w, s, n < 8 ? n : 8);
	return w;
}

/* A word at a time: identifiers are short, and FNV's byte-serial multiply
 * chain was a tenth of goc tool syntax's time. */
static uint32_t hash_bytes(const char *s, size_t n) {
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		uint64_t w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

static void grow(void) {
	uint32_t ncap = cap ? cap * 2 : 4096;
	Slot *nt = calloc(ncap, sizeof *nt);
	if (!nt) abort();
	for (uint32_t i = 0; i < cap; i++) {
		if (!tab[i].s) continue;
		uint32_t j = tab[i].hash & (ncap - 1);
		while (nt[j].s) j = (j + 1) & (ncap - 1);
		nt[j] = tab[i];
	}
	free(tab);
	tab = nt;
	cap = ncap;
}

const Str *intern(const char *s, size_t n) {
	if (count * 2 >= cap) grow();
	uint32_t h = hash_bytes(s, n);
	uint64_t head = head_of(s, n);
	uint32_t i = h & (cap - 1);
	for (; tab[i].s; i = (i + 1) & (cap - 1)) {
		const Slot *e = &tab[i];
		if (e->hash == h && e->len == n && e->head == head && (n <= 8 || memcmp(e->s->s + 8, s + 8, n - 8) == 0))
			return e->s;
	}
	/* Interned strings outlive every compilation arena. */
	Str *e = xmalloc(sizeof(Str) + n + 1);
	e->len = (uint32_t)n;
	e->hash = h;
	memcpy(e->s, s, n);
	e->s[n] = 0;
	tab[i] = (Slot){h, (uint32_t)n, head, e};
	count++;
	return e;
}

void intern_reset(void) {
	for (uint32_t i = 0; i < cap; i++) free((void *)tab[i].s);
	free(tab);
	tab = NULL;
	cap = count = 0;
}
