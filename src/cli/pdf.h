/*
 * pdf.h -- a paper as PDF: blocks of text laid out by Pango on A4 pages
 * and written by Cairo (issue 16).
 *
 * The caller adds blocks in order (headings, labelled fields, paragraphs,
 * table rows); pdf_write() lays them out, breaking pages between lines
 * (a heading is kept with what follows it, a table row stays whole) and
 * puts the marking in the header and the footer of every page with
 * "Page N of M".  The only file that includes Pango or Cairo.
 */
#ifndef MAPPA_CLI_PDF_H
#define MAPPA_CLI_PDF_H

#include <stdbool.h>
#include <stdio.h>

struct pdf;

/* A new paper marked MARKING at the top and bottom of every page,
 * titled TITLE (the document's metadata); NULL when out of memory. */
struct pdf *pdf_new(const char *marking, const char *title);

/* Free P (NULL is fine). */
void pdf_free(struct pdf *p);

/* A heading: LEVEL 0 the paper's title, 1 a section, 2 a sub-section. */
void pdf_heading(struct pdf *p, int level, const char *text);

/* LABEL in bold, then VALUE wrapped beside or under it. */
void pdf_field(struct pdf *p, const char *label, const char *value);

/* TEXT as a paragraph indented by INDENT steps (line breaks kept);
 * BOLD for emphasis. */
void pdf_para(struct pdf *p, int indent, bool bold, const char *text);

/* A table row of N cells CELLS, column I WIDTHS[I] of the text width
 * (fractions summing to at most 1); HEADER: the header row, bold. */
void pdf_row(struct pdf *p, int n, const double *widths,
	     const char *const *cells, bool header);

/* Lay P out and write it to OUT; 0, or -1 when writing failed or
 * memory ran out (nothing useful was written). */
int pdf_write(struct pdf *p, FILE *out);

/* Release the font map Pango keeps for the process, once its last
 * paper is written and committed (no pdf_* call after). */
void pdf_release(void);

#endif
