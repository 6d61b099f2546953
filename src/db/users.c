/*
 * users.c -- user accounts and roles.
 *
 * Users are never deleted, only disabled, so that every audit row and
 * every "recorded by" keeps naming a real account.  The last active admin
 * can be neither demoted nor disabled: a database nobody can administer
 * would be lost.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "db/db_internal.h"

static bool
name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n >= DB_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return name[0] != '-';
}

static enum db_status
step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_sqlfail(db, rc, what);
}

enum db_status
db_user_add(struct db *db, const char *name, enum db_role role)
{
	enum db_status s;
	sqlite3_stmt *st;
	char detail[96];

	if ((s = db_require(db, DB_ADMIN, "adding a user")) != DB_OK)
		return s;
	if (!name_ok(name))
		return db_fail(db, DB_INVALID,
			       "'%s' is not a valid user name (1 to %d "
			       "letters, digits, '.', '_' or '-')", name,
			       DB_NAME_MAX - 1);
	if (role == ROLE_NONE)
		return db_fail(db, DB_INVALID, "no valid role given");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT 1 FROM users WHERE name = ?");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_reset(st);
		return db_tx_end(db, db_fail(db, DB_INVALID,
					     "the user '%s' already exists",
					     name));
	}
	sqlite3_reset(st);
	st = db_stmt(db, "INSERT INTO users(name, role, created) VALUES "
			 "(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db_role_name(role), -1, SQLITE_STATIC);
	s = step_done(db, st, "adding a user");
	if (s == DB_OK) {
		snprintf(detail, sizeof detail, "role: - -> %s",
			 db_role_name(role));
		char rec[DB_NAME_MAX + 8];

		snprintf(rec, sizeof rec, "user %s", name);
		s = db_audit_write(db, "user.add", rec, detail);
	}
	return db_tx_end(db, s);
}

/* The role and active flag of NAME, and how many other active admins
 * there are; DB_NOTFOUND when there is no NAME. */
static enum db_status
user_get(struct db *db, const char *name, enum db_role *role, int *active,
	 int64_t *admins)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT role, active, (SELECT count(*) "
				       "FROM users WHERE role = 'admin' AND "
				       "active AND name <> ?1) FROM users "
				       "WHERE name = ?1");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*role = db_role_parse((const char *)sqlite3_column_text(st, 0));
		*active = sqlite3_column_int(st, 1);
		*admins = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		return DB_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_sqlfail(db, rc, "reading the users");
	return db_fail(db, DB_NOTFOUND, "no user '%s'", name);
}

static enum db_status
user_change(struct db *db, const char *name, enum db_role role, bool disable)
{
	enum db_role old = ROLE_NONE;
	int active = 0;
	int64_t admins = 0;
	enum db_status s;
	sqlite3_stmt *st;
	char detail[96], rec[DB_NAME_MAX + 8];

	if ((s = db_require(db, DB_ADMIN, "changing a user")) !=
	    DB_OK)
		return s;
	if (!disable && role == ROLE_NONE)
		return db_fail(db, DB_INVALID, "no valid role given");
	if ((s = db_tx_begin(db)) != DB_OK)
		return s;
	if ((s = user_get(db, name, &old, &active, &admins)) != DB_OK)
		return db_tx_end(db, s);
	if (old == ROLE_ADMIN && active && (disable || role != ROLE_ADMIN) &&
	    admins == 0)
		return db_tx_end(db, db_fail(db, DB_INVALID, "'%s' is the last "
					     "active admin; add another admin "
					     "first", name));
	if (disable) {
		st = db_stmt(db, "UPDATE users SET active = 0, "
				 "version = version + 1 WHERE name = ?");
		snprintf(detail, sizeof detail, "status: %s -> disabled",
			 active ? "active" : "disabled");
	} else {
		st = db_stmt(db, "UPDATE users SET role = ?2, "
				 "version = version + 1 WHERE name = ?1");
		snprintf(detail, sizeof detail, "role: %s -> %s",
			 db_role_name(old), db_role_name(role));
	}
	if (st == NULL)
		return db_tx_end(db, DB_ERROR);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (!disable)
		sqlite3_bind_text(st, 2, db_role_name(role), -1, SQLITE_STATIC);
	s = step_done(db, st, "changing a user");
	snprintf(rec, sizeof rec, "user %s", name);
	if (s == DB_OK)
		s = db_audit_write(db, disable ? "user.disable" : "user.role",
				   rec, detail);
	return db_tx_end(db, s);
}

enum db_status
db_user_set_role(struct db *db, const char *name, enum db_role role)
{
	return user_change(db, name, role, false);
}

enum db_status
db_user_disable(struct db *db, const char *name)
{
	return user_change(db, name, ROLE_NONE, true);
}

static void
read_user(struct db *db, sqlite3_stmt *st, void *row)
{
	struct db_user *u = row;

	(void)db;
	u->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, u->name, sizeof u->name);
	u->role = db_role_parse((const char *)sqlite3_column_text(st, 2));
	u->active = sqlite3_column_int(st, 3) != 0;
	db_column_copy(st, 4, u->created, sizeof u->created);
}

enum db_status
db_user_list(struct db *db, struct db_users *list)
{
	sqlite3_stmt *st;
	enum db_status s;

	list->n = 0;
	if ((s = db_require(db, DB_ADMIN, "listing users")) != DB_OK)
		return s;
	st = db_stmt(db, "SELECT id, name, role, active, created FROM users "
			 "ORDER BY name");
	if (st == NULL)
		return DB_ERROR;
	return DB_ROWS(db, st, read_user, list, "listing users");
}
