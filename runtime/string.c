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
