"""
An editor types every XSS payload into every text field, in English and Persian, through the admin;
readers and editors then see the payloads as the literal text that was typed, and nothing of it runs.
"""

import html
import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Section, Tag
from authors.models import Author
from desk import state
from prepublish.models import CheckSetting, Severity
from series.models import Series
from tests.factories import image_upload, make_article, make_pictured_article, make_section, make_series, make_tag

from .markup import body_problems, findings
from .payloads import PAYLOADS_WITHOUT_NUL
from .world import LANGUAGES, HostileAdminTestCase, text_plan

EVERY_KIND = (
    "foreign script", "event handler", "dangerous URL", "style with code", "foreign tag", "meta refresh",
    "head tag in body", "foreign style", "foreign form", "form posting elsewhere", "form action override",
)  # fmt: skip


def element_text(html_text: str, tag: str) -> str:
    """Return the text of the page's first <tag> element holding text only (as our templates write h1 and title)."""
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html_text, re.S)
    return html.unescape(match.group(1)) if match else ""


def collapsed(text: str) -> str:
    return " ".join(text.split())


class XssChecks:
    """The tests every hostile model shares: nothing on any page could run, load or post elsewhere."""

    def test_every_payload_went_into_every_text_field(self):
        for name, values in self.plan.fields.items():
            with self.subTest(field=name):
                limit = self.plan.limits[name]
                missed = [p for p in PAYLOADS_WITHOUT_NUL if not any(p[:limit].strip() in value for value in values)]
                self.assertEqual(missed, [])

    def test_plain_text_is_stored_exactly_as_typed(self):
        objects = {obj.pk: obj for obj in self.objects()}
        for pk, values in self.submitted:
            for name, value in values.items():
                if name.startswith("body_"):
                    continue
                self.assertEqual(getattr(objects[pk], name), value, f"{name} of #{pk}")

    def test_every_page_renders(self):
        failed = [(r.url, r.status) for r in self.rendered if r.status != 200]
        self.assertEqual(failed, [])

    def test_no_page_carries_a_script_that_is_not_ours(self):
        self.assertNoProblem("foreign script")

    def test_no_page_carries_an_event_handler_attribute(self):
        self.assertNoProblem("event handler")

    def test_no_page_carries_a_javascript_data_or_vbscript_url(self):
        self.assertNoProblem("dangerous URL", "style with code")

    def test_no_page_carries_frames_objects_svg_math_base_or_meta_refresh(self):
        self.assertNoProblem("foreign tag", "meta refresh", "head tag in body", "foreign style")

    def test_no_page_carries_a_form_that_is_not_ours(self):
        self.assertNoProblem("foreign form", "form posting elsewhere", "form action override")


def article_plan():
    plan = text_plan({"headline*": 200, "standfirst*": 200, "body*": 200, "image_alt*": 250, "image_caption*": 300,
                      "image_credit*": 200})  # fmt: skip
    # Each body opens with a line of its own: a body of nothing but scripts is refused (a test of its own).
    for language in LANGUAGES:
        plan.fields[f"body_{language}"] = [f"<p>Reported.</p>{value}" for value in plan.fields[f"body_{language}"]]
    return plan


