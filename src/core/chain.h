/*
 * chain.h -- the audit trail's hash chain: each row's hash is SHA-256 of
 * the hash of the row before it and of the row itself, so that a row
 * changed, removed or put in later breaks the chain from there on.
 *
 * The hashed content is the row as stored: id, time, actor, action,
 * record and detail, each either absent (SQL NULL) or its bytes with
 * their length, so that no two rows encode alike.  The first row follows
 * 32 zero bytes.  SHA-256 is GNU Nettle's, not our own.
 */
#ifndef MAPPA_CHAIN_H
#define MAPPA_CHAIN_H

#include <stdint.h>

/* A hash as lower-case hex, with its NUL. */
#define CHAIN_HEX 65

/* One audit row as stored; NULL for an SQL NULL (time, actor and action
 * are never NULL in a well-formed trail). */
struct chain_row {
	int64_t id;
	const char *time, *actor, *action, *record, *detail;
};

/*
 * The hash of ROW after the row whose hash is PREV (NULL or "" for the
 * first row), as hex into OUT.  Returns 0, or -1 when PREV is not a
 * hash (64 hex digits): a row after it cannot be checked.
 */
int chain_hash(const char *prev, const struct chain_row *row,
	       char out[CHAIN_HEX]);

#endif
