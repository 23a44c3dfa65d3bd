/* parse.h: the parser's face. parse_file lexes and parses one source file
 * into an N_FILE tree; syntax errors go to the diagnostics with gc's wording.
 * Returns NULL only if the file could not be parsed at all. */
#ifndef GOC_PARSE_H
#define GOC_PARSE_H

#include "../ast/ast.h"
#include "../lex/lex.h"

typedef struct ParsedFile {
	Node *file;            /* N_FILE */
	const Source *src;
	VEC(Directive) directives; /* //go: and //line comments, in order */
	int ntokens;
} ParsedFile;

ParsedFile *parse_file(const Source *src);

/* goc tool syntax: also reject what gofmt's parser rejects but gc leaves to
 * its type checker ([...]T outside a composite literal). */
extern bool parse_gofmt_checks;

/* Misplaced //go: directives that a declaration took: gc reports them only
 * when the package checked without errors (call then). */
int parse_late_directives_count(void);
void parse_report_late_directives(int n); /* the first n (those of the files parsed before counting) */

#endif