class ArticleXssTests(XssChecks, HostileAdminTestCase):
    model = Article
    plan = article_plan()

    @classmethod
    def prepare(cls):
        # Payloads are published as they are (empty standfirsts, pictures without alt text): the editors' choice
        # that every pre-publish check only warns. The change forms then show every check's text about them.
        CheckSetting.objects.update(severity=Severity.WARNING)
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.tag = make_tag(name_en="Water", name_fa="آب")
        cls.series = make_series(title_en="The Thirsty Plateau", title_fa="فلات تشنه")
        cls.photo = make_pictured_article(image=image_upload("dam.jpg"), headline_en="Photo", headline_fa="عکس")

    @classmethod
    def form_extras(cls, index):
        return {
            "section": [str(cls.section.pk)],
            "tags": [str(cls.tag.pk)],
            "status": [Article.Status.PUBLISHED],
            "bylines-0-author": [str(cls.author.pk)],
            # The first few articles are parts of a series, so the series box shows their headlines.
            **({"series": [str(cls.series.pk)], "part": [str(index + 1)]} if index < 4 else {}),
        }

    @classmethod
    def after_submission(cls):
        # Each article shows the same photo, so that its alt text, caption and credit are on the page.
        cls.objects().update(image=cls.photo.image.name, image_renditions=cls.photo.image_renditions)
        # Four more have a confirmed Persian translation whose English source then changed from some
        # payloads to others: the desk shows the change word by word.
        headlines, bodies = cls.plan.fields["headline_en"], cls.plan.fields["body_en"]
        cls.outdated = []
        for index in range(4):
            article = make_article(headline_en=headlines[index], body_en=bodies[index])
            state.confirm(article, "fa", by=cls.translator)
            article.headline_en, article.body_en = headlines[-1 - index], bodies[-1 - index]
            article.save()
            cls.outdated.append(article)

    @classmethod
    def pages(cls):
        reader, editor = Client(), cls.editor_client
        articles = list(cls.objects())
        urls = [article.url_in(language) for article in articles for language in LANGUAGES]
        for language in LANGUAGES:
            with translation.override(language):
                urls += [reverse("articles:home") + f"?page={number}" for number in (1, 2, 3, 4)]
                urls += [reverse("search:results") + f"?q=alert&page={number}" for number in (1, 2, 3, 4, 5)]
                urls += [reverse("articles:section", kwargs={"slug": cls.section.slug_in(language)})]
                urls += [reverse("articles:tag", kwargs={"slug": cls.tag.slug_in(language)})]
                urls += [reverse("series:detail", kwargs={"slug": cls.series.slug_in(language)})]
                urls += [reverse("authors:detail", kwargs={"slug": cls.author.slug})]
                urls += [
                    reverse(f"discovery:latest-{kind}") + query for kind in ("rss", "atom") for query in ("", "?full=1")
                ]
                urls += [reverse("discovery:section-rss", kwargs={"slug": cls.section.slug_in(language)}) + "?full=1"]
                urls += [
                    reverse("crawlers:sitemap-section", kwargs={"section": f"{name}-{language}"})
                    for name in ("articles", "news")
                ]
        admin = cls.admin_urls()
        admin += [
            reverse("admin:articles_article_preview", args=[a.pk]) + f"?language={language}"
            for a in articles[:4]
            for language in LANGUAGES
        ]
        admin += [reverse("desk:translate", args=["articles", "article", a.pk]) + "?language=fa" for a in cls.outdated]
        admin += [reverse("desk:queue") + "?language=fa"]
        return [(reader, url) for url in urls] + [(editor, url) for url in admin]

    @classmethod
    def read_facts(cls):
        """For each article page: the headline, standfirst, figure and title a reader sees."""
        rendered = {r.url: r for r in cls.rendered}
        articles = cls.objects().in_bulk()
        facts = {}
        for pk, _values in cls.submitted:
            for language in LANGUAGES:
                soup = BeautifulSoup(rendered[articles[pk].url_in(language)].text, "html.parser")
                facts[pk, language] = {
                    "h1": soup.h1.get_text(),
                    "standfirst": soup.select_one(".article__standfirst").get_text(),
                    "caption": collapsed(soup.select_one(".article__figure figcaption").get_text()),
                    "credit": soup.select_one(".article__figure .credit bdi").get_text(),
                    "alt": soup.select_one(".article__figure img")["alt"],
                    "title": soup.title.get_text(),
                    "og:title": soup.find("meta", property="og:title")["content"],
                    "structured headline": next(
                        json.loads(script.string)["headline"]
                        for script in soup.find_all("script", type="application/ld+json")
                        if '"NewsArticle"' in script.string
                    ),
                }
        return facts

    def article_pages(self):
        for pk, values in self.submitted:
            for language in LANGUAGES:
                yield language, values, self.facts[pk, language]

    def test_stored_bodies_keep_nothing_outside_the_allow_list(self):
        for article in self.objects():
            for language in LANGUAGES:
                body = getattr(article, f"body_{language}")
                self.assertEqual(body_problems(body), [], f"body_{language} of #{article.pk}: {body!r}")

    def test_reader_sees_headline_standfirst_caption_credit_and_alt_text_as_typed(self):
        for language, values, seen in self.article_pages():
            with self.subTest(language=language, headline=values[f"headline_{language}"][:60]):
                self.assertEqual(seen["h1"], values[f"headline_{language}"])
                self.assertEqual(seen["standfirst"], values[f"standfirst_{language}"])
                self.assertIn(collapsed(values[f"image_caption_{language}"]), seen["caption"])
                self.assertEqual(seen["credit"], values[f"image_credit_{language}"])
                self.assertEqual(seen["alt"], values[f"image_alt_{language}"])

    def test_reader_sees_the_typed_headline_in_the_title_and_share_text(self):
        for language, values, seen in self.article_pages():
            with self.subTest(language=language):
                self.assertTrue(seen["title"].startswith(values[f"headline_{language}"]))
                self.assertEqual(seen["og:title"], values[f"headline_{language}"])
                self.assertEqual(seen["structured headline"], values[f"headline_{language}"])

    def test_the_desk_shows_what_changed_in_the_source_as_text(self):
        urls = {reverse("desk:translate", args=["articles", "article", a.pk]) + "?language=fa" for a in self.outdated}
        desk = [r for r in self.rendered if r.url in urls]
        self.assertEqual(len(desk), 4)
        for rendered in desk:
            with self.subTest(rendered.url):
                soup = BeautifulSoup(rendered.text, "html.parser")
                inserted = " ".join(tag.get_text() for tag in soup.select(".desk-diff ins"))
                self.assertTrue(inserted)
                self.assertIn("<", inserted + " ".join(tag.get_text() for tag in soup.select(".desk-diff del")))

    def test_feeds_carry_the_headlines_as_text_and_the_bodies_clean(self):
        feeds = [r for r in self.rendered if "/feeds/" in r.url]
        headlines = {values[f"headline_{language}"] for _pk, values in self.submitted for language in LANGUAGES}
        seen = 0
        for rendered in feeds:
            with self.subTest(feed=rendered.url):
                root = ElementTree.fromstring(rendered.text.encode())
                for element in root.iter():
                    tag = element.tag.rsplit("}", 1)[-1]
                    if tag == "title" and element.text in headlines:
                        seen += 1
                    if tag in ("description", "summary", "encoded", "content") and element.text:
                        self.assertEqual(findings(element.text, None), {}, element.text)
                    if tag in ("encoded", "content") and element.text:
                        self.assertEqual(body_problems(element.text), [], element.text)
        self.assertGreater(seen, 20)

    def test_sitemaps_are_well_formed_xml_with_the_headlines_as_text(self):
        for rendered in (r for r in self.rendered if "sitemap" in r.url):
            with self.subTest(sitemap=rendered.url):
                ElementTree.fromstring(rendered.text.encode())

    def test_search_shows_matching_headlines_as_text(self):
        searched = [r for r in self.rendered if "/search/" in r.url]
        headlines = {
            collapsed(values[f"headline_{language}"]) for _pk, values in self.submitted for language in LANGUAGES
        }
        shown = set()
        for rendered in searched:
            for heading in BeautifulSoup(rendered.text, "html.parser").select(".search-result h2"):
                shown.add(collapsed(heading.get_text()))
        self.assertGreater(len(shown & headlines), 10, sorted(shown)[:5])
        self.assertLessEqual(shown, headlines)


