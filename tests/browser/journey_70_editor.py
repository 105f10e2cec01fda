"""
An editor writes an article body in the English and the Persian admin: the toolbar speaks the admin's language,
its block-type menu has words and opens inside the editor's own column (right to left too, and on the desk's
side-by-side screen), "## " at the start of a line makes a subheading and "- " a list, and no page with the editor
logs an error (the Content-Security-Policy blocks no inline style) or has a serious accessibility violation.
"""

import re

import pytest

from tests.browser.conftest import AXE_JS, EDITOR, log_in
from tests.browser.journey_30_pages import FAILING_IMPACTS, describe

PERSIAN = re.compile(r"[\u0600-\u06FF]")

WORDS = {
    "en": {"paragraph": "Paragraph", "menu": ["Subheading", "Sub-subheading", "Paragraph"], "bold": "Bold",
           "bulletList": "Bulleted list", "history:undo": "Undo"},
    "fa": {"paragraph": "پاراگراف", "menu": ["میان‌تیتر", "میان‌تیتر فرعی", "پاراگراف"], "bold": "پررنگ",
           "bulletList": "فهرست نشانه‌دار", "history:undo": "واگرد"},
}  # fmt: skip


def open_body_editor(page, language: str):
    """Open the add-article form's body tab in a language; return the editor's wrapper once it is built."""
    page.goto("/admin/articles/article/add/")
    page.click(f".ui-tabs-nav li[aria-controls='tab_id_body_{language}']")
    wrapper = page.locator(f".prose-editor:has(#id_body_{language})")
    wrapper.locator(".prose-menubar__selected").wait_for()
    return wrapper


def assert_inside(inner: dict, outer: dict, what: str) -> None:
    assert outer["x"] - 1 <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1, (
        f"{what} spills out of the editor's column: {inner} not within {outer}"
    )


def open_block_menu(page, wrapper) -> list[str]:
    """Open the block-type menu; return its options' words after checking it stays inside the editor's column."""
    wrapper.locator(".prose-menubar__selected").click()
    picker = wrapper.locator(".prose-menubar__picker")
    picker.wait_for(state="visible")
    assert_inside(picker.bounding_box(), wrapper.bounding_box(), "the block-type menu")
    return [option.inner_text().strip() for option in picker.locator(".prose-menubar__option").all()]


@pytest.mark.parametrize("admin_language", ["fa", "en"])
def test_the_toolbar_speaks_the_admins_language_and_its_menu_has_words(page, context, admin_language):
    log_in(page, EDITOR, admin_language)
    words = WORDS[admin_language]
    for body_language in ("fa", "en"):
        wrapper = open_body_editor(page, body_language)
        menubar = wrapper.locator(".prose-menubar")
        selected = wrapper.locator(".prose-menubar__selected")
        assert selected.inner_text().strip() == words["paragraph"]
        # The arrow is drawn, not the "⏷" glyph most fonts lack (a missing-glyph box).
        arrow = selected.evaluate("element => getComputedStyle(element, '::after').content")
        assert arrow in ('""', "none"), arrow
        for name in ("bold", "bulletList", "history:undo"):
            button = menubar.locator(f"button[data-name='{name}']")
            assert button.get_attribute("aria-label") == words[name]
            assert button.get_attribute("title").startswith(words[name])
        for button in menubar.locator("button[title]:not([title=''])").all():
            title = button.get_attribute("title")
            assert bool(PERSIAN.search(title)) == (admin_language == "fa"), f"a tooltip in the wrong language: {title}"
        assert open_block_menu(page, wrapper) == words["menu"]
        page.keyboard.press("Escape")
    assert context.problems == []


