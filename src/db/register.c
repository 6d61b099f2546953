/*
 * register.c -- the register as the screens page through it: pages of
 * rows for a sort and a filter, the search, the counts.
 *
 * Nothing here reads the whole table.  A page is found from the key of a
 * row already shown (keyset paging), never by OFFSET, so that PgDn at the
 * end of 150,000 cases costs what it costs at the start.  Each sort
 * column has an index on exactly the expression sorted by (schema.c); the
 * expressions never yield NULL, so keys compare simply.  A comparison of
 * (key, id) against a row is spelled as up to three index ranges run one
 * after the other ("same key, later id", then "later key"), since SQLite
 * does not seek an expression index with a row value.
 *
 * Each sort index also holds, after the key and the id, the state a
 * filter tests: the status (as its place in the status order), the
 * category and the level.  So a walk of the sort index tests the filter
 * on the index entry and reads the table row only of a row it keeps:
 * a run of exited cases, or of Level 1 cases, costs a few microseconds a
 * row instead of a read of the table each (on 150,000 cases, a filter
 * correlated with the order cost 60-80 ms a keystroke that way).
 *
 * Which index answers depends on how selective the filter or the search
 * is, and SQLite, without statistics, cannot know.  We can: the filter's
 * count is shown anyway.  So the query is written for one plan, the
 * index to walk is named (INDEXED BY), and the terms that must not drive
 * it are disabled with a unary '+':
 *
 *   SORT    walk the sort index, test the filter on each entry;
 *   FILTER  take the few rows (REG_SMALL) the filter allows from the
 *           state index and sort them;
 *   SEMI    for an overdue filter (the review date is not in the sort
 *           indexes): take the ids the filter allows from the state
 *           index, then walk the sort index keeping the entries whose id
 *           is among them;
 *   MATCH   take the few rows a search prefix matches from the name,
 *           reference, PNC and CRN indexes and sort them;
 *   SEEK    a search prefix of the key sorted by: a range of the sort
 *           index.
 *
 * Statements are generated, prepared once and kept on the handle.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util.h"
#include "db/db_internal.h"

#define REG_CACHE 32
#define REG_COUNTS 16

/* At most this many rows are sorted in memory by the FILTER plan (each
 * costs a read of its table row; beyond it the sort index is walked),
 * and by the MATCH plan. */
#define REG_SMALL 2000
#define REG_MATCH_SMALL 2000

/* A walk of the sort index for a search that has not found its row
 * within this many milliseconds has met a long run of rows the search
 * leaves out, and is given up for the plan that sorts the matching rows,
 * when they are at most REG_FALLBACK.  An overdue filter of at most
 * REG_FALLBACK rows walks the sort index for their ids (PLAN_SEMI). */
#define REG_BUDGET_MS 6
#define REG_FALLBACK 20000

enum plan { PLAN_SORT, PLAN_FILTER, PLAN_MATCH, PLAN_SEEK, PLAN_SEMI };

/* The parts of a search, each looked for on its own (see db_reg_find());
 * T_ALL is all of them at once. */
enum term { T_ALL = -1, T_REF, T_REF_UPPER, T_PNC, T_CRN, T_NAME, T_SPLIT,
	    T_PSEUDO, T_COUNT };

struct db_register {
	struct db *db;
	struct {
		char *sql;
		sqlite3_stmt *st;
		unsigned long used;
	} cache[REG_CACHE];
	unsigned long clock;
	/* Counts already taken since the data last changed, so that a
	 * filter chosen again, or a plan chosen, costs no count. */
	int64_t data_version;
	int changes;
	bool have_total, have_overdue;
	int64_t total, overdue;
	mdate overdue_on;
	struct {
		bool valid;
		struct db_reg_query q;
		int64_t n;
	} matching[REG_COUNTS];
	int next_slot;
	enum db_reg_plan forced; /* the tests' choice of plan */
};

/* Statuses in the order a person reads them, exited last. */
#define STATUS_KEY DB_STATUS_KEY

/* The sort orders: key expressions exactly as indexed in schema.c. */
static const struct sortspec {
	const char *k1, *k2;
	bool numeric;
	bool identified; /* reveals identity: not for lay advisers */
	const char *index;
} sorts[DB_REG_COLUMNS] = {
	[DB_REG_REF] = { "ref", NULL, false, false, "offenders_by_ref" },
	[DB_REG_NAME] = { "lower(ifnull(surname,''))",
			  "lower(ifnull(forenames,''))", false, true,
			  "offenders_by_name" },
	[DB_REG_CATEGORY] = { "ifnull(category,0)", NULL, true, false,
			      "offenders_by_category" },
	[DB_REG_LEVEL] = { "ifnull(level,0)", NULL, true, false,
			   "offenders_by_level" },
	[DB_REG_STATUS] = { STATUS_KEY, NULL, true, false,
			    "offenders_by_status" },
	[DB_REG_AGENCY] = { "ifnull(lead_agency,'')", NULL, false, false,
			    "offenders_by_agency" },
	[DB_REG_DISTRICT] = { "lower(ifnull(district,''))", NULL, false,
			      true, "offenders_by_district" },
	[DB_REG_REVIEW] = { "ifnull(next_review,'9999-12-31')", NULL, false,
			    false, "offenders_by_review" },
};

