/* chan_select_test: select chooses uniformly among ready cases, blocks
 * until one case fires, and completes sends and receives against other
 * goroutines' selects and plain operations (a many-goroutine stress). */
#include <math.h>

#include "sched_test.h"

TEST_CHANTYPE(chint, long);

static Hchan *a, *b, *out, *quit;

static void selsender(void *arg) {
	long id = (long)arg;
	for (long i = 0; i < 2000; i++) {
		long v = id * 100000 + i;
		RtSelectCase cs[2] = {{a, &v, RT_SELECT_SEND}, {b, &v, RT_SELECT_SEND}};
		uint16_t order[4];
		int k = rt_selectgo(cs, order, 2, true, NULL);
		CHECK(k == 0 || k == 1);
	}
	long one = 1;
	rt_chansend(out, &one);
}

static void gomain(void) {
	/* fairness: 4 buffered channels all ready */
	enum { N = 4, TRIALS = 40000 };
	Hchan *cs[N];
	for (int i = 0; i < N; i++)
		cs[i] = rt_makechan(&chint, TRIALS + 1);
	long counts[N] = {0};
	for (int i = 0; i < N; i++)
		for (long j = 0; j < TRIALS; j++)
			rt_chansend(cs[i], &j);
	for (int t = 0; t < TRIALS; t++) {
		long v;
		RtSelectCase sc[N];
		for (int i = 0; i < N; i++)
			sc[i] = (RtSelectCase){cs[i], &v, RT_SELECT_RECV};
		uint16_t order[2 * N];
		bool ok;
		int k = rt_selectgo(sc, order, N, true, &ok);
		CHECK(k >= 0 && k < N && ok);
		counts[k]++;
	}
	double chi = 0, exp = TRIALS / (double)N;
	for (int i = 0; i < N; i++)
		chi += (counts[i] - exp) * (counts[i] - exp) / exp;
	printf("select fairness over %d trials: %ld %ld %ld %ld (chi2=%.2f)\n", TRIALS, counts[0], counts[1], counts[2], counts[3], chi);
	CHECK(chi < 30); /* df=3: p < 1e-5 */

	/* blocking selects against each other */
	a = rt_makechan(&chint, 0);
	b = rt_makechan(&chint, 0);
	out = rt_makechan(&chint, 0);
	quit = rt_makechan(&chint, 0);
	enum { S = 8 };
	for (long i = 0; i < S; i++)
		rt_go(selsender, (void *)i);
	long got = 0, fromA = 0, fromB = 0, finished = 0;
	while (finished < S) {
		long v;
		RtSelectCase sc[3] = {{a, &v, RT_SELECT_RECV}, {b, &v, RT_SELECT_RECV}, {out, &v, RT_SELECT_RECV}};
		uint16_t order[6];
		bool ok;
		int k = rt_selectgo(sc, order, 3, true, &ok);
		CHECK(ok);
		if (k == 2)
			finished++;
		else {
			got++;
			if (k == 0) fromA++; else fromB++;
		}
	}
	CHECK(got == S * 2000);
	printf("select stress: %ld values (%ld via a, %ld via b)\n", got, fromA, fromB);
	printf("ok\n");
}

int main(void) { rt_sched_main(gomain); }
