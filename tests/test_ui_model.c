/*
 * test_ui_model.c -- the register list model (ui/regmodel.c) and the data
 * layer under it (db/register.c, referrals.c, casefile.c), without a
 * terminal: every sort both ways walked row by row and page by page
 * against the order SQLite gives for the same expressions, filters and
 * counts, the search, what a lay adviser sees, and the selection staying
 * put while others change the database.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/casefile.h"
#include "core/util.h"
#include "db/db_internal.h"
#include "ui/regmodel.h"
#include "testutil.h"

#define NCASES 57

struct fx {
	char dir[4096];
	char path[4200];
	struct db *db;
	mdate today;
};

static const char *const surnames[] = {
	"Smith", "smithers", "Jones", "O'Brien", "de Souza", "Ng", "Ångström",
	"Taylor", "SMITH", "Brown",
};
static const char *const districts[] = {
	"Fenland", "cambridge", NULL, "Ely", "Huntingdon",
};
static const char *const agency_names[] = {
	"police", "probation", NULL, "prison", "yot", "health",
};

static struct db_event
event_on(mdate d, int type, int cat, int level, int kind)
{
	struct db_event e;

	memset(&e, 0, sizeof e);
	e.ev.date = d;
	e.ev.type = (uint8_t)type;
	e.ev.category = (uint8_t)cat;
	e.ev.level = (uint8_t)level;
	e.ev.kind = (uint8_t)kind;
	e.source = SRC_MAPPA;
	return e;
}

/* Case I of the fixture: varied enough to exercise every column. */
static void
add_case(struct db *db, int i, mdate today)
{
	struct db_offender o;
	struct db_event e;
	int cat = 1 + i % 4, level = 1 + i % 3;

	memset(&o, 0, sizeof o);
	snprintf(o.ref, sizeof o.ref, "WF%04d", (i * 37) % 1000);
	str_copy(o.surname, surnames[i % NELEM(surnames)], sizeof o.surname);
	if (i % 5)
		snprintf(o.forenames, sizeof o.forenames, "Name%d", i % 7);
	snprintf(o.pnc, sizeof o.pnc, "%02d/%06d%c", i % 12, 100000 + i,
		 cf_pnc_check_char(i % 12, 100000 + i));
	snprintf(o.crn, sizeof o.crn, "X%06d", 500000 + i * 3);
	if (districts[i % NELEM(districts)])
		str_copy(o.district, districts[i % NELEM(districts)],
			 sizeof o.district);
	if (agency_names[i % NELEM(agency_names)])
		str_copy(o.lead_agency, agency_names[i % NELEM(agency_names)],
			 sizeof o.lead_agency);
	if (i % 6 != 5)
		date_format(today - 40 + i * 3, o.next_review);
	assert_int_equal(db_offender_add(db, &o), DB_OK);
	if (i % 11 == 10)
		return; /* never registered */
	if (cat == 3 && level == 1)
		level = 2;
	e = event_on(today - 400 - i, EV_REGISTER, cat, level, 0);
	assert_int_equal(db_event_add(db, o.id, &o.version, &e,
				      MDATE_NONE), DB_OK);
	if (i % 7 == 3) {
		e = event_on(today - 100, EV_EXIT, 0, 0, EXIT_OTHER);
		assert_int_equal(db_event_add(db, o.id, &o.version, &e,
					      MDATE_NONE), DB_OK);
	} else if (i % 7 == 4) {
		e = event_on(today - 90, EV_CUSTODY, 0, 0, CUSTODY_REMAND);
		assert_int_equal(db_event_add(db, o.id, &o.version, &e,
					      MDATE_NONE), DB_OK);
	}
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->db = tu_db_create(f->dir, sizeof f->dir, f->path, sizeof f->path);
	f->today = date_from_ymd(2012, 5, 14);
	assert_int_equal(db_begin(f->db), DB_OK);
	for (int i = 0; i < NCASES; i++)
		add_case(f->db, i, f->today);
	assert_int_equal(db_commit(f->db), DB_OK);
	assert_int_equal(db_user_add(f->db, "lay", ROLE_LAY), DB_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->db);
	tu_rmdir(f->dir);
	free(f);
	return 0;
}

