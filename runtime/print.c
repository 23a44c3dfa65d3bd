/* print.c: the builtins print and println, formatted exactly as gc's
 * runtime/print.go formats them, written unbuffered to standard error. The
 * compiler lowers `println(a, b)` to rt_printlock, one rt_printX per operand
 * with rt_printsp between them, rt_printnl, rt_printunlock. */
#include <pthread.h>
#include <unistd.h>

#include "runtime.h"

static pthread_mutex_t printmu = PTHREAD_MUTEX_INITIALIZER;
/* The lock is taken recursively, per thread (M). A goroutine holding it
 * must not be preempted (gc's printlock raises m.locks for the same
 * reason): moved to another M it would unlock a mutex it does not hold
 * there, and the next G on this M would print inside its critical section.
 * signal.c and sched.c do not preempt while rt_printdepth > 0. */
_Thread_local int rt_printdepth;

void rt_printlock(void) {
	if (rt_printdepth++ == 0) pthread_mutex_lock(&printmu);
}

void rt_printunlock(void) {
	if (--rt_printdepth == 0) pthread_mutex_unlock(&printmu);
}

void rt_write_stderr(const void *p, intptr_t n) {
	const char *s = p;
	while (n > 0) {
		ssize_t w = write(2, s, (size_t)n);
		if (w <= 0) return;
		s += w;
		n -= w;
	}
}

void rt_printstring(GoString s) { rt_write_stderr(s.ptr, s.len); }
void rt_printsp(void) { rt_write_stderr(" ", 1); }
void rt_printnl(void) { rt_write_stderr("\n", 1); }

void rt_printbool(_Bool v) {
	if (v) rt_write_stderr("true", 4);
	else rt_write_stderr("false", 5);
}

void rt_printuint(uint64_t v) {
	char buf[32];
	int i = sizeof buf;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	rt_write_stderr(buf + i, sizeof buf - i);
}

void rt_printint(int64_t v) {
	if (v < 0) {
		rt_write_stderr("-", 1);
		rt_printuint(-(uint64_t)v);
		return;
	}
	rt_printuint((uint64_t)v);
}

void rt_printhex(uint64_t v) {
	static const char dig[] = "0123456789abcdef";
	char buf[32];
	int i = sizeof buf;
	do {
		buf[--i] = dig[v % 16];
		v /= 16;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	rt_write_stderr(buf + i, sizeof buf - i);
}

void rt_printpointer(const void *p) { rt_printhex((uint64_t)(uintptr_t)p); }

/* +d.dddddde+ddd, seven significant digits, as gc. */
void rt_printfloat(double v) {
	if (v != v) {
		rt_write_stderr("NaN", 3);
		return;
	}
	if (v + v == v && v > 0) {
		rt_write_stderr("+Inf", 4);
		return;
	}
	if (v + v == v && v < 0) {
		rt_write_stderr("-Inf", 4);
		return;
	}
	enum { N = 7 };
	char buf[N + 7];
	buf[0] = '+';
	int e = 0;
	if (v == 0) {
		if (1 / v < 0) buf[0] = '-';
	} else {
		if (v < 0) {
			v = -v;
			buf[0] = '-';
		}
		while (v >= 10) {
			e++;
			v /= 10;
		}
		while (v < 1) {
			e--;
			v *= 10;
		}
		double h = 5.0;
		for (int i = 0; i < N; i++) h /= 10;
		v += h;
		if (v >= 10) {
			e++;
			v /= 10;
		}
	}
	for (int i = 0; i < N; i++) {
		int s = (int)v;
		buf[i + 2] = (char)(s + '0');
		v -= s;
		v *= 10;
	}
	buf[1] = buf[2];
	buf[2] = '.';
	buf[N + 2] = 'e';
	buf[N + 3] = '+';
	if (e < 0) {
		e = -e;
		buf[N + 3] = '-';
	}
	buf[N + 4] = (char)(e / 100 + '0');
	buf[N + 5] = (char)(e / 10 % 10 + '0');
	buf[N + 6] = (char)(e % 10 + '0');
	rt_write_stderr(buf, sizeof buf);
}

void rt_printcomplex(double re, double im) {
	rt_write_stderr("(", 1);
	rt_printfloat(re);
	rt_printfloat(im);
	rt_write_stderr("i)", 2);
}

/* [len/cap]0xptr; the slice comes as three words (a 24-byte struct would
 * be passed in memory, which compiled code does not do). */
void rt_printslice(void *ptr, int64_t len, int64_t cap) {
	rt_write_stderr("[", 1);
	rt_printint(len);
	rt_write_stderr("/", 1);
	rt_printint(cap);
	rt_write_stderr("]", 1);
	rt_printpointer(ptr);
}

/* Both interface forms print as (word0,word1). */
void rt_printiface(const void *w0, const void *w1) {
	rt_write_stderr("(", 1);
	rt_printpointer(w0);
	rt_write_stderr(",", 1);
	rt_printpointer(w1);
	rt_write_stderr(")", 1);
}