class NamedXssChecks(XssChecks):
    """Sections and tags: a name per language, shown on its own page and in lists."""

    view_name: str
    # Every page shows every section in its navigation, so a page of their own is rendered for one in
    # PAGE_SAMPLE of them (each carrying other payloads): all of them would take a minute.
    PAGE_SAMPLE = 3

    @classmethod
    def sampled(cls):
        return list(cls.objects())[:: cls.PAGE_SAMPLE]

    @classmethod
    def read_facts(cls):
        rendered = {r.url: r for r in cls.rendered}
        facts = {}
        for obj in cls.sampled():
            for language in LANGUAGES:
                with translation.override(language):
                    url = reverse(cls.view_name, kwargs={"slug": obj.slug_in(language)})
                facts[obj.pk, language] = {name: element_text(rendered[url].text, name) for name in ("h1", "title")}
        return facts

    def test_reader_sees_each_name_as_typed_on_its_page(self):
        for pk, values in self.submitted[:: self.PAGE_SAMPLE]:
            for language in LANGUAGES:
                seen = self.facts[pk, language]
                self.assertEqual(seen["h1"], values[f"name_{language}"])
                self.assertTrue(seen["title"].startswith(values[f"name_{language}"]))


class SectionXssTests(NamedXssChecks, HostileAdminTestCase):
    model = Section
    plan = text_plan({"name*": 100})
    view_name = "articles:section"

    @classmethod
    def pages(cls):
        reader, editor = Client(), cls.editor_client
        sections = cls.sampled()
        urls = []
        for language in LANGUAGES:
            with translation.override(language):
                urls += [reverse("articles:home")]
                urls += [reverse("articles:section", kwargs={"slug": s.slug_in(language)}) for s in sections]
                urls += [reverse("discovery:section-rss", kwargs={"slug": s.slug_in(language)}) for s in sections[:10]]
        admin = cls.admin_urls()
        return [(reader, url) for url in urls] + [(editor, url) for url in admin]

    def test_every_section_is_named_as_typed_in_the_navigation(self):
        home = {language: self.texts[f"/{language}/"] for language in LANGUAGES}
        for _pk, values in self.submitted:
            for language in LANGUAGES:
                self.assertIn(collapsed(values[f"name_{language}"]), home[language])