/* The ids SQLite gives for ORDER BY ORDER with WHERE WHERE. */
static int
expected(struct db *db, const char *where, const char *order, int64_t *ids)
{
	char sql[1024];
	sqlite3_stmt *st;
	int n = 0;

	snprintf(sql, sizeof sql, "SELECT id FROM offenders WHERE %s "
		 "ORDER BY %s", where, order);
	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static const char *const orders[DB_REG_COLUMNS] = {
	"ref", "lower(ifnull(surname,'')), lower(ifnull(forenames,''))",
	"ifnull(category,0)", "ifnull(level,0)",
	"CASE status WHEN 'unregistered' THEN 0 WHEN 'community' THEN 1 "
	"WHEN 'custody' THEN 2 ELSE 3 END",
	"ifnull(lead_agency,'')", "lower(ifnull(district,''))",
	"ifnull(next_review,'9999-12-31')",
};

/* Walk the whole view from the top by STEP rows at a time. */
static int
walk_down(struct regmodel *m, int step, int64_t *ids)
{
	int n = 0, guard = 0;

	assert_int_not_equal(rm_home(m), RM_ERROR);
	if (m->n == 0)
		return 0;
	if (step == 1)
		ids[n++] = rm_selected(m)->id;
	else
		for (int i = 0; i < m->n; i++)
			ids[n++] = m->rows[i].id;
	for (;;) {
		int64_t before = rm_selected(m)->id;
		enum rm_change c = rm_move(m, step);

		assert_int_not_equal(c, RM_ERROR);
		if (c == RM_NONE || rm_selected(m)->id == before)
			break;
		if (step == 1) {
			ids[n++] = rm_selected(m)->id;
		} else {
			/* After a page the window must hold contiguous
			 * rows: record them all, once. */
			for (int i = 0; i < m->n; i++) {
				bool seen = false;

				for (int j = 0; j < n; j++)
					seen |= ids[j] == m->rows[i].id;
				if (!seen)
					ids[n++] = m->rows[i].id;
			}
		}
		assert_true(++guard < 10 * NCASES);
	}
	return n;
}

static void
page__every_sort_both_ways__walks_the_list_in_order(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	int64_t want[NCASES + 8], got[NCASES + 8];
	char order[256];

	assert_int_equal(rm_open(&m, f->db, f->today, 7), RM_ROWS);
	for (int col = 0; col < DB_REG_COLUMNS; col++) {
		for (int desc = 0; desc < 2; desc++) {
			struct db_reg_query q = m.q;
			int n, k;

			q.sort = (enum db_reg_column)col;
			q.desc = desc;
			q.state = DB_REG_ALL;
			assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);
			snprintf(order, sizeof order, "%s %s, id %s",
				 orders[col], desc ? "DESC" : "ASC",
				 desc ? "DESC" : "ASC");
			/* Each key expression may be several terms. */
			if (col == DB_REG_NAME)
				snprintf(order, sizeof order,
					 "lower(ifnull(surname,'')) %s, "
					 "lower(ifnull(forenames,'')) %s, "
					 "id %s", desc ? "DESC" : "ASC",
					 desc ? "DESC" : "ASC",
					 desc ? "DESC" : "ASC");
			n = expected(f->db, "1", order, want);
			assert_int_equal(n, NCASES);
			k = walk_down(&m, 1, got);
			assert_int_equal(k, n);
			assert_memory_equal(got, want, sizeof *got * (size_t)n);
			k = walk_down(&m, 7, got);
			assert_int_equal(k, n);
			/* Backwards from the end, row by row. */
			assert_int_not_equal(rm_end(&m), RM_ERROR);
			for (int i = n - 1; i >= 0; i--) {
				assert_int_equal(rm_selected(&m)->id, want[i]);
				if (i > 0)
					assert_int_not_equal(rm_move(&m, -1),
							     RM_ERROR);
			}
			assert_int_equal(rm_move(&m, -1), RM_NONE);
		}
	}
	rm_close(&m);
}

/*
 * Every sort both ways under every kind of filter, paged by each plan the
 * register has (on 150,000 cases the counts choose; here each is made to
 * run): the same rows in the same order as SQLite gives, down a row at a
 * time, down a page at a time, and back up from the end.
 */
