/*
 * Preloaded with the ASan runtime into a server that was not built with it:
 * glibc's bindtextdomain() then deadlocks on its own lock at start-up, so the
 * server's message catalogs are simply not bound.  Messages stay in English,
 * as the regression tests expect anyway.
 */
char	   *bindtextdomain(const char *domain, const char *dir);
char	   *bind_textdomain_codeset(const char *domain, const char *codeset);

char *
bindtextdomain(const char *domain, const char *dir)
{
	(void) domain;
	return (char *) (dir ? dir : "/usr/share/locale");
}

char *
bind_textdomain_codeset(const char *domain, const char *codeset)
{
	(void) domain;
	return (char *) codeset;
}