class TagXssTests(NamedXssChecks, HostileAdminTestCase):
    model = Tag
    plan = text_plan({"name*": 100})
    view_name = "articles:tag"

    @classmethod
    def after_submission(cls):
        cls.tagged = make_article(tags=list(cls.objects()))

    @classmethod
    def pages(cls):
        reader, editor = Client(), cls.editor_client
        urls = [cls.tagged.url_in(language) for language in LANGUAGES]
        for language in LANGUAGES:
            with translation.override(language):
                urls += [reverse("articles:tag", kwargs={"slug": t.slug_in(language)}) for t in cls.sampled()]
                urls += [reverse("discovery:latest-rss")]
        return [(reader, url) for url in urls] + [(editor, url) for url in cls.admin_urls()]

    def test_the_article_lists_every_tag_as_typed(self):
        for language in LANGUAGES:
            text = self.texts[self.tagged.url_in(language)]
            for _pk, values in self.submitted:
                self.assertIn(collapsed(values[f"name_{language}"]), text)


class SeriesXssTests(XssChecks, HostileAdminTestCase):
    model = Series
    plan = text_plan({"title*": 200, "description*": 200})

    @classmethod
    def after_submission(cls):
        cls.parts = [make_article(series=series, part=1) for series in cls.objects()[:4]]
        for series in cls.objects()[4:]:
            make_article(series=series, part=1)

    @classmethod
    def pages(cls):
        reader, editor = Client(), cls.editor_client
        urls = [part.url_in(language) for part in cls.parts for language in LANGUAGES]
        for language in LANGUAGES:
            with translation.override(language):
                urls += [reverse("series:index")]
                urls += [reverse("series:detail", kwargs={"slug": s.slug_in(language)}) for s in cls.objects()]
                urls += [
                    reverse("discovery:series-atom", kwargs={"slug": s.slug_in(language)}) for s in cls.objects()[:6]
                ]
                urls += [reverse("crawlers:sitemap-section", kwargs={"section": "series"})]
        return [(reader, url) for url in urls] + [(editor, url) for url in cls.admin_urls()]

    def test_the_series_list_shows_every_title_and_description_as_typed(self):
        for language in LANGUAGES:
            with translation.override(language):
                index = reverse("series:index")
            text = self.texts[index]
            for _pk, values in self.submitted:
                self.assertIn(collapsed(values[f"title_{language}"]), text)
                self.assertIn(collapsed(values[f"description_{language}"]), text)


def _url_with(payloads: list[str]) -> str:
    """An https address on another site with the payloads in its path (a URL field refuses anything else)."""
    return ("https://example.org/" + "".join("".join(payload.split()) for payload in payloads))[:200]


