/*
 * test_db.c -- the data layer's rules, each on a fresh database.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/chain.h"
#include "core/util.h"
#include "db/db_internal.h"
#include "testutil.h"

static void
new_offender(struct db *db, const char *ref, struct db_offender *o)
{
	tu_offender(o, ref);
	str_copy(o->forenames, "Quentin", sizeof o->forenames);
	str_copy(o->pnc, "05/123456R", sizeof o->pnc);
	assert_int_equal(db_offender_add(db, o), DB_OK);
}

static struct db_event
event(const char *date, int type, int cat, int level, int kind)
{
	return tu_event(date, type, cat, level, kind, SRC_MAPPA);
}

static enum db_status
add(struct db *db, struct db_offender *o, struct db_event e)
{
	return db_event_add(db, o->id, &o->version, &e, MDATE_NONE);
}

/* --- opening -------------------------------------------------------------- */

static void
open__new_file__mode_0600_whatever_umask(void **state)
{
	struct tu_fx *f = *state;
	char path[4300], err[512];
	struct db *db;
	struct stat sb;
	mode_t old = umask(0);

	snprintf(path, sizeof path, "%s/loose.db", f->dir);
	assert_int_equal(db_open(&db, path, "bob", DB_OPEN_CREATE, err,
				 sizeof err), DB_OK);
	umask(old);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_true(db_created(db));
	assert_int_equal(db_role(db), ROLE_ADMIN);
	db_close(db);
}

static void
open__missing_file__not_found(void **state)
{
	struct tu_fx *f = *state;
	char path[4300], err[512];
	struct db *db;
	struct stat sb;

	snprintf(path, sizeof path, "%s/none.db", f->dir);
	assert_int_equal(db_open(&db, path, "bob", 0, err, sizeof err),
			 DB_NOTFOUND);
	assert_null(db);
	assert_non_null(strstr(err, "no mappa database"));
	assert_int_not_equal(stat(path, &sb), 0);
}

static void
open__newer_schema__refused(void **state)
{
	struct tu_fx *f = *state;
	char err[512];
	struct db *db;

	assert_int_equal(sqlite3_exec(f->db->sql, "PRAGMA user_version = 99",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_TOONEW);
	assert_null(db);
	assert_non_null(strstr(err, "newer"));
}

/* The number of the migration whose text holds WHAT: the schema version
 * just before it. */
static int
migration_of(const char *what)
{
	for (int v = 0; v < db_migration_count; v++)
		if (strstr(db_migrations[v], what))
			return v;
	fail_msg("no migration holds %s", what);
	return -1;
}

/* A database of schema 1 is brought to the current schema on opening:
 * the register's v1 indexes replaced, every row kept. */
static void
open__schema_1__migrated_rows_kept(void **state)
{
	static const char *const v1_names[] = {
		"offenders_surname", "offenders_review", "offenders_category",
		"offenders_level", "offenders_status",
		"offenders_review_current", "offenders_agency",
		"offenders_district",
	};
	static const char *const v2_names[] = {
		"ref", "pseudo", "name", "category", "level", "status",
		"agency", "district", "review", "review_current",
	};
	struct tu_fx *f = *state;
	struct db_offender o;
	char err[512], sql[256];
	struct db *db;
	int64_t offenders, events;

	new_offender(f->db, "MIG1", &o);
	offenders = tu_count(f->db, "SELECT count(*) FROM offenders");
	events = tu_count(f->db, "SELECT count(*) FROM events");
	/* Back to schema 1, as a mappa of schema 1 left it. */
	tu_schema_rewind(f->db->sql, 1);

	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(tu_count(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_schema WHERE "
				  "type = 'index' AND name LIKE "
				  "'offenders_by_%'"), (int64_t)NELEM(v2_names));
	for (size_t i = 0; i < NELEM(v1_names); i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema "
			 "WHERE name = '%s'", v1_names[i]);
		assert_int_equal(tu_count(db, sql), 0);
	}
	assert_int_equal(tu_count(db, "SELECT count(*) FROM offenders"),
			 offenders);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM events"), events);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM pragma_integrity_check"
				  " WHERE integrity_check = 'ok'"), 1);
	/* v3: the events table takes the later events, and keeps its
	 * index and the triggers that read it. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_schema WHERE "
				  "name IN ('events_meeting', 'retention_on_exit',"
				  " 'retention_on_exit_event')"), 3);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_schema WHERE "
				  "name = 'events' AND sql LIKE "
				  "'%''sfo_charge'',''notification_review''%'"), 1);
	db_close(db);
	db_offender_clear(&o);
}

/*
 * Schema 2 to 3: referrals without a level -- Level 1 registrations --
 * are gone unless a meeting took them up, in which case they ask for
 * that meeting's level; each change has its audit row; a referral
 * without a level is refused from then on.
 */
static void
open__schema_2__level1_registrations_are_no_referrals(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender a, b, c;
	char err[512];
	struct db *db;

	new_offender(f->db, "MIG1", &a);
	new_offender(f->db, "MIG2", &b);
	new_offender(f->db, "MIG3", &c);
	/* Back to the schema before the referral rules, whatever its
	 * number. */
	tu_schema_rewind(f->db->sql, migration_of("CREATE TRIGGER "
						  "referrals_level_required"));
	assert_int_equal(sqlite3_exec(f->db->sql, "BEGIN;"
		"INSERT INTO meetings(id, date, level, status) VALUES"
		"  (1, '2012-05-22', 2, 'scheduled'),"
		"  (2, '2012-05-24', 3, 'held');"
		"INSERT INTO referrals(id, offender_id, date, agency,"
		"  proposed_level, outcome, meeting_id) VALUES"
		"  (1, 1, '2012-05-01', 'police', NULL, 'pending', NULL),"
		"  (2, 2, '2012-05-01', 'police', NULL, 'pending', NULL),"
		"  (3, 3, '2012-05-01', 'police', NULL, 'accepted', 2),"
		"  (4, 3, '2012-05-02', 'police', 3, 'pending', NULL);"
		"INSERT INTO agenda_items(meeting_id, offender_id, position,"
		"  reason, referral_id) VALUES (1, 2, 1, 'initial', 2);"
		"COMMIT", NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM referrals WHERE "
				  "proposed_level IS NULL"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM referrals WHERE "
				  "id = 1"), 0);
	assert_int_equal(tu_count(db, "SELECT proposed_level FROM referrals "
				  "WHERE id = 2"), 2);
	assert_int_equal(tu_count(db, "SELECT proposed_level FROM referrals "
				  "WHERE id = 3"), 3);
	assert_int_equal(tu_count(db, "SELECT proposed_level FROM referrals "
				  "WHERE id = 4"), 3);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.migrate'"), 3);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.migrate' AND record = "
				  "'offender 1 referral 1' AND detail LIKE "
				  "'removed:%'"), 1);
	assert_int_not_equal(sqlite3_exec(db->sql, "INSERT INTO referrals("
				"offender_id, date, agency) VALUES (1, "
				"'2012-06-01', 'police')", NULL, NULL, NULL),
			     SQLITE_OK);
	db_close(db);
	db_offender_clear(&a);
	db_offender_clear(&b);
	db_offender_clear(&c);
}

/* A referral's agency written before referrals took codes: a code, a
 * name or an alias of the agency table, in any case, becomes the code;
 * other text stays as written; one audit row says how many.  A database
 * with nothing to change gets no such row. */