static void
plans__every_filter_and_sort__same_rows_in_order(void **state)
{
	static const struct {
		int category, level;
		enum db_reg_state st;
		bool overdue;
		const char *where;
	} filters[] = {
		{ 0, 0, DB_REG_CURRENT, false, "status != 'exited'" },
		{ 0, 0, DB_REG_ALL, false, "1" },
		{ 2, 0, DB_REG_CURRENT, false,
		  "category = 2 AND status != 'exited'" },
		{ 0, 3, DB_REG_ALL, false, "level = 3" },
		{ 3, 2, DB_REG_CURRENT, false,
		  "category = 3 AND level = 2 AND status != 'exited'" },
		{ 0, 0, DB_REG_COMMUNITY, false, "status = 'community'" },
		{ 0, 0, DB_REG_CUSTODY, false, "status = 'custody'" },
		{ 0, 1, DB_REG_EXITED, false,
		  "status = 'exited' AND level = 1" },
		{ 0, 0, DB_REG_CURRENT, true,
		  "status IN ('community','custody') AND "
		  "next_review < '2012-05-14'" },
		{ 1, 0, DB_REG_CUSTODY, true,
		  "status = 'custody' AND category = 1 AND "
		  "next_review < '2012-05-14'" },
		{ 0, 0, DB_REG_EXITED, true, "0" }, /* none can be */
	};
	static const enum db_reg_plan plans[] = {
		DB_REG_PLAN_SORT, DB_REG_PLAN_FILTER, DB_REG_PLAN_SEMI,
		DB_REG_PLAN_AUTO,
	};
	struct fx *f = *state;
	struct regmodel m;
	int64_t want[NCASES], got[NCASES];
	char order[512];

	assert_int_equal(rm_open(&m, f->db, f->today, 4), RM_ROWS);
	for (size_t p = 0; p < NELEM(plans); p++) {
		db_reg_force_plan(m.reg, plans[p]);
		for (size_t k = 0; k < NELEM(filters); k++) {
			for (int col = 0; col < DB_REG_COLUMNS; col++) {
				for (int desc = 0; desc < 2; desc++) {
					struct db_reg_query q = m.q;
					const char *dir = desc ? "DESC" : "ASC";
					int n;

					q.sort = (enum db_reg_column)col;
					q.desc = desc;
					q.category = filters[k].category;
					q.level = filters[k].level;
					q.state = filters[k].st;
					q.overdue = filters[k].overdue;
					assert_int_not_equal(
						rm_set_query(&m, &q), RM_ERROR);
					if (col == DB_REG_NAME)
						snprintf(order, sizeof order,
							 "lower(ifnull(surname,"
							 "'')) %s, lower(ifnull("
							 "forenames,'')) %s, "
							 "id %s", dir, dir,
							 dir);
					else
						snprintf(order, sizeof order,
							 "%s %s, id %s",
							 orders[col], dir, dir);
					n = expected(f->db, filters[k].where,
						     order, want);
					assert_true(n > 0 ||
						    strcmp(filters[k].where,
							   "0") == 0);
					assert_int_equal(m.matching, n);
					assert_int_equal(walk_down(&m, 1, got),
							 n);
					assert_memory_equal(got, want,
							    sizeof *got *
								    (size_t)n);
					assert_int_equal(walk_down(&m, 4, got),
							 n);
					assert_memory_equal(got, want,
							    sizeof *got *
								    (size_t)n);
					assert_int_not_equal(rm_end(&m),
							     RM_ERROR);
					for (int i = n - 1; i >= 0; i--) {
						assert_int_equal(
							rm_selected(&m)->id,
							want[i]);
						if (i > 0)
							assert_int_not_equal(
								rm_move(&m, -1),
								RM_ERROR);
					}
				}
			}
		}
	}
	rm_close(&m);
}