@pytest.mark.parametrize("admin_language", ["fa", "en"])
def test_markdown_style_input_and_shortcuts_make_subheadings_and_lists(page, context, admin_language):
    log_in(page, EDITOR, admin_language)
    body_language = admin_language
    wrapper = open_body_editor(page, body_language)
    text = {"fa": ["بخش نخست", "بند", "یک", "دو", "جزء", "بخش دوم", "نقل"],
            "en": ["First part", "Words", "one", "two", "Detail", "Second part", "Quoted"]}[body_language]  # fmt: skip
    wrapper.locator("[contenteditable=true]").click()
    keyboard = page.keyboard
    keyboard.type("## ")
    keyboard.insert_text(text[0])
    keyboard.press("Enter")
    keyboard.insert_text(text[1])
    keyboard.press("Enter")
    keyboard.type("- ")
    keyboard.insert_text(text[2])
    keyboard.press("Enter")
    keyboard.press("Enter")  # an empty item leaves the list
    keyboard.type("1. ")
    keyboard.insert_text(text[3])
    keyboard.press("Enter")
    keyboard.press("Enter")
    keyboard.type("### ")
    keyboard.insert_text(text[4])
    keyboard.press("Enter")
    keyboard.press("Control+Alt+2")
    keyboard.insert_text(text[5])
    keyboard.press("Enter")
    keyboard.type("> ")
    keyboard.insert_text(text[6])
    page.locator(f"#id_headline_{body_language}").focus()  # blur: the textarea holds what will be posted
    body = page.locator(f"#id_body_{body_language}").input_value()
    assert f"<h2>{text[0]}</h2><p>{text[1]}</p>" in body, body
    assert f"<ul><li><p>{text[2]}</p></li></ul>" in body, body
    assert f"<ol><li><p>{text[3]}</p></li></ol>" in body, body
    assert f"<h3>{text[4]}</h3><h2>{text[5]}</h2>" in body, body
    assert f"<blockquote><p>{text[6]}</p></blockquote>" in body, body
    # The menu makes a subheading in two clicks: open it, pick the words.
    wrapper.locator("[contenteditable=true] p").first.click()
    wrapper.locator(".prose-menubar__selected").click()
    wrapper.locator(".prose-menubar__option[data-name='heading2']").click()
    assert f"<h2>{text[1]}</h2>" in page.locator(f"#id_body_{body_language}").input_value()
    assert context.problems == []


@pytest.mark.parametrize("admin_language", ["fa", "en"])
def test_forms_with_the_editor_log_no_error_and_the_desk_menu_stays_in_its_column(page, context, admin_language):
    from articles.models import Article

    article = Article.objects.get(slug_en="where-the-water-went")
    log_in(page, EDITOR, admin_language)
    for path in ("/admin/articles/article/add/", f"/admin/articles/article/{article.pk}/change/"):
        page.goto(path)
        page.locator(".prose-menubar").first.wait_for(state="attached")
        page.wait_for_load_state("networkidle")
        assert page.locator("style[data-tiptap-style]").count() == 0
    page.goto(f"/admin/desk/translate/articles/article/{article.pk}/?language=fa")
    wrapper = page.locator(".prose-editor:has(#id_body_fa)")
    wrapper.locator(".prose-menubar__selected").wait_for()
    assert open_block_menu(page, wrapper) == WORDS[admin_language]["menu"]
    picker = wrapper.locator(".prose-menubar__picker").bounding_box()
    source = page.locator(".desk-source").bounding_box()
    assert picker["x"] + picker["width"] <= source["x"] or source["x"] + source["width"] <= picker["x"], (
        f"the block-type menu covers the source column: {picker} and {source}"
    )
    page.keyboard.press("Escape")
    assert context.problems == []


@pytest.mark.parametrize("admin_language", ["fa", "en"])
def test_the_editors_toolbar_and_open_menu_have_no_serious_accessibility_violation(page, admin_language):
    """axe over both body editors, toolbar and open block-type menu included (journey 35 checks the whole form)."""
    log_in(page, EDITOR, admin_language)
    wrapper = open_body_editor(page, admin_language)
    wrapper.locator(".prose-menubar__selected").click()
    page.evaluate(AXE_JS.read_text())  # through the DevTools protocol: the page's CSP does not apply
    violations = page.evaluate(
        "async () => (await window.axe.run({include: [['.prose-editor']]}, {resultTypes: ['violations']})).violations"
    )
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not serious, f"axe on the body editors:\n{describe(serious)}"
