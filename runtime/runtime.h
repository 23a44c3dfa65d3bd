/* runtime.h: the contracts between the runtime's subsystems, and between the
 * runtime and compiled Go code. Each subsystem keeps its internals in its own
 * .c file (and a private header if it needs one); what another subsystem or
 * the compiler may call is declared here, grouped by the file that owns it.
 *
 * Naming: everything compiled code calls starts with rt_. Inside the runtime a
 * subsystem's own helpers carry its prefix (heap_, gc_, sched_, stack_,
 * chan_, map_, ...).
 */
#ifndef GOC_RUNTIME_H
#define GOC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "type.h"

/* ---- malloc.c: the one allocation entry -------------------------------
 * Every allocation made by compiled code or by the runtime on behalf of Go
 * values goes through rt_mallocgc, which knows the type and so where the
 * pointers are. typ == NULL or typ->ptrdata == 0 means the object holds no
 * pointers (noscan). size may be a multiple of typ->size (arrays of typ). */
void *rt_mallocgc(uintptr_t size, const GoType *typ, int needzero);
void *rt_new(const GoType *typ);                     /* new(T), zeroed */
void *rt_newarray(const GoType *elem, intptr_t n);   /* make([]T, n) backing */

/* ---- gc.c: collector entry points --------------------------------------
 * Write barrier. Compiled code stores a pointer into the heap with
 *     if (rt_wbenabled) rt_wbstore(slot, val); else *slot = val;
 * The slow path does the store itself. rt_typedmemmove copies a value of
 * type typ that may contain pointers (structs, arrays, interfaces). */
extern volatile uint32_t rt_wbenabled;
void rt_wbstore(void **slot, void *val);
void rt_typedmemmove(const GoType *typ, void *dst, const void *src);

/* Global roots: compiled code registers each package's data before package
 * initialization; bitmap has one bit per word (LSB first) as GoType.gcdata. */
void rt_gc_addroots(void *start, uintptr_t nbytes, const uint8_t *bitmap);

void rt_gc_init(void);  /* called once from the program entry */
void rt_gc(void);       /* runtime.GC(): a full collection */

/* ---- sched.c: what the collector needs from the scheduler --------------
 * Stop every other goroutine at a point where its registers are saved on its
 * stack (or in its G), and restart them. */
void rt_stw_stop(const char *reason);
void rt_stw_start(void);
/* With the world stopped: call fn for the live range [lo, hi) of every
 * goroutine stack (saved registers included) and of every M's system stack
 * that is in use; the collector scans these conservatively. */
typedef void (*rt_rangefn)(uintptr_t lo, uintptr_t hi, void *ctx);
void rt_sched_each_stack(rt_rangefn fn, void *ctx);

/* ---- sched.c: goroutines -------------------------------------------------
 * `go f(args)` is compiled to a heap-allocated argument block and a thunk that
 * unpacks it: rt_go(thunk, block). */
void rt_go(void (*fn)(void *arg), void *arg);

/* ---- panic.c: runtime errors ---------------------------------------------
 * rt_panicrt: a runtime.Error, printed "panic: runtime error: msg".
 * rt_panicplain: a runtime.Error printed without the prefix, for gc's
 * plainError panics ("send on closed channel", "close of nil channel").
 * rt_throw: an unrecoverable "fatal error: msg", exit status 2. */
noreturn void rt_panicrt(const char *msg);
noreturn void rt_panicplain(const char *msg);
noreturn void rt_throw(const char *msg);

/* ---- print.c: the print/println builtins, and raw stderr output ---------- */
void rt_write_stderr(const void *p, intptr_t n);
void rt_printlock(void);
void rt_printunlock(void);

#endif
