/*
 * outfile.c -- files written whole or not at all, through the descriptor
 * mappa created (outfile.h), and the tar stream that carries them over a
 * link.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/outfile.h"
#include "core/util.h"

/* The folder of PATH ("." when it names none). */
static void
dir_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		str_copy(dir, ".", n);
	else if (slash == path)
		str_copy(dir, "/", n);
	else
		str_printf(dir, n, "%.*s", (int)(slash - path), path);
}

int
outfile_open(struct outfile *o, const char *path, char *err, size_t errlen)
{
	char dir[4200];
	struct stat sb;
	int fd;

	memset(o, 0, sizeof *o);
	o->fd = -1;
	if (str_copy(o->path, path, sizeof o->path) >= sizeof o->path - 16) {
		str_printf(err, errlen, "%s: the name is too long", path);
		return -1;
	}
	if (lstat(path, &sb) == 0) {
		str_printf(err, errlen, "%s: already exists; mappa never "
			   "overwrites a file", path);
		return -1;
	}
	dir_of(path, dir, sizeof dir);
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR ||
		       errno == EINVAL)) {
		/* No unnamed files here: a private hidden stand-in. */
		str_printf(o->tmp, sizeof o->tmp, "%s/.mappa-XXXXXX", dir);
		fd = mkostemp(o->tmp, O_CLOEXEC);
		if (fd < 0)
			o->tmp[0] = '\0';
	}
	if (fd < 0) {
		str_printf(err, errlen, "%s: cannot write here: %s", path,
			   strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) != 0) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		if (o->tmp[0])
			unlink(o->tmp);
		o->tmp[0] = '\0';
		return -1;
	}
	o->fd = fd;
	return 0;
}

/* Give the unnamed file O its name; -1 with errno. */
static int
link_unnamed(struct outfile *o)
{
	char proc[64];

	if (linkat(o->fd, "", AT_FDCWD, o->path, AT_EMPTY_PATH) == 0)
		return 0;
	if (errno != ENOENT && errno != EPERM && errno != EINVAL)
		return -1;
	/* Without CAP_DAC_READ_SEARCH: through /proc, which names the
	 * open file itself, not a path someone could swap. */
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->fd);
	return linkat(AT_FDCWD, proc, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW);
}

int
outfile_commit(struct outfile *o, char *err, size_t errlen)
{
	int rc;

	if (fsync(o->fd) != 0) {
		str_printf(err, errlen, "%s: %s", o->path, strerror(errno));
		return -1;
	}
	/* link() refuses an existing name, where rename() would replace
	 * it silently. */
	rc = o->tmp[0] ? link(o->tmp, o->path) : link_unnamed(o);
	if (rc != 0) {
		str_printf(err, errlen, "%s: %s", o->path, errno == EEXIST
			   ? "already exists; mappa never overwrites a file"
			   : strerror(errno));
		return -1;
	}
	o->linked = true;
	if (o->tmp[0]) {
		unlink(o->tmp);
		o->tmp[0] = '\0';
	}
	return 0;
}

void
outfile_close(struct outfile *o, bool unlink_name)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
	if (unlink_name && o->linked)
		unlink(o->path);
	o->linked = false;
}

void
outfile_sync_dir(const char *path)
{
	char dir[4200];
	int fd;

	dir_of(path, dir, sizeof dir);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

int
outfile_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* --- tar (POSIX ustar) ---------------------------------------------------- */

/* V in octal, zero-filled, into the LEN-byte field F (a NUL last). */
static void
octal(unsigned char *f, size_t len, unsigned long long v)
{
	f[len - 1] = '\0';
	for (size_t i = len - 1; i-- > 0; v >>= 3)
		f[i] = (unsigned char)('0' + (v & 7));
}

int
tar_add(FILE *out, const char *name, const void *data, size_t n,
	time_t mtime)
{
	unsigned char h[512];
	unsigned sum = 0;
	static const char zeros[512];

	if (strlen(name) > 99)
		return -1;
	memset(h, 0, sizeof h);
	memcpy(h, name, strlen(name));
	if ((unsigned long long)n >= 1ULL << 33)
		return -1; /* ustar's size field holds 11 octal digits */
	octal(h + 100, 8, 0600);
	octal(h + 108, 8, 0);
	octal(h + 116, 8, 0);
	octal(h + 124, 12, n);
	octal(h + 136, 12, (unsigned long long)(mtime > 0 ? mtime : 0));
	memset(h + 148, ' ', 8);
	h[156] = '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	for (size_t i = 0; i < sizeof h; i++)
		sum += h[i];
	octal(h + 148, 7, sum);
	h[155] = ' ';
	if (fwrite(h, 1, sizeof h, out) != sizeof h ||
	    (n > 0 && fwrite(data, 1, n, out) != n) ||
	    (n % 512 && fwrite(zeros, 1, 512 - n % 512, out) != 512 - n % 512))
		return -1;
	return 0;
}

int
tar_end(FILE *out)
{
	static const char zeros[1024];

	return fwrite(zeros, 1, sizeof zeros, out) == sizeof zeros &&
	       fflush(out) == 0 ? 0 : -1;
}