def author_plan():
    """
    Names, job titles and bios like every text field; the three usernames are written into one kind of
    link (https://x.com/<name>, t.me, instagram.com), so the payloads, cut to their 50 characters, are
    spread across them rather than repeated in each; the web addresses carry payloads in their path.
    """
    plan = text_plan({"name*": 120, "job_title*": 120, "bio*": 120})
    handles = [payload[:50].strip() for payload in PAYLOADS_WITHOUT_NUL]
    count = len(plan.fields["name_en"])
    for offset, name in enumerate(("x_handle", "telegram", "instagram")):
        plan.fields[name] = [handles[(index * 3 + offset) % len(handles)] for index in range(count)]
        plan.limits[name] = 50
    payloads = PAYLOADS_WITHOUT_NUL
    plan.fields["website"] = [_url_with(payloads[index * 3 : index * 3 + 2]) for index in range(count)]
    plan.fields["linkedin"] = [_url_with(payloads[index * 3 + 2 : index * 3 + 3]) for index in range(count)]
    return plan


class AuthorXssTests(XssChecks, HostileAdminTestCase):
    model = Author
    plan = author_plan()

    @classmethod
    def after_submission(cls):
        # Four articles share the authors' bylines: each author page then lists one article with a
        # byline of about twenty names, not eighty.
        authors = list(cls.objects())
        cls.articles = [make_article(authors=authors[start::4]) for start in range(4)]

    @classmethod
    def pages(cls):
        reader, editor = Client(), cls.editor_client
        urls = [article.url_in(language) for article in cls.articles for language in LANGUAGES]
        for language in LANGUAGES:
            with translation.override(language):
                urls += [reverse("authors:detail", kwargs={"slug": a.slug}) for a in cls.objects()]
                urls += [
                    reverse("discovery:author-rss", kwargs={"slug": a.slug}) + "?full=1" for a in cls.objects()[:6]
                ]
                urls += [reverse("crawlers:sitemap-section", kwargs={"section": "authors"})]
        return [(reader, url) for url in urls] + [(editor, url) for url in cls.admin_urls()]

    def test_every_payload_went_into_every_text_field(self):
        for name, values in self.plan.fields.items():
            if name in ("x_handle", "telegram", "instagram", "website", "linkedin"):
                continue
            with self.subTest(field=name):
                limit = self.plan.limits[name]
                missed = [p for p in PAYLOADS_WITHOUT_NUL if not any(p[:limit].strip() in value for value in values)]
                self.assertEqual(missed, [])

    def test_every_payload_went_into_a_username_and_a_web_address(self):
        handles = {v for name in ("x_handle", "telegram", "instagram") for v in self.plan.fields[name]}
        self.assertEqual({p[:50].strip() for p in PAYLOADS_WITHOUT_NUL} - handles, set())
        addresses = " ".join(self.plan.fields["website"] + self.plan.fields["linkedin"])
        missed = [p for p in PAYLOADS_WITHOUT_NUL if "".join(p.split())[:20] not in addresses]
        self.assertEqual(missed, [])

    def test_reader_sees_name_job_title_and_bio_as_typed_on_the_author_page(self):
        texts = self.texts
        authors = self.objects().in_bulk()
        for pk, values in self.submitted:
            for language in LANGUAGES:
                with translation.override(language):
                    text = texts[authors[pk].get_absolute_url()]
                for name in ("name", "job_title", "bio"):
                    self.assertIn(collapsed(values[f"{name}_{language}"]), text)

    def test_profile_links_stay_on_the_networks_they_name(self):
        expected = {"x": "https://x.com/", "telegram": "https://t.me/", "instagram": "https://www.instagram.com/",
                    "website": "https://example.org/", "linkedin": "https://example.org/"}  # fmt: skip
        links = [
            (html.unescape(href), network)
            for rendered in self.rendered
            if "/authors/" in rendered.url and rendered.is_html
            for href, network in re.findall(r'<a href="([^"]*)" rel="me noopener" data-network="(\w+)"', rendered.text)
        ]
        self.assertGreater(len(links), 5 * len(self.submitted))
        for href, network in links:
            self.assertTrue(href.startswith(expected[network]), href)
