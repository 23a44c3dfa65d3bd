/* Go-like allocation code for sched_gc_test (split-stack, go_text). */
#include "runtime.h"

typedef struct Node { struct Node *next; long val; } Node;
extern const GoType node_type;

__attribute__((section("go_text"), noinline)) Node *build_list(long n, long garbage) {
	Node *head = 0;
	for (long i = n - 1; i >= 0; i--) {
		Node *x = rt_mallocgc(sizeof(Node), &node_type, 1);
		x->val = i;
		x->next = head;
		head = x;
		for (long j = 0; j < garbage; j++) { /* dropped at once */
			Node *g = rt_mallocgc(sizeof(Node), &node_type, 1);
			g->val = -1;
		}
	}
	return head;
}

__attribute__((section("go_text"), noinline)) long check_list(Node *l, long n) {
	long i = 0;
	for (; l; l = l->next, i++)
		if (l->val != i)
			return -1;
	return i == n ? i : -2;
}
