/* grammar.y: the Go 1.19 grammar for lemon (LALR(1)).
 *
 * Go is not LALR(1) as the spec writes it; three things make it so here:
 *  - Types are expressions where both may appear (conversions, make/new
 *    arguments, type arguments, case lists), as in gc's syntax package. The
 *    checker decides what a name denotes.
 *  - The token feeder in parse.c looks ahead in the token array and renames
 *    two tokens: the '{' that opens the body of if/for/switch/select becomes
 *    LBODY (so `if x == y {` is not read as a composite literal), and the '['
 *    after `type Name` that opens a type parameter list becomes LBRACK_TP
 *    (gc's rule for `type A[N]int` against `type A[T any] int`).
 *  - In parameter lists and struct fields, `name [` is ambiguous between an
 *    array-typed name and a generic type instance; the rules keep both open
 *    until the token after the ']' decides, as gc's arrayOrTArgs does.
 * Actions only build nodes; semantic checks belong to the type checker.
 */

%include {
/* lemon's parser template checks its tables with assert and compiles in
 * tracing unless NDEBUG: a tenth of the parse time. The fuzzer's build
 * defines GOC_LEMON_ASSERTS to keep them. */
#ifndef GOC_LEMON_ASSERTS
#define NDEBUG 1
#endif
#include <assert.h>
#include <stdlib.h>
#include "parse_int.h"
}

%name goparse
%token_prefix T_
%token_type {Token}
%extra_argument {Parser *P}
%stack_size 0
%start_symbol file

%token IDENT INT FLOAT IMAG CHAR STRING
       BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC GO GOTO IF
       IMPORT INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT SWITCH TYPE VAR
       LPAREN LBRACK LBRACE RPAREN RBRACK RBRACE COMMA SEMI COLON DEFINE DOT DOTDOTDOT
       PLUS MINUS STAR DIV MOD AND OR XOR SHL SHR ANDNOT OPASSIGN ANDAND OROR ARROW
       INC DEC EQ LT GT ASSIGN NOT TILDE NE LE GE LBODY LBRACK_TP.

/* A func type followed by a token that could continue it (a result type,
 * a result list, a body) takes the longer reading, as gc does. */
%nonassoc FUNCTYPE.
%left OROR.
%left ANDAND.
%left EQ NE LT LE GT GE.
%left PLUS MINUS OR XOR.
%left STAR DIV MOD SHL SHR AND ANDNOT.
/* Unary operators bind tighter than every binary one (rules tagged [UNARY]),
 * and the tokens of the line below (selectors, calls, indexing, composite
 * literals) tighter still. */
%right UNARY.
%right LPAREN LBRACK LBRACE IDENT MAP CHAN FUNC STRUCT INTERFACE ARROW DOT.

%syntax_error { parse_syntax_error(P, yypParser->yytos->stateno, yymajor, &yyminor); }
%parse_failure { P->failed = true; }
%stack_overflow { diag_error(P->tok_pos, "syntax error: nesting too deep"); P->failed = true; }

/* ---------------------------------------------------------------- files */

file ::= package_clause topdecls.

package_clause ::= PACKAGE IDENT(N) SEMI. { P->file->name = tokname(&N); P->file->pos = N.pos; }

topdecls ::= .
topdecls ::= topdecls topdecl SEMI.
topdecls ::= topdecls error SEMI.

topdecl ::= IMPORT(K) importspec(S). { add_import(P, K.pos, S); }
topdecl ::= IMPORT(K) LPAREN importspecs(L) RPAREN. { for (Node *s = L.head; s; ) { Node *nx = s->next; s->next = NULL; s->flags |= NF_GROUP; add_import(P, K.pos, s); s = nx; } }
topdecl ::= decl(L). { add_decls(P, L); }
topdecl ::= funcdecl(F). { add_decls(P, list_one(F)); }

%type importspecs {List}
importspecs(A) ::= oimportspec(S). { A = list_one(S); }
importspecs(A) ::= importspecs(L) SEMI oimportspec(S). { A = list_add(L, S); }
%type oimportspec {Node*}
oimportspec(A) ::= . { A = NULL; }
oimportspec(A) ::= importspec(S). { A = S; }
%type importspec {Node*}
importspec(A) ::= STRING(S). { A = mk(N_IMPORTDECL, S.pos); A->a = basiclit(&S); }
importspec(A) ::= IDENT(N) STRING(S). { A = mk(N_IMPORTDECL, N.pos); A->name = tokname(&N); A->a = basiclit(&S); }
importspec(A) ::= DOT(D) STRING(S). { A = mk(N_IMPORTDECL, D.pos); A->name = internz("."); A->a = basiclit(&S); }

/* ---------------------------------------------------------------- declarations */

%type decl {List}
decl(A) ::= CONST constspec(S). { const_specs_at(S, 0); A = list_one(S); }
decl(A) ::= CONST LPAREN constspecs(L) RPAREN. { A = group(L); }
decl(A) ::= VAR varspec(S). { A = list_one(S); }
decl(A) ::= VAR LPAREN varspecs(L) RPAREN. { A = group(L); }
decl(A) ::= TYPE typespec(S). { A = list_one(S); }
decl(A) ::= TYPE LPAREN typespecs(L) RPAREN. { A = group(L); }

