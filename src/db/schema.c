/*
 * schema.c -- the database schema, as migrations keyed by
 * PRAGMA user_version.
 *
 * Migration i takes a database at user_version i to i + 1; db_open()
 * runs each one in its own transaction.  Never edit a migration that has
 * shipped: add another.
 */
#include "config.h"

#include "core/agenda.h"
#include "db/db_internal.h"

static const char v1[] =
	/* Who may use the database, and in what role. */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('admin','member','lay')),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),"
	"  created TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	/* Internal facts: the pseudonym key, whether this is demo data. */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	") WITHOUT ROWID;"
	"CREATE TABLE population ("
	"  year INTEGER PRIMARY KEY,"
	"  people INTEGER NOT NULL CHECK (people > 0),"
	"  source TEXT"
	");"
	"CREATE TABLE offenders ("
	"  id INTEGER PRIMARY KEY,"
	"  ref TEXT NOT NULL UNIQUE,"
	"  pseudo TEXT NOT NULL UNIQUE,"
	"  surname TEXT,"
	"  forenames TEXT,"
	"  dob TEXT,"
	"  gender TEXT CHECK (gender IN ('M','F','X','U')),"
	"  pnc TEXT,"
	"  crn TEXT,"
	"  visor TEXT,"
	"  district TEXT,"
	"  lead_agency TEXT CHECK (lead_agency IN"
	"    ('police','probation','prison','yot','health','other')),"
	"  notes TEXT,"
	/* The state after the whole history, kept by the data layer on
	 * every change of it, so that lists need not replay histories. */
	"  category INTEGER CHECK (category BETWEEN 1 AND 4),"
	"  level INTEGER CHECK (level BETWEEN 1 AND 3),"
	"  status TEXT NOT NULL DEFAULT 'unregistered' CHECK (status IN"
	"    ('unregistered','community','custody','exited')),"
	"  next_review TEXT,"
	"  retention_review TEXT,"
	"  erased TEXT,"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	/* The register's sort orders and filters (register.c): each sort
	 * index is on exactly the expression the list sorts by; the state
	 * index answers every filter and count without reading rows. */
	"CREATE INDEX offenders_surname ON offenders("
	"  lower(ifnull(surname,'')), lower(ifnull(forenames,'')));"
	"CREATE INDEX offenders_state ON offenders(status, category, level,"
	"  next_review);"
	"CREATE INDEX offenders_review ON offenders("
	"  ifnull(next_review,'9999-12-31'));"
	"CREATE INDEX offenders_category ON offenders(ifnull(category,0));"
	"CREATE INDEX offenders_level ON offenders(ifnull(level,0));"
	"CREATE INDEX offenders_status ON offenders(CASE status"
	"  WHEN 'unregistered' THEN 0 WHEN 'community' THEN 1"
	"  WHEN 'custody' THEN 2 ELSE 3 END);"
	/* Cases not exited by review date: exited cases have none and
	 * would otherwise sit as one long run that the default view of
	 * the register had to step over. */
	"CREATE INDEX offenders_review_current ON offenders("
	"  ifnull(next_review,'9999-12-31')) WHERE status != 'exited';"
	"CREATE INDEX offenders_agency ON offenders(ifnull(lead_agency,''));"
	"CREATE INDEX offenders_district ON offenders("
	"  lower(ifnull(district,'')));"
	"CREATE INDEX offenders_pnc ON offenders(pnc);"
	"CREATE INDEX offenders_crn ON offenders(crn);"
	"CREATE TABLE meetings ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL,"
	"  time TEXT,"
	"  level INTEGER NOT NULL CHECK (level IN (2,3)),"
	"  status TEXT NOT NULL DEFAULT 'scheduled'"
	"    CHECK (status IN ('scheduled','held','cancelled')),"
	"  chair TEXT,"
	"  venue TEXT,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX meetings_date ON meetings(date, level);"
	/* The MAPPA history: one row per event, stored in history order so
	 * that the statistics read it in one pass without sorting. */
	"CREATE TABLE events ("
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  id INTEGER NOT NULL UNIQUE,"
	"  type TEXT NOT NULL CHECK (type IN ('register','category','level',"
	"    'exit','custody','release','notification_breach','order')),"
	"  category INTEGER CHECK (category BETWEEN 1 AND 4),"
	"  level INTEGER CHECK (level BETWEEN 1 AND 3),"
	"  kind TEXT,"
	"  note TEXT,"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  decided_by TEXT,"
	"  source TEXT NOT NULL CHECK (source IN ('mappa','import','demo')),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL,"
	"  PRIMARY KEY (offender_id, date, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE referrals ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  agency TEXT NOT NULL,"
	"  proposed_level INTEGER CHECK (proposed_level IN (2,3)),"
	"  reason TEXT,"
	"  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN"
	"    ('pending','accepted','declined','withdrawn')),"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX referrals_offender ON referrals(offender_id);"
	"CREATE TABLE meeting_agencies ("
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  agency TEXT NOT NULL,"
	"  invited INTEGER NOT NULL DEFAULT 1,"
	"  attendance TEXT CHECK (attendance IN"
	"    ('present','apologies','report','absent')),"
	"  PRIMARY KEY (meeting_id, agency)"
	") WITHOUT ROWID;"
	"CREATE TABLE agenda_items ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  position INTEGER NOT NULL,"
	"  reason TEXT NOT NULL DEFAULT 'review' CHECK (reason IN"
	"    ('initial','review','level_change','exit','other')),"
	"  referral_id INTEGER REFERENCES referrals(id),"
	"  discussed INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (meeting_id, offender_id)"
	");"
	"CREATE INDEX agenda_items_offender ON agenda_items(offender_id);"
	/* An agenda in order, and where the next item goes (issue 7). */
	"CREATE INDEX agenda_items_order ON agenda_items(meeting_id, position);"
	"CREATE TABLE minutes ("
	"  agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_items(id),"
	"  decision TEXT,"
	"  rationale TEXT,"
	"  dissent TEXT,"
	"  rmp_supervision TEXT,"
	"  rmp_monitoring TEXT,"
	"  rmp_interventions TEXT,"
	"  rmp_victim_safety TEXT,"
	"  contingencies TEXT,"
	"  victim_issues TEXT,"
	"  disclosure TEXT,"
	"  level_decision TEXT CHECK (level_decision IN"
	"    ('stay','up','down','exit')),"
	"  level_event_id INTEGER,"
	"  next_review TEXT,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE actions ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  offender_id INTEGER REFERENCES offenders(id),"
	"  text TEXT NOT NULL,"
	"  owner_agency TEXT,"
	"  owner_person TEXT,"
	"  due TEXT,"
	"  done TEXT,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX actions_offender ON actions(offender_id);"
	/* Open actions by due date, for the overdue list (issue 7). */
	"CREATE INDEX actions_open ON actions(due) WHERE done IS NULL;"
	/* What a meeting decided: whether its details may still change. */
	"CREATE INDEX events_meeting ON events(meeting_id)"
	"  WHERE meeting_id IS NOT NULL;"
	/* The audit trail.  Append-only: the triggers refuse any change. */
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  time TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  record TEXT,"
	"  detail TEXT"
	");"
	"CREATE INDEX audit_time ON audit(time);"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
	"  SELECT RAISE(ABORT, 'audit rows are append-only');"
	"END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
	"  SELECT RAISE(ABORT, 'audit rows are append-only');"
	"END;"
	/* Review of what is kept (Data Protection Act 2018, Part 3): when
	 * management ends, the record gets a date by which someone must
	 * decide whether it is still needed; when it starts again, the
	 * review is moot.  Kept here so that every path that changes a
	 * history -- events, imports, the demo -- keeps it. */
	"CREATE TRIGGER retention_on_exit AFTER UPDATE OF status ON offenders"
	"  WHEN NEW.status = 'exited' AND OLD.status IS NOT 'exited' BEGIN"
	"  UPDATE offenders SET retention_review = date("
	"    (SELECT max(date) FROM events WHERE offender_id = NEW.id"
	"       AND type = 'exit'),"
	"    '+' || coalesce((SELECT value FROM settings"
	"       WHERE key = 'retention_review_years'), '10') || ' years')"
	"  WHERE id = NEW.id;"
	"END;"
	"CREATE TRIGGER retention_on_exit_event AFTER INSERT ON events"
	"  WHEN NEW.type = 'exit' BEGIN"
	"  UPDATE offenders SET retention_review = date("
	"    (SELECT max(date) FROM events WHERE offender_id = NEW.offender_id"
	"       AND type = 'exit'),"
	"    '+' || coalesce((SELECT value FROM settings"
	"       WHERE key = 'retention_review_years'), '10') || ' years')"
	"  WHERE id = NEW.offender_id AND status = 'exited';"
	"END;"
	"CREATE TRIGGER retention_on_return AFTER UPDATE OF status ON offenders"
	"  WHEN NEW.status IS NOT 'exited' AND OLD.status = 'exited' BEGIN"
	"  UPDATE offenders SET retention_review = NULL WHERE id = NEW.id;"
	"END;"
	"CREATE INDEX offenders_retention ON offenders(retention_review)"
	"  WHERE retention_review IS NOT NULL;";

