/*
 * regmodel.c -- the register's window of rows, moved by keyset paging.
 *
 * Every move comes down to place(): "put the row at this key (or the first
 * after it) on this line of the window, and fill the rest from either
 * side".  One row more than needed is asked for on each side, to know
 * whether the list goes on beyond the window.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui/regmodel.h"

static enum rm_change
fail(struct regmodel *m)
{
	str_copy(m->error, db_errmsg(m->db), sizeof m->error);
	return RM_ERROR;
}

const char *
rm_error(const struct regmodel *m)
{
	return m->error;
}

const struct db_reg_row *
rm_selected(const struct regmodel *m)
{
	return m->n > 0 ? &m->rows[m->cur] : NULL;
}

bool
rm_passes(const struct db_reg_query *q, const struct db_reg_row *row)
{
	bool exited = row->status == CASE_EXITED;

	switch (q->state) {
	case DB_REG_CURRENT:
		if (exited)
			return false;
		break;
	case DB_REG_COMMUNITY:
	case DB_REG_CUSTODY:
		if (row->status != (q->state == DB_REG_COMMUNITY
				    ? CASE_COMMUNITY : CASE_CUSTODY))
			return false;
		break;
	case DB_REG_EXITED:
		if (!exited)
			return false;
		break;
	default:
		break;
	}
	return (q->category == 0 || row->category == q->category) &&
	       (q->level == 0 || row->level == q->level) &&
	       (!q->overdue || row->overdue);
}

static int
grow(struct regmodel *m, int height)
{
	if (height <= m->cap)
		return 0;
	if (array_reserve(&m->rows, &m->rows_cap, (size_t)height,
			  sizeof *m->rows) != 0 ||
	    array_reserve(&m->tmp, &m->tmp_cap, 2 * ((size_t)height + 1),
			  sizeof *m->tmp) != 0)
		return -1;
	m->cap = height;
	return 0;
}

static enum rm_change
count(struct regmodel *m)
{
	if (db_reg_count(m->reg, &m->q, &m->matching, &m->total,
			 &m->overdue) != DB_OK)
		return fail(m);
	return RM_NONE;
}

static enum rm_change
home(struct regmodel *m)
{
	int n;

	if (db_reg_page(m->reg, &m->q, NULL, false, false, m->tmp,
			m->height + 1, &n) != DB_OK)
		return fail(m);
	m->more_before = false;
	m->more_after = n > m->height;
	m->n = n > m->height ? m->height : n;
	memcpy(m->rows, m->tmp, (size_t)m->n * sizeof *m->rows);
	m->cur = 0;
	return RM_ROWS;
}

static enum rm_change
end(struct regmodel *m)
{
	int n;

	if (db_reg_page(m->reg, &m->q, NULL, true, false, m->tmp,
			m->height + 1, &n) != DB_OK)
		return fail(m);
	m->more_after = false;
	m->more_before = n > m->height;
	m->n = n > m->height ? m->height : n;
	for (int i = 0; i < m->n; i++)
		m->rows[i] = m->tmp[m->n - 1 - i];
	m->cur = m->n > 0 ? m->n - 1 : 0;
	return RM_ROWS;
}

/* Put the row at KEY, or the first after it, on line WANT of the window. */
static enum rm_change
place(struct regmodel *m, const struct db_reg_key *key, int want)
{
	struct db_reg_key k = *key; /* KEY may point into the window */
	int h = m->height, nf, nb, need;
	struct db_reg_row *fwd = m->tmp, *back = m->tmp + h + 1;

	if (want > h - 1)
		want = h - 1;
	if (want < 0)
		want = 0;
	if (db_reg_page(m->reg, &m->q, &k, false, true, fwd, h - want + 1,
			&nf) != DB_OK)
		return fail(m);
	m->more_after = nf > h - want;
	if (m->more_after)
		nf = h - want;
	need = h - nf;
	if (db_reg_page(m->reg, &m->q, &k, true, false, back, need + 1,
			&nb) != DB_OK)
		return fail(m);
	m->more_before = nb > need;
	if (m->more_before)
		nb = need;
	for (int i = 0; i < nb; i++)
		m->rows[i] = back[nb - 1 - i];
	memcpy(m->rows + nb, fwd, (size_t)nf * sizeof *m->rows);
	m->n = nb + nf;
	m->cur = nf > 0 ? nb : (m->n > 0 ? m->n - 1 : 0);
	return RM_ROWS;
}