%type constspecs {List}
constspecs(A) ::= oconstspec(S). { if (S) const_specs_at(S, 0); A = list_one(S); }
constspecs(A) ::= constspecs(L) SEMI oconstspec(S). { if (S) const_specs_at(S, L.n); A = list_add(L, S); }
%type oconstspec {Node*}
oconstspec(A) ::= . { A = NULL; }
oconstspec(A) ::= constspec(S). { A = S; }
%type constspec {Node*}
constspec(A) ::= identlist(L). { A = mk(N_CONSTDECL, L.head->pos); A->list = L.head; }
constspec(A) ::= identlist(L) type(T). { A = mk(N_CONSTDECL, L.head->pos); A->list = L.head; A->a = T; }
constspec(A) ::= identlist(L) ASSIGN exprlist(V). { A = mk(N_CONSTDECL, L.head->pos); A->list = L.head; A->list2 = V.head; need_values(V.head); }
constspec(A) ::= identlist(L) type(T) ASSIGN exprlist(V). { A = mk(N_CONSTDECL, L.head->pos); A->list = L.head; A->a = T; A->list2 = V.head; need_values(V.head); }

%type varspecs {List}
varspecs(A) ::= ovarspec(S). { A = list_one(S); }
varspecs(A) ::= varspecs(L) SEMI ovarspec(S). { A = list_add(L, S); }
%type ovarspec {Node*}
ovarspec(A) ::= . { A = NULL; }
ovarspec(A) ::= varspec(S). { A = S; }
%type varspec {Node*}
varspec(A) ::= identlist(L) type(T). { A = mk(N_VARDECL, L.head->pos); A->list = L.head; A->a = T; }
varspec(A) ::= identlist(L) ASSIGN exprlist(V). { A = mk(N_VARDECL, L.head->pos); A->list = L.head; A->list2 = V.head; need_values(V.head); }
varspec(A) ::= identlist(L) type(T) ASSIGN exprlist(V). { A = mk(N_VARDECL, L.head->pos); A->list = L.head; A->a = T; A->list2 = V.head; need_values(V.head); }

%type typespecs {List}
typespecs(A) ::= otypespec(S). { A = list_one(S); }
typespecs(A) ::= typespecs(L) SEMI otypespec(S). { A = list_add(L, S); }
%type otypespec {Node*}
otypespec(A) ::= . { A = NULL; }
otypespec(A) ::= typespec(S). { A = S; }
%type typespec {Node*}
typespec(A) ::= IDENT(N) type(T). { A = mk(N_TYPEDECL, N.pos); A->name = tokname(&N); A->a = T; }
typespec(A) ::= IDENT(N) ASSIGN type(T). { A = mk(N_TYPEDECL, N.pos); A->name = tokname(&N); A->a = T; A->flags |= NF_ALIAS; }
typespec(A) ::= IDENT(N) LBRACK_TP tparams(L) RBRACK(R) type(T). { tparams_end(P, R.pos); A = mk(N_TYPEDECL, N.pos); A->name = tokname(&N); A->list = L.head; A->a = T; }
typespec(A) ::= IDENT(N) LBRACK_TP tparams(L) RBRACK(R) ASSIGN type(T). { tparams_end(P, R.pos); A = mk(N_TYPEDECL, N.pos); A->name = tokname(&N); A->list = L.head; A->a = T; A->flags |= NF_ALIAS; diag_syntax(N.pos, "generic type cannot be alias"); }

%type identlist {List}
identlist(A) ::= IDENT(N). { A = list_one(name(&N)); }
identlist(A) ::= identlist(L) COMMA IDENT(N). { A = list_add(L, name(&N)); }

%type funcdecl {Node*}
funcdecl(A) ::= FUNC IDENT(N) signature(S) ofuncbody(B). { A = funcdecl(P, NULL, &N, NULL, S, B); }
funcdecl(A) ::= FUNC IDENT(N) LBRACK tparams(L) RBRACK(R) signature(S) ofuncbody(B). { tparams_end(P, R.pos); A = funcdecl(P, NULL, &N, L.head, S, B); }
funcdecl(A) ::= FUNC IDENT(N) LBRACK RBRACK(R) signature(S) ofuncbody(B). { diag_syntax(R.pos, "syntax error: empty type parameter list"); A = funcdecl(P, NULL, &N, NULL, S, B); }
funcdecl(A) ::= FUNC params(R) IDENT(N) LBRACK(L) tparams(T) RBRACK signature(S) ofuncbody(B). { (void)T; P->tp_missing = 0; diag_syntax(L.pos, "syntax error: method must have no type parameters"); A = funcdecl(P, R.head, &N, NULL, S, B); }
funcdecl(A) ::= FUNC params(R) IDENT(N) signature(S) ofuncbody(B). { A = funcdecl(P, R.head, &N, NULL, S, B); }
%type ofuncbody {Node*}
ofuncbody(A) ::= . { A = NULL; }
ofuncbody(A) ::= block(B). { A = B; }