static void
open__referral_agencies_as_text__named_ones_become_codes(void **state)
{
	static const char *const want[][2] = {
		{ "police", "police" },
		{ "Police", "police" },
		{ "PROBATION", "probation" },
		{ "children's services", "childrens_services" },
		{ "adult social care", "adult_services" },
		{ "Mental health trust", "mental_health" },
		{ "Youth offending team", "yot" },
		{ "Police, PPU", "Police, PPU" },
		{ "probation ", "probation " },
	};
	struct tu_fx *f = *state;
	struct db_audit_check c;
	struct db_offender a;
	sqlite3_stmt *st;
	char err[512];
	struct db *db;

	new_offender(f->db, "MIG1", &a);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.migrate'"), 0);
	/* Back to the schema before the agencies' codes, whatever its
	 * number. */
	tu_schema_rewind(f->db->sql, migration_of("mappa_agency_code"));
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "INSERT INTO "
					    "referrals(offender_id, date, "
					    "agency, proposed_level, outcome) "
					    "VALUES (1, '2012-05-01', ?, 2, "
					    "'withdrawn')", -1, &st, NULL),
			 SQLITE_OK);
	for (size_t i = 0; i < NELEM(want); i++) {
		sqlite3_bind_text(st, 1, want[i][0], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	for (size_t i = 0; i < NELEM(want); i++) {
		assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT agency "
						    "FROM referrals WHERE "
						    "id = ?", -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_int64(st, 1, (sqlite3_int64)(i + 1));
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0),
				    want[i][1]);
		sqlite3_finalize(st);
	}
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.migrate'"), 1);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.migrate' AND detail = "
				  "'agency: 6 referral(s) now stored as the "
				  "code of the agency named; 2 other agency "
				  "text left as written' AND hash IS NOT "
				  "NULL"), 1);
	/* On the chain. */
	assert_int_equal(db_audit_verify(db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	db_close(db);
	db_offender_clear(&a);
}

/* The events migration copies the table: something on it that mappa did
 * not make is refused on opening, before any migration runs, and nothing
 * changes (the migration's own guard stands behind that). */
static void
open__schema_2_with_unknown_index_on_events__refused_whole(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	char err[512];
	struct db *db;
	int64_t events;

	int v = migration_of("events_hold_what_v7_does_not_know");

	new_offender(f->db, "MIG2", &o);
	events = tu_count(f->db, "SELECT count(*) FROM events");
	tu_schema_rewind(f->db->sql, v);
	assert_int_equal(sqlite3_exec(f->db->sql, "CREATE INDEX events_extra "
				      "ON events(kind)", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_not_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			     DB_OK);
	assert_non_null(strstr(err, "events_extra"));
	assert_int_equal(tu_count(f->db, "PRAGMA user_version"), v);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), events);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM sqlite_schema "
				  "WHERE name IN ('events_extra', "
				  "'retention_on_exit')"), 2);
	db_offender_clear(&o);
}

static void
open__foreign_sqlite_file__refused(void **state)
{
	struct tu_fx *f = *state;
	char path[4300], err[512];
	sqlite3 *raw;
	struct db *db;

	snprintf(path, sizeof path, "%s/other.db", f->dir);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(db_open(&db, path, "alice", DB_OPEN_CREATE, err,
				 sizeof err), DB_INVALID);
	assert_non_null(strstr(err, "not a mappa database"));
}

static void
open__unknown_or_disabled_user__refused(void **state)
{
	struct tu_fx *f = *state;
	char err[512];
	struct db *db;

	assert_int_equal(db_open(&db, f->path, "mallory", 0, err, sizeof err),
			 DB_REFUSED);
	assert_non_null(strstr(err, "not a user"));
	assert_int_equal(db_user_add(f->db, "bob", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_open(&db, f->path, "bob", 0, err, sizeof err),
			 DB_OK);
	db_close(db);
	assert_int_equal(db_user_disable(f->db, "bob"), DB_OK);
	assert_int_equal(db_open(&db, f->path, "bob", 0, err, sizeof err),
			 DB_REFUSED);
	assert_non_null(strstr(err, "disabled"));
}

static void
open__pragmas__wal_full_fk(void **state)
{
	struct tu_fx *f = *state;

	assert_int_equal(tu_count(f->db, "PRAGMA synchronous"), 2);
	assert_int_equal(tu_count(f->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_count(f->db, "PRAGMA trusted_schema"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM pragma_journal_mode"
				      " WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(tu_count(f->db, "PRAGMA user_version"),
			 DB_SCHEMA_VERSION);
}

/* --- the audit trail ------------------------------------------------------- */

static void
audit__update_or_delete__refused_by_trigger(void **state)
{
	struct tu_fx *f = *state;
	int64_t n = tu_count(f->db, "SELECT count(*) FROM audit");

	assert_true(n >= 1);
	assert_int_not_equal(sqlite3_exec(f->db->sql, "UPDATE audit SET "
					  "actor = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(f->db->sql, "DELETE FROM audit",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"), n);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "actor = 'x'"), 0);
}

/* The hash of a row, by the rule of chain.h, checked against values
 * computed apart (Python's hashlib over the same encoding). */
static void
audit__chain_hash__known_answers(void **state)
{
	struct chain_row r1 = { 1, "2026-12-06T10:00:00Z", "alice",
				"database.create", NULL,
				"first admin: the creator" };
	struct chain_row r2 = { 2, "2026-12-06T10:00:01Z", "alice",
				"offender.view", "offender 1", NULL };
	char h1[CHAIN_HEX], h2[CHAIN_HEX];

	(void)state;
	assert_int_equal(chain_hash(NULL, &r1, h1), 0);
	assert_string_equal(h1, "7e5efdf103bd7fa6ee2c42380242808765dd3d5560e9"
				"0617a8ce49eeeae838c8");
	assert_int_equal(chain_hash(h1, &r2, h2), 0);
	assert_string_equal(h2, "fab076b29aa6702af61d2c651527e49e6b943f4133b9"
				"9cb3050c9e255b20c378");
	/* An empty record is not an absent one. */
	r2.record = "";
	assert_int_equal(chain_hash(h1, &r2, h2), 0);
	assert_string_not_equal(h2, "fab076b29aa6702af61d2c651527e49e6b943f41"
				    "33b99cb3050c9e255b20c378");
	assert_int_equal(chain_hash("not a hash", &r2, h2), -1);
}

/* Some writes, so that the trail has a middle. */
static void
some_rows(struct db *db)
{
	struct db_offender o;

	new_offender(db, "C1", &o);
	assert_int_equal(add(db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					   0)), DB_OK);
	assert_int_equal(db_user_add(db, "bob", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_setting_set(db, "review_weeks_level2", "12"),
			 DB_OK);
	assert_int_equal(db_population_add(db, 2010, 700000, "test"), DB_OK);
	db_offender_clear(&o);
}

static void
audit__chain__every_row_follows_the_one_before(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	int64_t id;
	char head[65];

	some_rows(f->db);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "hash IS NULL OR length(hash) != 64"), 0);
	assert_int_equal(db_audit_head(f->db, &id, head), DB_OK);
	assert_int_equal(db_audit_verify(f->db, head, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	assert_int_equal(c.found_id, id);
	assert_int_equal(c.rows, id);
	assert_string_equal(c.head, head);
	/* The check is itself logged, on the chain. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'audit.verify'"), 1);
	assert_int_equal(db_audit_verify(f->db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, 0);
}

/* Whoever holds the file rewrites a row in the middle of the trail
 * (the trigger dropped first): the check names that row. */
static void
audit__chain__row_changed_in_middle__named(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	int64_t n, mid;
	char sql[128];

	some_rows(f->db);
	n = tu_count(f->db, "SELECT max(id) FROM audit");
	mid = n / 2 + 1;
	assert_true(mid > 1 && mid < n);
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_no_update; UPDATE audit "
		 "SET actor = 'mallory' WHERE id = %lld", (long long)mid);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_audit_verify(f->db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, mid);
	assert_non_null(strstr(c.why, "changed"));
	assert_true(c.rows >= n);
}

/* A row removed from the middle: the row after it no longer follows. */
static void
audit__chain__row_removed_in_middle__next_named(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	int64_t n, mid;
	char sql[128];

	some_rows(f->db);
	n = tu_count(f->db, "SELECT max(id) FROM audit");
	mid = n / 2 + 1;
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_no_delete; DELETE FROM "
		 "audit WHERE id = %lld", (long long)mid);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_audit_verify(f->db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, mid + 1);
}

/* The whole trail rewritten consistently from some row on: the chain
 * holds, but the hash kept elsewhere is no longer in it. */
