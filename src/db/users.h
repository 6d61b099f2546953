/*
 * users.h -- users and their roles, the area's settings and its population
 * estimates (users.c, settings.c).
 *
 * Part of the data layer's interface: db/db.h includes every part, and
 * its rules hold for each.
 */
#ifndef MAPPA_DB_USERS_H
#define MAPPA_DB_USERS_H

#include "core/process.h"
#include "db/connection.h"

/* --- users ------------------------------------------------------------ */

struct db_user {
	int64_t id;
	char name[DB_NAME_MAX];
	enum db_role role;
	bool active;
	char created[24]; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
};

/* Admin only.  Names are 1-63 characters of [A-Za-z0-9._-]. */
enum db_status db_user_add(struct db *db, const char *name, enum db_role role);
enum db_status db_user_set_role(struct db *db, const char *name,
				enum db_role role);
enum db_status db_user_disable(struct db *db, const char *name);

DB_LIST(db_users, struct db_user);
/* Admin only; every user, by name, into LIST (a DB_LIST, connection.h). */
enum db_status db_user_list(struct db *db, struct db_users *list);

/* --- settings and population -------------------------------------------- */

/*
 * Known settings keys: area_name, the schedule's review_weeks_level2,
 * review_weeks_level3, review_months_level1, initial_days_level2 and
 * initial_days_level3 (defaults in core/process.h), meeting_day_level2,
 * meeting_day_level3 (weekday names), kpi_* targets, meeting_statement
 * (the confidentiality and diversity statement, at most DB_STATEMENT_MAX
 * bytes).  db_setting_get() gives the stored value or the default;
 * DB_NOTFOUND for unknown keys.
 */
#define DB_STATEMENT_MAX 2000
enum db_status db_setting_get(struct db *db, const char *key, char *buf,
			      size_t n);
/* Admin only; VALUE is checked against the key's type. */
enum db_status db_setting_set(struct db *db, const char *key,
			      const char *value);
/* A known setting: its key, value (stored or default) and a line of
 * help (key and help are the program's, never freed). */
struct db_setting {
	const char *key;
	char value[DB_STATEMENT_MAX + 1];
	const char *about;
};
DB_LIST(db_settings, struct db_setting);
/* Every known setting, in the list's order of keys, into LIST. */
enum db_status db_setting_list(struct db *db, struct db_settings *list);

/* The settings the case process's schedule reads (core/process.h), each
 * the stored value or its default: the one reader of them. */
enum db_status db_process_settings(struct db *db, struct process_settings *ps);

/* Admin only; YEAR given twice is DB_INVALID. */
enum db_status db_population_add(struct db *db, int year, int64_t people,
				 const char *source);
/* A year's population estimate. */
struct db_population {
	int year;
	int64_t people;
	char source[DB_FIELD_MAX]; /* "" for none; cut to DB_FIELD_MAX - 1
				      bytes (read by no command yet) */
};
DB_LIST(db_populations, struct db_population);
/* Every year's estimate, by year, into LIST. */
enum db_status db_population_list(struct db *db, struct db_populations *list);

#endif