/*
 * v2: the register's sort indexes also hold the id and the state a filter
 * tests (the status as its order, the category, the level), so that
 * walking a sort order under a filter reads only the index for the rows
 * the filter leaves out, instead of the table row of each (register.c).
 * The id after the key keeps rows with equal keys in id order, the
 * order the list breaks ties by.  (IF EXISTS: the earliest databases of
 * schema 1 were made before offenders_review_current was.)
 */
#define FILTER_COLS "id, " DB_STATUS_KEY ", category, level"
static const char v2[] =
	"DROP INDEX IF EXISTS offenders_surname;"
	"DROP INDEX IF EXISTS offenders_review;"
	"DROP INDEX IF EXISTS offenders_category;"
	"DROP INDEX IF EXISTS offenders_level;"
	"DROP INDEX IF EXISTS offenders_status;"
	"DROP INDEX IF EXISTS offenders_review_current;"
	"DROP INDEX IF EXISTS offenders_agency;"
	"DROP INDEX IF EXISTS offenders_district;"
	"CREATE INDEX offenders_by_ref ON offenders(ref, " FILTER_COLS ");"
	"CREATE INDEX offenders_by_pseudo ON offenders(pseudo, "
	"  " FILTER_COLS ");"
	"CREATE INDEX offenders_by_name ON offenders("
	"  lower(ifnull(surname,'')), lower(ifnull(forenames,'')), "
	"  " FILTER_COLS ");"
	"CREATE INDEX offenders_by_category ON offenders(ifnull(category,0), "
	"  " FILTER_COLS ");"
	"CREATE INDEX offenders_by_level ON offenders(ifnull(level,0), "
	"  " FILTER_COLS ");"
	"CREATE INDEX offenders_by_status ON offenders(" DB_STATUS_KEY ", "
	"  " FILTER_COLS ");"
	"CREATE INDEX offenders_by_agency ON offenders("
	"  ifnull(lead_agency,''), " FILTER_COLS ");"
	"CREATE INDEX offenders_by_district ON offenders("
	"  lower(ifnull(district,'')), " FILTER_COLS ");"
	"CREATE INDEX offenders_by_review ON offenders("
	"  ifnull(next_review,'9999-12-31'), " FILTER_COLS ");"
	/* Cases not exited by review date: exited cases have none and
	 * would otherwise sit as one long run that the default view of
	 * the register had to step over. */
	"CREATE INDEX offenders_by_review_current ON offenders("
	"  ifnull(next_review,'9999-12-31'), " FILTER_COLS ")"
	"  WHERE status != 'exited';";