static void
audit__chain__rewritten_whole__kept_head_missing(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	int64_t id, n;
	char head[65], sql[160];

	some_rows(f->db);
	assert_int_equal(db_audit_head(f->db, &id, head), DB_OK);
	n = tu_count(f->db, "SELECT max(id) FROM audit");
	/* Cut the tail and write new rows the proper way. */
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_no_delete; DELETE FROM "
		 "audit WHERE id >= %lld", (long long)n - 1);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_audit_log(f->db, "offender.view", NULL, NULL),
			 DB_OK);
	assert_int_equal(db_audit_verify(f->db, head, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	assert_int_equal(c.found_id, 0);
}

/* Erasing a record never touches the audit trail (it holds no
 * identities), so the chain still holds after it. */
static void
audit__chain__erasure_keeps_it(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	struct db_offender o;

	new_offender(f->db, "E1", &o);
	assert_int_equal(add(f->db, &o, event("2005-01-05", EV_REGISTER, 2, 1,
					      0)), DB_OK);
	assert_int_equal(add(f->db, &o, event("2010-06-30", EV_EXIT, 0, 0,
					      EXIT_LICENCE_ENDED)), DB_OK);
	assert_int_equal(db_retention_erase(f->db, o.id, "Review: no longer "
					    "needed"), DB_OK);
	assert_int_equal(db_audit_verify(f->db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "instr(coalesce(detail,'') || "
				  "coalesce(record,''), 'Zorblewick') > 0"), 0);
	db_offender_clear(&o);
}

/* A database from before the hash chain: its rows are hashed in order
 * when it is first opened, and the chain holds. */
static void
open__before_the_chain__rows_hashed_in_order(void **state)
{
	struct tu_fx *f = *state;
	struct db_audit_check c;
	char err[512];
	struct db *db;
	int64_t n;

	some_rows(f->db);
	n = tu_count(f->db, "SELECT count(*) FROM audit");
	/* Back to the version before the chain's migration, whatever its
	 * number. */
	tu_schema_rewind(f->db->sql, migration_of("ALTER TABLE audit ADD "
						  "COLUMN hash"));
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(tu_count(db, "PRAGMA user_version"),
			 DB_SCHEMA_VERSION);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "hash IS NULL"), 0);
	assert_int_equal(db_audit_verify(db, NULL, &c), DB_OK);
	assert_int_equal(c.broken, 0);
	assert_int_equal(c.rows, n);
	/* And the hashes, once set, are as fixed as the rest. */
	assert_int_not_equal(sqlite3_exec(db->sql, "UPDATE audit SET hash = "
					  "NULL WHERE id = 1", NULL, NULL,
					  NULL), SQLITE_OK);
	db_close(db);
}

/* A trigger planted on the audit trail by whoever holds the file is
 * refused on opening, naming it; the repair removes it and says so in
 * the audit trail; then the database opens. */
static void
open__planted_trigger__refused_until_repaired(void **state)
{
	struct tu_fx *f = *state;
	char err[512];
	struct db *db;
	int n;

	assert_int_equal(sqlite3_exec(f->db->sql, "CREATE TRIGGER spy AFTER "
				      "INSERT ON audit BEGIN SELECT 1; END",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_INVALID);
	assert_non_null(strstr(err, "trigger \"spy\" on audit is not "
				    "mappa's"));
	assert_int_equal(db_open(&db, f->path, "alice", DB_OPEN_REPAIR, err,
				 sizeof err), DB_OK);
	assert_int_equal(db_schema_repair(db, false, NULL, NULL, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_schema "
				  "WHERE name = 'spy'"), 1);
	assert_int_equal(db_schema_repair(db, true, NULL, NULL, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_schema "
				  "WHERE name = 'spy'"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM audit WHERE "
				  "action = 'schema.repair' AND detail = "
				  "'drop trigger \"spy\" on audit'"), 1);
	db_close(db);
	assert_int_equal(db_open(&db, f->path, "alice", 0, err, sizeof err),
			 DB_OK);
	db_close(db);
}

/* The expected schema is what the migrations make, whatever their
 * number: a fresh database is as expected, and so is one taken through
 * every migration from schema 1. */
static void
open__migrated_schema__as_expected(void **state)
{
	struct tu_fx *f = *state;
	int n;

	assert_int_equal(db_schema_repair(f->db, false, NULL, NULL, &n),
			 DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_schema_check(f->db, f->path, db_migration_count),
			 DB_OK);
	/* One changed index is named. */
	assert_int_equal(sqlite3_exec(f->db->sql, "DROP INDEX audit_time; "
				      "CREATE INDEX audit_time ON audit(actor)",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_schema_check(f->db, f->path, db_migration_count),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "index \"audit_time\" on "
			       "audit is not as mappa made it"));
}

static void
audit__every_write__writes_its_row(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	int64_t n = tu_count(f->db, "SELECT count(*) FROM audit");
	int64_t mid;

	new_offender(f->db, "A1", &o);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"), n + 1);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	assert_int_equal(db_user_add(f->db, "bob", ROLE_LAY), DB_OK);
	assert_int_equal(db_setting_set(f->db, "review_weeks_level2", "12"),
			 DB_OK);
	assert_int_equal(db_population_add(f->db, 2010, 700000, "test"), DB_OK);
	assert_int_equal(db_meeting_ensure(f->db, 14700, 2, "Chair", &mid),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"), n + 6);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "action = 'setting.set' AND detail = "
				      "'value: 16 -> 12'"), 1);
}

static void
audit__identity_fields__names_only_never_values(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;

	new_offender(f->db, "A1", &o);
	str_copy(o.surname, "Quibbleton", sizeof o.surname);
	o.notes = strdup("lives at 1 Secret Lane");
	assert_int_equal(db_offender_update(f->db, &o), DB_OK);
	db_offender_clear(&o);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "detail LIKE '%Zorblewick%' OR detail "
				      "LIKE '%Quibbleton%' OR detail LIKE "
				      "'%Secret%' OR detail LIKE '%Quentin%' "
				      "OR detail LIKE '%123456%'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "action = 'offender.update' AND detail "
				      "= 'fields: surname,notes'"), 1);
}

static void
audit__level_change__before_and_after(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_event e;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 2, 1,
					      0)), DB_OK);
	e = event("2010-02-02", EV_LEVEL, 0, 2, 0);
	e.note = "Threats to ex-partner";
	e.decided_by = "DCI Example";
	assert_int_equal(add(f->db, &o, e), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "action = 'event.add' AND detail LIKE "
				      "'%level: 1 -> 2%fields: note'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				      "detail LIKE '%Threats%'"), 0);
}

/* --- the rules of histories -------------------------------------------------- */

static void
event__state_machine__refused_and_nothing_written(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	int64_t v, n;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_LEVEL, 0, 2,
					      0)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	v = o.version;
	n = tu_count(f->db, "SELECT count(*) FROM events");
	assert_int_equal(add(f->db, &o, event("2010-02-05", EV_REGISTER, 1, 1,
					      0)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-02-05", EV_RELEASE, 0, 0,
					      0)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-02-05", EV_CATEGORY, 3, 0,
					      0)), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "Category 3"));
	assert_int_equal(add(f->db, &o, event("2010-02-05", EV_CUSTODY, 0, 0,
					      CUSTODY_REMAND)), DB_OK);
	assert_int_equal(add(f->db, &o, event("2010-02-06", EV_CUSTODY, 0, 0,
					      CUSTODY_REMAND)), DB_INVALID);
	/* Back-dated: an exit before the custody is fine, but one before a
	 * later level change would break that change. */
	assert_int_equal(add(f->db, &o, event("2010-03-01", EV_EXIT, 0, 0,
					      EXIT_RISK_REDUCED)), DB_OK);
	{
		struct db_event e = event("2010-02-20", EV_LEVEL, 0, 2, 0);

		e.note = "x";
		e.decided_by = "y";
		assert_int_equal(add(f->db, &o, e), DB_OK);
		e = event("2010-03-05", EV_LEVEL, 0, 2, 0);
		e.note = "x";
		e.decided_by = "y";
		assert_int_equal(add(f->db, &o, e), DB_INVALID);
	}
	assert_int_equal(add(f->db, &o, event("2010-01-01", EV_EXIT, 0, 0,
					      EXIT_OTHER)), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "not registered"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), n + 3);
	assert_int_equal(o.version, v + 3);
}

/* "Not after today" is the data layer's rule too (process_may_record()),
 * not only the form's and the command's: refused, nothing written. */
