// The words of Django's admin scripts (the date and time pickers) that Django's own Persian catalogue leaves
// untranslated in 6.1, listed so that `make messages` keeps them in our djangojs catalogue, which the admin's
// jsi18n view serves over Django's. Without them the Persian admin showed "Sunday" in its calendar and named
// its «امروز» link "Today (…)" (axe: label-content-name-mismatch). Never loaded by a page.
/* global gettext_noop, ngettext, pgettext */
"use strict";
gettext_noop("server");
ngettext(
  "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)",
  "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)",
  1
);
ngettext(
  "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)",
  "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
  1
);
gettext_noop("Today (%(date)s)");
gettext_noop("Yesterday (%(date)s)");
gettext_noop("Tomorrow (%(date)s)");
gettext_noop("Previous (%(month)s %(year)s)");
gettext_noop("Next (%(month)s %(year)s)");
gettext_noop("%(month)s %(day)s, %(year)s");
gettext_noop("%s (today, current selection)");
gettext_noop("%s (today)");
gettext_noop("%s (current selection)");
gettext_noop("Sunday");
gettext_noop("Monday");
gettext_noop("Tuesday");
gettext_noop("Wednesday");
gettext_noop("Thursday");
gettext_noop("Friday");
gettext_noop("Saturday");
pgettext("abbrev. day Sunday", "Sun");
pgettext("abbrev. day Monday", "Mon");
pgettext("abbrev. day Tuesday", "Tue");
pgettext("abbrev. day Wednesday", "Wed");
pgettext("abbrev. day Thursday", "Thur");
pgettext("abbrev. day Friday", "Fri");
pgettext("abbrev. day Saturday", "Sat");