/*
 * v3 (issue 16): the people at a meeting -- name, agency and role (the
 * roles of core/agenda.h's agenda_roles[]) -- and the state of its
 * minutes: a draft until the chair approves them; reopened, they are a
 * draft again with the next version.
 */
static const char v3[] =
	"CREATE TABLE attendees ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  name TEXT NOT NULL,"
	"  agency TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN"
	"    ('present','apologies','report','guest')),"
	"  UNIQUE (meeting_id, name, agency)"
	");"
	"CREATE INDEX attendees_name ON attendees(lower(name), agency);"
	"ALTER TABLE meetings ADD COLUMN minutes_state TEXT NOT NULL"
	"  DEFAULT 'draft' CHECK (minutes_state IN ('draft','approved'));"
	"ALTER TABLE meetings ADD COLUMN minutes_version INTEGER NOT NULL"
	"  DEFAULT 1;"
	"ALTER TABLE meetings ADD COLUMN minutes_approved_by TEXT;"
	"ALTER TABLE meetings ADD COLUMN minutes_approved_on TEXT;";


/*
 * v4: a retention review is never empty for a record whose management
 * ended.  date() gives NULL past 9999-12-31 (an exit on 9999-12-31 plus
 * ten years), and such a record fell out of every review; the review is
 * now at the latest 9999-12-31, and records already left without one get
 * that date.
 */