static void
event__after_today__refused_and_nothing_written(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_event e;
	mdate today;
	int64_t v, n, audits, meetings;

	assert_int_equal(date_parse("2012-06-05", &today), 0);
	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	v = o.version;
	n = tu_count(f->db, "SELECT count(*) FROM events");
	audits = tu_count(f->db, "SELECT count(*) FROM audit");
	meetings = tu_count(f->db, "SELECT count(*) FROM meetings");
	e = event("2012-06-06", EV_CUSTODY, 0, 0, CUSTODY_REMAND);
	assert_int_equal(db_event_add(f->db, o.id, &o.version, &e, today),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "after today"));
	/* With the meeting that decided it, which is not made either. */
	e = event("2012-06-06", EV_LEVEL, 0, 3, 0);
	e.note = "new intelligence";
	e.decided_by = "Chair Person";
	assert_int_equal(db_case_event(f->db, o.id, &o.version, &e, 3,
				       MDATE_NONE, today), DB_INVALID);
	assert_int_equal(o.version, v);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), n);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"),
			 audits);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM meetings"),
			 meetings);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE status = 'community' AND level = 1"),
			 1);
	/* Today itself is fine. */
	e = event("2012-06-05", EV_CUSTODY, 0, 0, CUSTODY_REMAND);
	assert_int_equal(db_event_add(f->db, o.id, &o.version, &e, today),
			 DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"),
			 n + 1);
}

/* A case's whole history comes back, every row in order (more than the
 * first growth of the list), notes and deciders its own; a second read
 * into the same list refills it. */
static void
events__list__every_row_in_order_refilled_anew(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_events list = { 0 };
	struct db_event e;
	int types[64], n = 0;
	char date[MDATE_BUFSZ];

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	types[n++] = EV_REGISTER;
	for (int m = 2; m <= 12; m++) {
		snprintf(date, sizeof date, "2010-%02d-01", m);
		assert_int_equal(add(f->db, &o, event(date, EV_CUSTODY, 0, 0,
						      CUSTODY_REMAND)), DB_OK);
		types[n++] = EV_CUSTODY;
		/* Custody and release on one day: kept in the order
		 * recorded. */
		if (m % 2)
			snprintf(date, sizeof date, "2010-%02d-15", m);
		assert_int_equal(add(f->db, &o, event(date, EV_RELEASE, 0, 0,
						      0)), DB_OK);
		types[n++] = EV_RELEASE;
	}
	e = event("2011-01-10", EV_LEVEL, 0, 2, 0);
	e.note = "new intelligence";
	e.decided_by = "Chair Person";
	assert_int_equal(add(f->db, &o, e), DB_OK);
	types[n++] = EV_LEVEL;
	assert_true(n > 16);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_event_list(f->db, o.id, &list), DB_OK);
		assert_int_equal(list.n, n);
		for (int i = 0; i < n; i++) {
			assert_int_equal(list.v[i].ev.type, types[i]);
			if (i > 0) {
				assert_true(list.v[i].ev.date >=
					    list.v[i - 1].ev.date);
				assert_true(list.v[i].id > list.v[i - 1].id);
			}
		}
		assert_string_equal(date_format(list.v[1].ev.date, date),
				    "2010-02-01");
		assert_string_equal(date_format(list.v[2].ev.date, date),
				    "2010-02-01");
		assert_null(list.v[0].note);
		assert_string_equal(list.v[n - 1].note, "new intelligence");
		assert_string_equal(list.v[n - 1].decided_by, "Chair Person");
	}
	db_events_free(&list);
	assert_null(list.v);
	assert_int_equal(list.n, 0);
}

/* The records due for retention review, every one in order of review. */
static void
retention__due__every_row_in_order(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_retentions list = { 0 };
	char ref[16], date[MDATE_BUFSZ];
	mdate by;

	/* Record I exits on day (7 I mod 20) + 1: the review order is
	 * neither the order added nor the references' order. */
	for (int i = 1; i <= 20; i++) {
		snprintf(ref, sizeof ref, "R%02d", i);
		new_offender(f->db, ref, &o);
		assert_int_equal(add(f->db, &o, event("2001-01-05",
						      EV_REGISTER, 1, 1, 0)),
				 DB_OK);
		snprintf(date, sizeof date, "2005-01-%02d", 1 + i * 7 % 20);
		assert_int_equal(add(f->db, &o, event(date, EV_EXIT, 0, 0,
						      EXIT_OTHER)), DB_OK);
	}
	assert_int_equal(date_parse("2030-01-01", &by), 0);
	assert_int_equal(db_retention_due(f->db, by, &list), DB_OK);
	assert_int_equal(list.n, 20);
	for (int p = 0; p < 20; p++) {
		int i = 1;

		while (i * 7 % 20 != p)
			i++;
		snprintf(ref, sizeof ref, "R%02d", i);
		assert_string_equal(list.v[p].ref, ref);
		snprintf(date, sizeof date, "2015-01-%02d", 1 + p);
		assert_string_equal(list.v[p].review, date);
	}
	db_list_free(&list);
}

static void
event__wrong_fields__refused(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 0,
					      0)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      2)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 5, 1,
					      0)), DB_INVALID);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 3, 1,
					      0)), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 0);
}

static void
level_change__without_reason_or_decider__refused(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_event e;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	e = event("2010-02-02", EV_LEVEL, 0, 2, 0);
	assert_int_equal(add(f->db, &o, e), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "reason"));
	e.note = "   ";
	e.decided_by = "DCI Example";
	assert_int_equal(add(f->db, &o, e), DB_INVALID);
	e.note = "Escalating risk";
	e.decided_by = NULL;
	assert_int_equal(add(f->db, &o, e), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "decided"));
	assert_int_equal(db_meeting_ensure(f->db, e.ev.date, 2, "DCI Example",
					   &e.meeting_id), DB_OK);
	assert_int_equal(add(f->db, &o, e), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				      "type = 'level' AND meeting_id IS NOT "
				      "NULL AND note = 'Escalating risk'"), 1);
}

static void
bulk__imported_level_change__needs_no_reason(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_event e[2];

	memset(&o, 0, sizeof o);
	str_copy(o.ref, "B/1", sizeof o.ref);
	str_copy(o.surname, "Vexmoor", sizeof o.surname);
	e[0] = event("2010-01-05", EV_REGISTER, 3, 2, 0);
	e[1] = event("2010-02-05", EV_LEVEL, 0, 1, 0);
	e[0].source = e[1].source = SRC_IMPORT;
	assert_int_equal(db_begin(f->db), DB_OK);
	assert_int_equal(db_bulk_offender(f->db, &o, e, 2), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "Category 3"));
	e[1].ev.level = 3;
	assert_int_equal(db_bulk_offender(f->db, &o, e, 2), DB_OK);
	assert_int_equal(db_commit(f->db), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 1);
}

/* --- versions ---------------------------------------------------------------- */

static void
version__stale_save__conflict_and_other_change_survives(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o, mine, theirs;

	new_offender(f->db, "A1", &o);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &mine), DB_OK);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &theirs), DB_OK);
	str_copy(theirs.district, "Fenmarch", sizeof theirs.district);
	assert_int_equal(db_offender_update(f->db, &theirs), DB_OK);
	str_copy(mine.district, "Oldbury", sizeof mine.district);
	assert_int_equal(db_offender_update(f->db, &mine), DB_CONFLICT);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				      "district = 'Fenmarch'"), 1);
	/* An event against the stale version is refused as well. */
	assert_int_equal(add(f->db, &mine, event("2010-01-05", EV_REGISTER, 1,
						 1, 0)), DB_CONFLICT);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 0);
	db_offender_clear(&mine);
	db_offender_clear(&theirs);
}

/* --- roles ------------------------------------------------------------------- */

