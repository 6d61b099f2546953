/*
 * report_year.h -- reporting years.  Reporting year Y (written "Y-YY",
 * e.g. 2010-11) runs from Y-04-01 to (Y+1)-03-31; date_report_year()
 * (core/date.h) gives the Y a date falls in.
 */
#ifndef MAPPA_REPORT_YEAR_H
#define MAPPA_REPORT_YEAR_H

#include "core/date.h"

/* The first and the last day of reporting year Y. */
mdate report_year_start(int y);
mdate report_year_end(int y);

/* Accept "2010-11" or "2010" into *Y: 0, or -1 (nothing stored). */
int report_year_parse(const char *s, int *y);

/* Write "2010-11" into BUF (8 bytes); returns BUF. */
char *report_year_format(int y, char *buf);

#endif