#define RETENTION_DATE(ID) \
	"coalesce(date((SELECT max(date) FROM events WHERE offender_id = " \
	ID " AND type = 'exit'), '+' || coalesce((SELECT value FROM " \
	"settings WHERE key = 'retention_review_years'), '10') || ' years')," \
	" '9999-12-31')"
static const char v4[] =
	"DROP TRIGGER retention_on_exit;"
	"DROP TRIGGER retention_on_exit_event;"
	"CREATE TRIGGER retention_on_exit AFTER UPDATE OF status ON offenders"
	"  WHEN NEW.status = 'exited' AND OLD.status IS NOT 'exited' BEGIN"
	"  UPDATE offenders SET retention_review = " RETENTION_DATE("NEW.id")
	"  WHERE id = NEW.id;"
	"END;"
	"CREATE TRIGGER retention_on_exit_event AFTER INSERT ON events"
	"  WHEN NEW.type = 'exit' BEGIN"
	"  UPDATE offenders SET retention_review = "
	RETENTION_DATE("NEW.offender_id")
	"  WHERE id = NEW.offender_id AND status = 'exited';"
	"END;"
	"UPDATE offenders SET retention_review = '9999-12-31'"
	"  WHERE status = 'exited' AND erased IS NULL"
	"  AND retention_review IS NULL;";

/*
 * v5: the audit trail is a hash chain (core/chain.h): each row holds
 * SHA-256 of the row before's hash and of itself.  The rows already
 * there are hashed in order once, right after this migration
 * (db_audit_seal() in db.c), which the update trigger allows: a hash may
 * be set once, on a row that has none, and nothing else may change.
 */
static const char v5[] =
	"ALTER TABLE audit ADD COLUMN hash TEXT;"
	"DROP TRIGGER audit_no_update;"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL"
	"    OR NEW.id IS NOT OLD.id OR NEW.time IS NOT OLD.time"
	"    OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action"
	"    OR NEW.record IS NOT OLD.record OR NEW.detail IS NOT OLD.detail"
	"  BEGIN"
	"  SELECT RAISE(ABORT, 'audit rows are append-only');"
	"END;";

/*
 * v6 (issue 12): registration is not referral.  A case registered at
 * Level 1 used to get a referral without a level, which the indicators
 * counted as a missed Level 2 initial meeting and every Level 2 agenda
 * proposal offered.  Such a referral that a meeting took up (decided
 * there, or on an agenda as one) asked, in effect, for that meeting's
 * level, and keeps it; the others were never referrals and go, each
 * leaving an audit row.  From now on the schema refuses a referral
 * without Level 2 or 3, and a referral's outcome keeps its reason.
 */