/* A lay adviser's reference column and order, and its index. */
#define LAY_REF "pseudo"
#define LAY_REF_INDEX "offenders_by_pseudo"

/* The review order of the cases not exited (a partial index). */
#define REVIEW_CURRENT_INDEX "offenders_by_review_current"

static const char *const state_sets[DB_REG_STATES] = {
	[DB_REG_CURRENT] = "('unregistered','community','custody')",
	[DB_REG_ALL] = "('unregistered','community','custody','exited')",
	[DB_REG_COMMUNITY] = "('community')",
	[DB_REG_CUSTODY] = "('custody')",
	[DB_REG_EXITED] = "('exited')",
};

/* The same sets as places in the status order (STATUS_KEY), as the sort
 * indexes hold them; NULL: every status. */
static const char *const status_keys[DB_REG_STATES] = {
	[DB_REG_CURRENT] = "(0,1,2)",
	[DB_REG_ALL] = NULL,
	[DB_REG_COMMUNITY] = "(1)",
	[DB_REG_CUSTODY] = "(2)",
	[DB_REG_EXITED] = "(3)",
};

/* The places of the statuses still managed (an overdue review). */
static const char *const managed_keys[DB_REG_STATES] = {
	[DB_REG_CURRENT] = "(1,2)",
	[DB_REG_ALL] = "(1,2)",
	[DB_REG_COMMUNITY] = "(1)",
	[DB_REG_CUSTODY] = "(2)",
	[DB_REG_EXITED] = NULL,
};

/* The same sets for cases still managed (an overdue review): NULL when
 * none can be. */
static const char *const managed_sets[DB_REG_STATES] = {
	[DB_REG_CURRENT] = "('community','custody')",
	[DB_REG_ALL] = "('community','custody')",
	[DB_REG_COMMUNITY] = "('community')",
	[DB_REG_CUSTODY] = "('custody')",
	[DB_REG_EXITED] = NULL,
};

static bool
is_lay(const struct db_register *r)
{
	return r->db->role == ROLE_LAY;
}

enum db_status
db_reg_open(struct db *db, struct db_register **out)
{
	struct db_register *r = calloc(1, sizeof *r);

	*out = NULL;
	if (r == NULL)
		return db_fail(db, DB_ERROR, "out of memory");
	r->db = db;
	*out = r;
	return DB_OK;
}

void
db_reg_close(struct db_register *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < REG_CACHE; i++) {
		sqlite3_finalize(r->cache[i].st);
		free(r->cache[i].sql);
	}
	free(r);
}

/* The prepared statement for SQL, from the cache or made now. */
static sqlite3_stmt *
reg_stmt(struct db_register *r, const char *sql)
{
	int victim = 0;
	sqlite3_stmt *st;
	char *copy;
	int rc;

	r->clock++;
	for (int i = 0; i < REG_CACHE; i++) {
		if (r->cache[i].sql && strcmp(r->cache[i].sql, sql) == 0) {
			r->cache[i].used = r->clock;
			sqlite3_reset(r->cache[i].st);
			sqlite3_clear_bindings(r->cache[i].st);
			return r->cache[i].st;
		}
		if (r->cache[i].used < r->cache[victim].used)
			victim = i;
	}
	rc = sqlite3_prepare_v3(r->db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
				&st, NULL);
	if (rc != SQLITE_OK) {
		db_sqlfail(r->db, rc, "reading the register");
		return NULL;
	}
	if ((copy = strdup(sql)) == NULL) {
		sqlite3_finalize(st);
		db_fail(r->db, DB_ERROR, "out of memory");
		return NULL;
	}
	sqlite3_finalize(r->cache[victim].st);
	free(r->cache[victim].sql);
	r->cache[victim].sql = copy;
	r->cache[victim].st = st;
	r->cache[victim].used = r->clock;
	return st;
}

