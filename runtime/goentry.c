/* goentry.c: the runtime functions compiled code calls on its slow paths
 * (the runtime errors of its bounds, nil, division, shift and conversion
 * checks; append's growth; the write barrier while the collector marks),
 * as split-stack entry points.
 *
 * lld rewrites the prologue of every split-stack function that calls a
 * function from an object compiled without split stacks so that it always
 * calls __morestack_non_split (docs/scheduler.md), and that returns through
 * an incremented return address: a mispredicted return on every call of the
 * function. Nearly every Go function has a bounds or nil check, so calling
 * the C runtime's panics directly put that cost on almost every call (and
 * every function with an append or a pointer store paid it too). This
 * file is compiled with -fsplit-stack (runtime/CMakeLists.txt): calls into it
 * leave their callers' prologues alone, and each entry pays the crossing
 * into the non-split runtime itself, on the slow path only. Only compiled
 * code calls these; the bodies are the rt_raise* functions, rt_growslice_c
 * and rt_wbstore. */
#include "runtime.h"

void rt_raiseslicealen(int64_t b, int64_t len);
void rt_raisesliceacap(int64_t b, int64_t cap);
void rt_raisesliceb(int64_t a, int64_t b);
void rt_raiseslice3alen(int64_t c, int64_t len);
void rt_raiseslice3acap(int64_t c, int64_t cap);
void rt_raiseslice3b(int64_t b, int64_t c);
void rt_raiseslice3c(int64_t a, int64_t b);
void rt_raisesliceconvert(int64_t len, int64_t n);
void rt_raiseshift(void);
void rt_raisedivide(void);

void rt_panicindex(int64_t i, int64_t len) { rt_raiseindex(i, len); }
void rt_panicslicealen(int64_t b, int64_t len) { rt_raiseslicealen(b, len); }
void rt_panicsliceacap(int64_t b, int64_t cap) { rt_raisesliceacap(b, cap); }
void rt_panicsliceb(int64_t a, int64_t b) { rt_raisesliceb(a, b); }
void rt_panicslice3alen(int64_t c, int64_t len) { rt_raiseslice3alen(c, len); }
void rt_panicslice3acap(int64_t c, int64_t cap) { rt_raiseslice3acap(c, cap); }
void rt_panicslice3b(int64_t b, int64_t c) { rt_raiseslice3b(b, c); }
void rt_panicslice3c(int64_t a, int64_t b) { rt_raiseslice3c(a, b); }
void rt_panicsliceconvert(int64_t len, int64_t n) { rt_raisesliceconvert(len, n); }
void rt_panicshift(void) { rt_raiseshift(); }
void rt_panicdivide(void) { rt_raisedivide(); }
void rt_panicdottype(const GoType *have, const GoType *want, const GoType *iface) { rt_raisedottype(have, want, iface); }
/* the faulting pc gc would report is the compiled code's, not this frame's */
void rt_panicnil(void) { rt_raisenil((uintptr_t)__builtin_return_address(0)); }

void rt_growslice_c(GoSlice *out, const GoType *elem, void *oldptr, int64_t oldlen, int64_t oldcap, int64_t newlen);
void rt_growslice(GoSlice *out, const GoType *elem, void *oldptr, int64_t oldlen, int64_t oldcap, int64_t newlen) {
	rt_growslice_c(out, elem, oldptr, oldlen, oldcap, newlen);
}
/* compiled code's pointer stores while rt_wbenabled is set (the C runtime
 * calls rt_wbstore itself) */
void rt_gowbstore(void **slot, void *val) { rt_wbstore(slot, val); }