static void
lay__no_api_call_can_write(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o, got;
	struct db *lay;
	char err[512];
	int64_t id = 0, v, audits;
	struct db_event e = event("2010-02-05", EV_REGISTER, 1, 1, 0);

	new_offender(f->db, "A1", &o);
	assert_int_equal(db_user_add(f->db, "lee", ROLE_LAY), DB_OK);
	assert_int_equal(db_open(&lay, f->path, "lee", 0, err, sizeof err),
			 DB_OK);
	v = o.version;
	assert_int_equal(db_offender_add(lay, &o), DB_REFUSED);
	assert_int_equal(db_offender_update(lay, &o), DB_REFUSED);
	assert_int_equal(db_event_add(lay, o.id, &v, &e,
				      MDATE_NONE), DB_REFUSED);
	assert_int_equal(db_bulk_offender(lay, &o, &e, 1), DB_REFUSED);
	assert_int_equal(db_user_add(lay, "x", ROLE_ADMIN), DB_REFUSED);
	assert_int_equal(db_user_set_role(lay, "lee", ROLE_ADMIN), DB_REFUSED);
	assert_int_equal(db_user_disable(lay, "alice"), DB_REFUSED);
	assert_int_equal(db_setting_set(lay, "area_name", "x"), DB_REFUSED);
	assert_int_equal(db_population_add(lay, 2010, 5, NULL), DB_REFUSED);
	assert_int_equal(db_meeting_ensure(lay, 15000, 2, "x", &id),
			 DB_REFUSED);
	assert_int_equal(db_demo_mark(lay), DB_REFUSED);
	assert_int_equal(db_backup(lay, -1, "nowhere"), DB_REFUSED);
	/* A lay adviser sees the pseudonym, never the identity. */
	assert_int_equal(db_offender_get(lay, o.id, NULL, &got), DB_OK);
	assert_string_equal(got.surname, "");
	assert_string_equal(got.ref, "");
	assert_string_equal(got.pseudo, o.pseudo);
	assert_int_equal(db_offender_get(lay, 0, "A1", &got), DB_REFUSED);
	/* And the engine itself refuses, whatever SQL is tried. */
	audits = tu_count(f->db, "SELECT count(*) FROM audit");
	assert_int_equal(sqlite3_exec(lay->sql, "UPDATE offenders SET "
				      "surname = 'x'", NULL, NULL, NULL),
			 SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(lay->sql, "DELETE FROM users", NULL,
				      NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(lay->sql, "INSERT INTO users(name, role,"
				      " created) VALUES ('m', 'admin', 'x')",
				      NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(lay->sql, "CREATE TABLE t(x)", NULL,
				      NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(lay->sql, "PRAGMA user_version = 7",
				      NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(lay->sql, "ATTACH ':memory:' AS m",
				      NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(db_audit_log(lay, "stats.view", NULL, "year"), DB_OK);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"),
			 audits + 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM users WHERE "
				      "name = 'm'"), 0);
	db_close(lay);
}

static void
member__cannot_manage_users_settings_or_import(void **state)
{
	struct tu_fx *f = *state;
	struct db *m;
	struct db_offender o;
	char err[512];

	assert_int_equal(db_user_add(f->db, "mo", ROLE_MEMBER), DB_OK);
	assert_int_equal(db_open(&m, f->path, "mo", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_user_add(m, "x", ROLE_ADMIN), DB_REFUSED);
	assert_int_equal(db_setting_set(m, "area_name", "x"), DB_REFUSED);
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "M1", sizeof o.ref);
	str_copy(o.surname, "Member-added", sizeof o.surname);
	assert_int_equal(db_bulk_offender(m, &o, NULL, 0), DB_REFUSED);
	assert_int_equal(db_offender_add(m, &o), DB_OK);
	db_close(m);
}

static void
users__last_admin__cannot_be_demoted_or_disabled(void **state)
{
	struct tu_fx *f = *state;

	assert_int_equal(db_user_set_role(f->db, "alice", ROLE_MEMBER),
			 DB_INVALID);
	assert_int_equal(db_user_disable(f->db, "alice"), DB_INVALID);
	assert_int_equal(db_user_add(f->db, "bob", ROLE_ADMIN), DB_OK);
	assert_int_equal(db_user_add(f->db, "bob", ROLE_ADMIN), DB_INVALID);
	assert_int_equal(db_user_add(f->db, "no spaces", ROLE_ADMIN),
			 DB_INVALID);
	assert_int_equal(db_user_set_role(f->db, "alice", ROLE_MEMBER), DB_OK);
}

/* The list calls hand over every row, in order, through the one walker
 * (db_rows): more rows than its first allocation (16), and a second read
 * into the same list starts it anew. */
static void
users__list__every_row_in_order_refilled_anew(void **state)
{
	struct tu_fx *f = *state;
	struct db_users list = { 0 };
	char name[16];

	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "u%02d", i);
		assert_int_equal(db_user_add(f->db, name, ROLE_MEMBER), DB_OK);
	}
	assert_int_equal(db_user_list(f->db, &list), DB_OK);
	assert_int_equal(list.n, 41);
	assert_string_equal(list.v[0].name, "alice");
	assert_string_equal(list.v[1].name, "u00");
	assert_string_equal(list.v[40].name, "u39");
	assert_int_equal(list.v[40].role, ROLE_MEMBER);
	assert_true(list.cap >= list.n);
	assert_int_equal(db_user_list(f->db, &list), DB_OK);
	assert_int_equal(list.n, 41);
	assert_string_equal(list.v[40].name, "u39");
	db_list_free(&list);
	assert_null(list.v);
	assert_int_equal(list.n, 0);
}

/* One case referred 20 times (each withdrawn but the last), dated so that
 * the oldest date is the last one taken: the lists hold every row, in
 * their orders, with their reasons, and a second read refills them. */
static void
referrals__lists__every_row_in_order_refilled_anew(void **state)
{
	struct tu_fx *f = *state;
	struct db_referrals list = { 0 };
	struct db_offender o;
	struct db_referral r;
	char reason[32];
	mdate d;

	tu_offender(&o, "R1");
	assert_int_equal(date_parse("2012-01-02", &d), 0);
	assert_int_equal(db_case_add(f->db, &o, 2, 2, d, MDATE_NONE), DB_OK);
	for (int i = 0; i < 20; i++) {
		memset(&r, 0, sizeof r);
		snprintf(r.date, sizeof r.date, "2012-02-%02d", 21 - i);
		str_copy(r.agency, "probation", sizeof r.agency);
		snprintf(reason, sizeof reason, "reason %d", i);
		r.reason = reason;
		r.proposed_level = 3;
		assert_int_equal(db_referral_refer(f->db, o.id, MDATE_NONE, &r),
				 DB_OK);
		if (i < 19)
			assert_int_equal(db_referral_decide(f->db, r.id,
					 REFERRAL_WITHDRAWN, 0, NULL), DB_OK);
	}
	/* The case's: oldest date first, so the last taken first. */
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_referral_list(f->db, o.id, &list), DB_OK);
		assert_int_equal(list.n, 20);
		assert_true(list.cap >= list.n);
		for (int k = 0; k < 20; k++) {
			snprintf(reason, sizeof reason, "reason %d", 19 - k);
			assert_string_equal(list.v[k].reason, reason);
			snprintf(reason, sizeof reason, "2012-02-%02d", k + 2);
			assert_string_equal(list.v[k].date, reason);
			assert_int_equal(list.v[k].outcome, k == 0
					 ? REFERRAL_PENDING
					 : REFERRAL_WITHDRAWN);
			assert_int_equal(list.v[k].offender_id, o.id);
		}
	}
	/* Every referral: the pending one first, then the rest newest
	 * first; then only the pending one, into the same list. */
	assert_int_equal(date_parse("2012-03-01", &d), 0);
	assert_int_equal(db_referral_all(f->db, false, d, NULL, &list), DB_OK);
	assert_int_equal(list.n, 20);
	assert_int_equal(list.v[0].outcome, REFERRAL_PENDING);
	assert_string_equal(list.v[0].ref, "R1");
	assert_true(list.v[0].overdue);
	for (int k = 1; k < 20; k++) {
		snprintf(reason, sizeof reason, "reason %d", 19 - k);
		assert_string_equal(list.v[k].reason, reason);
		assert_true(list.v[k].id < list.v[k - 1].id);
		assert_false(list.v[k].overdue);
	}
	assert_int_equal(db_referral_all(f->db, true, d, NULL, &list), DB_OK);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.v[0].reason, "reason 19");
	db_referrals_free(&list);
	assert_null(list.v);
	assert_int_equal(list.n, 0);
}

/* 20 actions of one case, each due a day earlier than the one before
 * and owned alternately by two agencies: the list holds every row by
 * agency then due date, with its wording, and a second read refills it
 * (fewer rows once some are done). */
