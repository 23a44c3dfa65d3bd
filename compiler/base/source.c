/* source.c: reading source files and turning positions into line:col. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

static VEC(Source *) sources;
static Pos nextbase = 1; /* 0 is NOPOS */

static Source *add(const char *name, const uint8_t *text, size_t len) {
	Source *s = xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->name = name;
	s->text = text;
	s->len = (uint32_t)len;
	s->base = nextbase;
	nextbase += (Pos)len + 1; /* +1: the EOF position belongs to this file */
	vec_push(&sources, s);
	return s;
}

Source *source_read(const char *path) {
	int fd = open(path, O_RDONLY);
	if (fd < 0) return NULL;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	size_t len = (size_t)st.st_size;
	/* A NUL after the text lets the lexer stop without bounds checks. */
	uint8_t *buf = xmalloc(len + 1);
	size_t got = 0;
	while (got < len) {
		ssize_t r = read(fd, buf + got, len - got);
		if (r < 0) {
			if (errno == EINTR) continue;
			close(fd);
			free(buf);
			return NULL;
		}
		if (r == 0) break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = 0;
	size_t n = strlen(path);
	char *name = xmalloc(n + 1);
	memcpy(name, path, n + 1);
	return add(name, buf, got);
}

Source *source_from_mem(const char *name, const char *text, size_t len) {
	uint8_t *buf = xmalloc(len + 1);
	memcpy(buf, text, len);
	buf[len] = 0;
	return add(name, buf, len);
}

void source_reset(void) {
	for (int i = 0; i < sources.n; i++) {
		free((void *)sources.v[i]->text);
		free(sources.v[i]->lines.v);
		free(sources.v[i]);
	}
	sources.n = 0;
	nextbase = 1;
}

LineCol pos_linecol(Pos p) {
	LineCol lc = {0};
	if (p == NOPOS || sources.n == 0) return lc;
	int lo = 0, hi = sources.n - 1;
	while (lo < hi) { /* last source with base <= p */
		int mid = (lo + hi + 1) / 2;
		if (sources.v[mid]->base <= p) lo = mid;
		else hi = mid - 1;
	}
	Source *s = sources.v[lo];
	if (s->lines.n == 0) { /* built on first use: most files never need it */
		vec_push(&s->lines, 0);
		for (const uint8_t *q = s->text, *end = s->text + s->len;
		     (q = memchr(q, '\n', (size_t)(end - q))); q++)
			vec_push(&s->lines, (uint32_t)(q - s->text) + 1);
	}
	uint32_t off = p - s->base;
	int l = 0, h = s->lines.n - 1;
	while (l < h) {
		int mid = (l + h + 1) / 2;
		if (s->lines.v[mid] <= off) l = mid;
		else h = mid - 1;
	}
	lc.src = s;
	lc.line = l + 1;
	lc.col = (int)(off - s->lines.v[l]) + 1;
	return lc;
}
