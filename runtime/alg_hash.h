/* alg_hash.h: the hash function itself (wyhash, as gc's runtime/hash64.go),
 * as inline functions so that map.c hashes its common keys (8- and 4-byte
 * memory, strings) without a call. Private to alg.c and map.c; everything
 * else uses the rt_*hash entry points of runtime.h. */
#ifndef GOC_ALG_HASH_H
#define GOC_ALG_HASH_H

#include <stdint.h>
#include <string.h>

extern uintptr_t alg_hashkey[4]; /* per-process random key, set before main */

#define ALG_M1 0xa0761d6478bd642full
#define ALG_M2 0xe7037ed1a0b428dbull
#define ALG_M3 0x8ebc6af09c88c6e3ull
#define ALG_M4 0x589965cc75374cc3ull
#define ALG_M5 0x1d8e4e27c47d124full

static inline uint64_t alg_mix(uint64_t a, uint64_t b) {
	__uint128_t r = (__uint128_t)a * b;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
}
static inline uint64_t alg_r4(const uint8_t *p) {
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}
static inline uint64_t alg_r8(const uint8_t *p) {
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uintptr_t alg_memhash(const void *p0, uintptr_t seed, uintptr_t s) {
	const uint8_t *p = p0;
	uint64_t a, b;
	seed ^= alg_hashkey[0] ^ ALG_M1;
	if (s == 0) return seed;
	if (s < 4) {
		a = p[0] | (uint64_t)p[s >> 1] << 8 | (uint64_t)p[s - 1] << 16;
		b = 0;
	} else if (s == 4) {
		a = b = alg_r4(p);
	} else if (s < 8) {
		a = alg_r4(p);
		b = alg_r4(p + s - 4);
	} else if (s == 8) {
		a = b = alg_r8(p);
	} else if (s <= 16) {
		a = alg_r8(p);
		b = alg_r8(p + s - 8);
	} else {
		uintptr_t l = s;
		if (l > 48) {
			uint64_t seed1 = seed, seed2 = seed;
			for (; l > 48; l -= 48, p += 48) {
				seed = alg_mix(alg_r8(p) ^ ALG_M2, alg_r8(p + 8) ^ seed);
				seed1 = alg_mix(alg_r8(p + 16) ^ ALG_M3, alg_r8(p + 24) ^ seed1);
				seed2 = alg_mix(alg_r8(p + 32) ^ ALG_M4, alg_r8(p + 40) ^ seed2);
			}
			seed ^= seed1 ^ seed2;
		}
		for (; l > 16; l -= 16, p += 16) seed = alg_mix(alg_r8(p) ^ ALG_M2, alg_r8(p + 8) ^ seed);
		a = alg_r8(p + l - 16);
		b = alg_r8(p + l - 8);
	}
	return alg_mix(ALG_M5 ^ s, alg_mix(a ^ ALG_M2, b ^ seed));
}

static inline uintptr_t alg_memhash32(const void *p, uintptr_t seed) {
	uint64_t a = alg_r4(p);
	return alg_mix(ALG_M5 ^ 4, alg_mix(a ^ ALG_M2, a ^ seed ^ alg_hashkey[0] ^ ALG_M1));
}

static inline uintptr_t alg_memhash64(const void *p, uintptr_t seed) {
	uint64_t a = alg_r8(p);
	return alg_mix(ALG_M5 ^ 8, alg_mix(a ^ ALG_M2, a ^ seed ^ alg_hashkey[0] ^ ALG_M1));
}

#endif