static void
bind_int_named(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static void
bind_text_named(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Whether Q's filter lets every case through. */
static bool
no_filter(const struct db_reg_query *q)
{
	return q->state == DB_REG_ALL && q->category == 0 && q->level == 0 &&
	       !q->overdue;
}

/*
 * The filter of Q as " AND ..." terms.  INDEXED: written so that the
 * state index (status, category, level, next_review) can answer it, with
 * the unconstrained columns before a constrained one listed in full;
 * otherwise every column behind a '+' so that no index is used for it,
 * and the status as its place in the status order, so that the terms
 * but the overdue one are tested on a sort index's own columns, without
 * reading the table row (schema.c, v2).
 */
static void
add_filter(struct strbuf *sb, const struct db_reg_query *q, bool indexed)
{
	const char *plus = indexed ? "" : "+";
	const char *set = q->overdue ? managed_sets[q->state]
				     : state_sets[q->state];
	const char *keys = q->overdue ? managed_keys[q->state]
				      : status_keys[q->state];

	if (set == NULL) {
		sb_add(sb, " AND 0");
		return;
	}
	if (indexed)
		sb_printf(sb, " AND status IN %s", set);
	else if (keys)
		sb_printf(sb, " AND +(" STATUS_KEY ") IN %s", keys);
	if (q->category)
		sb_printf(sb, " AND %scategory = :cat", plus);
	else if (indexed && (q->level || q->overdue))
		sb_add(sb, " AND category IN (1,2,3,4)");
	if (q->level)
		sb_printf(sb, " AND %slevel = :lvl", plus);
	else if (indexed && q->overdue)
		sb_add(sb, " AND level IN (1,2,3)");
	if (q->overdue)
		sb_printf(sb, " AND %snext_review < :today", plus);
}

static void
bind_filter(sqlite3_stmt *st, const struct db_reg_query *q)
{
	char today[MDATE_BUFSZ];

	bind_int_named(st, ":cat", q->category);
	bind_int_named(st, ":lvl", q->level);
	if (q->overdue)
		bind_text_named(st, ":today", date_format(q->today, today));
}

/* The statuses Q lets through, as a range LO..HI of the status order. */
static void
status_range(const struct db_reg_query *q, int *lo, int *hi)
{
	*lo = 0;
	*hi = 3;
	switch (q->state) {
	case DB_REG_CURRENT:
		*hi = 2;
		break;
	case DB_REG_COMMUNITY:
		*lo = *hi = 1;
		break;
	case DB_REG_CUSTODY:
		*lo = *hi = 2;
		break;
	case DB_REG_EXITED:
		*lo = *hi = 3;
		break;
	default:
		break;
	}
	if (q->overdue) {
		*lo = *lo > 1 ? *lo : 1;
		*hi = *hi < 2 ? *hi : 2;
	}
}

/* Whether Q's filter holds its sort key to one value. */
static bool
key_fixed(const struct db_reg_query *q)
{
	int lo, hi;

	status_range(q, &lo, &hi);
	return (q->sort == DB_REG_CATEGORY && q->category) ||
	       (q->sort == DB_REG_LEVEL && q->level) ||
	       (q->sort == DB_REG_STATUS && lo == hi);
}

/* Whether Q's filter leaves out every exited case. */
static bool
no_exited(const struct db_reg_query *q)
{
	return q->state == DB_REG_CURRENT || q->state == DB_REG_COMMUNITY ||
	       q->state == DB_REG_CUSTODY || q->overdue;
}

/*
 * For the plans that walk a sort index, terms that let the index itself
 * skip what the filter leaves out, where that is one long run of it:
 * cases not exited have their own review index (exited cases have no
 * review date; the term names the partial index, whose rows need not
 * test it again), and a filter on the column sorted by is a range of its
 * key.  DIR says which bound the walk's own branch already puts on the
 * key (1: a lower, -1: an upper, 0: none): given two bounds on one side
 * SQLite seeks by one and tests the other on every row, so each side
 * gets one bound at most.
 */
static void
add_sort_bounds(struct strbuf *sb, const struct db_reg_query *q, int dir)
{
	int lo, hi;

	if (q->sort == DB_REG_REVIEW && no_exited(q))
		sb_add(sb, " AND status != 'exited'");
	if (q->sort == DB_REG_CATEGORY && q->category)
		sb_add(sb, " AND ifnull(category,0) = :cat");
	if (q->sort == DB_REG_LEVEL && q->level)
		sb_add(sb, " AND ifnull(level,0) = :lvl");
	if (q->sort == DB_REG_REVIEW && q->overdue && dir >= 0)
		sb_add(sb, " AND ifnull(next_review,'9999-12-31') < :today");
	if (q->sort != DB_REG_STATUS)
		return;
	status_range(q, &lo, &hi);
	if (lo == hi)
		sb_printf(sb, " AND " STATUS_KEY " = %d", lo);
	if (lo != hi && lo > 0 && dir <= 0)
		sb_printf(sb, " AND " STATUS_KEY " >= %d", lo);
	if (lo != hi && hi < 3 && dir >= 0)
		sb_printf(sb, " AND " STATUS_KEY " <= %d", hi);
}

/* A search: the prefixes it is looked for as (see db_reg_find()). */
struct search {
	char name[2][DB_FIELD_MAX];    /* the whole text as a surname */
	bool split;                    /* "smith, jo" or "smith jo": */
	char surname[2][DB_FIELD_MAX]; /* "smith" */
	char forenames[2][DB_FIELD_MAX]; /* "jo" */
	char as_typed[2][DB_FIELD_MAX]; /* a reference as typed */
	char upper[2][DB_FIELD_MAX];    /* upper case: ref, PNC, CRN */
	bool digits;   /* names hold none; PNCs and CRNs are mostly them */
};

/* TO := the first string after every string that starts with FROM. */
static void
prefix_end(const char *from, char *to, size_t n)
{
	size_t len = str_copy(to, from, n);

	if (len >= n)
		len = n - 1;
	while (len > 0 && (unsigned char)to[len - 1] == 0xff)
		to[--len] = '\0';
	if (len == 0) {
		str_copy(to, "\xff", n);
		return;
	}
	to[len - 1] = (char)((unsigned char)to[len - 1] + 1);
}

/* Set PAIR to the prefix TEXT: from TEXT up to what follows it. */
static void
prefix(char pair[2][DB_FIELD_MAX], const char *text)
{
	str_copy(pair[0], text, DB_FIELD_MAX);
	prefix_end(pair[0], pair[1], DB_FIELD_MAX);
}

static void
search_parse(struct search *s, const char *text)
{
	char low[DB_FIELD_MAX], up[DB_FIELD_MAX];
	size_t i, cut;

	memset(s, 0, sizeof *s);
	str_copy(low, text, sizeof low);
	str_copy(up, text, sizeof up);
	for (i = 0; low[i]; i++) {
		if (low[i] >= 'A' && low[i] <= 'Z')
			low[i] = (char)(low[i] - 'A' + 'a');
		if (up[i] >= 'a' && up[i] <= 'z')
			up[i] = (char)(up[i] - 'a' + 'A');
	}
	prefix(s->as_typed, text);
	prefix(s->upper, up);
	s->digits = strpbrk(text, "0123456789") != NULL;
	prefix(s->name, low);
	cut = strcspn(low, ", ");
	if (low[cut] != '\0') {
		const char *rest = low + cut + strspn(low + cut, ", ");

		if (*rest) {
			prefix(s->forenames, rest);
			low[cut] = '\0';
			prefix(s->surname, low);
			s->split = true;
		}
	}
}

/* Whether search S looks for term T (for a lay adviser or not). */
static bool
has_term(const struct search *s, bool lay, enum term t)
{
	switch (t) {
	case T_PSEUDO:
		return lay;
	case T_REF:
		return !lay;
	case T_REF_UPPER:
		return !lay && strcmp(s->as_typed[0], s->upper[0]) != 0;
	case T_PNC:
	case T_CRN:
		return !lay && s->digits;
	case T_NAME:
		return !lay && !s->digits;
	case T_SPLIT:
		return !lay && !s->digits && s->split;
	default:
		return false;
	}
}

/*
 * Term T of search S as " AND (...)"; T_ALL: every term S has, ORed.
 * INDEXED lets the term's index drive.  A name holds no digit, so a PNC
 * or CRN is looked for only once a digit is typed: "z" finds Zeldman,
 * not every CRN that starts with Z.
 */
static void
add_term(struct strbuf *sb, enum term t, const char *p)
{
	switch (t) {
	case T_REF:
		sb_printf(sb, "(%sref >= :as AND %sref < :as2)", p, p);
		break;
	case T_REF_UPPER:
		sb_printf(sb, "(%sref >= :up AND %sref < :up2)", p, p);
		break;
	case T_PNC:
		sb_printf(sb, "(%spnc >= :up AND %spnc < :up2)", p, p);
		break;
	case T_CRN:
		sb_printf(sb, "(%scrn >= :up AND %scrn < :up2)", p, p);
		break;
	case T_NAME:
		sb_printf(sb, "(%slower(ifnull(surname,'')) >= :nm AND "
			  "%slower(ifnull(surname,'')) < :nm2)", p, p);
		break;
	case T_SPLIT:
		sb_printf(sb, "(%slower(ifnull(surname,'')) >= :sn AND "
			  "%slower(ifnull(surname,'')) < :sn2 AND "
			  "%slower(ifnull(forenames,'')) >= :fn AND "
			  "%slower(ifnull(forenames,'')) < :fn2)", p, p, p, p);
		break;
	case T_PSEUDO:
		sb_printf(sb, "(%s" LAY_REF " >= :up AND %s" LAY_REF
			  " < :up2)", p, p);
		break;
	default:
		sb_add(sb, "0");
	}
}

static void
add_match(struct strbuf *sb, const struct search *s, bool lay, enum term t,
	  bool indexed)
{
	int n = 0;

	sb_add(sb, " AND (");
	for (int i = 0; i < T_COUNT; i++) {
		if ((t != T_ALL && i != (int)t) ||
		    !has_term(s, lay, (enum term)i))
			continue;
		if (n++)
			sb_add(sb, " OR ");
		add_term(sb, (enum term)i, indexed ? "" : "+");
	}
	sb_add(sb, n ? ")" : "0)");
}

static void
bind_match(sqlite3_stmt *st, const struct search *s)
{
	bind_text_named(st, ":nm", s->name[0]);
	bind_text_named(st, ":nm2", s->name[1]);
	bind_text_named(st, ":sn", s->surname[0]);
	bind_text_named(st, ":sn2", s->surname[1]);
	bind_text_named(st, ":fn", s->forenames[0]);
	bind_text_named(st, ":fn2", s->forenames[1]);
	bind_text_named(st, ":as", s->as_typed[0]);
	bind_text_named(st, ":as2", s->as_typed[1]);
	bind_text_named(st, ":up", s->upper[0]);
	bind_text_named(st, ":up2", s->upper[1]);
}

/* The index walked for Q's order by the plans that walk one. */
static const char *
sort_index(const struct db_register *r, const struct db_reg_query *q)
{
	if (q->sort == DB_REG_REF && is_lay(r))
		return LAY_REF_INDEX;
	if (q->sort == DB_REG_REVIEW && no_exited(q))
		return REVIEW_CURRENT_INDEX;
	return sorts[q->sort].index;
}

static const char *
key_expr(const struct db_register *r, const struct db_reg_query *q, int i)
{
	if (q->sort == DB_REG_REF && is_lay(r))
		return i == 0 ? LAY_REF : NULL;
	return i == 0 ? sorts[q->sort].k1 : sorts[q->sort].k2;
}

/* The columns every row query reads; a lay adviser's never name anyone.
 * INDEX: the index to walk, or NULL to leave the choice to SQLite. */
static void
add_columns(struct strbuf *sb, const struct db_register *r,
	    const struct db_reg_query *q, const char *index)
{
	const char *k2 = key_expr(r, q, 1);

	if (is_lay(r))
		sb_add(sb, "SELECT id, " LAY_REF ", NULL, NULL, category, "
			   "level, status, lead_agency, NULL, next_review, ");
	else
		sb_add(sb, "SELECT id, ref, surname, forenames, category, "
			   "level, status, lead_agency, district, next_review, ");
	sb_printf(sb, "%s, %s FROM offenders", key_expr(r, q, 0),
		  k2 ? k2 : "NULL");
	if (index)
		sb_printf(sb, " INDEXED BY %s", index);
	sb_add(sb, " WHERE 1");
}

/*
 * Branch B of the walk from a key: with keys k1[, k2] and the id, branch
 * 0 is "same keys, id beyond", then "same k1, k2 beyond", then "k1
 * beyond"; -1 is "from the start".  ASC: the walk runs up the index.
 */
static void
add_branch(struct strbuf *sb, const struct db_register *r,
	   const struct db_reg_query *q, int branch, bool asc,
	   bool inclusive, bool indexed)
{
	/* A key the filter holds to one value orders nothing, and left in
	 * the ORDER BY it would make SQLite sort. */
	bool fixed1 = indexed && key_fixed(q);
	const char *p = indexed ? "" : "+";
	const char *op = asc ? ">" : "<";
	const char *dir = asc ? "ASC" : "DESC";
	const char *k[2] = { key_expr(r, q, 0), key_expr(r, q, 1) };
	int nk = k[1] ? 2 : 1;
	int fixed; /* leading keys held equal */

	if (branch >= 0) {
		fixed = nk - branch;
		for (int i = 0; i < fixed && i < nk; i++)
			sb_printf(sb, " AND %s%s = :k%d", p, k[i], i + 1);
		if (fixed == nk)
			sb_printf(sb, " AND %sid %s%s :id", p, op,
				  inclusive ? "=" : "");
		else
			sb_printf(sb, " AND %s%s %s :k%d", p, k[fixed], op,
				  fixed + 1);
	} else {
		fixed = 0;
	}
	sb_add(sb, " ORDER BY ");
	for (int i = fixed; i < nk; i++)
		if (!(i == 0 && fixed1))
			sb_printf(sb, "%s%s %s, ", p, k[i], dir);
	sb_printf(sb, "%sid %s LIMIT :lim", p, dir);
}

static void
bind_key(sqlite3_stmt *st, const struct db_reg_key *key, bool numeric)
{
	if (numeric)
		bind_int_named(st, ":k1", key->num);
	else
		bind_text_named(st, ":k1", key->text[0]);
	bind_text_named(st, ":k2", key->text[1]);
	bind_int_named(st, ":id", key->id);
}

static void
read_row(const struct db_register *r, const struct db_reg_query *q,
	 sqlite3_stmt *st, struct db_reg_row *row)
{
	char today[MDATE_BUFSZ];

	memset(row, 0, sizeof *row);
	row->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, row->ref, sizeof row->ref);
	if (!is_lay(r)) {
		db_column_copy(st, 2, row->surname, sizeof row->surname);
		db_column_copy(st, 3, row->forenames, sizeof row->forenames);
		db_column_copy(st, 8, row->district, sizeof row->district);
	}
	row->category = sqlite3_column_int(st, 4);
	row->level = sqlite3_column_int(st, 5);
	row->status = case_status_parse((const char *)sqlite3_column_text(st,
									  6));
	db_column_copy(st, 7, row->lead_agency, sizeof row->lead_agency);
	db_column_copy(st, 9, row->next_review, sizeof row->next_review);
	row->overdue = row->next_review[0] &&
		       case_status_managed(row->status) &&
		       strcmp(row->next_review, date_format(q->today, today)) < 0;
	row->key.id = row->id;
	if (sorts[q->sort].numeric && !(q->sort == DB_REG_REF && is_lay(r)))
		row->key.num = sqlite3_column_int64(st, 10);
	else
		db_column_copy(st, 10, row->key.text[0],
			       sizeof row->key.text[0]);
	db_column_copy(st, 11, row->key.text[1], sizeof row->key.text[1]);
}

static enum db_status
check_query(struct db_register *r, const struct db_reg_query *q)
{
	if ((unsigned)q->sort >= DB_REG_COLUMNS ||
	    (unsigned)q->state >= DB_REG_STATES || q->category < 0 ||
	    q->category > EV_CATEGORY_MAX || q->level < 0 ||
	    q->level > EV_LEVEL_MAX)
		return db_fail(r->db, DB_INVALID, "no such view of the "
			       "register");
	if (is_lay(r) && sorts[q->sort].identified)
		return db_fail(r->db, DB_REFUSED, "a lay adviser cannot sort "
			       "by name or district");
	return DB_OK;
}

static enum db_status
scalar(struct db_register *r, sqlite3_stmt *st, int64_t *out)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(r->db, rc, "counting the register");
}

