"""Each pre-publish check, per language: what passes, and what an editor is told when it fails."""

from django.utils import translation

from articles.models import Article
from desk import state
from prepublish.checks import HEADLINE_MAX, STANDFIRST_MAX, run_checks
from tests.factories import ENGLISH_BODY, PERSIAN_BODY, make_article, make_tag, make_user
from tests.pages import ReaderTestCase


class CheckTestCase(ReaderTestCase):
    def results(self, article, language: str = "en", **kwargs) -> dict[str, tuple[str, str]]:
        """Return {check: (status, problem)} for a language."""
        return {r.check.name: (r.status, r.problem) for r in run_checks(article, **kwargs)[language]}

    def status(self, article, check: str, language: str = "en", **kwargs) -> str:
        return self.results(article, language, **kwargs)[check][0]

    def problem(self, article, check: str, language: str = "en", **kwargs) -> str:
        return self.results(article, language, **kwargs)[check][1]

    def ready(self, **fields) -> Article:
        """A draft that passes every check: both languages, a tag, no image."""
        return make_article(published_ago=None, tags=[make_tag()], **fields)


class EveryCheckTests(CheckTestCase):
    def test_a_complete_article_passes_every_check_in_both_languages(self):
        article = self.ready()
        for language in ("en", "fa"):
            self.assertEqual({status for status, _problem in self.results(article, language).values()}, {"passed"})

    def test_only_the_languages_it_is_written_in_are_checked(self):
        article = self.ready(languages=("en",))
        self.assertEqual(list(run_checks(article)), ["en"])


class HeadlineAndStandfirstTests(CheckTestCase):
    def test_a_missing_headline_blocks(self):
        article = make_article(published_ago=None, languages=(), body_en=ENGLISH_BODY, tags=[make_tag()])
        self.assertEqual(self.problem(article, "headline"), "There is no headline.")
        self.assertEqual(self.status(article, "headline"), "blocking")

    def test_a_headline_longer_than_search_results_show_warns(self):
        article = self.ready()
        article.headline_en = "A" * (HEADLINE_MAX + 5)
        self.assertEqual(self.status(article, "headline_length"), "warning")
        self.assertIn("115 characters long", self.problem(article, "headline_length"))
        article.headline_en = "A" * HEADLINE_MAX
        self.assertEqual(self.status(article, "headline_length"), "passed")

    def test_a_missing_standfirst_blocks_in_its_language_only(self):
        article = self.ready(standfirst_fa="")
        self.assertEqual(self.status(article, "standfirst", "fa"), "blocking")
        self.assertEqual(self.status(article, "standfirst", "en"), "passed")

    def test_a_long_standfirst_warns_with_persian_digits_in_a_persian_admin(self):
        article = self.ready()
        article.standfirst_fa = "ب" * (STANDFIRST_MAX + 1)
        with translation.override("fa"):
            self.assertEqual(self.status(article, "standfirst_length", "fa"), "warning")
            self.assertIn("۳۰۱", self.problem(article, "standfirst_length", "fa"))


class AltTextTests(CheckTestCase):
    def test_a_featured_image_without_alt_text_in_a_language_blocks_there(self):
        article = self.ready()
        article.image.name = "articles/2026/12/dam.jpg"
        article.image_alt_en = "The reservoir at a third of its height"
        self.assertEqual(self.status(article, "image_alt", "en"), "passed")
        self.assertEqual(self.status(article, "image_alt", "fa"), "blocking")
        self.assertEqual(self.problem(article, "image_alt", "fa"), "The featured image has no alt text describing it.")

    def test_no_featured_image_needs_no_alt_text(self):
        self.assertEqual(self.status(self.ready(), "image_alt"), "passed")

    def test_every_body_image_needs_alt_text(self):
        described = '<figure><img src="/media/a.jpg" alt="Farmers at the dry canal"></figure>'
        bare = '<figure><img src="/media/b.jpg"></figure><p><img src="/media/c.jpg" alt=" "></p>'
        article = self.ready(body_en=ENGLISH_BODY + described + bare, body_fa=PERSIAN_BODY + described)
        self.assertEqual(self.status(article, "body_images_alt", "en"), "blocking")
        self.assertEqual(
            self.problem(article, "body_images_alt", "en"), "2 images in the body have no alt text describing them."
        )
        self.assertEqual(self.status(article, "body_images_alt", "fa"), "passed")


class FilingTests(CheckTestCase):
    def test_an_article_without_a_tag_warns(self):
        article = make_article(published_ago=None)
        self.assertEqual(self.results(article)["filing"], ("warning", "No tag is chosen."))

    def test_the_tags_a_form_holds_are_judged_not_the_stored_ones(self):
        article = make_article(published_ago=None)
        self.assertEqual(self.status(article, "filing", tags=[make_tag()]), "passed")
        self.assertEqual(self.status(self.ready(), "filing", tags=[]), "warning")


class OtherLanguageTests(CheckTestCase):
    def test_a_missing_translation_warns_in_the_written_language(self):
        article = self.ready(languages=("en",))
        self.assertEqual(
            self.results(article)["other_language"], ("warning", "The Persian version is not written yet.")
        )

    def test_an_outdated_translation_warns(self):
        article = self.ready()
        state.confirm(article, "fa", by=make_user("translator", groups=["Translator (fa)"]))
        self.assertEqual(self.status(article, "other_language", "en"), "passed")
        article.body_en = ENGLISH_BODY + "<p>A paragraph added after the translation.</p>"
        self.assertEqual(
            self.results(article, "en")["other_language"],
            ("warning", "The Persian version is outdated: its source changed since it was translated."),
        )

    def test_in_persian_it_names_the_english_version_in_persian(self):
        article = self.ready(languages=("fa",))
        with translation.override("fa"):
            self.assertEqual(self.problem(article, "other_language", "fa"), "نسخهٔ انگلیسی هنوز نوشته نشده است.")


class LinkTests(CheckTestCase):
    def link(self, href: str, base: str = ENGLISH_BODY) -> str:
        return f'{base}<p>Read <a href="{href}">the background</a>.</p>'

    def test_a_link_to_a_published_article_passes(self):
        earlier = make_article()
        article = self.ready(body_en=self.link(earlier.url_in("fa")))
        self.assertEqual(self.status(article, "unpublished_links"), "passed")

    def test_a_link_to_a_draft_blocks_naming_it(self):
        draft = make_article(published_ago=None, headline_en="The draft on wells")
        article = self.ready(body_fa=self.link(draft.url_in("en"), base=PERSIAN_BODY))
        self.assertEqual(self.status(article, "unpublished_links", "fa"), "blocking")
        self.assertIn("“The draft on wells”", self.problem(article, "unpublished_links", "fa"))
        self.assertEqual(self.status(article, "unpublished_links", "en"), "passed")

    def test_links_to_withdrawn_and_missing_articles_block(self):
        withdrawn = make_article(status=Article.Status.WITHDRAWN)
        article = self.ready(
            body_en=self.link(withdrawn.url_in("en")) + self.link("/en/articles/no-such-piece/", base="")
        )
        problem = self.problem(article, "unpublished_links")
        self.assertIn(withdrawn.url_in("en"), problem)
        self.assertIn("/en/articles/no-such-piece/ (no such article)", problem)

    def test_a_link_to_an_article_scheduled_for_later_blocks(self):
        from datetime import timedelta

        from django.utils import timezone

        later = make_article(publish_at=timezone.now() + timedelta(days=1))
        article = self.ready(body_en=self.link(later.url_in("en")))
        self.assertEqual(self.status(article, "unpublished_links"), "blocking")