/* Type parameters: `[K comparable, V any]`, `[S, T any]`. Names without a
 * constraint take the next one (grouped by finish_params). */
%type tparams {List}
tparams(A) ::= tplist(L) ocomma. { A = finish_params(P, L, true); }
%type tplist {List}
tplist(A) ::= tparam(F). { A = list_one(F); }
tplist(A) ::= tplist(L) COMMA tparam(F). { A = list_add(L, F); }
%type tparam {Node*}
tparam(A) ::= IDENT(N). { A = field(NULL, name(&N)); }
tparam(A) ::= IDENT(N) constraint(C). { A = field(tokname(&N), C); A->pos = N.pos; }

%type constraint {Node*}
constraint(A) ::= cterm(T). { A = T; }
constraint(A) ::= constraint(L) OR(O) cterm(T). { A = binary(&O, L, T); }
%type cterm {Node*}
cterm(A) ::= type(T). { A = T; }
cterm(A) ::= TILDE(O) type(T). { A = unary(&O, T); }

/* ---------------------------------------------------------------- types */

%type type {Node*}
type(A) ::= nametype(T). { A = T; }
type(A) ::= qualtype(T). { A = T; }
type(A) ::= arrtype(T). { A = T; }
type(A) ::= othertype(T). { A = T; }
type(A) ::= LPAREN(L) type(T) RPAREN. { A = mk(N_PAREN, L.pos); A->a = T; }

%type nametype {Node*}
nametype(A) ::= IDENT(N). { A = name(&N); }
nametype(A) ::= IDENT(N) LBRACK(L) typeargs(T) RBRACK. { A = mk(N_INDEX, L.pos); A->a = name(&N); A->list = T.head; }
%type qualtype {Node*}
qualtype(A) ::= IDENT(N) DOT(D) IDENT(S). { A = selector(name(&N), &D, &S); }
qualtype(A) ::= IDENT(N) DOT(D) IDENT(S) LBRACK(L) typeargs(T) RBRACK. { A = mk(N_INDEX, L.pos); A->a = selector(name(&N), &D, &S); A->list = T.head; }
%type typeargs {List}
typeargs(A) ::= typelist(L) ocomma. { A = L; }
%type typelist {List}
typelist(A) ::= type(T). { A = list_one(T); }
typelist(A) ::= typelist(L) COMMA type(T). { A = list_add(L, T); }

%type arrtype {Node*}
arrtype(A) ::= LBRACK(L) RBRACK type(T). { A = mk(N_SLICETYPE, L.pos); A->b = T; }
arrtype(A) ::= LBRACK(L) expr(N) RBRACK type(T). { A = mk(N_ARRAYTYPE, L.pos); A->a = N; A->b = T; }
arrtype(A) ::= LBRACK(L) DOTDOTDOT RBRACK type(T). { A = mk(N_ARRAYTYPE, L.pos); A->b = T; }

/* Types that cannot be mistaken for a name: usable right after one. */
%type othertype {Node*}
othertype(A) ::= othertype_nr(T). { A = T; }
othertype(A) ::= ARROW(C) CHAN type(T). { A = chantype(C.pos, CHAN_RECV, T); }
/* ... except a receive-only channel type, which may not be the element of
 * `chan` unparenthesized: `chan<- chan int` is chan<- (chan int). */
%type othertype_nr {Node*}
othertype_nr(A) ::= STAR(O) type(T). { A = unary(&O, T); }
othertype_nr(A) ::= MAP(M) LBRACK type(K) RBRACK type(V). { A = mk(N_MAPTYPE, M.pos); A->a = K; A->b = V; }
othertype_nr(A) ::= CHAN(C) chanelem(T). { A = chantype(C.pos, CHAN_BOTH, T); }
othertype_nr(A) ::= CHAN(C) ARROW type(T). { A = chantype(C.pos, CHAN_SEND, T); }
othertype_nr(A) ::= FUNC(F) signature(S). { A = S; A->pos = F.pos; }
othertype_nr(A) ::= structtype(T). { A = T; }
othertype_nr(A) ::= interfacetype(T). { A = T; }
%type chanelem {Node*}
chanelem(A) ::= nametype(T). { A = T; }
chanelem(A) ::= qualtype(T). { A = T; }
chanelem(A) ::= arrtype(T). { A = T; }
chanelem(A) ::= othertype_nr(T). { A = T; }
chanelem(A) ::= LPAREN(L) type(T) RPAREN. { A = mk(N_PAREN, L.pos); A->a = T; }

