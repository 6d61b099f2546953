/*
 * minutes.c -- the headings of a case's minutes (minutes.h).
 */
#include "config.h"

#include "core/minutes.h"

const struct minutes_heading minutes_headings[MINUTES_TEXTS] = {
	[MINUTES_DECISION] = { "decision", "Decision", "Decision" },
	[MINUTES_RATIONALE] = { "rationale", "Rationale", "Rationale" },
	[MINUTES_DISSENT] = { "dissent", "Dissent", "Dissent" },
	[MINUTES_RMP_SUPERVISION] = { "rmp_supervision", "RMP: supervision",
				      "Supervision" },
	[MINUTES_RMP_MONITORING] = { "rmp_monitoring",
				     "RMP: monitoring and control",
				     "Monitoring and control" },
	[MINUTES_RMP_INTERVENTIONS] = { "rmp_interventions",
					"RMP: interventions and treatment",
					"Interventions and treatment" },
	[MINUTES_RMP_VICTIM_SAFETY] = { "rmp_victim_safety",
					"RMP: victim safety",
					"Victim safety" },
	[MINUTES_CONTINGENCIES] = { "contingencies", "Contingencies",
				    "Contingencies" },
	[MINUTES_VICTIM_ISSUES] = { "victim_issues", "Victim issues",
				    "Victim issues" },
	[MINUTES_DISCLOSURE] = { "disclosure", "Disclosure", "Disclosure" },
};
