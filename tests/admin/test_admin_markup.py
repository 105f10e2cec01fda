"""
The admin's forms as served are valid, labelled HTML: what the Nu HTML checker and axe would otherwise flag
(tests/browser/journey_35_admin_screens.py checks the screens themselves, with their scripts).
"""

from django.conf import settings
from django.urls import reverse

from tests.factories import make_article, make_author, make_series

from .base import NewsroomAdminTestCase, page


class AdminMarkupTests(NewsroomAdminTestCase):
    def open(self, user, url, language="en"):
        self.client.force_login(user)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return page(response)

    def test_the_hidden_version_input_has_no_label_on_any_form(self):
        article = make_article()
        for user, url in [
            (self.editor, self.change_url(article)),
            (self.editor, reverse("admin:articles_article_add")),
            (self.editor, self.change_url(article.section)),
            (self.editor, self.change_url(make_author())),
            (self.editor, self.change_url(make_series())),
            (self.translator, self.change_url(article)),
        ]:
            with self.subTest(user=user.username, url=url):
                html = self.open(user, url)
                version = html.find("input", attrs={"name": "version"})
                self.assertEqual(version["type"], "hidden")
                self.assertIsNone(html.find("label", attrs={"for": version["id"]}))

    def test_the_version_input_still_carries_what_the_form_was_opened_on(self):
        article = make_article()
        version = self.open(self.editor, self.change_url(article)).find("input", attrs={"name": "version"})
        number, signed = version["value"].split(":", 1)
        self.assertEqual((number, bool(signed)), (str(article.version), True))

    def test_an_optional_autocomplete_names_its_empty_choice_in_the_admins_language(self):
        article = make_article()  # in no series
        for language, text in [("en", "Choose…"), ("fa", "انتخاب کنید…")]:
            with self.subTest(language=language):
                select = self.open(self.editor, self.change_url(article), language).find("select", id="id_series")
                empty = select.find("option")
                self.assertEqual((empty["value"], empty.text), ("", text))
                self.assertTrue(empty.has_attr("selected") or not select.find("option", selected=True))
                self.assertEqual(select["data-placeholder"], text)

    def test_a_required_autocomplete_starts_with_a_placeholder_choice(self):
        article = make_article()
        new = self.open(self.editor, reverse("admin:articles_article_add")).find("select", id="id_section")
        self.assertTrue(new.has_attr("required"))
        self.assertEqual([(o["value"], o.text) for o in new.find_all("option")], [("", "Choose…")])

        chosen = self.open(self.editor, self.change_url(article)).find("select", id="id_section")
        options = [(o["value"], o.text, o.has_attr("selected")) for o in chosen.find_all("option")]
        self.assertEqual(options, [("", "Choose…", False), (str(article.section.pk), str(article.section), True)])

    def test_a_multiple_autocomplete_has_no_empty_choice(self):
        tags = self.open(self.editor, reverse("admin:articles_article_add")).find("select", id="id_tags")
        self.assertEqual(tags.find_all("option"), [])
        self.assertEqual(tags["data-placeholder"], "Choose…")

    def test_every_input_of_a_byline_row_is_named_in_the_admins_language(self):
        article = make_article(authors=[self.author, self.other_author])
        for language in ["en", "fa"]:
            with self.subTest(language=language):
                html = self.open(self.editor, self.change_url(article), language)
                rows = html.select("#bylines-group tbody tr.form-row")
                self.assertEqual(len(rows), 3)  # the two bylines and the template of a new one
                for row in rows:
                    for control in row.find_all(["input", "select"]):
                        if control.get("type") == "hidden":
                            continue
                        with self.subTest(control=control["name"]):
                            labelled = html.find("label", attrs={"for": control.get("id")})
                            self.assertTrue(labelled or control.get("aria-label"))
                names = [
                    html.find(id=f"id_bylines-0-{field}")["aria-label"] for field in ["author", "position", "DELETE"]
                ]
                expected = {"en": ["Author", "Position", "Delete"], "fa": ["نویسنده", "جایگاه", "حذف"]}[language]
                self.assertEqual(names, expected)

    def test_an_image_field_labels_its_file_input(self):
        html = self.open(self.editor, reverse("admin:articles_article_add"))
        file_input = html.find("input", attrs={"type": "file", "name": "image"})
        label = html.find("label", attrs={"for": file_input["id"]})
        self.assertIn("Featured image", label.text)
        self.assertEqual(file_input["aria-describedby"], f"{file_input['id']}_helptext")
