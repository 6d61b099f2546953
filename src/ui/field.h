/*
 * field.h -- one field of a form: its text and cursor, or its choice, and
 * what is wrong with it.  Editing works on UTF-8 characters, never bytes,
 * and refuses what must not be typed (control and invisible characters)
 * or does not fit.
 *
 * No curses here: form.c draws fields and feeds them keys; the rules of
 * each form (form_model.c) fill in their errors; the tests drive them directly.
 */
#ifndef MAPPA_FIELD_H
#define MAPPA_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum field_kind {
	FIELD_TEXT,   /* a line of text */
	FIELD_DATE,   /* a line of text that must read YYYY-MM-DD */
	FIELD_CHOICE  /* one of a fixed list, stepped through */
};

struct field {
	const char *name;   /* stable name, as the data layer names it */
	const char *label;  /* shown before it */
	const char *help;   /* one line shown while it has the focus */
	enum field_kind kind;
	size_t max;         /* bytes a text may take */
	bool required;
	bool hidden;        /* not part of the form just now */
	bool changed;       /* edited since it was filled */
	/* A text, owned, always terminated: */
	char *text;
	size_t len, cap;
	size_t cur;         /* the cursor, a byte offset on a character */
	size_t scroll;      /* the first byte shown (form.c keeps it) */
	/* A choice: */
	const char *const *choices; /* labels, ending with NULL */
	int nchoices, choice;
	/* What is wrong, or NULL: */
	const char *error;
	char errbuf[200];
};

/* Make F a text (or date) field, empty. */
void field_init_text(struct field *f, const char *name, const char *label,
		     enum field_kind kind, size_t max, bool required,
		     const char *help);

/* Make F a choice among CHOICES (NULL-terminated), at INITIAL. */
void field_init_choice(struct field *f, const char *name, const char *label,
		       const char *const *choices, int initial,
		       const char *help);

void field_free(struct field *f);

/* Replace the text, whole (the size limits only typing, so that opening
 * stored text never alters it); the cursor goes to the end.  Returns 0,
 * or -1 when out of memory. */
int field_set(struct field *f, const char *text);

/* The text, or for a choice its label; never NULL. */
const char *field_text(const struct field *f);

/* Whether the field holds nothing but blanks. */
bool field_blank(const struct field *f);

/*
 * Editing.  Each returns true when the field changed (or, for moves,
 * when the cursor moved); false when the key does nothing here -- a
 * character that may not be typed or does not fit, a move at the edge.
 */
bool field_insert(struct field *f, wchar_t wc);
bool field_backspace(struct field *f);
bool field_delete(struct field *f);
bool field_left(struct field *f);
bool field_right(struct field *f);
bool field_home(struct field *f);
bool field_end(struct field *f);
bool field_kill_start(struct field *f); /* Ctrl-U: before the cursor */
bool field_kill_end(struct field *f);   /* Ctrl-K: from the cursor on */
bool field_kill_word(struct field *f);  /* Ctrl-W: the word before it */
bool field_step(struct field *f, int delta); /* a choice, cyclically */

/* Set or clear (FMT NULL) what is wrong with F. */
void field_error(struct field *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
