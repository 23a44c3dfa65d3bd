/* slice.c: slices: make, append's growth (gc's growslice rule), and the
 * bounds-check failures compiled code reports, with gc's messages. */
#include <stdio.h>
#include <string.h>

#include "runtime.h"

/* ---- bounds failures: panic: runtime error: index out of range [5] with length 3 */

static noreturn void boundsf(const char *fmt, int64_t a, int64_t b) {
	char buf[128];
	snprintf(buf, sizeof buf, fmt, (long long)a, (long long)b);
	rt_panicrt(buf);
}

/* x, the failing index or bound, and y, the length or other bound: a
 * negative x is printed alone (negfmt), as gc's boundsNegErrorFmt does:
 * "index out of range [-1]", "slice bounds out of range [:-1]". */
static noreturn void bounds2(const char *negfmt, const char *fmt, int64_t x, int64_t y) {
	boundsf(x < 0 ? negfmt : fmt, x, y);
}

void rt_raiseindex(int64_t i, int64_t len) {
	bounds2("index out of range [%lld]", "index out of range [%lld] with length %lld", i, len);
}
/* s[a:b] with b > cap (or len for strings and arrays): "slice bounds out of range [:5] with capacity 3" */
void rt_raiseslicealen(int64_t b, int64_t len) {
	bounds2("slice bounds out of range [:%lld]", "slice bounds out of range [:%lld] with length %lld", b, len);
}
void rt_raisesliceacap(int64_t b, int64_t cap) {
	bounds2("slice bounds out of range [:%lld]", "slice bounds out of range [:%lld] with capacity %lld", b, cap);
}
/* s[a:b] with a > b: "slice bounds out of range [3:2]" */
void rt_raisesliceb(int64_t a, int64_t b) {
	bounds2("slice bounds out of range [%lld:]", "slice bounds out of range [%lld:%lld]", a, b);
}
void rt_raiseslice3alen(int64_t c, int64_t len) {
	bounds2("slice bounds out of range [::%lld]", "slice bounds out of range [::%lld] with length %lld", c, len);
}
void rt_raiseslice3acap(int64_t c, int64_t cap) {
	bounds2("slice bounds out of range [::%lld]", "slice bounds out of range [::%lld] with capacity %lld", c, cap);
}
void rt_raiseslice3b(int64_t b, int64_t c) {
	bounds2("slice bounds out of range [:%lld:]", "slice bounds out of range [:%lld:%lld]", b, c);
}
void rt_raiseslice3c(int64_t a, int64_t b) {
	bounds2("slice bounds out of range [%lld::]", "slice bounds out of range [%lld:%lld:]", a, b);
}

/* (*[N]T)(s) with len(s) < N */
void rt_raisesliceconvert(int64_t len, int64_t n) {
	boundsf("cannot convert slice with length %lld to pointer to array with length %lld", len, n);
}

/* unsafe.Slice(ptr, len)'s checks, as gc's unsafeslice */
void rt_unsafeslice(uintptr_t elemsize, void *ptr, int64_t len) {
	if (len < 0) rt_panicrt("unsafe.Slice: len out of range");
	unsigned __int128 mem = (unsigned __int128)elemsize * (uint64_t)len;
	if (mem > (unsigned __int128)(-(uintptr_t)ptr)) {
		if (!ptr) rt_panicrt("unsafe.Slice: ptr is nil and len is not zero");
		rt_panicrt("unsafe.Slice: len out of range");
	}
}

void rt_panicmakeslicelen(void) { rt_panicrt("makeslice: len out of range"); }
void rt_panicmakeslicecap(void) { rt_panicrt("makeslice: cap out of range"); }

/* make([]T, len, cap): the backing array, zeroed. */
void *rt_makeslice(const GoType *elem, int64_t len, int64_t cap) {
	uintptr_t max = elem->size ? (uintptr_t)1 << 47 : (uintptr_t)-1;
	if (elem->size) max /= elem->size;
	if (len < 0 || (uintptr_t)len > max) rt_panicmakeslicelen();
	if (cap < len || (uintptr_t)cap > max) rt_panicmakeslicecap();
	return rt_mallocgc(elem->size * (uintptr_t)cap, elem, 1);
}

/* Size classes round the new capacity up, as gc's roundupsize does; the
 * allocator's classes are the same table, so ask it. */
extern uintptr_t rt_roundupsize(uintptr_t size) __attribute__((weak));

/* append needs room for newlen elements: gc 1.19's growth (double below
 * 256 elements, then a smooth 1.25x), rounded up to the size class. */
/* The result goes through *out: a 24-byte struct return is an sret pointer
 * in the C ABI anyway, and this keeps the call simple to emit. */
void rt_growslice_c(GoSlice *out, const GoType *elem, void *oldptr, int64_t oldlen, int64_t oldcap, int64_t newlen) {
	if (newlen < 0) rt_panicrt("growslice: len out of range");
	int64_t newcap = oldcap, doublecap = newcap + newcap;
	if (newlen > doublecap) newcap = newlen;
	else {
		const int64_t threshold = 256;
		if (oldcap < threshold) newcap = doublecap;
		else {
			while (0 < newcap && newcap < newlen) newcap += (newcap + 3 * threshold) / 4;
			if (newcap <= 0) newcap = newlen;
		}
	}
	uintptr_t size = elem->size;
	if (size == 0) {
		*out = (GoSlice){oldptr ? oldptr : (void *)&rt_zerobase, newlen, newcap};
		return;
	}
	uintptr_t mem = size * (uintptr_t)newcap;
	if (rt_roundupsize) mem = rt_roundupsize(mem);
	newcap = (int64_t)(mem / size);
	mem = size * (uintptr_t)newcap;
	void *p = rt_mallocgc(mem, elem, 1);
	if (oldlen > 0) memcpy(p, oldptr, size * (uintptr_t)oldlen);
	*out = (GoSlice){p, newlen, newcap};
}

/* The address of zero-size allocations, as gc's zerobase. */
uintptr_t rt_zerobase;