static void
filter__category_level_status_overdue__rows_and_counts(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	struct db_reg_query q;
	int64_t want[NCASES], got[NCASES];
	int n;

	assert_int_equal(rm_open(&m, f->db, f->today, 5), RM_ROWS);
	assert_int_equal(m.total, NCASES);
	q = m.q;
	q.category = 2;
	q.level = 2;
	assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);
	n = expected(f->db, "category = 2 AND level = 2 AND status != "
		     "'exited'", "ref, id", want);
	assert_int_equal(m.matching, n);
	assert_int_equal(walk_down(&m, 1, got), n);
	assert_memory_equal(got, want, sizeof *got * (size_t)n);

	q = m.q;
	q.category = 0;
	q.level = 0;
	q.overdue = true;
	assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);
	n = expected(f->db, "status IN ('community','custody') AND "
		     "next_review < '2012-05-14'", "ref, id", want);
	assert_true(n > 0);
	assert_int_equal(m.matching, n);
	assert_int_equal(m.overdue, n);
	assert_int_equal(walk_down(&m, 5, got), n);
	for (int i = 0; i < m.n; i++)
		assert_true(m.rows[i].overdue);

	q.overdue = false;
	q.state = DB_REG_EXITED;
	assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);
	n = expected(f->db, "status = 'exited'", "ref, id", want);
	assert_int_equal(m.matching, n);
	assert_int_equal(walk_down(&m, 1, got), n);
	assert_memory_equal(got, want, sizeof *got * (size_t)n);

	/* Exited and overdue: none can be. */
	q.overdue = true;
	assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);
	assert_int_equal(m.matching, 0);
	assert_int_equal(m.n, 0);
	assert_null(rm_selected(&m));
	rm_close(&m);
}

static void
search__ref_name_pnc_crn__prefix_any_case(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	struct db_reg_query q;
	bool wrapped;

	assert_int_equal(rm_open(&m, f->db, f->today, 5), RM_ROWS);
	q = m.q;
	q.state = DB_REG_ALL;
	assert_int_not_equal(rm_set_query(&m, &q), RM_ERROR);

	rm_search_begin(&m);
	assert_int_not_equal(rm_search(&m, "wf0037"), RM_ERROR);
	assert_string_equal(rm_selected(&m)->ref, "WF0037");
	assert_int_not_equal(rm_search(&m, "de s"), RM_ERROR);
	assert_string_equal(rm_selected(&m)->surname, "de Souza");
	assert_int_not_equal(rm_search(&m, "o'b"), RM_ERROR);
	assert_string_equal(rm_selected(&m)->surname, "O'Brien");
	assert_int_not_equal(rm_search(&m, "x500030"), RM_ERROR);
	assert_string_equal(rm_selected(&m)->ref, "WF0370"); /* case 10 */
	assert_int_not_equal(rm_search(&m, "05/100005"), RM_ERROR);
	assert_string_equal(rm_selected(&m)->ref, "WF0185"); /* case 5 */
	assert_int_equal(rm_search(&m, "zzz"), RM_NONE);
	assert_int_not_equal(rm_search_end(&m, true), RM_ERROR);

	/* n and N: every Smith (any case) in turn, then round again. */
	rm_search_begin(&m);
	assert_int_not_equal(rm_search(&m, "smith"), RM_ERROR);
	rm_search_end(&m, false);
	{
		int64_t first = rm_selected(&m)->id;
		int seen = 1;

		for (;;) {
			assert_int_not_equal(rm_search_next(&m, "smith", false,
							    &wrapped),
					     RM_ERROR);
			assert_true(strncasecmp(rm_selected(&m)->surname,
						"smith", 5) == 0);
			if (rm_selected(&m)->id == first)
				break;
			seen++;
			assert_true(seen < NCASES);
		}
		assert_true(wrapped);
		/* Smith, smithers, SMITH: 6 + 6 + 5 of the 57 cases. */
		assert_int_equal(seen, 17);
	}
	rm_close(&m);
}

static void
lay__pseudonyms_only_no_identity_no_name_order(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	struct db_reg_query q;
	struct db *lay;
	char err[512], pseudo[DB_PSEUDO_MAX];
	int64_t got[NCASES + 8];

	assert_int_equal(db_open(&lay, f->path, "lay", 0, err, sizeof err),
			 DB_OK);
	assert_int_equal(rm_open(&m, lay, f->today, 6), RM_ROWS);
	assert_true(m.n > 0);
	for (int i = 0; i < m.n; i++) {
		assert_int_equal(m.rows[i].ref[0], 'P');
		assert_string_equal(m.rows[i].surname, "");
		assert_string_equal(m.rows[i].forenames, "");
		assert_string_equal(m.rows[i].district, "");
	}
	str_copy(pseudo, m.rows[3].ref, sizeof pseudo);
	q = m.q;
	q.sort = DB_REG_NAME;
	assert_int_equal(rm_set_query(&m, &q), RM_ERROR);
	assert_int_equal(m.q.sort, DB_REG_REF); /* unchanged */
	q.sort = DB_REG_DISTRICT;
	assert_int_equal(rm_set_query(&m, &q), RM_ERROR);
	/* The whole list walks, ordered by pseudonym. */
	assert_int_equal(walk_down(&m, 1, got), m.matching);
	/* Search finds pseudonyms, never names or real references. */
	rm_search_begin(&m);
	assert_int_equal(rm_search(&m, "smith"), RM_NONE);
	assert_int_equal(rm_search(&m, "WF0"), RM_NONE);
	assert_int_equal(rm_search(&m, "X5"), RM_NONE);
	assert_int_not_equal(rm_search(&m, pseudo), RM_ERROR);
	assert_string_equal(rm_selected(&m)->ref, pseudo);
	rm_search_end(&m, false);
	rm_close(&m);
	db_close(lay);
}