static void
actions__list__every_row_in_order_refilled_anew(void **state)
{
	struct tu_fx *f = *state;
	struct db_actions list = { 0 };
	struct db_action_query q;
	struct db_offender o;
	struct db_action a;
	char text[32], due[MDATE_BUFSZ];
	mdate d;

	tu_offender(&o, "A1");
	assert_int_equal(date_parse("2012-01-02", &d), 0);
	assert_int_equal(db_case_add(f->db, &o, 2, 2, d, MDATE_NONE), DB_OK);
	for (int i = 0; i < 20; i++) {
		memset(&a, 0, sizeof a);
		a.offender_id = o.id;
		snprintf(text, sizeof text, "action %d", i);
		a.text = text;
		a.owner_person = i % 2 ? "PC Odd" : NULL;
		str_copy(a.owner_agency, i % 2 ? "police" : "probation",
			 sizeof a.owner_agency);
		snprintf(a.due, sizeof a.due, "2012-03-%02d", 25 - i);
		assert_int_equal(db_action_add(f->db, &a), DB_OK);
	}
	memset(&q, 0, sizeof q);
	q.today = MDATE_NONE;
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_action_list(f->db, &q, &list), DB_OK);
		assert_int_equal(list.n, 20);
		assert_true(list.cap >= list.n);
		/* police (odd, the last taken first), then probation. */
		for (int k = 0; k < 20; k++) {
			int i = k < 10 ? 19 - 2 * k : 18 - 2 * (k - 10);

			snprintf(text, sizeof text, "action %d", i);
			assert_string_equal(list.v[k].text, text);
			snprintf(due, sizeof due, "2012-03-%02d", 25 - i);
			assert_string_equal(list.v[k].due, due);
			assert_string_equal(list.v[k].owner_agency,
					    i % 2 ? "police" : "probation");
			if (i % 2)
				assert_string_equal(list.v[k].owner_person,
						    "PC Odd");
			else
				assert_null(list.v[k].owner_person);
			assert_int_equal(list.v[k].state, ACTION_OPEN);
			assert_string_equal(list.v[k].ref, "A1");
		}
	}
	/* Two done: the open list refilled holds the other 18. */
	assert_int_equal(db_action_done(f->db, list.v[0].id, d, NULL), DB_OK);
	assert_int_equal(db_action_done(f->db, list.v[19].id, d, NULL), DB_OK);
	q.open_only = true;
	assert_int_equal(db_action_list(f->db, &q, &list), DB_OK);
	assert_int_equal(list.n, 18);
	assert_string_equal(list.v[0].text, "action 17");
	assert_string_equal(list.v[17].text, "action 2");
	db_actions_free(&list);
	assert_null(list.v);
	assert_int_equal(list.n, 0);
}

/* Every known setting, in the table's order, and a second read refills
 * the list; every population year, in order. */
static void
settings_population__lists__every_row_in_order_refilled_anew(void **state)
{
	struct tu_fx *f = *state;
	struct db_settings set = { 0 };
	struct db_populations pop = { 0 };
	int n;

	assert_int_equal(db_setting_set(f->db, "area_name", "Wessex"), DB_OK);
	assert_int_equal(db_setting_list(f->db, &set), DB_OK);
	n = set.n;
	assert_string_equal(set.v[0].key, "area_name");
	assert_string_equal(set.v[0].value, "Wessex");
	assert_string_equal(set.v[1].key, "review_weeks_level3");
	/* Each row as db_setting_get() reads it, each key once. */
	for (int k = 0; k < n; k++) {
		char value[DB_STATEMENT_MAX + 1];

		assert_int_equal(db_setting_get(f->db, set.v[k].key, value,
						sizeof value), DB_OK);
		assert_string_equal(set.v[k].value, value);
		assert_non_null(set.v[k].about);
		for (int j = 0; j < k; j++)
			assert_string_not_equal(set.v[j].key, set.v[k].key);
	}
	assert_string_equal(set.v[n - 1].key, "meeting_statement");
	assert_int_equal(db_setting_list(f->db, &set), DB_OK);
	assert_int_equal(set.n, n);
	assert_string_equal(set.v[0].value, "Wessex");
	db_list_free(&set);
	for (int y = 2030; y >= 2000; y--)
		assert_int_equal(db_population_add(f->db, y, 1000 + y, "ONS"),
				 DB_OK);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(db_population_list(f->db, &pop), DB_OK);
		assert_int_equal(pop.n, 31);
		for (int k = 0; k < 31; k++) {
			assert_int_equal(pop.v[k].year, 2000 + k);
			assert_int_equal(pop.v[k].people, 3000 + k);
			assert_string_equal(pop.v[k].source, "ONS");
		}
	}
	db_list_free(&pop);
}

/* --- validation ---------------------------------------------------------------- */

static void
offender__bad_fields__refused_naming_the_field(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	const char *field;

	memset(&o, 0, sizeof o);
	str_copy(o.ref, "has space", sizeof o.ref);
	str_copy(o.surname, "X", sizeof o.surname);
	assert_int_equal(db_offender_add(f->db, &o), DB_INVALID);
	str_copy(o.ref, "OK1", sizeof o.ref);
	str_copy(o.dob, "2001-02-30", sizeof o.dob);
	assert_non_null(db_offender_check(&o, &field));
	assert_string_equal(field, "dob");
	o.dob[0] = '\0';
	str_copy(o.surname, "Bad\x1b[31m", sizeof o.surname);
	assert_non_null(db_offender_check(&o, &field));
	assert_string_equal(field, "surname");
	str_copy(o.surname, "Fine", sizeof o.surname);
	o.notes = (char *)"line one\n\tline two";
	assert_null(db_offender_check(&o, &field));
	o.notes = (char *)"bell\a";
	assert_non_null(db_offender_check(&o, &field));
	assert_string_equal(field, "notes");
	o.notes = NULL;
	str_copy(o.lead_agency, "army", sizeof o.lead_agency);
	assert_int_equal(db_offender_add(f->db, &o), DB_INVALID);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 0);
}

static void
settings__values_checked(void **state)
{
	struct tu_fx *f = *state;
	char v[64];

	assert_int_equal(db_setting_get(f->db, "review_weeks_level3", v,
					sizeof v), DB_OK);
	assert_string_equal(v, "8");
	assert_int_equal(db_setting_set(f->db, "review_weeks_level3", "0"),
			 DB_INVALID);
	assert_int_equal(db_setting_set(f->db, "review_weeks_level3", "x"),
			 DB_INVALID);
	assert_int_equal(db_setting_set(f->db, "nonsense", "1"), DB_INVALID);
	assert_int_equal(db_setting_set(f->db, "meeting_day_level2",
					"Wednesday"), DB_OK);
	assert_int_equal(db_setting_get(f->db, "meeting_day_level2", v,
					sizeof v), DB_OK);
	assert_string_equal(v, "wednesday");
	assert_int_equal(db_population_add(f->db, 2010, 1, NULL), DB_OK);
	assert_int_equal(db_population_add(f->db, 2010, 2, NULL), DB_INVALID);
	assert_int_equal(db_population_add(f->db, 2011, 0, NULL), DB_INVALID);
}

static void
pseudo__unique_and_unlike_the_ref(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	char ref[16];

	for (int i = 1; i <= 200; i++) {
		snprintf(ref, sizeof ref, "R%d", i);
		new_offender(f->db, ref, &o);
		assert_int_equal(strlen(o.pseudo), 8);
		assert_string_not_equal(o.pseudo, o.ref);
		assert_int_equal(o.pseudo[0], 'P');
	}
	assert_int_equal(tu_count(f->db, "SELECT count(DISTINCT pseudo) FROM "
				      "offenders"), 200);
}


/* --- review of what is kept ------------------------------------------------ */

