/* panic.c: runtime errors and fatal errors.
 * For now a panic prints gc's first line and exits with status 2; defer,
 * recover and the goroutine trace arrive with code generation (issue 4). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static noreturn void die(const char *prefix, const char *msg) {
	rt_printlock();
	rt_write_stderr(prefix, (intptr_t)strlen(prefix));
	rt_write_stderr(msg, (intptr_t)strlen(msg));
	char trailer[64];
	int n = snprintf(trailer, sizeof trailer, "\n\ngoroutine %llu [running]:\n", (unsigned long long)(rt_goid() ? rt_goid() : 1));
	rt_write_stderr(trailer, n);
	rt_traceback_here(0);
	rt_printunlock();
	exit(2);
}

/* Runtime errors are Go values of an error type, so recover() returns them
 * and a deferred call may inspect them; their Error() is gc's text. */
typedef struct RtError {
	GoString msg;
} RtError;

static GoString rterror_Error(void *data) { return ((RtError *)data)->msg; }
static void rterror_RuntimeError(void *data) { (void)data; }
/* sorted by name; RuntimeError makes them satisfy runtime.Error */
static const GoMethod rterror_methods[] = {
	{{(const uint8_t *)"Error", 5}, NULL, (void (*)(void))rterror_Error},
	{{(const uint8_t *)"RuntimeError", 12}, NULL, (void (*)(void))rterror_RuntimeError},
};
static const GoUncommon rterror_uncommon = {2, rterror_methods};
static GoType rterror_type = {
	.size = sizeof(RtError), .ptrdata = 8, .align = 8, .fieldalign = 8, .kind = KIND_STRUCT,
	.gcdata = (const uint8_t *)"\x01", .name = {(const uint8_t *)"runtime.Error", 13}, .uncommon = &rterror_uncommon,
};

static RtError *new_error(const char *prefix, const char *msg) {
	size_t a = strlen(prefix), b = strlen(msg);
	uint8_t *s = rt_mallocgc(a + b, NULL, 0);
	memcpy(s, prefix, a);
	memcpy(s + a, msg, b);
	RtError *e = rt_mallocgc(sizeof *e, &rterror_type, 1);
	e->msg = (GoString){s, (intptr_t)(a + b)};
	return e;
}

static noreturn void error_panic(const char *prefix, const char *msg) { rt_gopanic(&rterror_type, new_error(prefix, msg)); }

void rt_panicsig(const RtSigInfo *si) {
	rt_gopanic_sig(&rterror_type, new_error("runtime error: ", "invalid memory address or nil pointer dereference"), si);
}

void rt_panicrt(const char *msg) { error_panic("runtime error: ", msg); }
/* Compiled code's explicit nil checks: reported as the fault at address 0
 * that gc's nil-check probe would take. */
void rt_raisenil(uintptr_t pc) {
	RtSigInfo si = {SIGSEGV, 1, 0, pc};
	rt_panicsig(&si);
}
void rt_panicplain(const char *msg) { error_panic("", msg); }
void rt_throw(const char *msg) { die("fatal error: ", msg); }

/* Runtime errors raised by compiled code, with gc's messages. */
void rt_raiseshift(void) { rt_panicrt("negative shift amount"); }
void rt_raisedivide(void) { rt_panicrt("integer divide by zero"); }

/* ---- printing panic values ---------------------------------------------------
 * As gc's printpanicval: errors by their Error method, Stringers by String,
 * basic values as print does, named basic types as T(v), others as
 * (T) 0xaddr. */

static const GoMethod *find_method(const GoType *t, const char *name) {
	if (!t || !t->uncommon) return NULL;
	size_t n = strlen(name);
	for (intptr_t i = 0; i < t->uncommon->nmethods; i++) {
		const GoMethod *m = &t->uncommon->methods[i];
		if ((size_t)m->name.len == n && memcmp(m->name.ptr, name, n) == 0) return m;
	}
	return NULL;
}

static void print_typename(const GoType *t) { rt_write_stderr(t->name.ptr, t->name.len); }

void rt_printfloat(double v);
void rt_printint(int64_t v);
void rt_printuint(uint64_t v);
void rt_printbool(_Bool v);
void rt_printhex(uint64_t v);

static void print_basic(const GoType *t, const void *p, bool named) {
	int k = t->kind & KIND_MASK;
	if (named) {
		print_typename(t);
		rt_write_stderr(k == KIND_STRING ? "(\"" : "(", k == KIND_STRING ? 2 : 1);
	}
	switch (k) {
	case KIND_BOOL: rt_printbool(*(const _Bool *)p); break;
	case KIND_INT: case KIND_INT64: rt_printint(*(const int64_t *)p); break;
	case KIND_INT8: rt_printint(*(const int8_t *)p); break;
	case KIND_INT16: rt_printint(*(const int16_t *)p); break;
	case KIND_INT32: rt_printint(*(const int32_t *)p); break;
	case KIND_UINT: case KIND_UINT64: case KIND_UINTPTR: rt_printuint(*(const uint64_t *)p); break;
	case KIND_UINT8: rt_printuint(*(const uint8_t *)p); break;
	case KIND_UINT16: rt_printuint(*(const uint16_t *)p); break;
	case KIND_UINT32: rt_printuint(*(const uint32_t *)p); break;
	case KIND_FLOAT32: rt_printfloat(*(const float *)p); break;
	case KIND_FLOAT64: rt_printfloat(*(const double *)p); break;
	case KIND_STRING: {
		const GoString *s = p;
		rt_write_stderr(s->ptr, s->len);
		break;
	}
	}
	if (named) rt_write_stderr(k == KIND_STRING ? "\")" : ")", k == KIND_STRING ? 2 : 1);
}

/* The panic value as gc's printpanicval prints it (defer.c prints the rest). */
void rt_printpanicval(const GoType *t, void *data) {
	const GoMethod *m = find_method(t, "Error");
	if (!m) m = find_method(t, "String");
	if (!t) {
		rt_write_stderr("nil", 3);
	} else if (m) {
		GoString (*fn)(void *) = (GoString(*)(void *))m->ifn;
		GoString s = fn(data);
		rt_write_stderr(s.ptr, s.len);
	} else {
		int k = t->kind & KIND_MASK;
		const void *p = (t->kind & KIND_DIRECTIFACE) ? (const void *)&data : data;
		if (k == KIND_BOOL || (k >= KIND_INT && k <= KIND_FLOAT64) || k == KIND_STRING) {
			print_basic(t, p, (t->tflag & TFLAG_NAMED) != 0);
		} else {
			rt_write_stderr("(", 1);
			print_typename(t);
			rt_write_stderr(") ", 2);
			rt_printhex((uint64_t)(uintptr_t)data);
		}
	}
}