static bool
same_filter(const struct db_reg_query *a, const struct db_reg_query *b)
{
	return a->state == b->state && a->category == b->category &&
	       a->level == b->level && a->overdue == b->overdue &&
	       (!a->overdue || a->today == b->today);
}

/* Forget the counts when the data changed: another connection's commit
 * (PRAGMA data_version) or a change made on this one (which that pragma
 * does not count). */
static enum db_status
counts_fresh(struct db_register *r)
{
	int64_t dv;
	int tc = sqlite3_total_changes(r->db->sql);
	enum db_status s = db_data_version(r->db, &dv);

	if (s == DB_OK && (dv != r->data_version || tc != r->changes)) {
		r->data_version = dv;
		r->changes = tc;
		r->have_total = r->have_overdue = false;
		for (int i = 0; i < REG_COUNTS; i++)
			r->matching[i].valid = false;
	}
	return s;
}

static enum db_status
count_matching(struct db_register *r, const struct db_reg_query *q,
	       int64_t *out)
{
	struct strbuf sb;
	sqlite3_stmt *st;
	enum db_status s;
	int i;

	for (i = 0; i < REG_COUNTS; i++) {
		if (r->matching[i].valid && same_filter(&r->matching[i].q, q)) {
			*out = r->matching[i].n;
			return DB_OK;
		}
	}
	if (no_filter(q) && r->have_total) {
		*out = r->total;
		return DB_OK;
	}
	sb_init(&sb);
	sb_add(&sb, "SELECT count(*) FROM offenders WHERE 1");
	add_filter(&sb, q, true);
	st = sb.failed ? NULL : reg_stmt(r, sb_str(&sb));
	sb_free(&sb);
	if (st == NULL)
		return DB_ERROR;
	bind_filter(st, q);
	if ((s = scalar(r, st, out)) != DB_OK)
		return s;
	i = r->next_slot;
	r->next_slot = (r->next_slot + 1) % REG_COUNTS;
	r->matching[i].valid = true;
	r->matching[i].q = *q;
	r->matching[i].n = *out;
	return DB_OK;
}

