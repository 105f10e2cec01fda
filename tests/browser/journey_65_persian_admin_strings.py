"""
The Persian admin reads as Persian: an editor's article list and form have no English furniture, an English
headline keeps its question mark at its end inside right-to-left cells, titles and messages, and the fields
and language tabs are named by language («فارسی»), not by code ("[fa]").
"""

import re

import pytest

from tests.browser.conftest import EDITOR, TRANSLATOR, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, check_accessibility, describe

QUESTION = "Can the plateau refill its wells before the next drought?"
# The English that Django 6.1 or our packages left in the Persian admin before we translated it.
LEFTOVERS = re.compile(r"Filter by|Search|\bRun\b|Select an option|Model name|Pagination|\[(fa|en)\]")

# Where, from left to right on the screen, an element's first and last characters are drawn.
FIRST_AND_LAST_X = """element => {
    const text = [...element.childNodes].find(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    const range = document.createRange();
    const at = index => { range.setStart(text, index); range.setEnd(text, index + 1);
                          return range.getBoundingClientRect().left; };
    return [at(0), at(text.textContent.length - 1), getComputedStyle(element).direction];
}"""


@pytest.fixture
def english_only_question(site):
    """A draft written only in English whose headline ends in a question mark (removed afterwards)."""
    from articles.models import Article, Byline, Section
    from authors.models import Author

    article = Article.objects.create(
        headline_en=QUESTION,
        standfirst_en="A draft.",
        body_en="<p>Only in English for now.</p>",
        section=Section.objects.get(slug_en="environment"),
    )
    Byline.objects.create(article=article, author=Author.objects.get(slug="maryam-karimi"), position=0)
    yield article
    article.delete()


def assert_question_mark_at_the_end(locator) -> None:
    """The headline reads left to right, its question mark drawn to the right of its first letter."""
    first, last, direction = locator.evaluate(FIRST_AND_LAST_X)
    assert direction == "ltr", f"{locator} is {direction}"
    assert last > first, f"the question mark is drawn before the first letter in {locator}"


def visible_english_leftovers(page) -> list[str]:
    text = page.locator("body").evaluate(
        """body => { const copy = body.cloneNode(true);
                     copy.querySelectorAll('[lang="en"], script, style, template').forEach(e => e.remove());
                     return copy.innerText; }"""
    )
    return sorted({match.group(0) for match in LEFTOVERS.finditer(text)})


def test_persian_article_list_keeps_an_english_headline_in_order(context, page, site, english_only_question):
    from articles.models import Article

    log_in(page, EDITOR, "fa")
    page.goto("/admin/articles/article/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert visible_english_leftovers(page) == []
    headline = page.locator(f"#result_list tr:has(input[value='{english_only_question.pk}']) th bdi")
    assert headline.get_attribute("lang") == "en"
    assert headline.text_content() == QUESTION
    assert_question_mark_at_the_end(headline)
    # An article written in both languages is listed by its Persian headline.
    both = Article.objects.get(slug_en="where-the-water-went")
    persian = page.locator(f"#result_list tr:has(input[value='{both.pk}']) th bdi")
    assert persian.text_content() == both.headline_fa
    assert persian.get_attribute("lang") == "fa"
    serious = [v for v in check_accessibility(page, "persian-article-list") if v["impact"] in FAILING_IMPACTS]
    assert not serious, describe(serious)
    assert context.problems == []


def test_persian_change_form_names_languages_and_keeps_the_headline_in_order(context, page, english_only_question):
    log_in(page, EDITOR, "fa")
    page.goto(f"/admin/articles/article/{english_only_question.pk}/change/")
    labels = page.locator("#content-main label").all_text_contents()
    assert not [label for label in labels if re.search(r"\[(fa|en)\]", label)], labels
    assert "تیتر (فارسی):" in labels
    tabs = page.locator(".ui-tabs-nav li a").all_text_contents()
    assert tabs and set(tabs) == {"انگلیسی", "فارسی"}, tabs
    assert_question_mark_at_the_end(page.locator("#content h2 bdi"))
    assert QUESTION in page.title()
    assert visible_english_leftovers(page) == []
    serious = [v for v in check_accessibility(page, "persian-article-change") if v["impact"] in FAILING_IMPACTS]
    assert not serious, describe(serious)
    # Saved: Django's message names the article, its headline still in order.
    page.click("input[name=_continue]")
    message = page.locator("ul.messagelist li.success")
    assert "با موفقیت ذخیره شد" in message.text_content()
    assert_question_mark_at_the_end(message.locator("bdi a"))
    assert context.problems == []


def test_translator_sees_persian_labels_and_language_tabs(context, page, site):
    from articles.models import Article

    log_in(page, TRANSLATOR, "fa")
    article = Article.objects.get(slug_en="where-the-water-went")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    labels = " ".join(page.locator("#content-main label").all_text_contents())
    assert "(فارسی)" in labels and "[fa]" not in labels
    assert visible_english_leftovers(page) == []
    assert context.problems == []
