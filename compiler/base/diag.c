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

/* gc's filter (base.ErrorfAt): one syntax error per line, whatever it says;
 * other errors are dropped only when they repeat the last one's message on
 * its line. The two kinds are tracked apart, so a lexer's error does not hide
 * the parser's error on the same line. */
static Pos last_syntax, last_other;
static char *last_msg;

static bool sameline(Pos a, Pos b) {
	if (a == NOPOS || b == NOPOS) return false;
	LineCol x = pos_linecol(a), y = pos_linecol(b);
	return x.src == y.src && x.line == y.line;
}

void diag_errorv(Pos p, const char *fmt, va_list ap) {
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *msg = xmalloc((size_t)n + 1);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	if (strncmp(msg, "syntax error", 12) == 0) {
		if (sameline(last_syntax, p)) {
			free(msg);
			return;
		}
		last_syntax = p;
	} else {
		if (last_msg && sameline(last_other, p) && strcmp(last_msg, msg) == 0) {
			free(msg);
			return;
		}
		last_other = p;
		free(last_msg);
		last_msg = xmalloc((size_t)n + 1);
		memcpy(last_msg, msg, (size_t)n + 1);
	}
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
	/* the same filter as every error (see diag_errorv): kept as the parser's
	 * entry point */
	va_list ap;
	va_start(ap, fmt);
	diag_errorv(p, fmt, ap);
	va_end(ap);
}

int diag_count(void) { return total; }

/* Errors the parser reports that gc does not count as syntax errors (no
 * "syntax error" prefix): gc goes on to type-check the file. */
static int soft;
void diag_soft(Pos p, const char *fmt, ...) {
	int before = total;
	va_list ap;
	va_start(ap, fmt);
	diag_errorv(p, fmt, ap);
	va_end(ap);
	soft += total - before;
}
int diag_hard_count(void) { return total - soft; }
int diag_count_nopos(void) {
	int n = 0;
	for (int i = 0; i < diags.n; i++) n += diags.v[i].pos == NOPOS;
	return n;
}

void diag_reset(void) {
	for (int i = 0; i < diags.n; i++) free(diags.v[i].msg);
	diags.n = 0;
	total = 0;
	soft = 0;
	last_syntax = last_other = NOPOS;
	free(last_msg);
	last_msg = NULL;
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
		/* gc's FlushErrors drops exact repeats */
		if (i > 0 && d->pos == diags.v[i - 1].pos && strcmp(d->msg, diags.v[i - 1].msg) == 0) continue;
		if (d->pos == NOPOS) fprintf(stderr, "%s\n", d->msg);
		else {
			LineCol lc = pos_linecol(d->pos);
			fprintf(stderr, "%s:%d:%d: %s\n", lc.src->name, lc.line, lc.col, d->msg);
		}
		shown++;
		if (diag_limit > 0 && shown == diag_limit) {
			/* gc's ErrorfAt stops at the tenth error, whether or not more follow */
			LineCol lc = pos_linecol(d->pos);
			fprintf(stderr, "%s:%d:%d: too many errors\n", lc.src ? lc.src->name : "?", lc.line, lc.col);
			break;
		}
	}
	for (int i = 0; i < diags.n; i++) free(diags.v[i].msg);
	diags.n = 0;
}
