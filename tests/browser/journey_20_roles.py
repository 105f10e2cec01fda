"""
What the roles may not do, seen from the browser and checked in the database: an author cannot publish,
a translator cannot change the English headline, even by adding the field to the form by hand.
"""

import pytest

from tests.browser.conftest import AUTHOR, TRANSLATOR, log_in

LANGUAGES = ["en", "fa"]


@pytest.fixture
def authors_draft(site):
    """A draft by the demo author's byline (Maryam Karimi), made directly in the database."""
    from articles.models import Article, Byline, Section
    from authors.models import Author

    article = Article(
        headline_en="An author's draft on bread prices",
        body_en="<p>Bread has doubled in price in a year.</p>",
        section=Section.objects.get(slug_en="economy"),
    )
    article.save()
    Byline.objects.create(article=article, author=Author.objects.get(slug="maryam-karimi"), position=0)
    yield article
    article.delete()


@pytest.mark.parametrize("language", LANGUAGES)
def test_author_cannot_publish(page, authors_draft, language):
    """The author's form offers no "published" status; forcing one into the form is refused; nothing changes."""
    from articles.models import Article

    log_in(page, AUTHOR, language)
    page.goto("/admin/articles/article/")
    actions = page.locator("select[name=action] option").evaluate_all("options => options.map(o => o.value)")
    assert "publish" not in actions and "unpublish" not in actions

    page.goto(f"/admin/articles/article/{authors_draft.pk}/change/")
    statuses = page.locator("#id_status option").evaluate_all("options => options.map(o => o.value)")
    assert "published" not in statuses
    # A hand-edited form: add the missing option and choose it.
    page.evaluate(
        """() => {
            const select = document.querySelector('#id_status');
            select.add(new Option('published', 'published', true, true));
        }"""
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".errornote, .errorlist")
    assert page.locator(".field-status .errorlist").count() == 1
    authors_draft.refresh_from_db()
    assert authors_draft.status == Article.Status.DRAFT
    assert not Article.objects.published().filter(pk=authors_draft.pk).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_translator_cannot_change_the_english_headline(page, site, language):
    """The translator's form has no English headline; one added by hand makes the whole save refused."""
    from articles.models import Article

    article = Article.objects.get(slug_en="living-with-inflation")
    before = (article.headline_en, article.headline_fa, article.version)
    log_in(page, TRANSLATOR, language)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert page.locator("#id_headline_fa").count() == 1
    assert page.locator("[name=headline_en]").count() == 0
    page.evaluate(
        """() => {
            const input = document.createElement('input');
            input.name = 'headline_en';
            input.value = 'Hijacked headline';
            document.querySelector('#article_form').append(input);
        }"""
    )
    page.fill("#id_headline_fa", article.headline_fa + " (تغییر)")
    page.click("input[name=_save]")
    refusal = page.locator(".messagelist .error")
    refusal.wait_for()
    assert "headline_en" in refusal.inner_text()
    article.refresh_from_db()
    assert (article.headline_en, article.headline_fa, article.version) == before
    assert page.locator("#id_headline_fa").input_value() == before[1], "the refused form is shown afresh"