%type structtype {Node*}
structtype(A) ::= STRUCT(S) LBRACE fields(L) RBRACE. { A = mk(N_STRUCTTYPE, S.pos); A->list = L.head; }
%type fields {List}
fields(A) ::= ofield(F). { A = F; }
fields(A) ::= fields(L) SEMI ofield(F). { A = list_concat(L, F); }
%type ofield {List}
ofield(A) ::= . { A = list_one(NULL); }
ofield(A) ::= field(F). { A = F; }
%type field {List}
field(A) ::= IDENT(N) otag(G). { A = list_one(embedded(name(&N), G)); }
field(A) ::= IDENT(N) LBRACK(L) exprlist(X) ocomma(C) RBRACK otag(G). { A = list_one(embedded(instance(&N, &L, X), G)); (void)C; }
field(A) ::= IDENT(N) LBRACK(L) exprlist(X) ocomma(C) RBRACK type(T) otag(G). { A = list_one(fieldtag(tokname(&N), N.pos, arraytype(P, &L, X, C, T), G)); }
field(A) ::= IDENT(N) LBRACK(L) RBRACK type(T) otag(G). { Node *t = mk(N_SLICETYPE, L.pos); t->b = T; A = list_one(fieldtag(tokname(&N), N.pos, t, G)); }
field(A) ::= IDENT(N) LBRACK(L) DOTDOTDOT RBRACK type(T) otag(G). { Node *t = mk(N_ARRAYTYPE, L.pos); t->b = T; A = list_one(fieldtag(tokname(&N), N.pos, t, G)); }
field(A) ::= IDENT(N) nametype(T) otag(G). { A = list_one(fieldtag(tokname(&N), N.pos, T, G)); }
field(A) ::= IDENT(N) qualtype(T) otag(G). { A = list_one(fieldtag(tokname(&N), N.pos, T, G)); }
field(A) ::= IDENT(N) othertype(T) otag(G). { A = list_one(fieldtag(tokname(&N), N.pos, T, G)); }
field(A) ::= IDENT(N) LPAREN(L) type(T) RPAREN otag(G). { Node *t = mk(N_PAREN, L.pos); t->a = T; A = list_one(fieldtag(tokname(&N), N.pos, t, G)); }
field(A) ::= IDENT(N) COMMA identlist(L) type(T) otag(G). { A = fieldgroup(name(&N), L, T, G); }
field(A) ::= qualtype(T) otag(G). { A = list_one(embedded(T, G)); }
field(A) ::= STAR(O) nametype(T) otag(G). { A = list_one(embedded(unary(&O, T), G)); }
field(A) ::= STAR(O) qualtype(T) otag(G). { A = list_one(embedded(unary(&O, T), G)); }
field(A) ::= STAR(O) LPAREN(L) type(T) RPAREN otag(G). { Node *t = mk(N_PAREN, L.pos); t->a = T; A = list_one(embedded(unary(&O, t), G)); }
field(A) ::= LPAREN(L) type(T) RPAREN otag(G). { Node *t = mk(N_PAREN, L.pos); t->a = T; A = list_one(embedded(t, G)); }
%type otag {Node*}
otag(A) ::= . { A = NULL; }
otag(A) ::= STRING(S). { A = basiclit(&S); }

%type interfacetype {Node*}
interfacetype(A) ::= INTERFACE(I) LBRACE ielems(L) RBRACE. { A = mk(N_INTERFACETYPE, I.pos); A->list = L.head; }
%type ielems {List}
ielems(A) ::= oielem(F). { A = list_one(F); }
ielems(A) ::= ielems(L) SEMI oielem(F). { A = list_add(L, F); }
%type oielem {Node*}
oielem(A) ::= . { A = NULL; }
oielem(A) ::= IDENT(N) signature(S). { A = field(tokname(&N), S); A->pos = N.pos; }
oielem(A) ::= constraint(C). { A = field(NULL, C); }

/* Signatures. A single unnamed result may be written without parentheses. */
%type signature {Node*}
signature(A) ::= params(P1). [FUNCTYPE] { A = functype(P1.head, NULL); }
signature(A) ::= params(P1) params(R). { A = functype(P1.head, R.head); }
signature(A) ::= params(P1) nametype(T). { A = functype(P1.head, field(NULL, T)); }
signature(A) ::= params(P1) qualtype(T). { A = functype(P1.head, field(NULL, T)); }
signature(A) ::= params(P1) arrtype(T). { A = functype(P1.head, field(NULL, T)); }
signature(A) ::= params(P1) othertype(T). { A = functype(P1.head, field(NULL, T)); }