#define V6_LEVEL_TAKEN \
	"coalesce((SELECT m.level FROM meetings m WHERE m.id = r.meeting_id)," \
	"  (SELECT m.level FROM agenda_items a JOIN meetings m" \
	"     ON m.id = a.meeting_id WHERE a.referral_id = r.id" \
	"     ORDER BY m.date, m.id LIMIT 1))"
static const char v6[] =
	"INSERT INTO audit(time, actor, action, record, detail)"
	"  SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'mappa',"
	"    'referral.migrate',"
	"    'offender ' || r.offender_id || ' referral ' || r.id,"
	"    CASE WHEN " V6_LEVEL_TAKEN " IS NULL"
	"      THEN 'removed: a Level 1 registration, not a referral'"
	"      ELSE 'proposed_level: - -> ' || " V6_LEVEL_TAKEN
	"        || ' (the level of the meeting that took it up)' END"
	"  FROM referrals r WHERE r.proposed_level IS NULL ORDER BY r.id;"
	"UPDATE referrals AS r SET proposed_level = " V6_LEVEL_TAKEN
	"  WHERE r.proposed_level IS NULL;"
	"DELETE FROM referrals WHERE proposed_level IS NULL;"
	"ALTER TABLE referrals ADD COLUMN outcome_reason TEXT;"
	"CREATE INDEX referrals_pending ON referrals(offender_id)"
	"  WHERE outcome = 'pending';"
	"CREATE TRIGGER referrals_level_required BEFORE INSERT ON referrals"
	"  WHEN NEW.proposed_level IS NULL BEGIN"
	"  SELECT RAISE(ABORT, 'a referral asks for Level 2 or 3');"
	"END;"
	"CREATE TRIGGER referrals_level_kept BEFORE UPDATE OF proposed_level"
	"  ON referrals WHEN NEW.proposed_level IS NULL BEGIN"
	"  SELECT RAISE(ABORT, 'a referral asks for Level 2 or 3');"
	"END;";


/*
 * v7: the events of the 2015 template and the board's tables
 * (interchange.md: sfo_charge, notification_review).  SQLite cannot
 * change a CHECK constraint in place, so the table is copied into a new
 * one with the longer list; its index and trigger go with it.  The
 * trigger on offenders that reads events is dropped first and made again
 * after, as the rename refuses a schema naming a table that is gone;
 * both as v4 made them.
 * Anything on events this migration does not know of (a column, an
 * index, a trigger) makes it fail, rather than be lost: the guard's
 * CHECK and the copy's column count.
 */
static const char v7[] =
	"CREATE TEMP TABLE v7_guard (n INTEGER,"
	"  CONSTRAINT events_hold_what_v7_does_not_know CHECK (n = 0));"
	"INSERT INTO v7_guard SELECT count(*) FROM sqlite_schema"
	"  WHERE tbl_name = 'events' AND name NOT IN ('events',"
	"  'sqlite_autoindex_events_1', 'events_meeting',"
	"  'retention_on_exit_event');"
	"DROP TABLE v7_guard;"
	"DROP TRIGGER retention_on_exit;"
	"CREATE TABLE events_v7 ("
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  id INTEGER NOT NULL UNIQUE,"
	"  type TEXT NOT NULL CHECK (type IN ('register','category','level',"
	"    'exit','custody','release','notification_breach','order',"
	"    'sfo_charge','notification_review')),"
	"  category INTEGER CHECK (category BETWEEN 1 AND 4),"
	"  level INTEGER CHECK (level BETWEEN 1 AND 3),"
	"  kind TEXT,"
	"  note TEXT,"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  decided_by TEXT,"
	"  source TEXT NOT NULL CHECK (source IN ('mappa','import','demo')),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL,"
	"  PRIMARY KEY (offender_id, date, id)"
	") WITHOUT ROWID;"
	"INSERT INTO events_v7 SELECT * FROM events;"
	"DROP TABLE events;"
	"ALTER TABLE events_v7 RENAME TO events;"
	"CREATE INDEX events_meeting ON events(meeting_id)"
	"  WHERE meeting_id IS NOT NULL;"
	"CREATE TRIGGER retention_on_exit_event AFTER INSERT ON events"
	"  WHEN NEW.type = 'exit' BEGIN"
	"  UPDATE offenders SET retention_review = "
	RETENTION_DATE("NEW.offender_id")
	"  WHERE id = NEW.offender_id AND status = 'exited';"
	"END;"
	"CREATE TRIGGER retention_on_exit AFTER UPDATE OF status ON offenders"
	"  WHEN NEW.status = 'exited' AND OLD.status IS NOT 'exited' BEGIN"
	"  UPDATE offenders SET retention_review = " RETENTION_DATE("NEW.id")
	"  WHERE id = NEW.id;"
	"END;";