static void
refresh__others_add_cases_above__selection_stays(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	struct db *other;
	struct db_offender o;
	char err[512];
	int64_t id, v1, v2;
	int cur;

	assert_int_equal(rm_open(&m, f->db, f->today, 8), RM_ROWS);
	assert_int_not_equal(rm_move(&m, 20), RM_ERROR);
	assert_int_not_equal(rm_move(&m, -2), RM_ERROR);
	id = rm_selected(&m)->id;
	cur = m.cur;
	assert_int_equal(db_data_version(f->db, &v1), DB_OK);

	assert_int_equal(db_open(&other, f->path, "alice", 0, err,
				 sizeof err), DB_OK);
	memset(&o, 0, sizeof o);
	str_copy(o.ref, "A0001", sizeof o.ref); /* sorts first */
	str_copy(o.surname, "Early", sizeof o.surname);
	assert_int_equal(db_offender_add(other, &o), DB_OK);
	db_close(other);

	assert_int_equal(db_data_version(f->db, &v2), DB_OK);
	assert_true(v1 != v2);
	assert_int_equal(rm_refresh(&m), RM_ROWS);
	assert_int_equal(rm_selected(&m)->id, id);
	assert_int_equal(m.cur, cur);
	assert_int_equal(m.total, NCASES + 1);
	rm_close(&m);
}

static void
set_query__new_sort__selection_stays_on_the_case(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	struct db_reg_query q;
	int64_t id;

	assert_int_equal(rm_open(&m, f->db, f->today, 6), RM_ROWS);
	assert_int_not_equal(rm_move(&m, 17), RM_ERROR);
	id = rm_selected(&m)->id;
	for (int col = 0; col < DB_REG_COLUMNS; col++) {
		q = m.q;
		q.sort = (enum db_reg_column)col;
		q.desc = !q.desc;
		assert_int_equal(rm_set_query(&m, &q), RM_ROWS);
		assert_int_equal(rm_selected(&m)->id, id);
	}
	/* A filter that drops the case: back to the top. */
	q = m.q;
	q.category = rm_selected(&m)->category == 1 ? 2 : 1;
	assert_int_equal(rm_set_query(&m, &q), RM_ROWS);
	assert_int_equal(m.cur, 0);
	assert_int_not_equal(rm_selected(&m)->id, id);
	rm_close(&m);
}

static void
resize__smaller_and_back__selection_kept(void **state)
{
	struct fx *f = *state;
	struct regmodel m;
	int64_t id;

	assert_int_equal(rm_open(&m, f->db, f->today, 20), RM_ROWS);
	assert_int_not_equal(rm_move(&m, 15), RM_ERROR);
	id = rm_selected(&m)->id;
	assert_int_not_equal(rm_resize(&m, 3), RM_ERROR);
	assert_int_equal(rm_selected(&m)->id, id);
	assert_true(m.n <= 3);
	assert_int_not_equal(rm_resize(&m, 30), RM_ERROR);
	assert_int_equal(rm_selected(&m)->id, id);
	rm_close(&m);
}

static void
referral__category3_level1__nothing_written(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	struct db_referral r;
	int64_t before = tu_count(f->db, "SELECT count(*) FROM offenders");
	int64_t audit = tu_count(f->db, "SELECT count(*) FROM audit");

	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	str_copy(o.ref, "NEW1", sizeof o.ref);
	str_copy(o.surname, "Newcase", sizeof o.surname);
	str_copy(r.date, "2012-05-10", sizeof r.date);
	str_copy(r.agency, "police", sizeof r.agency);
	assert_int_equal(db_referral_add(f->db, &o, 3, 1, MDATE_NONE, &r),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "Level 1"));
	assert_int_equal(o.id, 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders"),
			 before);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM referrals"),
			 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit"),
			 audit);
}
/* A Level 1 registration is no referral: the case and its registration,
 * a first review a year on, and nothing for the initial-meeting figure
 * nor for any agenda proposal. */
