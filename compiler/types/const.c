/* const.c: exact constant arithmetic, as go/constant does it, on GMP.
 *
 * Integers are mpz_t; floating-point constants are exact rationals (mpq_t),
 * which is at least as precise as the spec's minimum (256-bit mantissas)
 * for every value a program can write; complex constants are two
 * rationals. Values live in the compilation's arena: GMP is given arena
 * allocation functions, so no constant is ever freed one by one.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "types.h"
#include "grammar.h"
#include "../lex/lex.h"

/* ---- GMP memory from the arena ------------------------------------------- */

static void *gmp_alloc(size_t n) { return arena_alloc(g_arena, n); }
static void *gmp_realloc(void *p, size_t old, size_t n) {
	if (n <= old) return p;
	void *q = arena_alloc(g_arena, n);
	memcpy(q, p, old);
	return q;
}
static void gmp_free(void *p, size_t n) { (void)p, (void)n; }

void const_init(void) {
	static bool done;
	if (done) return;
	done = true;
	mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

/* ---- construction ------------------------------------------------------------ */

static Const *cnew(ConstKind k) {
	Const *c = NEW(Const);
	c->kind = k;
	if (k == CV_INT) mpz_init(c->z);
	if (k == CV_FLOAT || k == CV_COMPLEX) mpq_init(c->re);
	if (k == CV_COMPLEX) mpq_init(c->im);
	return c;
}

Const *const_bool(bool b) {
	Const *c = cnew(CV_BOOL);
	c->b = b;
	return c;
}

Const *const_int64(int64_t v) {
	Const *c = cnew(CV_INT);
	mpz_set_si(c->z, v);
	return c;
}

Const *const_string(const char *s, int64_t len) {
	Const *c = cnew(CV_STRING);
	c->s = s;
	c->len = len;
	return c;
}

/* Moves x to kind k (int < float < complex) without loss. */
static Const *promote(const Const *x, ConstKind k) {
	if (x->kind == k) return (Const *)x;
	Const *c = cnew(k);
	if (x->kind == CV_INT) mpq_set_z(c->re, x->z);
	else mpq_set(c->re, x->re); /* float -> complex */
	return c;
}

/* A float or complex that is exactly an integer, as an int (else NULL). */
static Const *to_int(const Const *x) {
	if (x->kind == CV_INT) return (Const *)x;
	if (x->kind == CV_COMPLEX && mpq_sgn(x->im) != 0) return NULL;
	if (mpz_cmp_ui(mpq_denref(x->re), 1) != 0) return NULL;
	Const *c = cnew(CV_INT);
	mpz_set(c->z, mpq_numref(x->re));
	return c;
}

bool const_int_value(const Const *x, int64_t *v) {
	Const *i = x ? to_int(x) : NULL;
	if (!i || !mpz_fits_slong_p(i->z)) return false;
	*v = mpz_get_si(i->z);
	return true;
}

/* ---- literals ------------------------------------------------------------------- */

static int digit_value(int ch) {
	if (ch >= '0' && ch <= '9') return ch - '0';
	ch |= 0x20;
	if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
	return 99;
}

/* Parses an integer, float or imaginary literal (already validated by the
 * lexer) into an exact value. */
static Const *number_lit(int kind, const char *lit, uint32_t len) {
	char *buf = arena_alloc(g_arena, len + 1);
	uint32_t n = 0;
	for (uint32_t i = 0; i < len; i++)
		if (lit[i] != '_') buf[n++] = lit[i];
	buf[n] = 0;
	if (kind == T_IMAG) buf[--n] = 0;
	int base = 10;
	char *p = buf;
	if (p[0] == '0' && n > 1) {
		int x = p[1] | 0x20;
		if (x == 'x') base = 16, p += 2;
		else if (x == 'b') base = 2, p += 2;
		else if (x == 'o') base = 8, p += 2;
		else if (kind == T_INT) base = 8, p += 1;
	}
	if (kind == T_INT) {
		Const *c = cnew(CV_INT);
		mpz_set_str(c->z, p, base);
		return c;
	}
	/* mantissa digits with a point, then an exponent (e: 10, p: 2) */
	mpz_t mant;
	mpz_init(mant);
	long frac = 0, exp = 0;
	bool point = false;
	for (; *p; p++) {
		if (*p == '.') {
			point = true;
			continue;
		}
		int d = digit_value(*p);
		if (d >= base) break;
		mpz_mul_ui(mant, mant, (unsigned long)base);
		mpz_add_ui(mant, mant, (unsigned long)d);
		if (point) frac++;
	}
	if (*p == 'e' || *p == 'E' || *p == 'p' || *p == 'P') exp = strtol(p + 1, NULL, 10);
	Const *c = cnew(CV_FLOAT);
	mpq_set_z(c->re, mant);
	/* value = mant * base^-frac * (10 or 2)^exp */
	mpz_t pw;
	mpz_init(pw);
	if (frac) {
		mpz_ui_pow_ui(pw, (unsigned long)base, (unsigned long)frac);
		mpq_t q;
		mpq_init(q);
		mpq_set_z(q, pw);
		mpq_div(c->re, c->re, q);
	}
	if (exp) {
		unsigned long eb = base == 16 ? 2 : 10;
		/* gc limits exponents; beyond this the value is 0 or inf anyway */
		long e = exp < 0 ? -exp : exp;
		if (e > 100000) e = 100000;
		mpz_ui_pow_ui(pw, eb, (unsigned long)e);
		mpq_t q;
		mpq_init(q);
		mpq_set_z(q, pw);
		if (exp > 0) mpq_mul(c->re, c->re, q);
		else mpq_div(c->re, c->re, q);
	}
	mpq_canonicalize(c->re);
	if (kind == T_IMAG) {
		Const *z = cnew(CV_COMPLEX);
		mpq_set(z->im, c->re);
		return z;
	}
	return c;
}

/* A rune literal's value: the character or escape between the quotes. */
static Const *rune_lit(const char *lit, uint32_t len) {
	const uint8_t *p = (const uint8_t *)lit + 1;
	uint32_t r = 0;
	if (*p == '\\') {
		p++;
		switch (*p) {
		case 'a': r = 7; break;
		case 'b': r = 8; break;
		case 'f': r = 12; break;
		case 'n': r = 10; break;
		case 'r': r = 13; break;
		case 't': r = 9; break;
		case 'v': r = 11; break;
		case '\\': r = '\\'; break;
		case '\'': r = '\''; break;
		case '"': r = '"'; break;
		default: {
			int digits = *p == 'x' ? 2 : *p == 'u' ? 4 : *p == 'U' ? 8 : 3;
			int base = (*p >= '0' && *p <= '7') ? 8 : 16;
			if (base == 16) p++;
			for (int i = 0; i < digits; i++) r = r * (uint32_t)base + (uint32_t)digit_value(*p++);
		}
		}
	} else {
		int n = utf8_decode(p, (const uint8_t *)lit + len, &r);
		(void)n;
	}
	return const_int64(r);
}

/* Decodes a string literal's source text into its bytes. */
static Const *string_lit(const char *lit, uint32_t len) {
	char *out = arena_alloc(g_arena, len + 1);
	int64_t n = 0;
	if (lit[0] == '`') {
		for (uint32_t i = 1; i + 1 < len; i++)
			if (lit[i] != '\r') out[n++] = lit[i];
		return const_string(out, n);
	}
	for (uint32_t i = 1; i + 1 < len; i++) {
		char ch = lit[i];
		if (ch != '\\') {
			out[n++] = ch;
			continue;
		}
		ch = lit[++i];
		switch (ch) {
		case 'a': out[n++] = '\a'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'v': out[n++] = '\v'; break;
		case '\\': out[n++] = '\\'; break;
		case '"': out[n++] = '"'; break;
		case '\'': out[n++] = '\''; break;
		default: {
			int digits = ch == 'x' ? 2 : ch == 'u' ? 4 : ch == 'U' ? 8 : 3;
			int base = (ch >= '0' && ch <= '7') ? 8 : 16;
			if (base == 8) i--;
			uint32_t v = 0;
			for (int d = 0; d < digits; d++) {
				char h = lit[++i];
				v = v * (uint32_t)base + (uint32_t)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
			}
			if (ch == 'u' || ch == 'U') n += utf8_encode(v, out + n);
			else out[n++] = (char)v;
		}
		}
	}
	return const_string(out, n);
}

Const *const_from_literal(int kind, const char *lit, uint32_t len) {
	switch (kind) {
	case T_STRING: return string_lit(lit, len);
	case T_CHAR: return rune_lit(lit, len);
	case T_INT: case T_FLOAT: case T_IMAG: return number_lit(kind, lit, len);
	}
	return NULL;
}

/* ---- operations ------------------------------------------------------------------- */

static ConstKind maxkind(ConstKind a, ConstKind b) { return a > b ? a : b; }

Const *const_unary(int op, const Const *x, int bits, bool is_unsigned) {
	Const *c;
	switch (op) {
	case T_PLUS: return (Const *)x;
	case T_MINUS:
		c = cnew(x->kind);
		if (x->kind == CV_INT) mpz_neg(c->z, x->z);
		else {
			mpq_neg(c->re, x->re);
			if (x->kind == CV_COMPLEX) mpq_neg(c->im, x->im);
		}
		return c;
	case T_XOR:
		if (x->kind != CV_INT) return NULL;
		c = cnew(CV_INT);
		if (is_unsigned && bits > 0) {
			/* ^x for unsigned x flips the bits of its width: x ^ (2^bits - 1) */
			mpz_t m;
			mpz_init(m);
			mpz_ui_pow_ui(m, 2, (unsigned long)bits);
			mpz_sub_ui(m, m, 1);
			mpz_xor(c->z, x->z, m);
		} else mpz_com(c->z, x->z);
		return c;
	case T_NOT:
		if (x->kind != CV_BOOL) return NULL;
		return const_bool(!x->b);
	}
	return NULL;
}

/* x op y for arithmetic and bitwise ops; both are of matching kinds after
 * promotion. intdiv: `/` on integers truncates (both operands integer
 * typed or untyped int). Returns NULL for an invalid op; *divzero is set
 * for a division by zero. */
Const *const_binary(int op, const Const *x, const Const *y, bool intdiv, bool *divzero) {
	*divzero = false;
	if (x->kind == CV_STRING || y->kind == CV_STRING) {
		if (op != T_PLUS || x->kind != y->kind) return NULL;
		char *s = arena_alloc(g_arena, (size_t)(x->len + y->len + 1));
		memcpy(s, x->s, (size_t)x->len);
		memcpy(s + x->len, y->s, (size_t)y->len);
		return const_string(s, x->len + y->len);
	}
	if (x->kind == CV_BOOL || y->kind == CV_BOOL) {
		if (x->kind != y->kind) return NULL;
		if (op == T_ANDAND) return const_bool(x->b && y->b);
		if (op == T_OROR) return const_bool(x->b || y->b);
		return NULL;
	}
	ConstKind k = maxkind(x->kind, y->kind);
	if (op == T_DIV && k == CV_INT && !intdiv) k = CV_FLOAT;
	x = promote(x, k);
	y = promote(y, k);
	Const *c = cnew(k);
	if (k == CV_INT) {
		switch (op) {
		case T_PLUS: mpz_add(c->z, x->z, y->z); return c;
		case T_MINUS: mpz_sub(c->z, x->z, y->z); return c;
		case T_STAR: mpz_mul(c->z, x->z, y->z); return c;
		case T_DIV: case T_MOD:
			if (mpz_sgn(y->z) == 0) {
				*divzero = true;
				return NULL;
			}
			if (op == T_DIV) mpz_tdiv_q(c->z, x->z, y->z);
			else mpz_tdiv_r(c->z, x->z, y->z);
			return c;
		case T_AND: mpz_and(c->z, x->z, y->z); return c;
		case T_OR: mpz_ior(c->z, x->z, y->z); return c;
		case T_XOR: mpz_xor(c->z, x->z, y->z); return c;
		case T_ANDNOT: {
			mpz_t t;
			mpz_init(t);
			mpz_com(t, y->z);
			mpz_and(c->z, x->z, t);
			return c;
		}
		}
		return NULL;
	}
	if (k == CV_FLOAT) {
		switch (op) {
		case T_PLUS: mpq_add(c->re, x->re, y->re); return c;
		case T_MINUS: mpq_sub(c->re, x->re, y->re); return c;
		case T_STAR: mpq_mul(c->re, x->re, y->re); return c;
		case T_DIV:
			if (mpq_sgn(y->re) == 0) {
				*divzero = true;
				return NULL;
			}
			mpq_div(c->re, x->re, y->re);
			return c;
		}
		return NULL;
	}
	/* complex */
	mpq_t t1, t2;
	mpq_init(t1);
	mpq_init(t2);
	switch (op) {
	case T_PLUS: mpq_add(c->re, x->re, y->re); mpq_add(c->im, x->im, y->im); return c;
	case T_MINUS: mpq_sub(c->re, x->re, y->re); mpq_sub(c->im, x->im, y->im); return c;
	case T_STAR:
		mpq_mul(t1, x->re, y->re);
		mpq_mul(t2, x->im, y->im);
		mpq_sub(c->re, t1, t2);
		mpq_mul(t1, x->re, y->im);
		mpq_mul(t2, x->im, y->re);
		mpq_add(c->im, t1, t2);
		return c;
	case T_DIV: {
		mpq_t d;
		mpq_init(d);
		mpq_mul(t1, y->re, y->re);
		mpq_mul(t2, y->im, y->im);
		mpq_add(d, t1, t2);
		if (mpq_sgn(d) == 0) {
			*divzero = true;
			return NULL;
		}
		mpq_mul(t1, x->re, y->re);
		mpq_mul(t2, x->im, y->im);
		mpq_add(c->re, t1, t2);
		mpq_div(c->re, c->re, d);
		mpq_mul(t1, x->im, y->re);
		mpq_mul(t2, x->re, y->im);
		mpq_sub(c->im, t1, t2);
		mpq_div(c->im, c->im, d);
		return c;
	}
	}
	return NULL;
}

/* x << s or x >> s; x must be (convertible to) an integer. */
Const *const_shift(int op, const Const *x, uint64_t s) {
	Const *i = to_int(x);
	if (!i) return NULL;
	Const *c = cnew(CV_INT);
	if (op == T_SHL) mpz_mul_2exp(c->z, i->z, s);
	else mpz_fdiv_q_2exp(c->z, i->z, s);
	return c;
}

bool const_compare(int op, const Const *x, const Const *y) {
	int r;
	if (x->kind == CV_STRING) {
		int64_t n = x->len < y->len ? x->len : y->len;
		r = memcmp(x->s, y->s, (size_t)n);
		if (r == 0) r = x->len < y->len ? -1 : x->len > y->len;
	} else if (x->kind == CV_BOOL) {
		r = x->b != y->b;
	} else {
		ConstKind k = maxkind(x->kind, y->kind);
		x = promote(x, k);
		y = promote(y, k);
		if (k == CV_INT) r = mpz_cmp(x->z, y->z);
		else if (k == CV_FLOAT) r = mpq_cmp(x->re, y->re);
		else r = !(mpq_equal(x->re, y->re) && mpq_equal(x->im, y->im));
	}
	switch (op) {
	case T_EQ: return r == 0;
	case T_NE: return r != 0;
	case T_LT: return r < 0;
	case T_LE: return r <= 0;
	case T_GT: return r > 0;
	default: return r >= 0;
	}
}

/* ---- representability --------------------------------------------------------------- */

/* Rounds a rational to the nearest float64 (float32 if single), ties to
 * even, subnormals included; *inf is set if it overflows. Exact, on GMP
 * integers: m = round(|q| / 2^s) with s the exponent of the result's last
 * significand bit. */
static double round_float(mpq_srcptr q, bool single, bool *inf) {
	*inf = false;
	int sgn = mpq_sgn(q);
	if (sgn == 0) return 0;
	const int prec = single ? 24 : 53;
	const long minlsb = single ? -149 : -1074;
	mpz_t n, d, t;
	mpz_init(n);
	mpz_init(t);
	mpz_abs(n, mpq_numref(q));
	mpz_init_set(d, mpq_denref(q));
	/* e = floor(log2 |q|) */
	long e = (long)mpz_sizeinbase(n, 2) - (long)mpz_sizeinbase(d, 2);
	if (e >= 0) {
		mpz_mul_2exp(t, d, (mp_bitcnt_t)e);
		if (mpz_cmp(n, t) < 0) e--;
	} else {
		mpz_mul_2exp(t, n, (mp_bitcnt_t)-e);
		if (mpz_cmp(t, d) < 0) e--;
	}
	double r;
	if (e > (single ? 128 : 1024)) {
		r = HUGE_VAL;
	} else {
		long s = e - (prec - 1);
		if (s < minlsb) s = minlsb;
		if (s < 0)
			mpz_mul_2exp(n, n, (mp_bitcnt_t)-s);
		else
			mpz_mul_2exp(d, d, (mp_bitcnt_t)s);
		mpz_tdiv_qr(t, n, n, d); /* t = quotient, n = remainder */
		mpz_mul_2exp(n, n, 1);
		int c = mpz_cmp(n, d);
		if (c > 0 || (c == 0 && mpz_odd_p(t))) mpz_add_ui(t, t, 1);
		r = ldexp(mpz_get_d(t), (int)s); /* exact: t has at most prec+1 bits */
		if (single) r = (double)(float)r;
	}
	mpz_clear(n);
	mpz_clear(d);
	mpz_clear(t);
	if (isinf(r)) *inf = true;
	return sgn < 0 ? -r : r;
}

/* Can x be represented in basic type t? On success *out is the value as a
 * constant of t (rounded for floats). why is "overflows" or "truncated". */
bool const_representable(const Const *x, const Type *t, Const **out, const char **why) {
	*why = NULL;
	*out = (Const *)x;
	TypeKind k = t->kind;
	if (k >= TY_INT && k <= TY_UINTPTR) {
		Const *i = x->kind == CV_INT ? (Const *)x : to_int(x);
		if (!i) {
			*why = "truncated";
			return false;
		}
		static const int bits[] = {[TY_INT] = 64, [TY_INT8] = 8, [TY_INT16] = 16, [TY_INT32] = 32,
		                           [TY_INT64] = 64, [TY_UINT] = 64, [TY_UINT8] = 8, [TY_UINT16] = 16,
		                           [TY_UINT32] = 32, [TY_UINT64] = 64, [TY_UINTPTR] = 64};
		bool uns = k >= TY_UINT;
		int b = bits[k];
		if (uns) {
			if (mpz_sgn(i->z) < 0 || mpz_sizeinbase(i->z, 2) > (size_t)b) {
				*why = "overflows";
				return false;
			}
		} else {
			/* -2^(b-1) <= v < 2^(b-1) */
			mpz_t lim;
			mpz_init(lim);
			mpz_ui_pow_ui(lim, 2, (unsigned long)(b - 1));
			if (mpz_cmp(i->z, lim) >= 0) {
				*why = "overflows";
				return false;
			}
			mpz_neg(lim, lim);
			if (mpz_cmp(i->z, lim) < 0) {
				*why = "overflows";
				return false;
			}
		}
		*out = i;
		return true;
	}
	if (k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT) {
		if (x->kind == CV_COMPLEX) {
			if (mpq_sgn(x->im) != 0) {
				*why = "truncated";
				return false;
			}
		}
		if (k == TY_UNTYPED_FLOAT) {
			*out = promote(x->kind == CV_COMPLEX ? to_int(x) ? to_int(x) : (Const *)x : x, CV_FLOAT);
			return true;
		}
		Const *f = promote(x, CV_FLOAT);
		bool inf;
		double d = round_float(f->re, k == TY_FLOAT32, &inf);
		if (inf) {
			*why = "overflows";
			return false;
		}
		Const *c = cnew(CV_FLOAT);
		mpq_set_d(c->re, d);
		*out = c;
		return true;
	}
	if (k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX) {
		Const *z = promote(x, CV_COMPLEX);
		if (k == TY_UNTYPED_COMPLEX) {
			*out = z;
			return true;
		}
		bool inf1, inf2;
		double re = round_float(z->re, k == TY_COMPLEX64, &inf1), im = round_float(z->im, k == TY_COMPLEX64, &inf2);
		if (inf1 || inf2) {
			*why = "overflows";
			return false;
		}
		Const *c = cnew(CV_COMPLEX);
		mpq_set_d(c->re, re);
		mpq_set_d(c->im, im);
		*out = c;
		return true;
	}
	if (k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE) {
		Const *i = to_int(x);
		if (!i) {
			*why = "truncated";
			return false;
		}
		*out = i;
		return true;
	}
	if (k == TY_BOOL || k == TY_UNTYPED_BOOL) return x->kind == CV_BOOL;
	if (k == TY_STRING || k == TY_UNTYPED_STRING) return x->kind == CV_STRING;
	return false;
}

/* ---- printing, as go/constant's String ------------------------------------------------ */

static char *float_string(mpq_srcptr q) {
	bool inf;
	double d = round_float(q, false, &inf);
	if (!inf && !(mpq_sgn(q) != 0 && d == 0)) {
		char buf[64];
		snprintf(buf, sizeof buf, "%.6g", d);
		return arena_strndup(g_arena, buf, strlen(buf));
	}
	/* out of float64 range: approximate mantissa and decimal exponent */
	mpf_t f;
	mpf_init2(f, 256);
	mpf_set_q(f, q);
	long e2;
	double m = mpf_get_d_2exp(&e2, f);
	double dd = (double)e2 * (M_LN2 / M_LN10);
	long e = (long)dd;
	m *= pow(10, dd - (double)e);
	double am = fabs(m);
	if (am < 1 - 0.5e-6) {
		m *= 10;
		e--;
	} else if (am >= 10) {
		m /= 10;
		e++;
	}
	return arena_printf(g_arena, "%.6ge%+ld", m, e);
}

const char *const_string_of(const Const *x) {
	switch (x->kind) {
	case CV_BOOL: return x->b ? "true" : "false";
	case CV_INT: {
		char *s = arena_alloc(g_arena, mpz_sizeinbase(x->z, 10) + 2);
		return mpz_get_str(s, 10, x->z);
	}
	case CV_FLOAT: return float_string(x->re);
	case CV_COMPLEX: return arena_printf(g_arena, "(%s + %si)", float_string(x->re), float_string(x->im));
	case CV_STRING: {
		/* strconv.Quote, shortened to 72 characters as go/constant does */
		size_t cap = (size_t)x->len * 4 + 3;
		char *s = arena_alloc(g_arena, cap + 4);
		size_t n = 0;
		s[n++] = '"';
		for (int64_t i = 0; i < x->len; i++) {
			unsigned char ch = (unsigned char)x->s[i];
			switch (ch) {
			case '"': s[n++] = '\\'; s[n++] = '"'; break;
			case '\\': s[n++] = '\\'; s[n++] = '\\'; break;
			case '\n': s[n++] = '\\'; s[n++] = 'n'; break;
			case '\t': s[n++] = '\\'; s[n++] = 't'; break;
			case '\r': s[n++] = '\\'; s[n++] = 'r'; break;
			default:
				if (ch < 0x20 || ch == 0x7f) n += (size_t)sprintf(s + n, "\\x%02x", ch);
				else s[n++] = (char)ch;
			}
		}
		s[n++] = '"';
		s[n] = 0;
		if (n > 72) strcpy(s + 69, "...");
		return s;
	}
	}
	return "?";
}

double const_float64(const Const *x) {
	Const *f = promote(x, CV_FLOAT);
	bool inf;
	return round_float(f->re, false, &inf);
}

/* The imaginary part of a complex constant, as a float64 (0 for others). */
double const_imag_float64(const Const *x) {
	if (x->kind != CV_COMPLEX) return 0;
	bool inf;
	return round_float(x->im, false, &inf);
}

/* complex(re, im) of two numeric constants. */
Const *const_complex(const Const *re, const Const *im) {
	Const *c = cnew(CV_COMPLEX);
	Const *r = promote(re, CV_COMPLEX), *i = promote(im, CV_COMPLEX);
	mpq_set(c->re, r->re);
	mpq_set(c->im, i->re);
	return c;
}

/* real(x) or imag(x) of a numeric constant, as a float constant. */
Const *const_part(const Const *x, bool imag) {
	Const *c = cnew(CV_FLOAT);
	Const *z = promote(x, CV_COMPLEX);
	mpq_set(c->re, imag ? z->im : z->re);
	return c;
}
