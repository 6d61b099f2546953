/*
 * db.h -- mappa's data layer: the only code that speaks SQL.
 *
 * Every caller -- the command line, the screens, the tests -- reaches the
 * database through these typed functions.  The layer holds the rules
 * itself, whatever calls it:
 *
 *   - roles: a function that changes records refuses (DB_REFUSED) a user
 *     whose role may not; a lay adviser's connection is further fenced by
 *     an SQLite authorizer that refuses every write but its own audit rows;
 *   - the event state machine and Category 3 never at Level 1
 *     (core/event.h), checked over the whole history on every change;
 *   - a level change made in mappa carries a reason and who decided;
 *   - every write is one BEGIN IMMEDIATE transaction that writes its own
 *     audit row; audit rows cannot be changed or deleted;
 *   - editable records carry a version, and a save against a stale version
 *     fails with DB_CONFLICT, changing nothing.
 *
 * Functions return an enum db_status; on failure db_errmsg() says what
 * went wrong in a sentence fit to show a person.  The layer never prints
 * and never exits.
 *
 * The interface is split by subject, one header each; this file only
 * includes them all, so that callers need include no more than it.
 */
#ifndef MAPPA_DB_H
#define MAPPA_DB_H

#include "db/connection.h"
#include "db/users.h"
#include "db/offenders.h"
#include "db/stats.h"
#include "db/register.h"
#include "db/referrals.h"
#include "db/casefile.h"
#include "db/retention.h"
#include "db/audit.h"
#include "db/interchange.h"
#include "db/actions.h"
#include "db/minutes.h"
#include "db/meetings.h"
#include "db/casefacts.h"

#endif