enum db_status
db_reg_count(struct db_register *r, const struct db_reg_query *q,
	     int64_t *matching, int64_t *total, int64_t *overdue)
{
	sqlite3_stmt *st;
	enum db_status s;
	char today[MDATE_BUFSZ];

	if ((s = check_query(r, q)) != DB_OK)
		return s;
	if ((s = counts_fresh(r)) != DB_OK)
		return s;
	if ((total || no_filter(q)) && !r->have_total) {
		st = db_stmt(r->db, "SELECT count(*) FROM offenders");
		if (st == NULL)
			return DB_ERROR;
		if ((s = scalar(r, st, &r->total)) != DB_OK)
			return s;
		r->have_total = true;
	}
	if (total)
		*total = r->total;
	if (matching && (s = count_matching(r, q, matching)) != DB_OK)
		return s;
	if (overdue && (!r->have_overdue || r->overdue_on != q->today)) {
		st = db_stmt(r->db, "SELECT count(*) FROM offenders WHERE "
				    "status IN ('community','custody') AND "
				    "category IN (1,2,3,4) AND level IN "
				    "(1,2,3) AND next_review < ?");
		if (st == NULL)
			return DB_ERROR;
		sqlite3_bind_text(st, 1, date_format(q->today, today), -1,
				  SQLITE_TRANSIENT);
		if ((s = scalar(r, st, &r->overdue)) != DB_OK)
			return s;
		r->have_overdue = true;
		r->overdue_on = q->today;
	}
	if (overdue)
		*overdue = r->overdue;
	return DB_OK;
}