%type params {List}
params(A) ::= LPAREN RPAREN. { A = list_one(NULL); }
params(A) ::= LPAREN plist(L) RPAREN. { A = finish_params(P, L, false); }
params(A) ::= LPAREN plist(L) COMMA RPAREN. { A = finish_params(P, L, false); }
%type plist {List}
plist(A) ::= param(F). { A = list_one(F); }
plist(A) ::= plist(L) COMMA param(F). { A = list_add(L, F); }
%type param {Node*}
param(A) ::= IDENT(N). { A = field(NULL, name(&N)); }
param(A) ::= IDENT(N) LBRACK(L) exprlist(X) ocomma RBRACK. { A = field(NULL, instance(&N, &L, X)); }
param(A) ::= IDENT(N) LBRACK(L) exprlist(X) ocomma(C) RBRACK type(T). { A = field(tokname(&N), arraytype(P, &L, X, C, T)); A->pos = N.pos; }
param(A) ::= IDENT(N) LBRACK(L) RBRACK type(T). { Node *t = mk(N_SLICETYPE, L.pos); t->b = T; A = field(tokname(&N), t); A->pos = N.pos; }
param(A) ::= IDENT(N) LBRACK(L) DOTDOTDOT RBRACK type(T). { Node *t = mk(N_ARRAYTYPE, L.pos); t->b = T; A = field(tokname(&N), t); A->pos = N.pos; }
param(A) ::= IDENT(N) nametype(T). { A = field(tokname(&N), T); A->pos = N.pos; }
param(A) ::= IDENT(N) qualtype(T). { A = field(tokname(&N), T); A->pos = N.pos; }
param(A) ::= IDENT(N) othertype(T). { A = field(tokname(&N), T); A->pos = N.pos; }
param(A) ::= IDENT(N) LPAREN(L) type(T) RPAREN. { Node *t = mk(N_PAREN, L.pos); t->a = T; A = field(tokname(&N), t); A->pos = N.pos; }
param(A) ::= IDENT(N) DOTDOTDOT(D) type(T). { Node *t = mk(N_DOTSTYPE, D.pos); t->b = T; A = field(tokname(&N), t); A->pos = N.pos; }
param(A) ::= DOTDOTDOT(D) type(T). { Node *t = mk(N_DOTSTYPE, D.pos); t->b = T; A = field(NULL, t); }
param(A) ::= qualtype(T). { A = field(NULL, T); }
param(A) ::= arrtype(T). { A = field(NULL, T); }
param(A) ::= othertype(T). { A = field(NULL, T); }
param(A) ::= LPAREN(L) type(T) RPAREN. { Node *t = mk(N_PAREN, L.pos); t->a = T; A = field(NULL, t); }

%type ocomma {int}
ocomma(A) ::= . { A = 0; }
ocomma(A) ::= COMMA. { A = 1; }

/* ---------------------------------------------------------------- expressions */

%type expr {Node*}
/* Binary operators, by the precedence declared at the top. */
expr(A) ::= expr(X) OROR(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) ANDAND(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) EQ(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) NE(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) LT(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) LE(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) GT(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) GE(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) PLUS(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) MINUS(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) OR(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) XOR(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) STAR(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) DIV(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) MOD(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) SHL(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) SHR(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) AND(O) expr(Y). { A = binary(&O, X, Y); }
expr(A) ::= expr(X) ANDNOT(O) expr(Y). { A = binary(&O, X, Y); }