/*
 * v8 (issue 15): the case file a MAPP meeting decides from.  Each fact is
 * a row added, never changed, so that its history is kept; the current
 * one is the last added (the highest id).  The names the CHECKs list are
 * core/casefile.h's.  Case notes are append-only: a correction is a new
 * note that points at the one it corrects; only erasure may clear a
 * note's words.  The old single notes field becomes each case's first
 * note.
 */
static const char v8[] =
	"CREATE TABLE risk_assessments ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  rosh TEXT NOT NULL CHECK (rosh IN"
	"    ('low','medium','high','very_high')),"
	"  at_risk INTEGER NOT NULL DEFAULT 0 CHECK (at_risk BETWEEN 0 AND 31),"
	"  assessor TEXT,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX risk_assessments_offender ON risk_assessments("
	"  offender_id, id);"
	"CREATE TABLE scored_assessments ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  tool TEXT NOT NULL,"
	"  score TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX scored_assessments_offender ON scored_assessments("
	"  offender_id, id);"
	"CREATE TABLE key_dates ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  sentence_expiry TEXT,"
	"  licence_expiry TEXT,"
	"  expected_release TEXT,"
	"  release_type TEXT CHECK (release_type IN"
	"    ('licence','parole','automatic','end_of_sentence','other')),"
	"  notification_end TEXT,"
	"  mappa_j_sent TEXT,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX key_dates_offender ON key_dates(offender_id, id);"
	"CREATE TABLE order_ends ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  kind TEXT NOT NULL,"
	"  made TEXT NOT NULL,"
	"  ends TEXT,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX order_ends_offender ON order_ends(offender_id, id);"
	"CREATE TABLE offences ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  is_index INTEGER NOT NULL DEFAULT 0 CHECK (is_index IN (0,1)),"
	"  description TEXT NOT NULL,"
	"  date TEXT,"
	"  court TEXT,"
	"  sentence TEXT,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX offences_offender ON offences(offender_id, id);"
	"CREATE TABLE case_notes ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  author TEXT NOT NULL,"
	"  subject TEXT,"
	"  text TEXT,"
	"  corrects INTEGER REFERENCES case_notes(id),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX case_notes_offender ON case_notes(offender_id, id);"
	"CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes"
	"  WHEN NEW.text IS NOT NULL OR NEW.subject IS NOT NULL"
	"    OR NEW.id IS NOT OLD.id OR NEW.offender_id IS NOT OLD.offender_id"
	"    OR NEW.date IS NOT OLD.date OR NEW.corrects IS NOT OLD.corrects"
	"  BEGIN SELECT RAISE(ABORT, 'case notes are append-only'); END;"
	"CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes BEGIN"
	"  SELECT RAISE(ABORT, 'case notes are append-only');"
	"END;"
	"CREATE TABLE disclosures ("
	"  id INTEGER PRIMARY KEY,"
	"  offender_id INTEGER NOT NULL REFERENCES offenders(id),"
	"  date TEXT NOT NULL,"
	"  disclosed INTEGER NOT NULL CHECK (disclosed IN (0,1)),"
	"  recipient TEXT,"
	"  what TEXT,"
	"  why TEXT,"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  decided_by TEXT,"
	"  undertaking INTEGER NOT NULL DEFAULT 0 CHECK (undertaking IN (0,1)),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	");"
	"CREATE INDEX disclosures_offender ON disclosures(offender_id, id);"
	"CREATE INDEX disclosures_meeting ON disclosures(meeting_id)"
	"  WHERE meeting_id IS NOT NULL;"
	/* The single notes field becomes the first note, dated the day the
	 * record was made, by whoever made it. */
	"INSERT INTO case_notes(offender_id, date, author, subject, text,"
	"  recorded_by, recorded_at)"
	"  SELECT id, substr(created_at, 1, 10), created_by, 'Notes', notes,"
	"    created_by, created_at FROM offenders"
	"  WHERE notes IS NOT NULL AND notes != '' ORDER BY id;"
	"UPDATE offenders SET notes = NULL WHERE notes IS NOT NULL;"
	/* And so for every record made since, whatever path makes it (a
	 * case added, a referral, an import, the demo): notes given with a
	 * new record are its first note. */
	"CREATE TRIGGER case_notes_first AFTER INSERT ON offenders"
	"  WHEN NEW.notes IS NOT NULL BEGIN"
	"  INSERT INTO case_notes(offender_id, date, author, subject, text,"
	"    recorded_by, recorded_at) VALUES (NEW.id,"
	"    substr(NEW.created_at, 1, 10), NEW.created_by, 'Notes',"
	"    NEW.notes, NEW.created_by, NEW.created_at);"
	"  UPDATE offenders SET notes = NULL WHERE id = NEW.id;"
	"END;";

