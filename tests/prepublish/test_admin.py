"""
The checks panel on the article's change form (editors and authors, English and Persian admin), and the
settings screen where editors, and only they, choose which checks block.
"""

from django.conf import settings

from prepublish.models import CheckSetting, Severity
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article, make_tag


class PanelTests(NewsroomAdminTestCase):
    def panel(self, user, article, language: str = "en"):
        self.client.force_login(user)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(self.change_url(article))
        self.assertEqual(response.status_code, 200)
        return page(response).select_one(".prepublish-checks")

    def rows(self, panel) -> dict[str, dict[str, str]]:
        """Return {caption: {check label: result}}, as the tables read."""
        return {
            table.caption.get_text(strip=True): {
                row.th.get_text(strip=True): row.select_one(".prepublish-status").get_text(strip=True)
                for row in table.tbody.find_all("tr")
            }
            for table in panel.find_all("table")
        }

    def test_the_editor_sees_each_check_per_language_with_its_result(self):
        article = make_article(published_ago=None, standfirst_fa="", authors=[self.author])
        rows = self.rows(self.panel(self.editor, article))
        self.assertEqual(list(rows), ["Checks in English", "Checks in Persian"])
        self.assertEqual(rows["Checks in Persian"]["Standfirst present"], "Blocking")
        self.assertEqual(rows["Checks in English"]["Standfirst present"], "Passed")
        self.assertEqual(rows["Checks in English"]["A section and at least one tag"], "Warning")
        self.assertIn("Publishing is blocked", self.panel(self.editor, article).get_text())

    def test_the_persian_admin_shows_the_panel_in_persian(self):
        article = make_article(published_ago=None, standfirst_fa="", authors=[self.author])
        rows = self.rows(self.panel(self.editor, article, "fa"))
        self.assertEqual(list(rows), ["بررسی‌های نسخهٔ انگلیسی", "بررسی‌های نسخهٔ فارسی"])
        self.assertEqual(rows["بررسی‌های نسخهٔ فارسی"]["لید نوشته شده"], "مانع انتشار")
        self.assertEqual(rows["بررسی‌های نسخهٔ انگلیسی"]["لید نوشته شده"], "بی‌اشکال")

    def test_an_author_reads_the_checks_of_their_draft(self):
        draft = make_article(published_ago=None, tags=[make_tag()], authors=[self.author])
        panel = self.panel(self.author_user, draft)
        self.assertEqual(set(self.rows(panel)["Checks in English"].values()), {"Passed"})
        self.assertIn("Nothing blocks publishing.", panel.get_text())
        self.assertIsNone(panel.find(["input", "select", "textarea", "button"]))


class SettingsScreenTests(NewsroomAdminTestCase):
    url = "/admin/prepublish/checksetting/"

    def changelist_post(self, setting: CheckSetting, severity: str) -> dict:
        return {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(setting.pk),
            "form-0-severity": severity,
            "_save": "Save",
        }

    def test_every_check_is_listed_with_its_default(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        labels = [
            cell.get_text(strip=True) for cell in page(response).select("td.field-check_label, th.field-check_label")
        ]
        self.assertIn("Alt text on the body's images", labels)
        self.assertEqual(len(labels), 9)
        # Each choice is named after its check for screen readers (its column heading names it for sight only).
        names = [select["aria-label"] for select in page(response).select("select[name$=severity]")]
        self.assertIn("Alt text on the body's images: when it fails", names)

    def test_an_editor_makes_a_warning_blocking(self):
        setting = CheckSetting.objects.get(check_name="filing")
        self.assertEqual(setting.severity, Severity.WARNING)
        self.client.force_login(self.editor)
        response = self.client.post(self.url, self.changelist_post(setting, Severity.BLOCKING), follow=True)
        self.assertEqual(response.status_code, 200)
        setting.refresh_from_db()
        self.assertEqual(setting.severity, Severity.BLOCKING)

    def test_authors_and_translators_are_refused_even_with_a_crafted_post(self):
        setting = CheckSetting.objects.get(check_name="unpublished_links")
        for user in (self.author_user, self.translator, self.en_translator):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.get(self.url).status_code, 403)
                response = self.client.post(self.url, self.changelist_post(setting, Severity.WARNING))
                self.assertEqual(response.status_code, 403)
                change = self.client.post(f"{self.url}{setting.pk}/change/", {"severity": Severity.WARNING})
                self.assertEqual(change.status_code, 403)
        setting.refresh_from_db()
        self.assertEqual(setting.severity, Severity.BLOCKING)

    def test_a_forged_severity_is_refused_with_a_message(self):
        setting = CheckSetting.objects.get(check_name="headline")
        self.client.force_login(self.editor)
        response = self.client.post(self.url, self.changelist_post(setting, "off"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Select a valid choice", response.content.decode())
        setting.refresh_from_db()
        self.assertEqual(setting.severity, Severity.BLOCKING)

    def test_nobody_adds_or_deletes_a_check(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(f"{self.url}add/").status_code, 403)
        setting = CheckSetting.objects.first()
        self.assertEqual(self.client.post(f"{self.url}{setting.pk}/delete/", {"post": "yes"}).status_code, 403)
        self.assertEqual(CheckSetting.objects.count(), 9)
