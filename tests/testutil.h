/*
 * testutil.h -- helpers shared by the cmocka tests: temporary folders
 * and databases.
 */
#ifndef MAPPA_TESTUTIL_H
#define MAPPA_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Make a fresh temporary folder; its path is stored in DIR (PATH_MAX). */
static inline void
tu_tmpdir(char *dir, size_t n)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, n, "%s/mappa-test-XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
}

/* Remove folder DIR and the files in it (one level). */
static inline void
tu_rmdir(const char *dir)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#endif
