"""
What an editor reads in the Persian admin: Jalali dates and Persian digits in lists, filters, history and
forms, counts with the singular noun Persian puts after a number («۱۰ مقاله»); the English admin unchanged.
"""

import re
from datetime import UTC, date, datetime, time
from unittest import mock

import reversion
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import SimpleTestCase, override_settings
from django.urls import reverse
from django.utils import translation
from reversion.models import Revision

from articles.admin import ArticleAdmin
from articles.models import Article
from articles.templatetags.articles_tags import local_date
from core import dates
from core.admin import NewsroomAdmin
from tests.factories import make_article, make_series, make_tag, make_user

from .base import NewsroomAdminTestCase, messages_on, page

LATIN_DIGIT = re.compile(r"[0-9]")
ON_13_AZAR = datetime(2026, 12, 4, 14, 5, tzinfo=UTC)  # 13 Azar 1405
ON_1_AZAR = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)  # the first day of Azar 1405
ON_30_ABAN = datetime(2026, 11, 21, 22, 0, tzinfo=UTC)  # the last of Aban 1405 in UTC; 1 Azar in Tehran


@override_settings(TIME_ZONE="UTC")
class PersianAdminTestCase(NewsroomAdminTestCase):
    """Ten articles: eight in Azar 1405 (one on 13 Azar, 14:05), one on 30 Aban, one draft with no date."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.latest = make_article(headline_en="Tehran's wells", publish_at=ON_13_AZAR, authors=[cls.author])
        for day in range(7):
            make_article(publish_at=ON_1_AZAR.replace(day=22 + day))
        cls.in_aban = make_article(publish_at=ON_30_ABAN)
        cls.draft = make_article(published_ago=None)

    def open_list(self, language: str, query: str = "", user=None):
        self.client.force_login(user or self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(reverse("admin:articles_article_changelist") + query)
        self.assertEqual(response.status_code, 200)
        return page(response)

    def open(self, language: str, url: str, user=None):
        self.client.force_login(user or self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return page(response)

    def date_cells(self, html) -> list[str]:
        """The list's publication dates, in its order (the draft's empty cell left out: PostgreSQL puts it first)."""
        return [cell.text.strip() for cell in html.select("td.field-publish_at") if cell.text.strip() != "-"]

    def month_filter(self, html):
        with translation.override(html.html["lang"]):
            title = str(Article._meta.get_field("publish_at").verbose_name)
        return html.find("details", attrs={"data-filter-title": title})


class ArticleListTests(PersianAdminTestCase):
    def test_the_persian_list_shows_jalali_dates_in_persian_digits(self):
        cells = self.date_cells(self.open_list("fa"))
        self.assertEqual(cells[0], "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        self.assertIn("۳۰ آبان ۱۴۰۵، ساعت ۲۲:۰۰", cells)
        self.assertFalse([cell for cell in cells if LATIN_DIGIT.search(cell)])

    def test_each_date_carries_its_moment_for_machines(self):
        cell = self.open_list("fa").select_one("td.field-publish_at time")
        self.assertEqual(cell["datetime"], "2026-12-04T14:05:00+00:00")

    @override_settings(TIME_ZONE="Asia/Tehran")
    def test_times_are_the_sites_time_zone_as_in_the_english_admin(self):
        self.assertEqual(self.date_cells(self.open_list("fa"))[0], "۱۳ آذر ۱۴۰۵، ساعت ۱۷:۳۵")
        self.assertEqual(self.date_cells(self.open_list("en"))[0], "Dec. 4, 2026, 5:35 p.m.")

    def test_the_english_list_keeps_djangos_gregorian_dates(self):
        html = self.open_list("en")
        self.assertEqual(self.date_cells(html)[0], "Dec. 4, 2026, 2:05 p.m.")
        self.assertIn("10 articles", html.select_one(".paginator").text)

    def test_the_count_is_in_persian_digits_with_the_singular_noun(self):
        paginator = " ".join(self.open_list("fa").select_one(".paginator").text.split())
        self.assertIn("۱۰ مقاله", paginator)
        self.assertNotIn("مقاله‌ها", paginator.replace("صفحه‌بندی مقاله‌ها", ""))
        self.assertFalse(LATIN_DIGIT.search(paginator))

    def test_one_article_is_one_article_in_both_languages(self):
        query = f"?q={self.latest.headline_en.split()[1]}"
        self.assertIn("1 article", " ".join(self.open_list("en", query).select_one(".paginator").text.split()))
        self.assertIn("۱ مقاله", self.open_list("fa", query).select_one(".paginator").text)

    def test_the_date_column_still_sorts(self):
        html = self.open_list("fa")
        header = html.select_one("th.column-publish_at")
        self.assertIn("sortable", header["class"])
        ascending = self.open_list("fa", header.select_one("div.text a")["href"])
        dated = self.date_cells(ascending)
        self.assertEqual((dated[0], dated[-1]), ("۳۰ آبان ۱۴۰۵، ساعت ۲۲:۰۰", "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵"))

    def test_page_numbers_are_persian_but_their_addresses_are_not(self):
        with mock.patch.object(ArticleAdmin, "list_per_page", 4):
            html = self.open_list("fa")
        links = html.select(".paginator a[role=button]")
        self.assertEqual([link.text for link in links], ["۱", "۲", "۳"])
        self.assertIn("p=2", links[1]["href"])
        self.assertIn("۱۰ مقاله", html.select_one(".paginator").text)

    def test_search_counts_are_in_persian_digits(self):
        counts = self.open_list("fa", "?q=wells").select_one("#changelist-search .quiet").text
        self.assertIn("۱ نتیجه", counts)
        self.assertIn("۱۰", counts)
        self.assertFalse(LATIN_DIGIT.search(counts))

    def test_the_selection_counter_is_written_in_persian_digits_on_the_page_and_by_its_script(self):
        html = self.open_list("fa")
        self.assertEqual(html.select_one(".action-counter").text.strip(), "۰ از ۱۰ انتخاب شده‌اند")
        script = html.find("script", src=re.compile(r"admin_newsroom/local_digits\.js$"))
        self.assertEqual(script["data-digits"], "۰۱۲۳۴۵۶۷۸۹")
        self.assertTrue(script.get("nonce"))
        self.assertIsNone(self.open_list("en").find("script", src=re.compile(r"local_digits\.js$")))


class BulkActionMessageTests(PersianAdminTestCase):
    def test_a_bulk_action_reports_its_count_in_persian_digits_with_the_singular_noun(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        drafts = [make_article(published_ago=None) for _ in range(2)]
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [draft.pk for draft in drafts]},
            follow=True,
        )
        self.assertIn("۲ مقاله منتشر شد.", messages_on(response))
        self.assertEqual(Article.objects.published().filter(pk__in=[draft.pk for draft in drafts]).count(), 2)

    def test_the_english_admin_reports_it_in_latin_digits(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        drafts = [make_article(published_ago=None) for _ in range(2)]
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [draft.pk for draft in drafts]},
            follow=True,
        )
        self.assertIn("2 articles published.", messages_on(response))


class DeletionSummaryTests(PersianAdminTestCase):
    def test_the_deletion_summary_counts_in_persian_digits(self):
        html = self.open("fa", reverse("admin:articles_article_delete", args=[self.latest.pk]))
        summary = " ".join(item.get_text() for item in html.select("#content ul li") if ":" in item.get_text())
        self.assertIn("۱", summary)
        self.assertFalse(LATIN_DIGIT.search(summary), summary)


class MonthFilterTests(PersianAdminTestCase):
    def test_the_persian_filter_lists_jalali_months_newest_first(self):
        choices = [link.text.strip() for link in self.month_filter(self.open_list("fa")).select("a")]
        self.assertEqual(choices, ["هر تاریخی", "آذر ۱۴۰۵", "آبان ۱۴۰۵", "بدون تاریخ", "دارای تاریخ"])

    def test_a_jalali_month_holds_the_articles_of_that_month_only(self):
        html = self.open_list("fa")
        link = next(a for a in self.month_filter(html).select("a") if a.text.strip() == "آبان ۱۴۰۵")
        filtered = self.open_list("fa", link["href"])
        self.assertEqual(self.date_cells(filtered), ["۳۰ آبان ۱۴۰۵، ساعت ۲۲:۰۰"])
        self.assertIn("selected", self.month_filter(filtered).find("a", string="آبان ۱۴۰۵").parent["class"])

    @override_settings(TIME_ZONE="Asia/Tehran")
    def test_months_begin_at_midnight_in_the_sites_time_zone(self):
        choices = [link.text.strip() for link in self.month_filter(self.open_list("fa")).select("a")]
        self.assertNotIn("آبان ۱۴۰۵", choices)  # 22:00 UTC on 21 November is 1 Azar in Tehran

    def test_the_english_filter_lists_gregorian_months(self):
        choices = [link.text.strip() for link in self.month_filter(self.open_list("en")).select("a")]
        self.assertEqual(choices, ["Any date", "December 2026", "November 2026", "No date", "Has date"])

    def test_months_before_the_latest_twelve_are_offered_by_year(self):
        for year, month in [(2024, 3), (2024, 9), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2025, 5),
                            (2025, 6), (2025, 7), (2025, 8), (2025, 9), (2025, 10), (2025, 11)]:  # fmt: skip
            make_article(publish_at=datetime(year, month, 10, tzinfo=UTC))
        choices = [link.text.strip() for link in self.month_filter(self.open_list("fa")).select("a")]
        self.assertEqual(choices[1:4], ["آذر ۱۴۰۵", "آبان ۱۴۰۵", "آبان ۱۴۰۴"])
        self.assertEqual(choices[-4:], ["۱۴۰۳", "۱۴۰۲", "بدون تاریخ", "دارای تاریخ"])

    def test_no_newsroom_list_drills_down_by_gregorian_dates(self):
        hierarchies = [model_admin.date_hierarchy for model_admin in admin.site._registry.values()
                       if isinstance(model_admin, NewsroomAdmin)]  # fmt: skip
        self.assertEqual([field for field in hierarchies if field], [])

    def test_a_packages_gregorian_drill_down_says_so_in_persian_digits(self):
        boss = make_user("boss", is_staff=True, is_superuser=True)
        AccessAttempt.objects.create(username="intruder", ip_address="192.0.2.1", user_agent="curl",
                                     attempt_time=ON_13_AZAR, failures_since_start=3)  # fmt: skip
        html = self.open("fa", reverse("admin:axes_accessattempt_changelist"), user=boss)
        hierarchy = html.select_one("nav.toplinks")
        self.assertIn("تقویم میلادی", hierarchy.text)
        self.assertFalse(LATIN_DIGIT.search(hierarchy.text))
        self.assertIn("۲۰۲۶", hierarchy.text)

    def test_counts_beside_filter_choices_are_in_persian_digits(self):
        filters = self.open_list("fa", "?_facets=True").select_one("#changelist-filter")
        self.assertIn("منتشرشده (۹)", [link.text.strip() for link in filters.select("a")])
        self.assertIn("آذر ۱۴۰۵ (۸)", [link.text.strip() for link in filters.select("a")])


class HistoryTests(PersianAdminTestCase):
    def test_the_history_page_dates_are_jalali(self):
        with reversion.create_revision():
            reversion.set_user(self.editor)
            self.latest.save()
        Revision.objects.update(date_created=ON_13_AZAR)
        html = self.open("fa", reverse("admin:articles_article_history", args=[self.latest.pk]))
        self.assertEqual(html.select_one("#change-history tbody th").text.strip(), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        html = self.open("en", reverse("admin:articles_article_history", args=[self.latest.pk]))
        self.assertEqual(html.select_one("#change-history tbody th").text.strip(), "Dec. 4, 2026, 2:05 p.m.")

    def test_djangos_own_history_page_dates_are_jalali_with_a_persian_count(self):
        boss = make_user("boss", is_staff=True, is_superuser=True)
        group = Group.objects.create(name="Night desk")
        LogEntry.objects.create(user=boss, content_type=ContentType.objects.get_for_model(Group), object_id=group.pk,
                                object_repr=str(group), action_flag=ADDITION, action_time=ON_13_AZAR)  # fmt: skip
        html = self.open("fa", reverse("admin:auth_group_history", args=[group.pk]), user=boss)
        self.assertEqual(html.select_one("#change-history tbody th").text.strip(), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        self.assertIn("۱ مورد", html.select_one("#change-history .paginator").text)

    def test_deleted_objects_are_listed_by_jalali_date(self):
        with reversion.create_revision():
            tag = make_tag(name_en="Drought")
        tag.delete()
        Revision.objects.update(date_created=ON_13_AZAR)
        html = self.open("fa", reverse("admin:articles_tag_recoverlist"))
        self.assertEqual(html.select_one("#change-history tbody th").text.strip(), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")


class FormTests(PersianAdminTestCase):
    def test_publication_inputs_keep_iso_values_and_read_the_day_beneath_in_jalali(self):
        html = self.open("fa", self.change_url(self.latest))
        self.assertEqual(html.find("input", attrs={"name": "publish_at_0"})["value"], "2026-12-04")
        reading = html.select_one(".datetime-reading")
        self.assertEqual(reading.text, "برابر با ۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        date_input = html.find("input", attrs={"name": "publish_at_0"})
        self.assertIn(reading["id"], date_input["aria-describedby"].split())

    def test_the_english_form_needs_no_reading(self):
        html = self.open("en", self.change_url(self.latest))
        self.assertIsNone(html.select_one(".datetime-reading"))

    def test_a_form_shown_again_reads_the_time_as_typed(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.post(
            self.change_url(self.latest), {"publish_at_0": "2026-03-21", "publish_at_1": "09:30"}
        )
        self.assertEqual(page(response).select_one(".datetime-reading").text, "برابر با ۱ فروردین ۱۴۰۵، ساعت ۹:۳۰")

    def test_an_author_reads_the_publication_time_in_jalali_and_cannot_post_it(self):
        own = make_article(publish_at=ON_13_AZAR, status=Article.Status.DRAFT, authors=[self.author])
        html = self.open("fa", self.change_url(own), user=self.author_user)
        self.assertEqual(html.select_one(".field-publication_time .readonly").text.strip(), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        self.assertIsNone(html.find("input", attrs={"name": "publish_at_0"}))

    def test_series_list_shows_its_creation_day_in_jalali_and_its_count_in_persian_digits(self):
        series = make_series()
        type(series).objects.filter(pk=series.pk).update(created_at=ON_13_AZAR)
        self.latest.series = series
        self.latest.save()
        html = self.open("fa", reverse("admin:series_series_changelist"))
        self.assertEqual(html.select_one("td.field-created_at").text.strip(), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵")
        self.assertEqual(html.select_one("td.field-article_count").text.strip(), "۱")


class DateRuleTests(SimpleTestCase):
    """One rule for readers and staff: Django's format for the language, in its calendar and digits."""

    def test_a_persian_date_is_jalali_with_persian_digits_and_an_unpadded_day(self):
        self.assertEqual(dates.format_date(date(2026, 3, 21), "DATE_FORMAT", "fa"), "۱ فروردین ۱۴۰۵")
        self.assertEqual(dates.format_date(date(2026, 3, 20), "DATE_FORMAT", "fa"), "۲۹ اسفند ۱۴۰۴")

    def test_the_readers_date_and_the_staffs_follow_the_same_rule(self):
        with translation.override("fa"):
            self.assertEqual(local_date(date(2026, 12, 4)), "۱۳ آذر ۱۴۰۵")
            self.assertEqual(dates.display(date(2026, 12, 4)), "۱۳ آذر ۱۴۰۵")
        with translation.override("en"):
            self.assertEqual(local_date(date(2026, 12, 4)), "4 December 2026")

    def test_other_format_characters_read_the_jalali_calendar(self):
        self.assertEqual(dates.format_date(date(2026, 12, 4), "l، Y/m/d", "fa"), "جمعه، ۱۴۰۵/۰۹/۱۳")
        self.assertEqual(dates.format_date(time(9, 5), "TIME_FORMAT", "fa"), "۹:۰۵")

    @override_settings(TIME_ZONE="UTC")
    def test_the_desks_filter_writes_a_moment_for_the_staff(self):
        template = Template("{% load staff_dates %}{{ when|staff_datetime }} · {% staff_count 3 'item' 'items' %}")
        with translation.override("fa"):
            self.assertEqual(template.render(Context({"when": ON_13_AZAR})), "۱۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵ · ۳ item")
        with translation.override("en"):
            self.assertEqual(template.render(Context({"when": ON_13_AZAR})), "Dec. 4, 2026, 2:05 p.m. · 3 items")
