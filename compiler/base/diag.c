/* diag.c: collecting and reporting compile errors in gc's format. */
#include <stdio.h>
#include <stdlib.h>

#include "base.h"

typedef struct Diag {
	Pos pos;
	int seq;
	char *msg;
} Diag;

static VEC(Diag) diags;
static int total;
int diag_limit = 10;

void diag_errorv(Pos p, const char *fmt, va_list ap) {
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *msg = xmalloc((size_t)n + 1);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	Diag d = {p, total++, msg};
	vec_push(&diags, d);
}

void diag_error(Pos p, const char *fmt, ...) {
	va_list ap;
	va_start(ap, fmt);
	diag_errorv(p, fmt, ap);
	va_end(ap);
}

void diag_syntax(Pos p, const char *fmt, ...) {
	/* gc reports one syntax error per line: later ones on the same line are
	 * usually consequences of the first. */
	if (diags.n > 0) {
		LineCol a = pos_linecol(diags.v[diags.n - 1].pos), b = pos_linecol(p);
		if (a.src == b.src && a.line == b.line) return;
	}
	va_list ap;
	va_start(ap, fmt);
	diag_errorv(p, fmt, ap);
	va_end(ap);
}

int diag_count(void) { return total; }

void diag_reset(void) {
	for (int i = 0; i < diags.n; i++) free(diags.v[i].msg);
	diags.n = 0;
	total = 0;
}

static int cmp(const void *a, const void *b) {
	const Diag *x = a, *y = b;
	if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
	return x->seq - y->seq;
}

void diag_flush(void) {
	qsort(diags.v, (size_t)diags.n, sizeof(Diag), cmp);
	int shown = 0;
	for (int i = 0; i < diags.n; i++) {
		Diag *d = &diags.v[i];
		if (diag_limit > 0 && shown == diag_limit) {
			/* gc prints the position of the last error it showed */
			LineCol lc = pos_linecol(diags.v[i - 1].pos);
			fprintf(stderr, "%s:%d:%d: too many errors\n", lc.src ? lc.src->name : "?", lc.line, lc.col);
			break;
		}
		if (d->pos == NOPOS) fprintf(stderr, "%s\n", d->msg);
		else {
			LineCol lc = pos_linecol(d->pos);
			fprintf(stderr, "%s:%d:%d: %s\n", lc.src->name, lc.line, lc.col, d->msg);
		}
		shown++;
	}
	for (int i = 0; i < diags.n; i++) free(diags.v[i].msg);
	diags.n = 0;
}
