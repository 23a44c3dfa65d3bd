/* cache.c: the build cache for imported packages' objects.
 *
 * A program's imports (the standard library) are compiled from source on
 * every build; generating and optimizing their code is most of a build's
 * time. Their objects are kept in a cache directory ($GOCCACHE, else
 * $XDG_CACHE_HOME/goc, else ~/.cache/goc; GOCCACHE=off disables it),
 * named by a key that covers everything the object depends on: the goc
 * binary itself (its size and modification time), the optimization level,
 * the package's import path and source files, and its imports' keys (their
 * types and constants shape its code). A stale entry can therefore only
 * be reached by a key collision of a pair of 64-bit FNV-style hashes. Entries are
 * written to a temporary name and renamed, so concurrent builds never see
 * half an object. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/base.h"
#include "driver.h"

/* FNV-1a over 8-byte words (a byte at a time was 6% of a type check of
 * the runtime's closure), with a shift folding the high bits down. */
static uint64_t fnv(uint64_t h, const void *p, size_t n) {
	const uint8_t *b = p;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 32;
	}
	for (; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

void cache_key_init(CacheKey *k, const char *path) {
	k->a = 0xcbf29ce484222325ull;
	k->b = 0x84222325cbf29ce4ull;
	cache_key_add(k, path, strlen(path) + 1);
}

void cache_key_add(CacheKey *k, const void *p, size_t n) {
	k->a = fnv(k->a, p, n);
	k->b = fnv(k->b ^ n, p, n);
}

static const char *cache_dir(void) {
	const char *d = getenv("GOCCACHE");
	if (d && !strcmp(d, "off")) return NULL;
	if (d && *d) return d;
	static char buf[PATH_MAX];
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (x && *x) snprintf(buf, sizeof buf, "%s/goc", x);
	else if (home && *home) snprintf(buf, sizeof buf, "%s/.cache/goc", home);
	else return NULL;
	return buf;
}

/* The entry's file name for key k at optimization level opt, or NULL if
 * there is no cache. The binary's identity is part of the name. */
static char *entry(const CacheKey *k, int opt) {
	const char *dir = cache_dir();
	if (!dir) return NULL;
	struct stat st;
	if (stat("/proc/self/exe", &st) != 0) return NULL;
	CacheKey full = *k;
	cache_key_add(&full, &st.st_size, sizeof st.st_size);
	cache_key_add(&full, &st.st_mtim, sizeof st.st_mtim);
	cache_key_add(&full, &opt, sizeof opt);
	char *p = xmalloc(PATH_MAX);
	snprintf(p, PATH_MAX, "%s/%016llx%016llx.o", dir, (unsigned long long)full.a, (unsigned long long)full.b);
	return p;
}

static bool copy_file(const char *from, const char *to) {
	FILE *in = fopen(from, "rb");
	if (!in) return false;
	FILE *out = fopen(to, "wb");
	if (!out) {
		fclose(in);
		return false;
	}
	char buf[1 << 16];
	size_t n;
	bool ok = true;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n) ok = false;
	fclose(in);
	if (fclose(out) != 0) ok = false;
	return ok;
}

bool cache_get(const CacheKey *k, int opt, const char *obj) {
	char *e = entry(k, opt);
	bool ok = e && access(e, R_OK) == 0 && copy_file(e, obj);
	free(e);
	return ok;
}

void cache_put(const CacheKey *k, int opt, const char *obj) {
	char *e = entry(k, opt);
	if (!e) return;
	const char *dir = cache_dir();
	/* mkdir -p of the cache directory (one or two levels are missing at most) */
	char parent[PATH_MAX];
	snprintf(parent, sizeof parent, "%s", dir);
	char *slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = 0;
		mkdir(parent, 0755);
	}
	mkdir(dir, 0755);
	char tmp[PATH_MAX];
	snprintf(tmp, sizeof tmp, "%s.%d.tmp", e, (int)getpid());
	if (copy_file(obj, tmp) && rename(tmp, e) == 0) {
		free(e);
		return;
	}
	unlink(tmp);
	free(e);
}
