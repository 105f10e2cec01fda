"""
Template filters and tags that write the staff's dates, times and counts in the admin's language: Jalali
dates and Persian digits in the Persian admin (core/dates.py), what Django writes in English.
"""

import re
from datetime import date, time

from django import template
from django.contrib.admin.views.main import PAGE_VAR
from django.utils.html import format_html
from django.utils.translation import get_language, npgettext, pgettext

from core import dates
from core.text import localise_digits

register = template.Library()


@register.filter
def staff_datetime(value: date | time | None) -> str:
    """Return «۱۶ آذر ۱۴۰۵، ساعت ۱۷:۴۶» / "Dec. 7, 2026, 5:46 p.m." (a date alone for a date)."""
    return dates.display(value)


@register.filter
def staff_date(value: date | None) -> str:
    """Return the day alone: «۱۶ آذر ۱۴۰۵» / "Dec. 7, 2026"."""
    return dates.format_date(value, "DATE_FORMAT")


@register.simple_tag
def staff_calendar() -> str:
    """{% staff_calendar as calendar %}: "gregorian" or "jalali", the calendar the admin's language counts in."""
    return dates.calendar_of()


@register.filter
def staff_digits(value) -> str:
    """Write a number, or the digits of a text the admin itself wrote, in the admin language's digits."""
    return "" if value is None else localise_digits(value, get_language())


def counted(count: int, singular: str, plural: str) -> str:
    """
    Return "7 articles" / «۷ مقاله»: the number in the language's digits, then the form of the noun that
    the language puts after that number (Persian keeps the singular), as its catalogue says.
    """
    # Translators: not shown. Answer "singular" or "plural": the form a noun takes after this number in your
    # language (Persian: always "singular", «۷ مقاله»).
    form = npgettext("form of a noun after a number", "singular", "plural", count)
    noun = singular if form == "singular" else plural
    return pgettext("a number of things", "%(count)s %(noun)s") % {"count": staff_digits(count), "noun": noun}


@register.simple_tag
def staff_count(count: int, singular: str, plural: str) -> str:
    """{% staff_count cl.result_count opts.verbose_name opts.verbose_name_plural %}: see counted()."""
    return counted(count, singular, plural)


_FACET_COUNT = re.compile(r" \((\d+)\)$")


@register.filter
def staff_facet(display: str) -> str:
    """Write the count Django appends to a filter choice when counts are shown ("Draft (3)") in local digits."""
    return _FACET_COUNT.sub(lambda match: f" ({staff_digits(match.group(1))})", str(display))


@register.simple_tag
def staff_paginator_number(cl, i) -> str:
    """Django's `paginator_number` (admin_list), with the page's number in the admin language's digits."""
    if i == cl.paginator.ELLIPSIS:
        return format_html("{} ", cl.paginator.ELLIPSIS)
    if i == cl.page_num:
        return format_html('<a role="button" href="" aria-current="page">{}</a> ', staff_digits(i))
    return format_html('<a role="button" href="{}">{}</a> ', cl.get_query_string({PAGE_VAR: i}), staff_digits(i))
