/*
 * test_db_proc.c -- the data layer across processes: two writers at
 * once, and a writer killed in the middle of a large transaction.
 */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

struct fx {
	char dir[4096];
	char path[4200];
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct db *db;

	db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	assert_int_equal(db_user_add(db, "bob", ROLE_ADMIN), DB_OK);
	db_close(db);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	tu_rmdir(f->dir);
	free(f);
	return 0;
}

static int64_t
count(const char *path, const char *sql)
{
	sqlite3 *raw;
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	return n;
}

/* In a child: add N offenders as USER, one transaction each. */
static int
writer(const char *path, const char *user, int n)
{
	struct db *db;
	struct db_offender o;
	struct db_event e;
	char err[512];

	if (db_open(&db, path, user, 0, err, sizeof err) != DB_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		memset(&o, 0, sizeof o);
		snprintf(o.ref, sizeof o.ref, "%s-%d", user, i);
		str_copy(o.surname, "Concurrent", sizeof o.surname);
		if (db_offender_add(db, &o) != DB_OK) {
			fprintf(stderr, "%s: %s\n", user, db_errmsg(db));
			db_close(db);
			return 1;
		}
		memset(&e, 0, sizeof e);
		e.ev.date = 14000 + i;
		e.ev.type = EV_REGISTER;
		e.ev.category = 1;
		e.ev.level = 1;
		if (db_event_add(db, o.id, &o.version, &e,
				 MDATE_NONE) != DB_OK) {
			fprintf(stderr, "%s: %s\n", user, db_errmsg(db));
			db_close(db);
			return 1;
		}
	}
	db_close(db);
	return 0;
}

static void
two_writers__at_once__both_succeed(void **state)
{
	struct fx *f = *state;
	const int n = 60;
	pid_t a, b;
	int sa, sb;

	if ((a = fork()) == 0)
		_exit(writer(f->path, "alice", n));
	if ((b = fork()) == 0)
		_exit(writer(f->path, "bob", n));
	assert_int_equal(waitpid(a, &sa, 0), a);
	assert_int_equal(waitpid(b, &sb, 0), b);
	assert_true(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
	assert_true(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
	assert_int_equal(count(f->path, "SELECT count(*) FROM offenders"),
			 2 * n);
	assert_int_equal(count(f->path, "SELECT count(*) FROM events"), 2 * n);
	assert_int_equal(count(f->path, "SELECT count(DISTINCT id) FROM "
					"events"), 2 * n);
}

static void
killed_mid_transaction__previous_state_and_integrity_ok(void **state)
{
	struct fx *f = *state;
	int fds[2];
	pid_t pid;
	char c;
	int status;
	struct db *db;
	char err[512], wal[4300];
	struct stat sb;

	assert_int_equal(writer(f->path, "alice", 10), 0);
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		struct db_offender o;
		struct db_event e[3];

		close(fds[0]);
		if (db_open(&db, f->path, "bob", 0, err, sizeof err) != DB_OK)
			_exit(1);
		/* A small page cache, so that the transaction spills into
		 * the WAL long before it ends. */
		if (sqlite3_exec(db->sql, "PRAGMA cache_size = -1000", NULL,
				 NULL, NULL) != SQLITE_OK ||
		    db_begin(db) != DB_OK)
			_exit(1);
		memset(e, 0, sizeof e);
		for (int i = 0; i < 3; i++) {
			e[i].ev.date = 14000 + i;
			e[i].source = SRC_IMPORT;
		}
		e[0].ev.type = EV_REGISTER;
		e[0].ev.category = 2;
		e[0].ev.level = 2;
		e[1].ev.type = EV_CUSTODY;
		e[1].ev.kind = CUSTODY_LICENCE_BREACH;
		e[2].ev.type = EV_RELEASE;
		/* Write forever inside one transaction; say when it is
		 * large (spilled to the WAL many times over). */
		for (int i = 0;; i++) {
			memset(&o, 0, sizeof o);
			snprintf(o.ref, sizeof o.ref, "K%d", i);
			str_copy(o.surname, "Killed", sizeof o.surname);
			if (db_bulk_offender(db, &o, e, 3) != DB_OK)
				_exit(1);
			if (i == 8000 && write(fds[1], "x", 1) != 1)
				_exit(1);
		}
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	/* The transaction is large: it has spilled pages into the WAL. */
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size > 1024 * 1024);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_integrity_check(db), DB_OK);
	db_close(db);
	assert_int_equal(count(f->path, "SELECT count(*) FROM offenders"), 10);
	assert_int_equal(count(f->path, "SELECT count(*) FROM events"), 10);
	assert_int_equal(count(f->path, "SELECT count(*) FROM audit WHERE "
					"actor = 'bob'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			two_writers__at_once__both_succeed, setup, teardown),
		cmocka_unit_test_setup_teardown(
			killed_mid_transaction__previous_state_and_integrity_ok,
			setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