static void
referral__level1__registration_without_referral(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	struct db_referral r;

	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	str_copy(o.ref, "NEW3", sizeof o.ref);
	str_copy(o.surname, "Levelone", sizeof o.surname);
	str_copy(r.date, "2012-05-10", sizeof r.date);
	str_copy(r.agency, "police", sizeof r.agency);
	assert_int_equal(db_referral_add(f->db, &o, 1, 1, MDATE_NONE, &r),
			 DB_OK);
	assert_true(o.id > 0);
	assert_int_equal(r.id, 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM referrals"),
			 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE ref = 'NEW3' AND level = 1 AND "
				  "next_review = '2013-05-10'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.add'"), 0);
}

static void
referral__valid__case_registration_referral_and_audit(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	struct db_referral r;
	struct regmodel m;
	int64_t audit = tu_count(f->db, "SELECT count(*) FROM audit");

	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	str_copy(o.ref, "NEW2", sizeof o.ref);
	str_copy(o.surname, "Newcase", sizeof o.surname);
	str_copy(r.date, "2012-05-10", sizeof r.date);
	str_copy(r.agency, "probation", sizeof r.agency);
	r.reason = "escalating risk";
	assert_int_equal(db_referral_add(f->db, &o, 2, 3,
					 date_from_ymd(2012, 5, 17), &r),
			 DB_OK);
	assert_true(o.id > 0 && r.id > 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM referrals "
				  "WHERE proposed_level = 3 AND reason = "
				  "'escalating risk'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE ref = 'NEW2' AND category = 2 AND "
				  "level = 3 AND status = 'community' AND "
				  "next_review = '2012-05-17'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit") -
			 audit, 3);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM audit WHERE "
				  "action = 'referral.add'"), 1);
	/* The new case shows in the list and can be selected. */
	assert_int_equal(rm_open(&m, f->db, f->today, 5), RM_ROWS);
	assert_int_not_equal(rm_select_id(&m, o.id), RM_ERROR);
	assert_int_equal(rm_selected(&m)->id, o.id);
	rm_close(&m);
}

static void
case_event__level_at_meeting__meeting_event_and_review(void **state)
{
	struct fx *f = *state;
	struct db_offender o;
	struct db_event e;
	int64_t version;

	assert_int_equal(db_offender_get(f->db, 0, "WF0037", &o), DB_OK);
	version = o.version;
	e = event_on(f->today - 1, EV_LEVEL, 0, 3, 0);
	e.note = "new intelligence";
	e.decided_by = "Chair Person";
	assert_int_equal(db_case_event(f->db, o.id, &version, &e, 3,
				       f->today + 55, f->today), DB_OK);
	assert_true(e.meeting_id > 0);
	assert_int_equal(version, o.version + 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM meetings "
				  "WHERE level = 3 AND chair = 'Chair "
				  "Person'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM offenders "
				  "WHERE ref = 'WF0037' AND level = 3 AND "
				  "next_review = '2012-07-08'"), 1);
	/* A stale version: refused, nothing written. */
	e = event_on(f->today, EV_LEVEL, 0, 2, 0);
	e.note = "x";
	e.decided_by = "y";
	version = o.version;
	assert_int_equal(db_case_event(f->db, o.id, &version, &e, 2,
				       MDATE_NONE, f->today), DB_CONFLICT);
	assert_int_equal(version, o.version);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM meetings"),
			 1);
	db_offender_clear(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			page__every_sort_both_ways__walks_the_list_in_order,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			filter__category_level_status_overdue__rows_and_counts,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			plans__every_filter_and_sort__same_rows_in_order,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			search__ref_name_pnc_crn__prefix_any_case, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			lay__pseudonyms_only_no_identity_no_name_order, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			refresh__others_add_cases_above__selection_stays,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			set_query__new_sort__selection_stays_on_the_case,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			resize__smaller_and_back__selection_kept, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			referral__category3_level1__nothing_written, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			referral__level1__registration_without_referral, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			referral__valid__case_registration_referral_and_audit,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			case_event__level_at_meeting__meeting_event_and_review,
			setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