/*
 * v9 (issue 16): an earlier meeting's action reviewed as dropped is
 * recorded, not deleted.  An action is closed when done is set; dropped
 * says it was dropped on that date rather than done.
 */
static const char v9[] =
	"ALTER TABLE actions ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0"
	"  CHECK (dropped IN (0,1));";

/*
 * v10 (issue 14): a referral's referring agency is a code of the agencies
 * at meetings (core/agenda.h).  Before, the command line took any text
 * and the new-case form and the demo each wrote their own spellings.  A
 * stored agency that is a code, a name or an alias of that table, in any
 * case, becomes the code (mappa_agency_code(), db_schema_functions());
 * other text stays as written and is shown as it is.  One audit row says
 * how many changed, and how many were left.
 */
#define V10_CHANGED "mappa_agency_code(agency) <> agency"
static const char v10[] =
	"INSERT INTO audit(time, actor, action, record, detail)"
	"  SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'mappa',"
	"    'referral.migrate', NULL,"
	"    'agency: ' || count(*) || ' referral(s) now stored as the code"
	" of the agency named; ' || (SELECT count(*) FROM referrals"
	"     WHERE mappa_agency_code(agency) IS NULL)"
	"    || ' other agency text left as written'"
	"  FROM referrals WHERE " V10_CHANGED " HAVING count(*) > 0;"
	"UPDATE referrals SET agency = mappa_agency_code(agency)"
	"  WHERE " V10_CHANGED ";";

static void
agency_code(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct agenda_agency *a =
		agenda_agency_lookup((const char *)sqlite3_value_text(argv[0]));

	(void)argc;
	if (a)
		sqlite3_result_text(cx, a->code, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(cx);
}

int
db_schema_functions(sqlite3 *sql)
{
	return sqlite3_create_function(sql, "mappa_agency_code", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				       SQLITE_INNOCUOUS, NULL, agency_code,
				       NULL, NULL);
}

const char *const db_migrations[] = { v1, v2, v3, v4, v5, v6, v7, v8, v9,
				      v10 };
const int db_migration_count = (int)(sizeof(db_migrations) /
				     sizeof(db_migrations[0]));
