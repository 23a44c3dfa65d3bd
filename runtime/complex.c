/* complex.c: complex division, the one complex operation compiled code
 * does not expand inline. It is Go's runtime.complex128div: Smith's
 * algorithm (CACM 5(8), 1962), then C99 Annex G's corrections when both
 * parts come out NaN, so that results match gc's bit for bit. */
#pragma STDC FP_CONTRACT OFF
#include <math.h>

#include "runtime.h"

static double inf_or_zero(double v) { return copysign(isinf(v) ? 1 : 0, v); }

void rt_complex128div(double out[2], double a, double b, double c, double d) {
	double e, f;
	if (fabs(c) >= fabs(d)) {
		double ratio = d / c, denom = c + ratio * d;
		e = (a + b * ratio) / denom;
		f = (b - a * ratio) / denom;
	} else {
		double ratio = c / d, denom = d + ratio * c;
		e = (a * ratio + b) / denom;
		f = (b * ratio - a) / denom;
	}
	if (isnan(e) && isnan(f)) {
		double inf = INFINITY;
		if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
			e = copysign(inf, c) * a;
			f = copysign(inf, c) * b;
		} else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
			a = inf_or_zero(a);
			b = inf_or_zero(b);
			e = inf * (a * c + b * d);
			f = inf * (b * c - a * d);
		} else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
			c = inf_or_zero(c);
			d = inf_or_zero(d);
			e = 0 * (a * c + b * d);
			f = 0 * (b * c - a * d);
		}
	}
	out[0] = e;
	out[1] = f;
}