enum rm_change
rm_open(struct regmodel *m, struct db *db, mdate today, int height)
{
	memset(m, 0, sizeof *m);
	m->db = db;
	m->q.sort = DB_REG_REF;
	m->q.state = DB_REG_CURRENT;
	m->q.today = today;
	m->height = height > 0 ? height : 1;
	if (grow(m, m->height) != 0) {
		str_copy(m->error, "out of memory", sizeof m->error);
		return RM_ERROR;
	}
	if (db_reg_open(db, &m->reg) != DB_OK)
		return fail(m);
	if (count(m) == RM_ERROR)
		return RM_ERROR;
	return home(m);
}

void
rm_close(struct regmodel *m)
{
	db_reg_close(m->reg);
	free(m->rows);
	free(m->tmp);
	memset(m, 0, sizeof *m);
}

enum rm_change
rm_resize(struct regmodel *m, int height)
{
	struct db_reg_key key;
	int cur = m->cur;

	if (height < 1)
		height = 1;
	if (grow(m, height) != 0) {
		str_copy(m->error, "out of memory", sizeof m->error);
		return RM_ERROR;
	}
	if (m->n == 0) {
		m->height = height;
		return home(m);
	}
	key = m->rows[m->cur].key;
	m->height = height;
	return place(m, &key, cur < height ? cur : height - 1);
}

enum rm_change
rm_home(struct regmodel *m)
{
	if (m->n > 0 && !m->more_before && m->cur == 0)
		return RM_NONE;
	if (!m->more_before) {
		m->cur = 0;
		return RM_CURSOR;
	}
	return home(m);
}

enum rm_change
rm_end(struct regmodel *m)
{
	if (m->n == 0 || (!m->more_after && m->cur == m->n - 1))
		return RM_NONE;
	if (!m->more_after) {
		m->cur = m->n - 1;
		return RM_CURSOR;
	}
	return end(m);
}

enum rm_change
rm_move(struct regmodel *m, int delta)
{
	int t = m->cur + delta, steps, k, got;
	bool forward = delta > 0;
	struct db_reg_key from;

	if (delta == 0 || m->n == 0)
		return RM_NONE;
	if (t >= 0 && t < m->n) {
		m->cur = t;
		return RM_CURSOR;
	}
	if (forward ? !m->more_after : !m->more_before) {
		int edge = forward ? m->n - 1 : 0;

		if (m->cur == edge)
			return RM_NONE;
		m->cur = edge;
		return RM_CURSOR;
	}
	steps = forward ? t - (m->n - 1) : -t;
	from = m->rows[forward ? m->n - 1 : 0].key;
	/* Walk STEPS rows on, a window's worth at a time. */
	for (got = 0; steps > 0; steps -= k) {
		int chunk = steps < m->cap ? steps : m->cap;

		if (db_reg_page(m->reg, &m->q, &from, !forward, false, m->tmp,
				chunk, &k) != DB_OK)
			return fail(m);
		if (k > 0)
			from = m->tmp[k - 1].key;
		got += k;
		if (k < chunk)
			break;
	}
	if (got == 0) {
		m->cur = forward ? m->n - 1 : 0;
		return RM_CURSOR;
	}
	/* One row on: the new row at the window's edge; a page on: the
	 * selection stays on its line while the rows move under it. */
	if (delta == 1 || delta == -1)
		return place(m, &from, forward ? m->height - 1 : 0);
	return place(m, &from, m->cur);
}

/* Put the selection on ROW (found in the current view). */
static enum rm_change
go_to(struct regmodel *m, const struct db_reg_row *row, int want)
{
	for (int i = 0; i < m->n; i++) {
		if (m->rows[i].id == row->id) {
			if (i == m->cur)
				return RM_NONE;
			m->cur = i;
			return RM_CURSOR;
		}
	}
	return place(m, &row->key, want);
}

