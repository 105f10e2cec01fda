"""
The one rule for writing a date or a time in a language, for readers and staff alike: Django's format for
the language (its DATE_FORMAT, DATETIME_FORMAT, … or a format string), read in the language's calendar
(the registry's `calendar`: Jalali for Persian) and written in its digits. Datetimes are shown in the
current time zone (the site's TIME_ZONE), as Django's admin shows them.

Django's `date` filter never gives a Jalali date: its `fa` locale writes «۷ دسامبر ۲۰۲۶» with Latin digits
and Gregorian months («دسامبر»). Here the same format characters are read from persiantools' JalaliDate.
"""

from datetime import date, datetime, time, timedelta

from django.utils import dateformat, formats, timezone, translation
from persiantools.jdatetime import JalaliDate

from .languages import LANGUAGES
from .text import localise_digits


def calendar_of(language: str | None = None) -> str:
    """Return the calendar a language's dates are shown in: "gregorian" or "jalali"."""
    code = language or translation.get_language()
    return LANGUAGES[code].calendar if code in LANGUAGES else "gregorian"


class JalaliDateFormat(dateformat.DateFormat):
    """Django's date format characters read in the Jalali calendar (time characters are Django's own)."""

    def __init__(self, obj: date, language: str):
        super().__init__(obj)
        self.jalali = JalaliDate(obj.date() if isinstance(obj, datetime) else obj, locale=language)

    def d(self):
        return f"{self.jalali.day:02d}"

    def j(self):
        return self.jalali.day

    def m(self):
        return f"{self.jalali.month:02d}"

    def n(self):
        return self.jalali.month

    def F(self):
        return self.jalali.strftime("%B")

    # Persian has no abbreviated or possessive month names: the Jalali month is written in full.
    b = E = M = N = F

    def l(self):  # noqa: E743 -- Django's name for the weekday character
        return self.jalali.strftime("%A")

    D = l

    def S(self):
        return ""  # English ordinal suffixes ("st", "nd") have no Jalali counterpart

    def L(self):
        return self.jalali.is_leap(self.jalali.year)

    def t(self):
        return self.jalali.days_in_month(self.jalali.month, self.jalali.year)

    def y(self):
        return f"{self.jalali.year % 100:02d}"

    def Y(self):
        return f"{self.jalali.year:04d}"

    def z(self):
        return self.jalali.toordinal() - JalaliDate(self.jalali.year, 1, 1).toordinal() + 1


def format_date(value: date | time | None, format: str = "DATE_FORMAT", language: str | None = None) -> str:
    """
    Return a date, datetime or time written for a language (the active one by default): `format` is a
    Django format name ("DATETIME_FORMAT") or a format string ("j F Y"). "" for None.
    """
    if value is None:
        return ""
    code = language or translation.get_language()
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    with translation.override(code):
        pattern = formats.get_format(format, lang=code)
        if isinstance(value, time):
            text = dateformat.time_format(value, pattern)
        elif calendar_of(code) == "jalali":
            text = JalaliDateFormat(value, code).format(pattern)
        else:
            text = dateformat.format(value, pattern)
    return localise_digits(text, code)


def display(value: date | time | None, language: str | None = None) -> str:
    """Return a value as the admin shows it: a datetime with its time, a date or a time alone."""
    if isinstance(value, datetime):
        return format_date(value, "DATETIME_FORMAT", language)
    if isinstance(value, time):
        return format_date(value, "TIME_FORMAT", language)
    return format_date(value, "DATE_FORMAT", language)


def month_start(day: date, language: str | None = None) -> date:
    """Return the first day of the month holding `day`, in the language's calendar."""
    if calendar_of(language) == "jalali":
        jalali = JalaliDate(day)
        return JalaliDate(jalali.year, jalali.month, 1).to_gregorian()
    return day.replace(day=1)


def year_start(day: date, language: str | None = None) -> date:
    """Return the first day of the year holding `day`, in the language's calendar."""
    if calendar_of(language) == "jalali":
        return JalaliDate(JalaliDate(day).year, 1, 1).to_gregorian()
    return day.replace(month=1, day=1)


def next_month(start: date, language: str | None = None) -> date:
    """Return the first day of the month after the one starting on `start`."""
    return month_start(start + timedelta(days=31), language)


def next_year(start: date, language: str | None = None) -> date:
    """Return the first day of the year after the one starting on `start`."""
    return year_start(start + timedelta(days=366), language)