expr(A) ::= PLUS(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= MINUS(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= NOT(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= XOR(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= STAR(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= AND(O) expr(X). [UNARY] { A = unary(&O, X); }
expr(A) ::= ARROW(O) expr(X). [UNARY] { A = recv_or_chantype(&O, X); }
expr(A) ::= TILDE(O) expr(X). [UNARY] { A = unary(&O, X); }

/* Operands and primary expressions. Expressions have one nonterminal: no
 * operand, primary or unary level, each of which was one more reduction for
 * every operand of the file. Precedence does the levels' work: unary rules
 * are tagged [UNARY], above every binary operator, and the tokens that
 * continue a primary expression (. ( [ {) are above [UNARY], so `-a.b(c)`
 * is -(a.b(c)) and `a + T{}` is a + (T{}). */
expr(A) ::= IDENT(N). { A = name(&N); }
expr(A) ::= INT(L). { A = basiclit(&L); }
expr(A) ::= FLOAT(L). { A = basiclit(&L); }
expr(A) ::= IMAG(L). { A = basiclit(&L); }
expr(A) ::= CHAR(L). { A = basiclit(&L); }
expr(A) ::= STRING(L). { A = basiclit(&L); }
expr(A) ::= LPAREN(L) expr(X) RPAREN. { A = mk(N_PAREN, L.pos); A->a = X; }
expr(A) ::= FUNC(F) signature(S) block(B). { A = mk(N_FUNCLIT, F.pos); S->pos = F.pos; A->a = S; A->b = B; }
expr(A) ::= FUNC(F) signature(S). [FUNCTYPE] { A = S; A->pos = F.pos; }
expr(A) ::= arrtype(T). { A = T; note_operand_type(T); }
expr(A) ::= MAP(M) LBRACK type(K) RBRACK type(V). { A = mk(N_MAPTYPE, M.pos); A->a = K; A->b = V; }
expr(A) ::= CHAN(C) chanelem(T). { A = chantype(C.pos, CHAN_BOTH, T); }
expr(A) ::= CHAN(C) ARROW type(T). { A = chantype(C.pos, CHAN_SEND, T); }
expr(A) ::= structtype(T). { A = T; }
expr(A) ::= interfacetype(T). { A = T; }
expr(A) ::= expr(X) DOT(D) IDENT(S). { A = selector(X, &D, &S); }
expr(A) ::= expr(X) DOT(D) LPAREN type(T) RPAREN. { A = mk(N_ASSERT, D.pos); A->a = X; A->b = T; need_value(X); }
expr(A) ::= expr(X) DOT(D) LPAREN TYPE RPAREN. { A = mk(N_TYPESWITCHGUARD, D.pos); A->a = X; need_value(X); }
expr(A) ::= expr(X) LBRACK(L) exprlist(I) RBRACK. { A = mk(N_INDEX, L.pos); A->a = X; A->list = I.head; }
expr(A) ::= expr(X) LBRACK(L) exprlist(I) COMMA RBRACK. { A = mk(N_INDEX, L.pos); A->a = X; A->list = I.head; }
expr(A) ::= expr(X) LBRACK(L) oexpr(I) COLON oexpr(J) RBRACK. { A = mk(N_SLICE, L.pos); A->a = X; A->b = I; A->c = J; need_value(X); }
expr(A) ::= expr(X) LBRACK(L) oexpr(I) COLON oexpr(J) COLON(C) oexpr(K) RBRACK(R). { A = slice3(&L, X, I, J, K, C.pos, R.pos); }
expr(A) ::= expr(X) LPAREN(L) RPAREN. { A = mk(N_CALL, L.pos); A->a = X; }
expr(A) ::= expr(X) LPAREN(L) exprlist(R) RPAREN. { A = mk(N_CALL, L.pos); A->a = X; A->list = R.head; }
expr(A) ::= expr(X) LPAREN(L) exprlist(R) COMMA RPAREN. { A = mk(N_CALL, L.pos); A->a = X; A->list = R.head; }
expr(A) ::= expr(X) LPAREN(L) exprlist(R) DOTDOTDOT RPAREN. { A = mk(N_CALL, L.pos); A->a = X; A->list = R.head; A->flags |= NF_DOTS; }
expr(A) ::= expr(X) LPAREN(L) exprlist(R) DOTDOTDOT COMMA RPAREN. { A = mk(N_CALL, L.pos); A->a = X; A->list = R.head; A->flags |= NF_DOTS; }
expr(A) ::= expr(X) LBRACE(L) celems(E) RBRACE(R). { A = mk(N_COMPOSITELIT, L.pos); A->a = X; A->list = E.head; A->end = R.pos; note_complit_type(X); }

%type oexpr {Node*}
oexpr(A) ::= . { A = NULL; }
oexpr(A) ::= expr(X). { A = X; }

/* Composite literal elements; an element or key may be a bare {...}
 * (bracelit). Keys and values are exprs directly, and optional trailing
 * commas are spelled out rather than an empty ocomma rule: both spare a
 * reduction per element or list. */
%type celems {List}
celems(A) ::= . { A = list_one(NULL); }
celems(A) ::= celist(L). { A = L; }
celems(A) ::= celist(L) COMMA. { A = L; }
%type celist {List}
celist(A) ::= celem(E). { A = list_one(E); }
celist(A) ::= celist(L) COMMA celem(E). { A = list_add(L, E); }
%type celem {Node*}
celem(A) ::= expr(X). { A = X; }
celem(A) ::= bracelit(X). { A = X; }
celem(A) ::= expr(K) COLON(C) expr(V). { A = mk(N_KEYVALUE, C.pos); A->a = K; A->b = V; }
celem(A) ::= expr(K) COLON(C) bracelit(V). { A = mk(N_KEYVALUE, C.pos); A->a = K; A->b = V; }
celem(A) ::= bracelit(K) COLON(C) expr(V). { A = mk(N_KEYVALUE, C.pos); A->a = K; A->b = V; }
celem(A) ::= bracelit(K) COLON(C) bracelit(V). { A = mk(N_KEYVALUE, C.pos); A->a = K; A->b = V; }
%type bracelit {Node*}
bracelit(A) ::= LBRACE(L) celems(E) RBRACE(R). { A = mk(N_COMPOSITELIT, L.pos); A->list = E.head; A->end = R.pos; }

%type exprlist {List}
exprlist(A) ::= expr(X). { A = list_one(X); }
exprlist(A) ::= exprlist(L) COMMA expr(X). { A = list_add(L, X); }

/* ---------------------------------------------------------------- statements */

%type block {Node*}
block(A) ::= LBRACE(L) stmtlist(S) RBRACE(R). { A = mk(N_BLOCK, L.pos); A->list = S.head; A->end = R.pos; }
%type body {Node*}
body(A) ::= LBODY(L) stmtlist(S) RBRACE(R). { A = mk(N_BLOCK, L.pos); A->list = S.head; A->end = R.pos; }

/* Statement lists take empty statements as `stmtlist SEMI` rather than
 * through an optional-statement rule: one reduction per statement, not two. */
%type stmtlist {List}
stmtlist(A) ::= . { A = list_one(NULL); }
stmtlist(A) ::= stmt(S). { A = list_one(S); }
stmtlist(A) ::= stmtlist(L) SEMI. { A = L; }
stmtlist(A) ::= stmtlist(L) SEMI stmt(S). { A = list_add(L, S); }
stmtlist(A) ::= stmtlist(L) error. { A = L; }

%type ostmt {Node*}
ostmt(A) ::= . { A = NULL; }
ostmt(A) ::= stmt(S). { A = S; }

%type stmt {Node*}
/* A simple statement (as simplestmt below, which the headers of if, for,
 * switch and select use): spelled out here to spare a reduction per statement. */
stmt(A) ::= expr(X). { A = mk(N_EXPRSTMT, X->pos); A->a = X; need_value(X); }
stmt(A) ::= expr(X) INC(O). { A = assign(&O, list_one(X), list_one(NULL)); }
stmt(A) ::= expr(X) DEC(O). { A = assign(&O, list_one(X), list_one(NULL)); }
stmt(A) ::= expr(X) ARROW(O) expr(Y). { A = mk(N_SENDSTMT, O.pos); A->a = X; A->b = Y; need_value(X); need_value(Y); }
stmt(A) ::= expr(X) OPASSIGN(O) expr(Y). { A = assign(&O, list_one(X), list_one(Y)); }
stmt(A) ::= exprlist(L) ASSIGN(O) exprlist(R). { A = assign(&O, L, R); }
stmt(A) ::= exprlist(L) DEFINE(O) exprlist(R). { A = assign(&O, L, R); }
stmt(A) ::= decl(L). { A = mk(N_DECLSTMT, L.head ? L.head->pos : 0); A->list = L.head; }
stmt(A) ::= IDENT(N) COLON ostmt(S). { A = mk(N_LABELED, N.pos); A->name = tokname(&N); A->a = S ? S : mk(N_EMPTYSTMT, N.pos); }
stmt(A) ::= GO(K) expr(X). { A = mk(N_GOSTMT, K.pos); A->a = X; if (X->kind != N_CALL) need_walk(); }
stmt(A) ::= DEFER(K) expr(X). { A = mk(N_DEFERSTMT, K.pos); A->a = X; if (X->kind != N_CALL) need_walk(); }
stmt(A) ::= RETURN(K). { A = mk(N_RETURN, K.pos); }
stmt(A) ::= RETURN(K) exprlist(L). { A = mk(N_RETURN, K.pos); A->list = L.head; need_values(L.head); }
stmt(A) ::= BREAK(K). { A = branch(&K, NULL); }
stmt(A) ::= BREAK(K) IDENT(N). { A = branch(&K, &N); }
stmt(A) ::= CONTINUE(K). { A = branch(&K, NULL); }
stmt(A) ::= CONTINUE(K) IDENT(N). { A = branch(&K, &N); }
stmt(A) ::= GOTO(K) IDENT(N). { A = branch(&K, &N); }
stmt(A) ::= FALLTHROUGH(K). { A = branch(&K, NULL); }
stmt(A) ::= block(B). { A = B; }
stmt(A) ::= ifstmt(S). { A = S; }
stmt(A) ::= forstmt(S). { A = S; }
stmt(A) ::= switchstmt(S). { A = S; }
stmt(A) ::= selectstmt(S). { A = S; }

%type simplestmt {Node*}
simplestmt(A) ::= expr(X). { A = mk(N_EXPRSTMT, X->pos); A->a = X; need_value(X); }
simplestmt(A) ::= expr(X) INC(O). { A = assign(&O, list_one(X), list_one(NULL)); }
simplestmt(A) ::= expr(X) DEC(O). { A = assign(&O, list_one(X), list_one(NULL)); }
simplestmt(A) ::= expr(X) ARROW(O) expr(Y). { A = mk(N_SENDSTMT, O.pos); A->a = X; A->b = Y; need_value(X); need_value(Y); }
simplestmt(A) ::= expr(X) OPASSIGN(O) expr(Y). { A = assign(&O, list_one(X), list_one(Y)); }
simplestmt(A) ::= exprlist(L) ASSIGN(O) exprlist(R). { A = assign(&O, L, R); }
simplestmt(A) ::= exprlist(L) DEFINE(O) exprlist(R). { A = assign(&O, L, R); }

%type osimple {Node*}
osimple(A) ::= . { A = NULL; }
osimple(A) ::= simplestmt(S). { A = S; }

%type ifstmt {Node*}
ifstmt(A) ::= IF(K) osimple(I) body(B) elsepart(E). { A = ifstmt(P, &K, NULL, I, B, E); }
ifstmt(A) ::= IF(K) osimple(I) SEMI(S) osimple(C) body(B) elsepart(E). { if (!C) missing_if_cond(&S); A = ifstmt(P, &K, I, C, B, E); }
%type elsepart {Node*}
elsepart(A) ::= . { A = NULL; }
elsepart(A) ::= ELSE ifstmt(S). { A = S; }
elsepart(A) ::= ELSE block(B). { A = B; }

%type forstmt {Node*}
forstmt(A) ::= FOR(K) body(B). { A = mk(N_FOR, K.pos); A->d = B; }
forstmt(A) ::= FOR(K) simplestmt(C) body(B). { A = forcond(P, &K, C, B); }
forstmt(A) ::= FOR(K) osimple(I) SEMI osimple(C) SEMI osimple(S) body(B). { A = forclause(P, &K, I, C, S, B); }
forstmt(A) ::= FOR(K) rangeclause(R) body(B). { A = mk(N_FOR, K.pos); A->a = R; A->d = B; }
%type rangeclause {Node*}
rangeclause(A) ::= RANGE(R) expr(X). { A = rangeclause(&R, list_one(NULL), 0, X); }
rangeclause(A) ::= exprlist(L) ASSIGN(O) RANGE expr(X). { A = rangeclause(&O, L, T_ASSIGN, X); }
rangeclause(A) ::= exprlist(L) DEFINE(O) RANGE expr(X). { A = rangeclause(&O, L, T_DEFINE, X); }

%type switchstmt {Node*}
switchstmt(A) ::= SWITCH(K) osimple(T) LBODY caseclauses(C) RBRACE(R). { A = switchstmt(P, &K, NULL, T, C, &R); }
switchstmt(A) ::= SWITCH(K) osimple(I) SEMI osimple(T) LBODY caseclauses(C) RBRACE(R). { A = switchstmt(P, &K, I, T, C, &R); }
%type caseclauses {List}
caseclauses(A) ::= . { A = list_one(NULL); }
caseclauses(A) ::= caseclauses(L) caseclause(C). { A = list_add(L, C); }
%type caseclause {Node*}
caseclause(A) ::= CASE(K) exprlist(L) COLON stmtlist(S). { A = mk(N_CASECLAUSE, K.pos); A->list = L.head; A->list2 = S.head; }
caseclause(A) ::= DEFAULT(K) COLON stmtlist(S). { A = mk(N_CASECLAUSE, K.pos); A->flags |= NF_DEFAULT; A->list2 = S.head; }

%type selectstmt {Node*}
selectstmt(A) ::= SELECT(K) LBODY commclauses(C) RBRACE(R). { A = mk(N_SELECT, K.pos); A->list = C.head; A->end = R.pos; }
%type commclauses {List}
commclauses(A) ::= . { A = list_one(NULL); }
commclauses(A) ::= commclauses(L) commclause(C). { A = list_add(L, C); }
%type commclause {Node*}
commclause(A) ::= CASE(K) simplestmt(X) COLON stmtlist(S). { A = mk(N_CASECLAUSE, K.pos); A->a = X; A->list2 = S.head; }
commclause(A) ::= DEFAULT(K) COLON stmtlist(S). { A = mk(N_CASECLAUSE, K.pos); A->flags |= NF_DEFAULT; A->list2 = S.head; }

%code {
/* The parser's state stack (state numbers only), copied into out if it has
 * room; returns the depth. parse.c snapshots it every few tokens so that a
 * syntax error can be worded from the state before the offending token:
 * by the time lemon reports the error it has already made the default
 * reductions the token triggered, and lost what else it would have taken. */
int goparse_stack(void *lemon, uint16_t *out, int cap) {
	yyParser *p = lemon;
	int n = (int)(p->yytos - p->yystack) + 1;
	if (n <= cap)
		for (int i = 0; i < n; i++) out[i] = p->yystack[i].stateno;
	return n;
}

/* Feeds tok to a state-only copy of the parser (no actions): lemon's own
 * loop, on the state stack st of depth n with room for cap entries. Returns
 * the new depth, or -1 if tok is a syntax error there. */
int goparse_sim(uint16_t *st, int n, int cap, int tok) {
	for (int steps = 0; steps < 100000 && n >= 1; steps++) {
		YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)tok, st[n - 1]);
		if (act <= YY_MAX_SHIFTREDUCE) {
			if (n >= cap) return -1;
			st[n++] = act > YY_MAX_SHIFT ? (uint16_t)(act + YY_MIN_REDUCE - YY_MIN_SHIFTREDUCE) : act;
			return n;
		}
		if (act == YY_ACCEPT_ACTION) return n;
		if (act < YY_MIN_REDUCE || act > YY_MAX_REDUCE) return -1;
		int rule = act - YY_MIN_REDUCE;
		n += yyRuleInfoNRhs[rule];
		if (n < 1 || n >= cap) return -1;
		st[n] = yy_find_reduce_action(st[n - 1], (YYCODETYPE)yyRuleInfoLhs[rule]);
		n++;
	}
	return -1;
}

/* Would the parser with state stack st (depth n) accept tok? A token's
 * reductions push at most one state per empty rule, so 64 entries of room
 * are plenty. */
bool goparse_accepts_st(const uint16_t *st, int n, int tok) {
	int cap = n + 64;
	uint16_t *tmp = malloc(sizeof(uint16_t) * (size_t)cap);
	memcpy(tmp, st, sizeof(uint16_t) * (size_t)n);
	int r = goparse_sim(tmp, n, cap, tok);
	free(tmp);
	return r >= 0;
}

/* Does the parser, in its current state, accept tok? */
bool goparse_accepts(void *lemon, int tok) {
	yyParser *p = lemon;
	int n = (int)(p->yytos - p->yystack) + 1;
	uint16_t *st = malloc(sizeof(uint16_t) * (size_t)n);
	for (int i = 0; i < n; i++) st[i] = p->yystack[i].stateno;
	bool ok = goparse_accepts_st(st, n, tok);
	free(st);
	return ok;
}
}
