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