static void
retention__set_on_exit_cleared_on_return(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o, got;
	struct db_retentions d = { 0 };
	mdate by;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2005-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	assert_int_equal(add(f->db, &o, event("2010-06-30", EV_EXIT, 0, 0,
					      EXIT_REGISTRATION_ENDED)), DB_OK);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &got), DB_OK);
	assert_string_equal(got.retention_review, "2020-06-30");
	assert_string_equal(case_status_name(got.status), "exited");
	db_offender_clear(&got);
	date_parse("2020-06-29", &by);
	assert_int_equal(db_retention_due(f->db, by, &d), DB_OK);
	assert_int_equal(d.n, 0);
	date_parse("2020-06-30", &by);
	assert_int_equal(db_retention_due(f->db, by, &d), DB_OK);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].review, "2020-06-30");
	db_list_free(&d);
	assert_int_equal(add(f->db, &o, event("2011-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &got), DB_OK);
	assert_string_equal(got.retention_review, "");
	db_offender_clear(&got);
}

static void
retention__keep__needs_a_reason_that_does_not_identify(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o, got;
	mdate until;

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2005-01-05", EV_REGISTER, 2, 1,
					      0)), DB_OK);
	assert_int_equal(add(f->db, &o, event("2010-06-30", EV_EXIT, 0, 0,
					      EXIT_LICENCE_ENDED)), DB_OK);
	date_parse("2025-01-01", &until);
	assert_int_equal(db_retention_keep(f->db, o.id, until, ""), DB_INVALID);
	assert_int_equal(db_retention_keep(f->db, o.id, until,
					   "Zorblewick may reoffend"),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "surname"));
	date_parse("2019-01-01", &until);
	assert_int_equal(db_retention_keep(f->db, o.id, until, "Live inquiry"),
			 DB_INVALID);
	date_parse("2025-01-01", &until);
	assert_int_equal(db_retention_keep(f->db, o.id, until, "Live inquiry"),
			 DB_OK);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &got), DB_OK);
	assert_string_equal(got.retention_review, "2025-01-01");
	db_offender_clear(&got);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE action "
				      "= 'retention.keep' AND detail = "
				      "'retention_review: 2020-06-30 -> "
				      "2025-01-01; justification: Live "
				      "inquiry'"), 1);
}

static int
count_events(void *ctx, int64_t id, const struct ev *evs, size_t n)
{
	(void)id;
	(void)evs;
	*(size_t *)ctx += n;
	return 0;
}

static void
retention__erase__identity_gone_history_stays(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o, got;
	struct db_event e;
	size_t before = 0, after = 0;
	struct db *lay;
	char err[512];

	new_offender(f->db, "A1", &o);
	assert_int_equal(add(f->db, &o, event("2005-01-05", EV_REGISTER, 2, 1,
					      0)), DB_OK);
	e = event("2006-02-07", EV_LEVEL, 0, 2, 0);
	e.note = "Threats to Mrs Vantablack";
	e.decided_by = "DCI Example";
	assert_int_equal(add(f->db, &o, e), DB_OK);
	assert_int_equal(db_retention_erase(f->db, o.id, "No longer needed"),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "still under MAPPA"));
	assert_int_equal(add(f->db, &o, event("2010-06-30", EV_EXIT, 0, 0,
					      EXIT_LICENCE_ENDED)), DB_OK);
	assert_int_equal(db_history_foreach(f->db, count_events, &before),
			 DB_OK);
	assert_int_equal(db_user_add(f->db, "lee", ROLE_LAY), DB_OK);
	assert_int_equal(db_open(&lay, f->path, "lee", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(db_retention_erase(lay, o.id, "x"), DB_REFUSED);
	db_close(lay);
	assert_int_equal(db_retention_erase(f->db, o.id, "Quentin Z record"),
			 DB_INVALID);
	assert_int_equal(db_retention_erase(f->db, o.id, "Review: no longer "
					    "needed"), DB_OK);
	assert_int_equal(db_history_foreach(f->db, count_events, &after),
			 DB_OK);
	assert_int_equal(before, after);
	assert_int_equal(db_offender_get(f->db, o.id, NULL, &got), DB_OK);
	assert_string_equal(got.surname, "");
	assert_string_equal(got.pnc, "");
	assert_string_equal(got.ref + 7, got.pseudo);
	assert_true(got.erased[0] != '\0');
	assert_int_equal(db_offender_update(f->db, &got), DB_INVALID);
	assert_int_equal(add(f->db, &got, event("2011-01-05", EV_REGISTER, 1,
						1, 0)), DB_INVALID);
	db_offender_clear(&got);
	/* Nowhere in the database: not in the record, its history, nor the
	 * audit trail. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders WHERE "
				      "surname IS NOT NULL OR pnc IS NOT NULL "
				      "OR ref = 'A1'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events WHERE "
				      "note IS NOT NULL"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE detail "
				      "LIKE '%Zorblewick%' OR detail LIKE "
				      "'%Vantablack%' OR detail LIKE "
				      "'%123456%' OR record LIKE '%A1%'"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE action "
				      "= 'offender.erase' AND detail LIKE "
				      "'status: exited -> erased; fields: "
				      "ref,surname%justification: Review: no "
				      "longer needed'"), 1);
	assert_int_equal(db_retention_erase(f->db, o.id, "again"), DB_INVALID);
}

/* --- histories for the statistics ------------------------------------------------ */

struct seen {
	int offenders;
	int events;
	int64_t last_id;
	mdate last_date;
	int ordered;
};

static int
see(void *ctx, int64_t id, const struct ev *evs, size_t n)
{
	struct seen *s = ctx;

	s->ordered &= id > s->last_id;
	s->last_id = id;
	s->offenders++;
	s->events += (int)n;
	for (size_t i = 1; i < n; i++)
		s->ordered &= evs[i].date >= evs[i - 1].date;
	s->ordered &= evs[0].type == EV_REGISTER;
	return 0;
}

static void
history__every_offender_in_order(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender a, b;
	struct seen s = { 0, 0, 0, 0, 1 };

	new_offender(f->db, "A", &a);
	new_offender(f->db, "B", &b);
	assert_int_equal(add(f->db, &b, event("2010-01-05", EV_REGISTER, 1, 1,
					      0)), DB_OK);
	assert_int_equal(add(f->db, &a, event("2010-03-05", EV_CUSTODY, 0, 0,
					      CUSTODY_OTHER)), DB_OK);
	assert_int_equal(add(f->db, &a, event("2009-01-05", EV_REGISTER, 2, 1,
					      0)), DB_OK);
	assert_int_equal(add(f->db, &b, event("2010-01-05", EV_ORDER, 0, 0,
					      ORDER_SOPO)), DB_OK);
	assert_int_equal(db_history_foreach(f->db, see, &s), DB_OK);
	assert_int_equal(db_offender_get(f->db, a.id, NULL, &a), DB_OK);
	assert_string_equal(case_status_name(a.status), "custody");
	assert_int_equal(a.category, 2);
	assert_int_equal(a.level, 1);
	db_offender_clear(&a);
	assert_int_equal(db_offender_get(f->db, b.id, NULL, &b), DB_OK);
	assert_string_equal(case_status_name(b.status), "community");
	db_offender_clear(&b);
	assert_int_equal(s.offenders, 2);
	assert_int_equal(s.events, 4);
	assert_true(s.ordered);
}

/* --- failures ------------------------------------------------------------------ */

static void
full_disk__clear_error_nothing_partial_and_goes_on(void **state)
{
	struct tu_fx *f = *state;
	struct db_offender o;
	struct db_event *e;
	enum db_status st;
	int64_t pages = tu_count(f->db, "PRAGMA page_count");
	char sql[64];
	const int n = 3000;

	new_offender(f->db, "BEFORE", &o);
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
		 (long long)pages + 4);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
			 SQLITE_OK);
	/* A large import that cannot fit. */
	e = calloc(n, sizeof *e);
	e[0] = event("2001-01-01", EV_REGISTER, 1, 1, 0);
	e[0].source = SRC_IMPORT;
	for (int i = 1; i < n; i++) {
		e[i] = event("2001-01-02", EV_ORDER, 0, 0, ORDER_SOPO);
		e[i].source = SRC_IMPORT;
		e[i].note = "a long note that fills the pages of the database "
			    "file quickly, so that the cap is reached";
	}
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "BIG", sizeof o.ref);
	str_copy(o.surname, "Overflowe", sizeof o.surname);
	assert_int_equal(db_begin(f->db), DB_OK);
	st = db_bulk_offender(f->db, &o, e, n);
	assert_int_equal(st, DB_FULL);
	assert_non_null(strstr(db_errmsg(f->db), "full"));
	db_rollback(f->db);
	free(e);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM events"), 0);
	/* The program goes on: a small write fits, and the file is sound. */
	new_offender(f->db, "AFTER", &o);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"), 2);
	assert_int_equal(db_integrity_check(f->db), DB_OK);
}

/* A VFS that passes everything to the default one, but fails writes
 * while armed: a failing disk, for the I/O error path. */
static sqlite3_vfs failvfs, *realvfs;
static int fail_writes;
static struct sqlite3_io_methods fail_methods;
static const struct sqlite3_io_methods *real_methods;

struct failfile {
	sqlite3_file base;
	sqlite3_file *real;
};

