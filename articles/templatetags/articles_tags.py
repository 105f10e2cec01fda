"""Template filters that write numbers, dates and reading times the way each language's readers expect."""

from datetime import date, datetime

from django import template
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import ngettext
from persiantools.jdatetime import JalaliDate

from articles.text import localise_digits

register = template.Library()


@register.filter
def local_digits(value) -> str:
    """Write a number (or any text's digits) in the active language's digits."""
    if value is None:
        return ""
    return localise_digits(value, translation.get_language())


@register.filter
def local_date(value: datetime | date | None) -> str:
    """Return "22 November 2026" in English and the Jalali «۱ آذر ۱۴۰۵» in Persian."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    if translation.get_language() == "fa":
        jalali = JalaliDate(value)
        month = jalali.strftime("%B", locale="fa")
        return f"{localise_digits(jalali.day, 'fa')} {month} {localise_digits(jalali.year, 'fa')}"
    return format_date(value, "j F Y")


@register.filter
def iso_datetime(value: datetime | None) -> str:
    """Return the machine-readable form for <time datetime=…> and structured data."""
    return value.isoformat(timespec="seconds") if value else ""


@register.filter
def reading_time(minutes: int | None) -> str:
    """Return "9 min read" / «۹ دقیقه مطالعه»."""
    if not minutes:
        return ""
    text = ngettext("%(minutes)s min read", "%(minutes)s min read", minutes)
    return text % {"minutes": local_digits(minutes)}
