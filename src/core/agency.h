/*
 * agency.h -- the lead agencies: the agency leading an offender's
 * management (interchange.md's lead_agency column), one table that the
 * data layer's check, the importer, the schema's newer code and the
 * identity form all read.  (The agencies that sit at MAPP meetings and own
 * actions are core/agenda.h's.)
 */
#ifndef MAPPA_AGENCY_H
#define MAPPA_AGENCY_H

#include <stdbool.h>

#define LEAD_AGENCY_COUNT 6

/* The lead agencies' codes, in the order forms offer them; NULL after
 * the last. */
extern const char *const lead_agencies[LEAD_AGENCY_COUNT + 1];

/* Whether CODE is a lead agency's. */
bool lead_agency_valid(const char *code);

/* The codes for a sentence: "police, probation, prison, yot, health or
 * other". */
const char *lead_agency_list(void);

#endif