void
db_reg_force_plan(struct db_register *r, enum db_reg_plan plan)
{
	r->forced = plan;
}

/* The plan for walking Q's rows (see the top of this file). */
static enum db_status
choose_plan(struct db_register *r, const struct db_reg_query *q,
	    enum plan *plan)
{
	int64_t m, t;
	enum db_status s;

	*plan = PLAN_SORT;
	if (r->forced != DB_REG_PLAN_AUTO) {
		*plan = r->forced == DB_REG_PLAN_FILTER ? PLAN_FILTER
		      : r->forced == DB_REG_PLAN_SEMI ? PLAN_SEMI : PLAN_SORT;
		return DB_OK;
	}
	if (no_filter(q))
		return DB_OK;
	if ((s = db_reg_count(r, q, &m, &t, NULL)) != DB_OK)
		return s;
	(void)t;
	if (m <= REG_SMALL)
		*plan = PLAN_FILTER;
	else if (q->overdue && m <= REG_FALLBACK)
		*plan = PLAN_SEMI;
	return DB_OK;
}

/*
 * Walk Q from FROM, collecting up to MAX rows into ROWS (N so far), with
 * SEARCH (or NULL) as a further condition, under PLAN.
 */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The progress handler that gives up a walk past its deadline. */
static int
over_budget(void *ctx)
{
	return now_ms() > *(double *)ctx;
}

