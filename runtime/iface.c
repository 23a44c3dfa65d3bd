/* iface.c: interfaces at run time: itabs built on demand from type
 * descriptors' method tables (getitab, with one global cache keyed by
 * interface and type, as gc's itabTable), assertions to interface types,
 * and the "interface conversion" panics with gc's messages. Itabs for
 * conversions the compiler sees are static; these are for the rest. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "runtime.h"

typedef struct ItabEntry {
	const GoType *inter, *type;
	GoItab *itab; /* NULL: type does not implement inter */
	struct ItabEntry *next;
} ItabEntry;

/* The entry's itab and next words are heap pointers: the collector must
 * trace them (allocating entries noscan lost whole chains of the table at
 * the first collection: found by GODEBUG=gcstress=1). */
static const uint8_t itabentry_bits[] = {0x0c};
static const GoType itabentry_type = {.size = sizeof(ItabEntry), .ptrdata = 4 * sizeof(void *),
                                      .gcdata = itabentry_bits, .kind = KIND_STRUCT, .align = 8, .fieldalign = 8};

enum { ITAB_BUCKETS = 1024 };
static ItabEntry *itab_table[ITAB_BUCKETS];
static pthread_mutex_t itab_lock = PTHREAD_MUTEX_INITIALIZER;

static bool name_eq(GoString a, GoString b) { return a.len == b.len && memcmp(a.ptr, b.ptr, (size_t)a.len) == 0; }

/* Same signature: descriptors are merged at link time, but compare their
 * strings too in case one was not. */
static bool sig_eq(const GoType *a, const GoType *b) { return !a || !b || a == b || name_eq(a->name, b->name); }

/* Builds the itab of type for interface inter, or NULL (both method lists
 * are sorted by name, so one merge pass finds them). */
static GoItab *build_itab(const GoInterfaceType *it, const GoType *type) {
	intptr_t n = it->nmethods;
	GoItab *tab = rt_mallocgc(sizeof(GoItab) + sizeof(void (*)(void)) * (size_t)(n ? n : 1), NULL, 1);
	tab->inter = it;
	tab->type = type;
	tab->hash = type->hash;
	const GoUncommon *u = type->uncommon;
	intptr_t j = 0;
	for (intptr_t i = 0; i < n; i++) {
		GoString want = it->methods[i].name;
		while (u && j < u->nmethods && !name_eq(u->methods[j].name, want)) j++;
		if (!u || j == u->nmethods || !sig_eq(u->methods[j].typ, it->methods[i].typ)) return NULL;
		tab->fun[i] = u->methods[j].ifn;
	}
	return tab;
}

static pthread_once_t roots_once = PTHREAD_ONCE_INIT;
static void register_roots(void) { rt_gc_addconservroots(itab_table, sizeof itab_table); }

GoItab *rt_getitab(const GoType *inter, const GoType *type) {
	if (!type) return NULL;
	pthread_once(&roots_once, register_roots);
	uintptr_t h = ((uintptr_t)inter * 31 + (uintptr_t)type) >> 4;
	h %= ITAB_BUCKETS;
	pthread_mutex_lock(&itab_lock);
	for (ItabEntry *e = itab_table[h]; e; e = e->next)
		if (e->inter == inter && e->type == type) {
			GoItab *t = e->itab;
			pthread_mutex_unlock(&itab_lock);
			return t;
		}
	pthread_mutex_unlock(&itab_lock);
	GoItab *tab = build_itab((const GoInterfaceType *)inter, type);
	ItabEntry *e = rt_mallocgc(sizeof *e, &itabentry_type, 1);
	e->inter = inter;
	e->type = type;
	e->itab = tab;
	/* the entries live for ever: register them so the collector keeps them */
	pthread_mutex_lock(&itab_lock);
	e->next = itab_table[h];
	itab_table[h] = e;
	pthread_mutex_unlock(&itab_lock);
	return tab;
}

/* x.(I) with I non-empty: the itab, or NULL if the dynamic type lacks a method */
GoItab *rt_assertI2Iok(const GoType *inter, const GoType *type) { return rt_getitab(inter, type); }

/* An implicit conversion I -> J (J's methods are a subset of I's, so the
 * itab exists). word0 is I's first word: a type (I empty) or an itab. */
GoItab *rt_convI2I(const GoType *inter, const void *word0, const void *empty) {
	if (!word0) return NULL;
	const GoType *type = empty ? (const GoType *)word0 : ((const GoItab *)word0)->type;
	return rt_getitab(inter, type);
}

static void type_name(const GoType *t, char *buf, size_t n) {
	if (!t) {
		snprintf(buf, n, "nil");
		return;
	}
	snprintf(buf, n, "%.*s", (int)t->name.len, (const char *)t->name.ptr);
}

/* panic: interface conversion: interface {} is string, not int */
void rt_raisedottype(const GoType *have, const GoType *want, const GoType *iface) {
	char h[256], w[256], i[256], msg[1024];
	type_name(have, h, sizeof h);
	type_name(want, w, sizeof w);
	type_name(iface, i, sizeof i);
	if ((want->kind & KIND_MASK) == KIND_INTERFACE && have) {
		/* the missing method: the first one the type lacks */
		const GoInterfaceType *it = (const GoInterfaceType *)want;
		const char *missing = "?";
		intptr_t mlen = 1;
		for (intptr_t k = 0; k < it->nmethods; k++) {
			bool found = false;
			const GoUncommon *u = have->uncommon;
			for (intptr_t j = 0; u && j < u->nmethods; j++)
				if (name_eq(u->methods[j].name, it->methods[k].name)) found = true;
			if (!found) {
				missing = (const char *)it->methods[k].name.ptr;
				mlen = it->methods[k].name.len;
				break;
			}
		}
		snprintf(msg, sizeof msg, "interface conversion: %s is not %s: missing method %.*s", h, w, (int)mlen, missing);
	} else
		snprintf(msg, sizeof msg, "interface conversion: %s is %s, not %s", i, h, w);
	rt_panicplain(msg);
}
