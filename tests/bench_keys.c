/*
 * bench_keys.c -- keystroke to screen: the register on a database, run
 * as a person would run it, on a pseudo-terminal of 120 x 40, and each
 * key of a fixed session timed from its writing to the last byte of the
 * screen update it causes (the update is over when the terminal has been
 * quiet for QUIET_MS).  What bench_register times is the model under the
 * screen; this is the whole program: reading the key, the queries, the
 * drawing, curses' output.  Prints milliseconds; asserts nothing
 * (make bench).
 *
 *   bench_keys MAPPA DB
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 25

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Read what FD writes until it has been quiet for QUIET ms (after at
 * least one byte, waiting up to FIRST ms for that); *BYTES gets how many.
 * Returns the time of the last byte, or -1 when nothing came.
 */
static double
update(int fd, int first, int quiet, size_t *bytes)
{
	char buf[65536];
	double last = -1;
	int wait = first;

	*bytes = 0;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;
		int r = poll(&p, 1, wait);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return last;
		n = read(fd, buf, sizeof buf);
		if (n <= 0)
			return last;
		last = now_ms();
		*bytes += (size_t)n;
		wait = quiet;
	}
}

int
main(int argc, char **argv)
{
	/* The session: the filters in turn, the sort orders, paging. */
	static const struct {
		const char *keys, *what;
	} session[] = {
		{ "l", "level 1" }, { "l", "level 2" }, { "l", "level 3" },
		{ "l", "any level" }, { "s", "community" }, { "s", "custody" },
		{ "s", "exited" }, { "s", "all" }, { "s", "current" },
		{ "c", "category 1" }, { "c", "category 2" },
		{ "c", "category 3" }, { "c", "category 4" },
		{ "c", "any category" }, { "o", "overdue" }, { "o", "not overdue" },
		{ ">", "sort by name" }, { "I", "reversed" },
		{ ">", "by category" }, { ">", "by level" }, { ">", "by status" },
		{ ">", "by agency" }, { ">", "by district" },
		{ ">", "by review" }, { ">", "by reference" }, { "I", "reversed" },
		{ "G", "end" }, { "g", "home" }, { "\006", "page down" },
		{ "\006", "page down" }, { "\002", "page up" },
		{ "j", "line down" }, { "k", "line up" },
		{ "l", "level 1, from page 3" }, { "x", "filters cleared" },
	};
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	double worst = 0, sum = 0;
	const char *worst_what = "";
	size_t bytes;
	pid_t pid;
	int fd, status;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_keys MAPPA DB\n");
		return 2;
	}
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("bench_keys: forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		execl(argv[1], argv[1], "--db", argv[2], (char *)NULL);
		_exit(127);
	}
	/* The first screen, then quiet. */
	if (update(fd, 15000, 500, &bytes) < 0 || bytes == 0) {
		fprintf(stderr, "bench_keys: the register never showed\n");
		kill(pid, SIGTERM);
		return 1;
	}
	printf("keystroke to screen, %s on a 120x40 pseudo-terminal "
	       "(ms to the last byte of the update):\n", argv[2]);
	for (size_t i = 0; i < sizeof session / sizeof *session; i++) {
		double t0 = now_ms(), t1, ms;

		if (write(fd, session[i].keys, strlen(session[i].keys)) < 0) {
			perror("bench_keys: write");
			break;
		}
		t1 = update(fd, 5000, QUIET_MS, &bytes);
		ms = t1 < 0 ? -1 : t1 - t0;
		printf("  %-24s %7.2f  %6zu bytes\n", session[i].what, ms, bytes);
		sum += ms;
		if (ms > worst) {
			worst = ms;
			worst_what = session[i].what;
		}
	}
	printf("keys_mean_ms %.2f\nkeys_worst_ms %.2f (%s)\n",
	       sum / (double)(sizeof session / sizeof *session), worst,
	       worst_what);
	if (write(fd, "q", 1) < 0)
		kill(pid, SIGTERM);
	update(fd, 2000, 200, &bytes);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
}
