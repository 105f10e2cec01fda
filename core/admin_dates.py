"""
The admin's dates and counts in its language (core/dates.py): sortable change-list columns, a filter by
month in the language's calendar, and date-and-time inputs that say which Jalali day they hold.
"""

from datetime import date, datetime, time

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from . import dates
from .structured_data import iso_datetime
from .text import localise_digits


def count_text(value: int | None) -> str | None:
    """Return a count (a list column's "articles") in the admin language's digits: «۱۲»."""
    return None if value is None else localise_digits(value, get_language())


def date_html(value: date | None) -> str | None:
    """Return a date or datetime as the admin shows it, in a <time> element (None for no value)."""
    if value is None:
        return None
    machine = iso_datetime(value) if isinstance(value, datetime) else value.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, dates.display(value))


def date_column(model, field_name: str):
    """Return a change-list column showing a date field in the admin language's calendar, sortable by it."""

    @admin.display(description=model._meta.get_field(field_name).verbose_name, ordering=field_name)
    def column(obj):
        return date_html(getattr(obj, field_name))

    column.__name__ = field_name  # the column keeps Django's class, "column-<field>"
    return column


class MonthListFilter(admin.DateFieldListFilter):
    """
    Filter a date field by month in the admin language's calendar: Jalali months in Persian («آذر ۱۴۰۵»),
    Gregorian in English ("December 2026"), newest first; months older than the latest twelve are offered
    by year. It stands in for `date_hierarchy`, whose year and month lookups are Gregorian by construction
    (a Jalali month spans two Gregorian ones). Choices are ranges of the field (`__gte`, `__lt`), so a link
    chosen in one language filters the same articles in the other.
    """

    recent_months = 12

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        any_date = self.links[0]  # then Django's Gregorian today, past 7 days, this month and this year: left out
        by_null = [link for link in self.links if self.lookup_kwarg_isnull in link[1]]
        self.links = (any_date, *self.month_links(model_admin.get_queryset(request), field, field_path), *by_null)

    def month_links(self, queryset, field, field_path: str) -> list[tuple[str, dict]]:
        queryset = queryset.select_related(None).prefetch_related(None)
        if isinstance(field, models.DateTimeField):
            days = [timezone.localtime(moment).date() for moment in queryset.datetimes(field_path, "day", "DESC")]
        else:
            days = list(queryset.dates(field_path, "day", "DESC"))
        months = list(dict.fromkeys(dates.month_start(day) for day in days))
        recent, older = months[: self.recent_months], months[self.recent_months :]
        years = list(dict.fromkeys(dates.year_start(month) for month in older))
        return [
            *(self.link(field, dates.format_date(start, "YEAR_MONTH_FORMAT"), start, dates.next_month(start))
              for start in recent),
            *(self.link(field, dates.format_date(start, "Y"), start, dates.next_year(start)) for start in years),
        ]  # fmt: skip

    def link(self, field, title: str, start: date, end: date) -> tuple[str, dict]:
        if isinstance(field, models.DateTimeField):
            start, end = (timezone.make_aware(datetime.combine(day, time.min)) for day in (start, end))
        return title, {self.lookup_kwarg_since: start, self.lookup_kwarg_until: end}


class DateTimeWithReading(AdminSplitDateTime):
    """
    Django's date and time inputs (ISO values, typed and picked as ever), with the moment they hold read
    beneath them when the admin's language counts days in another calendar: «برابر با ۱۶ آذر ۱۴۰۵، ساعت ۱۷:۴۶».
    """

    template_name = "core/widgets/split_datetime_reading.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        reading = self.reading(value)
        context["widget"]["reading"] = reading
        if reading:
            reading_id = f"{context['widget']['attrs'].get('id') or name}_reading"
            context["widget"]["reading_id"] = reading_id
            for subwidget in context["widget"]["subwidgets"]:
                described = subwidget["attrs"].get("aria-describedby", "")
                subwidget["attrs"]["aria-describedby"] = f"{described} {reading_id}".strip()
        return context

    def reading(self, value) -> str:
        if dates.calendar_of() == "gregorian":
            return ""  # the inputs already read in this calendar
        if isinstance(value, list | tuple):  # as posted: read it as the form will
            try:
                value = forms.SplitDateTimeField().clean(value)
            except ValidationError:
                return ""
        if not isinstance(value, datetime):
            return ""
        return gettext("That is %(date)s") % {"date": dates.display(value)}