/*
 * Walk Q from FROM, collecting up to MAX rows into ROWS (*N of them),
 * with term TERM of SEARCH (or no search) as a further condition, under
 * PLAN.  With CUT not NULL, a walk over REG_BUDGET is given up: *CUT is
 * then true and the rows are to be ignored.
 */
static enum db_status
walk(struct db_register *r, const struct db_reg_query *q,
     const struct db_reg_key *from, bool backward, bool inclusive,
     const struct search *search, enum term term, enum plan plan,
     struct db_reg_row *rows, int max, int *n, bool *cut)
{
	double deadline = now_ms() + REG_BUDGET_MS;
	bool by_index = plan == PLAN_SORT || plan == PLAN_SEEK ||
			plan == PLAN_SEMI;
	bool asc = q->desc == backward;
	bool numeric = sorts[q->sort].numeric &&
		       !(q->sort == DB_REG_REF && is_lay(r));
	int nk = key_expr(r, q, 1) ? 2 : 1;
	int first = from ? 0 : -1, last = from ? nk : -1;

	*n = 0;
	/* Overdue and exited: no case can be (and the review order's
	 * partial index would not serve a query that says so). */
	if (q->overdue && managed_sets[q->state] == NULL)
		return DB_OK;
	for (int b = first; b <= last && *n < max; b++) {
		struct strbuf sb;
		sqlite3_stmt *st;
		int rc = SQLITE_DONE;

		/* "The key beyond" is empty when the filter fixes the key. */
		if (b == nk && key_fixed(q))
			break;
		sb_init(&sb);
		add_columns(&sb, r, q, by_index ? sort_index(r, q) : NULL);
		if (plan == PLAN_SEMI) {
			sb_add(&sb, " AND +id IN (SELECT id FROM offenders "
				    "WHERE 1");
			add_filter(&sb, q, true);
			sb_add(&sb, ")");
		} else {
			add_filter(&sb, q, plan == PLAN_FILTER);
		}
		if (by_index)
			add_sort_bounds(&sb, q, b == nk ? (asc ? 1 : -1) : 0);
		if (search)
			add_match(&sb, search, is_lay(r), term,
				  plan == PLAN_MATCH || plan == PLAN_SEEK);
		add_branch(&sb, r, q, b, asc, inclusive && b == 0, by_index);
		st = sb.failed ? NULL : reg_stmt(r, sb_str(&sb));
		sb_free(&sb);
		if (st == NULL)
			return DB_ERROR;
		bind_filter(st, q);
		if (search)
			bind_match(st, search);
		if (from)
			bind_key(st, from, numeric);
		bind_int_named(st, ":lim", max - *n);
		if (cut)
			sqlite3_progress_handler(r->db->sql, 500, over_budget,
						 &deadline);
		while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
			read_row(r, q, st, &rows[(*n)++]);
		if (cut)
			sqlite3_progress_handler(r->db->sql, 0, NULL, NULL);
		sqlite3_reset(st);
		if (cut && rc == SQLITE_INTERRUPT) {
			*cut = true;
			return DB_OK;
		}
		if (*n < max && rc != SQLITE_DONE)
			return db_sqlfail(r->db, rc, "reading the register");
	}
	return DB_OK;
}

enum db_status
db_reg_page(struct db_register *r, const struct db_reg_query *q,
	    const struct db_reg_key *from, bool backward, bool inclusive,
	    struct db_reg_row *rows, int max, int *n)
{
	enum db_status s;
	enum plan plan;

	*n = 0;
	if ((s = check_query(r, q)) != DB_OK)
		return s;
	if (max <= 0)
		return DB_OK;
	if ((s = choose_plan(r, q, &plan)) != DB_OK)
		return s;
	return walk(r, q, from, backward, inclusive, NULL, T_ALL, plan, rows,
		    max, n, NULL);
}

/* How A and B stand in the order walked up the index (ASC): <0 when A
 * comes first.  Text keys compare as SQLite's BINARY does: bytewise. */