static int
fail_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	struct failfile *ff = (struct failfile *)f;

	if (fail_writes)
		return SQLITE_IOERR_WRITE;
	return ff->real->pMethods->xWrite(ff->real, buf, n, off);
}

#define PASS(name, sig, args) \
	static int fail_##name sig { \
		struct failfile *ff = (struct failfile *)f; \
		return ff->real->pMethods->x##name args; \
	}
PASS(Close, (sqlite3_file *f), (ff->real))
PASS(Read, (sqlite3_file *f, void *b, int n, sqlite3_int64 o), (ff->real, b, n, o))
PASS(Truncate, (sqlite3_file *f, sqlite3_int64 s), (ff->real, s))
PASS(Sync, (sqlite3_file *f, int fl), (ff->real, fl))
PASS(FileSize, (sqlite3_file *f, sqlite3_int64 *s), (ff->real, s))
PASS(Lock, (sqlite3_file *f, int l), (ff->real, l))
PASS(Unlock, (sqlite3_file *f, int l), (ff->real, l))
PASS(CheckReservedLock, (sqlite3_file *f, int *r), (ff->real, r))
PASS(FileControl, (sqlite3_file *f, int op, void *a), (ff->real, op, a))
PASS(SectorSize, (sqlite3_file *f), (ff->real))
PASS(DeviceCharacteristics, (sqlite3_file *f), (ff->real))
PASS(ShmMap, (sqlite3_file *f, int p, int s, int e, void volatile **pp), (ff->real, p, s, e, pp))
PASS(ShmLock, (sqlite3_file *f, int o, int n, int fl), (ff->real, o, n, fl))
PASS(ShmUnmap, (sqlite3_file *f, int d), (ff->real, d))

static void
fail_ShmBarrier(sqlite3_file *f)
{
	struct failfile *ff = (struct failfile *)f;

	ff->real->pMethods->xShmBarrier(ff->real);
}

static int
fail_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
	  int *out)
{
	struct failfile *ff = (struct failfile *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = realvfs->xOpen(realvfs, name, ff->real, flags, out);
	if (rc == SQLITE_OK && ff->real->pMethods) {
		real_methods = ff->real->pMethods;
		fail_methods = (struct sqlite3_io_methods){
			.iVersion = 2,
			.xClose = fail_Close, .xRead = fail_Read,
			.xWrite = fail_write, .xTruncate = fail_Truncate,
			.xSync = fail_Sync, .xFileSize = fail_FileSize,
			.xLock = fail_Lock, .xUnlock = fail_Unlock,
			.xCheckReservedLock = fail_CheckReservedLock,
			.xFileControl = fail_FileControl,
			.xSectorSize = fail_SectorSize,
			.xDeviceCharacteristics = fail_DeviceCharacteristics,
			.xShmMap = fail_ShmMap, .xShmLock = fail_ShmLock,
			.xShmBarrier = fail_ShmBarrier,
			.xShmUnmap = fail_ShmUnmap,
		};
		f->pMethods = &fail_methods;
	} else {
		f->pMethods = NULL;
	}
	return rc;
}

static void
failing_write__clear_error_and_goes_on(void **state)
{
	struct tu_fx *f = *state;
	struct db *db;
	struct db_offender o;
	char path[4300], err[512];
	enum db_status st;

	realvfs = sqlite3_vfs_find(NULL);
	failvfs = *realvfs;
	failvfs.zName = "failvfs";
	failvfs.szOsFile = (int)sizeof(struct failfile) + realvfs->szOsFile;
	failvfs.xOpen = fail_open;
	assert_int_equal(sqlite3_vfs_register(&failvfs, 1), SQLITE_OK);
	snprintf(path, sizeof path, "%s/fail.db", f->dir);
	assert_int_equal(db_open(&db, path, "alice", DB_OPEN_CREATE, err,
				 sizeof err), DB_OK);
	new_offender(db, "FIRST", &o);
	fail_writes = 1;
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "LOST", sizeof o.ref);
	str_copy(o.surname, "Neverwritten", sizeof o.surname);
	st = db_offender_add(db, &o);
	fail_writes = 0;
	assert_int_not_equal(st, DB_OK);
	assert_true(strlen(db_errmsg(db)) > 0);
	new_offender(db, "SECOND", &o);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM offenders WHERE "
				   "ref = 'LOST'"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM offenders"), 2);
	assert_int_equal(db_integrity_check(db), DB_OK);
	db_close(db);
	sqlite3_vfs_unregister(&failvfs);
	sqlite3_vfs_register(realvfs, 1);
}

/* A file of N bytes at PATH. */
static void
put_file(const char *path, size_t n)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		fputc('x', f);
	assert_int_equal(fclose(f), 0);
}

static void
remove_created__removed_or_emptied_journals_gone(void **state)
{
	struct tu_fx *f = *state;
	char path[4300], wal[4400], shm[4400];
	struct stat sb;

	for (int keep = 0; keep <= 1; keep++) {
		snprintf(path, sizeof path, "%s/made%d.db", f->dir, keep);
		snprintf(wal, sizeof wal, "%s-wal", path);
		snprintf(shm, sizeof shm, "%s-shm", path);
		put_file(path, 4096);
		put_file(wal, 100);
		put_file(shm, 100);
		db_remove_created(path, keep);
		if (keep) {
			assert_int_equal(stat(path, &sb), 0);
			assert_int_equal(sb.st_size, 0);
		} else {
			assert_int_equal(stat(path, &sb), -1);
		}
		assert_int_equal(stat(wal, &sb), -1);
		assert_int_equal(stat(shm, &sb), -1);
	}
	/* Nothing to remove is no fault; the fixture's database stays. */
	snprintf(path, sizeof path, "%s/never.db", f->dir);
	db_remove_created(path, false);
	assert_int_equal(stat(f->path, &sb), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, tu_setup, tu_teardown)
		T(open__new_file__mode_0600_whatever_umask),
		T(users__list__every_row_in_order_refilled_anew),
		T(referrals__lists__every_row_in_order_refilled_anew),
		T(actions__list__every_row_in_order_refilled_anew),
		T(settings_population__lists__every_row_in_order_refilled_anew),
		T(open__missing_file__not_found),
		T(open__newer_schema__refused),
		T(open__schema_1__migrated_rows_kept),
		T(open__schema_2__level1_registrations_are_no_referrals),
		T(open__referral_agencies_as_text__named_ones_become_codes),
		T(open__schema_2_with_unknown_index_on_events__refused_whole),
		T(open__foreign_sqlite_file__refused),
		T(open__unknown_or_disabled_user__refused),
		T(open__pragmas__wal_full_fk),
		T(audit__update_or_delete__refused_by_trigger),
		T(audit__every_write__writes_its_row),
		T(audit__chain_hash__known_answers),
		T(audit__chain__every_row_follows_the_one_before),
		T(audit__chain__row_changed_in_middle__named),
		T(audit__chain__row_removed_in_middle__next_named),
		T(audit__chain__rewritten_whole__kept_head_missing),
		T(audit__chain__erasure_keeps_it),
		T(open__before_the_chain__rows_hashed_in_order),
		T(open__planted_trigger__refused_until_repaired),
		T(open__migrated_schema__as_expected),
		T(audit__identity_fields__names_only_never_values),
		T(audit__level_change__before_and_after),
		T(event__state_machine__refused_and_nothing_written),
		T(event__after_today__refused_and_nothing_written),
		T(events__list__every_row_in_order_refilled_anew),
		T(event__wrong_fields__refused),
		T(level_change__without_reason_or_decider__refused),
		T(bulk__imported_level_change__needs_no_reason),
		T(version__stale_save__conflict_and_other_change_survives),
		T(lay__no_api_call_can_write),
		T(member__cannot_manage_users_settings_or_import),
		T(users__last_admin__cannot_be_demoted_or_disabled),
		T(offender__bad_fields__refused_naming_the_field),
		T(settings__values_checked),
		T(pseudo__unique_and_unlike_the_ref),
		T(retention__set_on_exit_cleared_on_return),
		T(retention__due__every_row_in_order),
		T(retention__keep__needs_a_reason_that_does_not_identify),
		T(retention__erase__identity_gone_history_stays),
		T(history__every_offender_in_order),
		T(full_disk__clear_error_nothing_partial_and_goes_on),
		T(failing_write__clear_error_and_goes_on),
		T(remove_created__removed_or_emptied_journals_gone),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
