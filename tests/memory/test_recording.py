"""Recording: a confirmed translation teaches the memory, through the desk's real "Save and confirm"."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from desk import state
from memory.matching import matches
from memory.models import Segment
from tests.admin.base import NewsroomAdminTestCase, form_values
from tests.factories import make_article

BODY_EN = "<h2>The dam</h2><p>The reservoir is full. Farmers are glad.</p>"


class RecordingOnConfirmTests(NewsroomAdminTestCase):
    def confirm_on_the_desk(self, user, article, language, **changes):
        url = reverse("desk:translate", args=["articles", "article", article.pk])
        self.client.force_login(user)
        data = form_values(self.client.get(f"{url}?language={language}"))
        data.update(changes)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)

    def test_a_persian_translators_confirm_records_the_english_to_persian_pairs(self):
        article = make_article(languages=("en",), headline_en="The dam is full", body_en=BODY_EN)
        self.confirm_on_the_desk(
            self.translator,
            article,
            "fa",
            headline_fa="سد پر است",
            standfirst_fa="چرا سطح آب پایین می‌رود.",
            body_fa="<h2>سد</h2><p>مخزن پر است. کشاورزان خوشحال‌اند.</p>",
        )
        stored = Segment.objects.filter(object_id=article.pk)
        self.assertEqual({(row.source_language, row.target_language) for row in stored}, {("en", "fa")})
        self.assertEqual({row.recorded_by for row in stored}, {self.translator})
        [match] = matches("Farmers are glad.", source_language="en", target_language="fa")
        self.assertEqual((match.target, match.exact), ("کشاورزان خوشحال‌اند.", True))
        self.assertIn("translator", match.origin)
        self.assertEqual(matches("سد پر است", source_language="fa", target_language="en"), [])

    def test_confirming_again_replaces_the_pairs_instead_of_adding_them(self):
        article = make_article(languages=("en",), headline_en="The dam is full", body_en=BODY_EN)
        body_fa = "<h2>سد</h2><p>مخزن پر است. کشاورزان خوشحال‌اند.</p>"
        self.confirm_on_the_desk(self.translator, article, "fa", headline_fa="سد پر است", body_fa=body_fa)
        count = Segment.objects.count()
        self.confirm_on_the_desk(self.translator, article, "fa", headline_fa="سد لبریز است", body_fa=body_fa)
        self.assertEqual(Segment.objects.count(), count)
        [match] = matches("The dam is full", source_language="en", target_language="fa")
        self.assertEqual(match.target, "سد لبریز است")

    def test_an_english_translators_confirm_records_only_persian_to_english(self):
        article = make_article(languages=("fa",), headline_fa="سد پر است", body_fa="<p>مخزن پر است.</p>")
        self.confirm_on_the_desk(
            self.en_translator,
            article,
            "en",
            headline_en="The dam is full",
            standfirst_en="Why.",
            body_en="<p>The reservoir is full.</p>",
        )
        self.assertEqual(
            set(Segment.objects.values_list("source_language", "target_language").distinct()), {("fa", "en")}
        )
        [match] = matches("مخزن پر است.", source_language="fa", target_language="en")
        self.assertEqual(match.target, "The reservoir is full.")

    def test_a_save_whose_source_moved_meanwhile_teaches_nothing(self):
        article = make_article(languages=("en",), headline_en="The dam is full", body_en=BODY_EN)
        url = reverse("desk:translate", args=["articles", "article", article.pk])
        self.client.force_login(self.translator)
        data = form_values(self.client.get(f"{url}?language=fa"))
        article.headline_en = "The dam is nearly full"
        article.save()  # an editor changes the source while the translator works
        data.update(headline_fa="سد پر است", body_fa="<h2>سد</h2><p>مخزن پر است. کشاورزان خوشحال‌اند.</p>")
        self.client.post(url, data)
        self.assertFalse(Segment.objects.filter(object_id=article.pk, target_language="fa").exists())


class ForgettingTests(NewsroomAdminTestCase):
    def test_deleting_an_article_removes_what_the_memory_learned_from_it(self):
        article = make_article(headline_en="Water rights", headline_fa="حق آبه")
        kept = make_article(headline_en="Wheat harvest", headline_fa="برداشت گندم")
        for each in (article, kept):
            state.confirm(each, "fa", by=self.translator)
        article.delete()
        self.assertEqual(matches("Water rights", source_language="en", target_language="fa"), [])
        self.assertEqual(matches("Wheat harvest", source_language="en", target_language="fa")[0].target, "برداشت گندم")


class RecordingFromTheAdminTests(NewsroomAdminTestCase):
    def test_a_translators_save_and_confirm_in_the_admin_teaches_the_memory(self):
        article = make_article(languages=("en",), headline_en="The dam is full", body_en=BODY_EN)
        data = self.open_form(self.translator, article)
        data.update(
            headline_fa=["سد پر است"],
            standfirst_fa=["چرا."],
            body_fa=["<h2>سد</h2><p>مخزن پر است. کشاورزان خوشحال‌اند.</p>"],
            _confirm_translation=["1"],
        )
        self.post_form(self.translator, article, data)
        article.refresh_from_db()
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)
        [match] = matches("The dam is full", source_language="en", target_language="fa")
        self.assertEqual((match.target, match.exact), ("سد پر است", True))

    def test_a_plain_save_in_the_admin_teaches_nothing(self):
        article = make_article(languages=("en",), headline_en="The dam is full", body_en=BODY_EN)
        data = self.open_form(self.translator, article)
        data.update(headline_fa=["سد پر است"], standfirst_fa=["چرا."], body_fa=["<p>مخزن پر است.</p>"])
        self.post_form(self.translator, article, data)
        article.refresh_from_db()
        self.assertEqual(article.headline_fa, "سد پر است")  # saved, not confirmed
        self.assertEqual(matches("The dam is full", source_language="en", target_language="fa"), [])


class BuildCommandTests(NewsroomAdminTestCase):
    def test_the_command_fills_the_memory_from_up_to_date_confirmations_only(self):
        current = make_article(headline_en="Water rights", headline_fa="حق آبه")
        state.confirm(current, "fa", by=self.translator)
        stale = make_article(headline_en="Wheat harvest", headline_fa="برداشت گندم")
        state.confirm(stale, "fa", by=self.translator)
        stale.headline_en = "Wheat harvest falls"
        stale.save()
        Segment.objects.all().delete()  # a memory added after the confirmations were made

        output = StringIO()
        call_command("build_translation_memory", stdout=output)
        self.assertEqual(matches("Water rights", source_language="en", target_language="fa")[0].target, "حق آبه")
        self.assertEqual(matches("Wheat harvest", source_language="en", target_language="fa"), [])
        count = Segment.objects.count()
        call_command("build_translation_memory", stdout=StringIO())
        self.assertEqual(Segment.objects.count(), count)  # again: nothing doubled
        self.assertIn("outdated skipped", output.getvalue())