static int
key_cmp(const struct db_reg_key *a, const struct db_reg_key *b, bool numeric)
{
	int c;

	if (numeric && a->num != b->num)
		return a->num < b->num ? -1 : 1;
	if (!numeric) {
		if ((c = strcmp(a->text[0], b->text[0])) != 0)
			return c;
		if ((c = strcmp(a->text[1], b->text[1])) != 0)
			return c;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Whether term T ranges over the key Q sorts by (its index is the sort
 * index, so the search is a seek). */
static bool
aligned(const struct db_register *r, const struct db_reg_query *q,
	enum term t)
{
	if (q->sort == DB_REG_REF)
		return is_lay(r) ? t == T_PSEUDO : t == T_REF || t == T_REF_UPPER;
	if (q->sort == DB_REG_NAME)
		return t == T_NAME || t == T_SPLIT;
	return false;
}

/*
 * Searching.  A search ORs several prefixes (reference, name, PNC, CRN),
 * each with its own index, and where the matches lie in the list depends
 * on the term: a name prefix in a list sorted by name is one run of rows
 * (found by a seek in the sort index), a PNC prefix is scattered through
 * it.  So each term is looked for alone with the plan that suits it --
 * a seek when it ranges over the sort key, the few matching rows sorted
 * when they are few, else a walk of the sort index -- and the nearest of
 * the rows found is the answer.  When the filter leaves few rows, those
 * are simply sorted and tested.
 */
enum db_status
db_reg_find(struct db_register *r, const struct db_reg_query *q,
	    const char *text, const struct db_reg_key *from, bool backward,
	    bool inclusive, struct db_reg_row *row)
{
	struct search s;
	struct db_reg_row found;
	enum db_status rs;
	enum plan plan;
	bool asc = q->desc == backward, any = false;
	bool numeric = sorts[q->sort].numeric &&
		       !(q->sort == DB_REG_REF && is_lay(r));
	int n;

	if ((rs = check_query(r, q)) != DB_OK)
		return rs;
	if (text == NULL || *text == '\0')
		return db_fail(r->db, DB_NOTFOUND, "nothing to search for");
	search_parse(&s, text);
	if ((rs = choose_plan(r, q, &plan)) != DB_OK)
		return rs;
	if (plan == PLAN_FILTER) {
		if ((rs = walk(r, q, from, backward, inclusive, &s, T_ALL,
			       plan, row, 1, &n, NULL)) != DB_OK)
			return rs;
		return n == 1 ? DB_OK : db_fail(r->db, DB_NOTFOUND,
						"no further case matches");
	}
	for (int t = 0; t < T_COUNT; t++) {
		struct strbuf sb;
		sqlite3_stmt *st;
		int64_t count = 0;

		if (!has_term(&s, is_lay(r), (enum term)t))
			continue;
		if (aligned(r, q, (enum term)t)) {
			plan = PLAN_SEEK;
		} else {
			/* How many rows the term matches, up to where
			 * walking the sort index is the better plan. */
			sb_init(&sb);
			sb_add(&sb, "SELECT count(*) FROM (SELECT 1 FROM "
				    "offenders WHERE 1");
			add_match(&sb, &s, is_lay(r), (enum term)t, true);
			sb_printf(&sb, " LIMIT %d)", REG_FALLBACK + 1);
			st = sb.failed ? NULL : reg_stmt(r, sb_str(&sb));
			sb_free(&sb);
			if (st == NULL)
				return DB_ERROR;
			bind_match(st, &s);
			if ((rs = scalar(r, st, &count)) != DB_OK)
				return rs;
			if (count == 0)
				continue;
			plan = count <= REG_MATCH_SMALL ? PLAN_MATCH : PLAN_SORT;
		}
		if (plan == PLAN_SORT && count <= REG_FALLBACK) {
			bool cut = false;

			if ((rs = walk(r, q, from, backward, inclusive, &s,
				       (enum term)t, plan, &found, 1, &n,
				       &cut)) != DB_OK)
				return rs;
			if (cut)
				plan = PLAN_MATCH;
		}
		if (plan != PLAN_SORT || count > REG_FALLBACK) {
			if ((rs = walk(r, q, from, backward, inclusive, &s,
				       (enum term)t, plan, &found, 1, &n,
				       NULL)) != DB_OK)
				return rs;
		}
		if (n == 1 &&
		    (!any || (key_cmp(&found.key, &row->key, numeric) < 0) ==
				     asc)) {
			*row = found;
			any = true;
		}
	}
	return any ? DB_OK : db_fail(r->db, DB_NOTFOUND,
				     "no further case matches");
}

enum db_status
db_reg_get(struct db_register *r, const struct db_reg_query *q, int64_t id,
	   struct db_reg_row *row)
{
	struct strbuf sb;
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = check_query(r, q)) != DB_OK)
		return s;
	sb_init(&sb);
	add_columns(&sb, r, q, NULL);
	sb_add(&sb, " AND id = :id");
	st = sb.failed ? NULL : reg_stmt(r, sb_str(&sb));
	sb_free(&sb);
	if (st == NULL)
		return DB_ERROR;
	bind_int_named(st, ":id", id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(r, q, st, row);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(r->db, DB_NOTFOUND, "no such case");
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(r->db, rc, "reading the register");
}

enum db_status
db_offender_version(struct db *db, int64_t id, int64_t *version)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT version FROM offenders "
				       "WHERE id = ?");
	int rc;

	if (st == NULL)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, DB_NOTFOUND, "no such case");
	return rc == SQLITE_ROW ? DB_OK
				: db_sqlfail(db, rc, "reading an offender");
}

enum db_status
db_ref_taken(struct db *db, const char *ref, bool *taken)
{
	sqlite3_stmt *st;
	enum db_status s;
	int rc;

	if ((s = db_require(db, DB_ADMIN | DB_MEMBER,
			    "looking up a reference")) != DB_OK)
		return s;
	if ((st = db_stmt(db, "SELECT 1 FROM offenders WHERE ref = upper(?)")) ==
	    NULL)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	*taken = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? DB_OK : db_sqlfail(db, rc, "reading the register");
}
