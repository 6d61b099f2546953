/*
 * identity.c -- who is running mappa, and which database they mean.
 *
 * The person is the user whose real uid runs the program, as the system
 * names it (getpwuid); never $USER or getlogin(), which anyone can set or
 * which name the terminal's owner.  --user is for the service account of
 * a shared deployment (sshd forced command, one key per person): it is
 * honoured only when the uid running mappa owns the database file.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/util.h"

const char *
cli_identity(struct cli *c, const char *path)
{
	struct passwd *pw;
	struct stat sb;

	errno = 0;
	if ((pw = getpwuid(getuid())) == NULL || pw->pw_name == NULL) {
		cli_error("cannot tell who you are: uid %ld has no account "
			  "name", (long)getuid());
		return NULL;
	}
	if (str_copy(c->login, pw->pw_name, sizeof c->login) >=
	    sizeof c->login) {
		cli_error("the account name of uid %ld is too long",
			  (long)getuid());
		return NULL;
	}
	if (c->user_opt == NULL)
		return c->login;
	if (stat(path, &sb) != 0) {
		cli_error("--user %s: refused: %s does not exist, and --user "
			  "is honoured only for the owner of the database "
			  "file", c->user_opt, path);
		return NULL;
	}
	if (sb.st_uid != getuid()) {
		cli_error("--user %s: refused: you (%s) do not own %s; only "
			  "the database's service account may act for "
			  "another user", c->user_opt, c->login, path);
		return NULL;
	}
	return c->user_opt;
}

int
cli_path_arg(const struct cli *c, const char *cmd, const char *arg)
{
	if (!c->forced || strcmp(arg, "-") == 0)
		return EXIT_DONE;
	cli_error("%s: refused in a remote command: '%s' names a file on "
		  "the server; use - (standard input or output) and keep "
		  "files on your side of the link", cmd, arg);
	return EXIT_REFUSED;
}

const char *
cli_db_path(const struct cli *c)
{
	return c->ndb > 0 ? c->db[0] : c->default_db;
}

char **
cli_split_words(const char *str, int *argc)
{
	size_t len = strlen(str);
	char **words = calloc(len / 2 + 2, sizeof *words);
	char *buf = malloc(len + 1);
	int n = 0;
	const char *p = str;

	if (words == NULL || buf == NULL)
		goto fail;
	while (*p) {
		char *w = buf;
		bool have = false;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
			have = true;
			if (*p == '\'') {
				for (p++; *p && *p != '\''; p++)
					*w++ = *p;
				if (*p != '\'')
					goto fail;
				p++;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\' && (p[1] == '"' ||
							   p[1] == '\\'))
						p++;
					*w++ = *p;
				}
				if (*p != '"')
					goto fail;
				p++;
			} else if (*p == '\\' && p[1]) {
				*w++ = p[1];
				p += 2;
			} else {
				*w++ = *p++;
			}
		}
		*w = '\0';
		if (have && (words[n++] = strdup(buf)) == NULL)
			goto fail;
	}
	free(buf);
	*argc = n;
	return words;
fail:
	free(buf);
	cli_free_words(words);
	return NULL;
}

void
cli_free_words(char **words)
{
	if (words == NULL)
		return;
	for (char **w = words; *w; w++)
		free(*w);
	free(words);
}
