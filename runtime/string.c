/* string.c: string operations compiled code calls: concatenation and
 * comparison. Strings are {ptr, len} and immutable; a concatenation makes a
 * new pointer-free heap object. */
#include <string.h>

#include "runtime.h"

GoString rt_concatstring2(const uint8_t *ap, intptr_t an, const uint8_t *bp, intptr_t bn) {
	if (an == 0) return (GoString){bp, bn};
	if (bn == 0) return (GoString){ap, an};
	intptr_t n = an + bn;
	if (n < 0) rt_panicrt("string concatenation too long");
	uint8_t *p = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(p, ap, (size_t)an);
	memcpy(p + an, bp, (size_t)bn);
	return (GoString){p, n};
}

/* <0, 0, >0 as a is less than, equal to or greater than b, bytewise. */
intptr_t rt_cmpstring(const uint8_t *ap, intptr_t an, const uint8_t *bp, intptr_t bn) {
	intptr_t n = an < bn ? an : bn;
	if (ap != bp && n > 0) {
		int c = memcmp(ap, bp, (size_t)n);
		if (c) return c;
	}
	return an < bn ? -1 : an > bn ? 1 : 0;
}

/* One step of `for i, r := range s`: decodes the rune at s[k] (gc's
 * decoderune: invalid UTF-8 gives U+FFFD and a width of 1) and returns the
 * index after it. */
int64_t rt_decoderune(const uint8_t *s, int64_t len, int64_t k, int32_t *rune) {
	uint32_t c = s[k];
	if (c < 0x80) {
		*rune = (int32_t)c;
		return k + 1;
	}
	int n;
	uint32_t min;
	if (c >= 0xC2 && c <= 0xDF) n = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF) n = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4) n = 4, c &= 0x07, min = 0x10000;
	else {
		*rune = 0xFFFD;
		return k + 1;
	}
	if (len - k < n) {
		*rune = 0xFFFD;
		return k + 1;
	}
	for (int i = 1; i < n; i++) {
		if ((s[k + i] & 0xC0) != 0x80) {
			*rune = 0xFFFD;
			return k + 1;
		}
		c = c << 6 | (s[k + i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) {
		*rune = 0xFFFD;
		return k + 1;
	}
	*rune = (int32_t)c;
	return k + n;
}

/* ---- conversions between strings, bytes and runes -------------------------- */

GoString rt_slicebytetostring(const uint8_t *p, intptr_t n) {
	if (n == 0) return (GoString){NULL, 0};
	uint8_t *s = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(s, p, (size_t)n);
	return (GoString){s, n};
}

/* []byte(s): out is the new slice (a 24-byte result goes through memory) */
void rt_stringtoslicebyte(GoSlice *out, const uint8_t *p, intptr_t n) {
	uint8_t *b = rt_mallocgc((uintptr_t)(n ? n : 1), NULL, 0);
	memcpy(b, p, (size_t)n);
	*out = (GoSlice){b, n, n};
}

extern int64_t rt_decoderune(const uint8_t *s, int64_t len, int64_t k, int32_t *rune);

static int encoderune(uint8_t *b, uint32_t r) {
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
	if (r < 0x80) { b[0] = (uint8_t)r; return 1; }
	if (r < 0x800) { b[0] = (uint8_t)(0xC0 | r >> 6); b[1] = (uint8_t)(0x80 | (r & 0x3F)); return 2; }
	if (r < 0x10000) {
		b[0] = (uint8_t)(0xE0 | r >> 12);
		b[1] = (uint8_t)(0x80 | (r >> 6 & 0x3F));
		b[2] = (uint8_t)(0x80 | (r & 0x3F));
		return 3;
	}
	b[0] = (uint8_t)(0xF0 | r >> 18);
	b[1] = (uint8_t)(0x80 | (r >> 12 & 0x3F));
	b[2] = (uint8_t)(0x80 | (r >> 6 & 0x3F));
	b[3] = (uint8_t)(0x80 | (r & 0x3F));
	return 4;
}

/* []rune(s) */
void rt_stringtoslicerune(GoSlice *out, const uint8_t *p, intptr_t n) {
	intptr_t count = 0;
	int32_t r;
	for (int64_t k = 0; k < n; k = rt_decoderune(p, n, k, &r)) count++;
	static GoType rune_type = {.size = 4, .align = 4, .fieldalign = 4, .kind = KIND_INT32};
	int32_t *rs = rt_mallocgc(sizeof(int32_t) * (uintptr_t)(count ? count : 1), &rune_type, 1);
	intptr_t i = 0;
	for (int64_t k = 0; k < n; i++) k = rt_decoderune(p, n, k, &rs[i]);
	*out = (GoSlice){rs, count, count};
}

/* string(runes) */
GoString rt_slicerunetostring(const int32_t *rs, intptr_t n) {
	uint8_t tmp[4];
	intptr_t size = 0;
	for (intptr_t i = 0; i < n; i++) size += encoderune(tmp, (uint32_t)rs[i]);
	if (size == 0) return (GoString){NULL, 0};
	uint8_t *s = rt_mallocgc((uintptr_t)size, NULL, 0);
	intptr_t k = 0;
	for (intptr_t i = 0; i < n; i++) k += encoderune(s + k, (uint32_t)rs[i]);
	return (GoString){s, size};
}

/* string(r) for an integer r */
GoString rt_intstring(int64_t v) {
	uint8_t *s = rt_mallocgc(4, NULL, 0);
	uint32_t r = (v < 0 || v > 0x10FFFF) ? 0xFFFD : (uint32_t)v;
	int n = encoderune(s, r);
	return (GoString){s, n};
}
