/* launch: runs a command and reports its wall time, user and system CPU
 * time and peak RSS from wait4's rusage (tools/bench_run.py).
 *
 *   launch RESULTFILE TIMEOUT_S prog [args...]
 *
 * Why a separate, small launcher: on Linux a child's ru_maxrss starts at
 * the RSS of the process that forked it (the copied address space is
 * counted at exec), so a child forked by Python reports at least Python's
 * ~16 MiB. Forked from this static program, the floor is a few hundred KiB.
 * RESULTFILE gets "wall_s user_s sys_s maxrss_bytes status" (status: the
 * exit code, 128+signal, or "timeout"). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child;
static volatile sig_atomic_t timed_out;

static void on_alarm(int sig) {
	(void)sig;
	timed_out = 1;
	kill(child, SIGKILL);
}

int main(int argc, char **argv) {
	if (argc < 4) {
		fprintf(stderr, "usage: launch RESULTFILE TIMEOUT_S prog [args...]\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	child = fork();
	if (child < 0) return perror("fork"), 2;
	if (child == 0) {
		execvp(argv[3], argv + 3);
		perror("exec");
		_exit(127);
	}
	signal(SIGALRM, on_alarm);
	alarm((unsigned)atoi(argv[2]));
	int status;
	struct rusage ru;
	while (wait4(child, &status, 0, &ru) < 0) {}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	FILE *f = fopen(argv[1], "w");
	if (!f) return perror(argv[1]), 2;
	double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(f, "%.6f %ld.%06ld %ld.%06ld %ld ", wall, (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
		(long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, ru.ru_maxrss * 1024L);
	if (timed_out) fprintf(f, "timeout\n");
	else if (WIFEXITED(status)) fprintf(f, "%d\n", WEXITSTATUS(status));
	else fprintf(f, "%d\n", 128 + WTERMSIG(status));
	fclose(f);
	return 0;
}
