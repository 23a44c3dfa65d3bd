/* main.c: the goc command line (placeholder until the driver lands). */
#include <stdio.h>
int main(void) { printf("goc version %s\n", GOC_VERSION); return 0; }
