/*
 * draw.c -- putting text on the screen: measured in columns, never split
 * inside a character, never sending a control character raw.
 *
 * Everything the screens show goes through ui_put(), which walks the text
 * with text_next() (text.c): printable characters go out as wide
 * characters, anything else as its visible escape in the escape role.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "core/util.h"
#include "ui/text.h"
#include "ui/ui.h"

char *
ui_fmt(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return buf;
}

char *
ui_count(char *buf, size_t n, int64_t v)
{
	char digits[32];
	size_t len, out = 0;

	snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -v : v));
	len = strlen(digits);
	if (v < 0 && out + 1 < n)
		buf[out++] = '-';
	for (size_t i = 0; i < len && out + 1 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0 && out + 2 < n)
			buf[out++] = ',';
		buf[out++] = digits[i];
	}
	buf[out] = '\0';
	return buf;
}

static int clip_top = 0, clip_bottom = 1 << 30;

void
ui_clip(int top, int bottom)
{
	clip_top = top;
	clip_bottom = bottom;
}

void
ui_clip_off(void)
{
	ui_clip(0, 1 << 30);
}

void
ui_blank(int y, int x, int width, attr_t attr)
{
	if (width <= 0 || y < clip_top || y > clip_bottom)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int
ui_put(int y, int x, int width, const char *s, attr_t attr, unsigned flags)
{
	size_t len = strlen(s), fit, at = 0;
	int total, used = 0, lead = 0;
	bool cut;

	if (width <= 0)
		return 0;
	if (y < clip_top || y > clip_bottom)
		return (flags & PUT_PAD) ? width : 0;
	total = text_width(s);
	cut = total > width;
	fit = text_fit(s, cut && (flags & PUT_ELLIPSIS) ? width - 1 : width,
		       NULL);
	if ((flags & PUT_RIGHT) && !cut)
		lead = width - total;
	move(y, x);
	attrset(attr);
	if (lead > 0) {
		hline(' ', lead);
		move(y, x + lead);
		used = lead;
	}
	while (at < fit) {
		struct text_unit u;

		text_next(s + at, len - at, &u);
		if (u.escaped) {
			attrset(ui_attr(R_ESCAPE));
			addnstr(u.esc, (int)strlen(u.esc));
			attrset(attr);
		} else {
			wchar_t w[2] = { u.wc, 0 };

			addnwstr(w, 1);
		}
		used += u.width;
		at += u.len;
	}
	if (cut && (flags & PUT_ELLIPSIS) && used < width) {
		wchar_t e[2] = { text_utf8() ? 0x2026 : '~', 0 };

		addnwstr(e, 1);
		used++;
	}
	if ((flags & PUT_PAD) && used < width)
		hline(' ', width - used);
	attrset(A_NORMAL);
	return (flags & PUT_PAD) ? width : used;
}