/* Read the window again around the selected case, now in view Q. */
static enum rm_change
reselect(struct regmodel *m, bool keep_place)
{
	struct db_reg_row old, now;
	enum db_status s;
	int cur = m->cur;

	if (m->n == 0)
		return home(m);
	old = m->rows[m->cur];
	s = db_reg_get(m->reg, &m->q, old.id, &now);
	if (s != DB_OK && s != DB_NOTFOUND)
		return fail(m);
	if (s == DB_OK && rm_passes(&m->q, &now))
		return place(m, &now.key, cur);
	if (keep_place)
		return place(m, &old.key, cur);
	return home(m);
}

enum rm_change
rm_set_query(struct regmodel *m, const struct db_reg_query *q)
{
	struct db_reg_query was = m->q;
	enum rm_change c;

	m->q = *q;
	if (count(m) == RM_ERROR) {
		m->q = was;
		return RM_ERROR;
	}
	c = reselect(m, false);
	if (c == RM_ERROR) {
		m->q = was;
		count(m);
	}
	return c;
}

enum rm_change
rm_refresh(struct regmodel *m)
{
	if (count(m) == RM_ERROR)
		return RM_ERROR;
	if (reselect(m, true) == RM_ERROR)
		return RM_ERROR;
	return RM_ROWS;
}

enum rm_change
rm_select_id(struct regmodel *m, int64_t id)
{
	struct db_reg_row row;
	enum db_status s = db_reg_get(m->reg, &m->q, id, &row);
	enum rm_change c;

	if (s == DB_NOTFOUND || (s == DB_OK && !rm_passes(&m->q, &row)))
		return RM_NONE;
	if (s != DB_OK)
		return fail(m);
	c = go_to(m, &row, m->cur);
	return c == RM_NONE ? RM_CURSOR : c; /* already selected */
}

void
rm_search_begin(struct regmodel *m)
{
	m->searching = true;
	m->origin_cur = m->cur;
	m->origin_id = m->n > 0 ? m->rows[m->cur].id : 0;
	if (m->n > 0)
		m->origin = m->rows[m->cur].key;
}

/* The first match of TEXT from FROM (NULL: an end), into ROW. */
static enum db_status
find(struct regmodel *m, const char *text, const struct db_reg_key *from,
     bool backward, bool inclusive, struct db_reg_row *row)
{
	enum db_status s = db_reg_find(m->reg, &m->q, text, from, backward,
				       inclusive, row);

	if (s != DB_OK && s != DB_NOTFOUND)
		fail(m);
	return s;
}

enum rm_change
rm_search(struct regmodel *m, const char *text)
{
	struct db_reg_row row;
	enum db_status s;
	enum rm_change c;
	bool have = m->origin_id != 0;

	if (*text == '\0')
		return have ? place(m, &m->origin, m->origin_cur) : home(m);
	s = find(m, text, have ? &m->origin : NULL, false, true, &row);
	if (s == DB_NOTFOUND && have)
		s = find(m, text, NULL, false, true, &row);
	if (s == DB_NOTFOUND)
		return RM_NONE;
	if (s != DB_OK)
		return RM_ERROR;
	/* A match already selected (the next letter typed kept it) is a
	 * match all the same: RM_NONE says there is none. */
	c = go_to(m, &row, m->cur);
	return c == RM_NONE ? RM_CURSOR : c;
}

enum rm_change
rm_search_end(struct regmodel *m, bool cancel)
{
	m->searching = false;
	if (!cancel)
		return RM_NONE;
	if (m->origin_id == 0)
		return home(m);
	return place(m, &m->origin, m->origin_cur);
}

enum rm_change
rm_search_next(struct regmodel *m, const char *text, bool backward,
	       bool *wrapped)
{
	const struct db_reg_row *sel = rm_selected(m);
	struct db_reg_row row;
	enum db_status s = DB_NOTFOUND;

	*wrapped = false;
	if (*text == '\0')
		return RM_NONE;
	if (sel)
		s = find(m, text, &sel->key, backward, false, &row);
	if (s == DB_NOTFOUND) {
		s = find(m, text, NULL, backward, false, &row);
		*wrapped = s == DB_OK;
	}
	if (s == DB_NOTFOUND)
		return RM_NONE;
	if (s != DB_OK)
		return RM_ERROR;
	return go_to(m, &row, m->cur);
}
