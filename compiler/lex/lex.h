/* lex.h: the lexer's face. It turns one Source into Go tokens, inserting
 * semicolons by Go's rule, keeping //go: and //line directives for later
 * stages, and reporting malformed input with gc's messages at gc's
 * positions. Token kinds are the parser's terminals (parse/grammar.h). */
#ifndef GOC_LEX_H
#define GOC_LEX_H

#include "../base/base.h"

/* Values of Token.op for SEMI: which text gc would print for it. */
enum { SEMI_EXPLICIT, SEMI_NEWLINE, SEMI_EOF };

typedef struct Token {
	uint16_t kind; /* T_* terminal of parse/grammar.h; 0 at end of input */
	uint8_t op;    /* OPASSIGN: the operator's kind (T_PLUS ...); SEMI: SEMI_* */
	uint8_t bad;   /* a malformed literal, already reported */
	uint32_t len;  /* bytes of source text */
	Pos pos;
	const char *lit; /* source text of the token */
} Token;

typedef struct Directive {
	Pos pos;        /* of the comment's first slash */
	const char *text; /* "go:noinline", "line foo.go:10" (without the // or slash-star) */
	uint32_t len;
} Directive;

typedef struct Lexer {
	const Source *src;
	const uint8_t *cur, *end;
	bool nlsemi; /* a newline here ends a statement */
	VEC(Directive) directives;
} Lexer;

typedef VEC(Token) TokenVec;

void lex_init(Lexer *lx, const Source *src);
/* Lexes the whole file into toks (emptied first; grown as needed), the
 * end-of-input token (kind 0) last. */
void lex_all(Lexer *lx, TokenVec *toks);
const char *tok_name(int kind); /* "name", "(", "func": the spelling gc uses */

/* Helpers shared with the parser and later stages (lit.c). */
int utf8_decode(const uint8_t *p, const uint8_t *end, uint32_t *rune); /* byte length; rune 0xFFFD on error, length 1 */
int utf8_encode(uint32_t r, char *buf); /* up to 4 bytes */
bool unicode_is_letter(uint32_t r);
bool unicode_is_digit(uint32_t r);
char *fmt_rune_U(char *buf, uint32_t r); /* Go's %#U: U+0040 '@' */

#endif
