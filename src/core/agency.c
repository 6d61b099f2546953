/*
 * agency.c -- the lead agencies (agency.h).
 */
#include "config.h"

#include <string.h>

#include "core/agency.h"
#include "core/util.h"

const char *const lead_agencies[LEAD_AGENCY_COUNT + 1] = {
	"police", "probation", "prison", "yot", "health", "other", NULL
};

bool
lead_agency_valid(const char *code)
{
	for (size_t i = 0; i < LEAD_AGENCY_COUNT; i++)
		if (strcmp(code, lead_agencies[i]) == 0)
			return true;
	return false;
}

const char *
lead_agency_list(void)
{
	static char list[128];

	if (list[0] == '\0') {
		struct strbuf sb;

		sb_init(&sb);
		for (size_t i = 0; i < LEAD_AGENCY_COUNT; i++)
			sb_printf(&sb, "%s%s", i == 0 ? ""
				  : i + 1 < LEAD_AGENCY_COUNT ? ", " : " or ",
				  lead_agencies[i]);
		str_copy(list, sb_str(&sb), sizeof list);
		sb_free(&sb);
	}
	return list;
}
