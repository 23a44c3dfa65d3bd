/* sched_gc_test: the scheduler with the real collector (malloc.c, gc.c; no
 * stub). Goroutines running split-stack go_text code build linked lists in
 * the Go heap whose only roots are their own stacks and registers, in a
 * channel buffer, and in parked goroutines; many collections run (the
 * collector's worker stops the world from a thread that is not an M, and
 * rt_gc blocks goroutines through rt_gc_blockhook); every list must survive
 * intact and the garbage must be reclaimed. */
#include <stdatomic.h>

#include "sched_test.h"

typedef struct Node { struct Node *next; long val; } Node;
static const uint8_t node_gcdata[] = {0x01};
const GoType node_type = {.size = sizeof(Node), .ptrdata = 8, .align = 8, .fieldalign = 8,
                          .kind = KIND_STRUCT, .gcdata = node_gcdata};
static const uint8_t ptr_gcdata[] = {0x01};
static const GoType nodeptr_type = {.size = 8, .ptrdata = 8, .align = 8, .fieldalign = 8,
                                    .kind = KIND_POINTER, .gcdata = ptr_gcdata};
static const GoChanType chnode = {.t = {.size = 8, .ptrdata = 8, .kind = KIND_CHAN}, .elem = &nodeptr_type, .dir = 3};

Node *build_list(long n, long garbage);
long check_list(Node *l, long n);

#define NG 4
#define LEN 20000
static Hchan *roots[2]; /* package-level variables: registered as roots */
#define lists roots[0]
#define hold roots[1]
static const uint8_t roots_bitmap[] = {0x03};
static uint32_t done;

static void builder(void *arg) {
	(void)arg;
	Node *l = build_list(LEN, 20);
	CHECK(check_list(l, LEN) == LEN);
	rt_chansend(lists, &l); /* into the buffer: only the hchan holds it */
	Node *mine = build_list(LEN, 20);
	rt_semrelease(&done);
	Node *dummy;
	rt_chanrecv(hold, &dummy); /* parked: only this stack holds `mine` */
	CHECK(check_list(mine, LEN) == LEN);
	rt_semrelease(&done);
}

static void gomain(void) {
	lists = rt_makechan(&chnode, NG);
	hold = rt_makechan(&chnode, 0);
	for (int i = 0; i < NG; i++)
		rt_go(builder, NULL);
	for (int i = 0; i < NG; i++)
		rt_semacquire(&done);
	for (int i = 0; i < 5; i++)
		rt_gc();
	for (int i = 0; i < NG; i++) {
		Node *l;
		CHECK(rt_chanrecv(lists, &l));
		CHECK(check_list(l, LEN) == LEN);
	}
	rt_closechan(hold);
	for (int i = 0; i < NG; i++)
		rt_semacquire(&done);
	RtMemStats ms;
	rt_readmemstats(&ms);
	printf("after %u collections: heap %llu KiB live, %llu KiB allocated in total\n", ms.NumGC,
	       (unsigned long long)ms.HeapAlloc / 1024, (unsigned long long)ms.TotalAlloc / 1024);
	CHECK(ms.NumGC >= 5);
	printf("ok\n");
}

int main(void) {
	rt_gc_init();
	rt_gc_addroots(roots, sizeof roots, roots_bitmap);
	rt_sched_main(gomain);
}
