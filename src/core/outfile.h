/*
 * outfile.h -- files that mappa writes for people (backups, exports):
 * whole or not at all, never over another file, never reopened by name.
 *
 * A file is written through the one descriptor mappa created: an unnamed
 * file in the target's folder (O_TMPFILE), linked to its name only when
 * it is whole and on disk.  Nobody can swap it, read it half written, or
 * find it left behind when mappa is killed.  Where the file system has no
 * unnamed files, a private hidden file (O_EXCL, mode 0600) stands in and
 * is removed on every failure mappa lives through.
 *
 * A tar stream (ustar) carries several files over one standard output,
 * for the forced-command deployment (mappa(1), DEPLOYMENT).
 */
#ifndef MAPPA_OUTFILE_H
#define MAPPA_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct outfile {
	int fd;             /* the descriptor to write through, -1 when none */
	char path[4200];    /* the name it gets */
	char tmp[4200];     /* the hidden stand-in's name, "" when unnamed */
	bool linked;        /* the file has its name */
};

/*
 * Start PATH: refuse one that exists (even a dangling symbolic link),
 * then open the unnamed file in its folder, mode 0600.  0, or -1 with the
 * reason in ERR.
 */
int outfile_open(struct outfile *o, const char *path, char *err,
		 size_t errlen);

/* Flush O to disk and give it its name, never over another file; the
 * descriptor stays open.  0, or -1 with the reason in ERR. */
int outfile_commit(struct outfile *o, char *err, size_t errlen);

/* Close O; when UNLINK, take a name it was given away again.  Always
 * removes the stand-in.  Safe on a zeroed or closed outfile. */
void outfile_close(struct outfile *o, bool unlink_name);

/* Flush the folder that holds PATH, so the names it got survive a crash. */
void outfile_sync_dir(const char *path);

/* Write all N bytes of BUF to FD (retrying short writes); 0 or -1. */
int outfile_write_all(int fd, const void *buf, size_t n);

/* One member of a tar stream on OUT: NAME (at most 99 bytes), mode 0600,
 * the N bytes of DATA.  0, or -1 on a write error. */
int tar_add(FILE *out, const char *name, const void *data, size_t n,
	    time_t mtime);

/* The end of a tar stream. */
int tar_end(FILE *out);

#endif
