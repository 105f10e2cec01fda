"""Personas and a browser-like form reader for the admin stories."""

import re

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse

from tests.factories import make_author, make_user


def form_values(response, form_id: str | None = None) -> dict[str, list[str]]:
    """Return what a browser would submit from the page's form, as {name: [values]}."""
    soup = BeautifulSoup(response.content, "html.parser")
    # The form that saves (method post): the desk's page also has a GET form (pre-fill from memory).
    form = soup.find("form", id=form_id or re.compile(r"_form$"), method="post")
    form = form or soup.find("form", class_="desk-form")
    data: dict[str, list[str]] = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            data.setdefault(name, []).append(element.text.lstrip("\n"))
        elif element.name == "select":
            data.setdefault(name, [])
            data[name] += [option.get("value", "") for option in element.find_all("option", selected=True)]
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file"):
            data.setdefault(name, []).append(element.get("value", ""))
    return data


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def messages_on(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


class NewsroomAdminTestCase(TestCase):
    """An editor, an author (writing as a byline author), a Persian and an English translator."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", groups=["Editor"], is_staff=True)
        cls.author_user = make_user("author", groups=["Author"], is_staff=True)
        cls.author = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی", user=cls.author_user)
        cls.other_author = make_author(name_en="Reza Ahmadi", name_fa="رضا احمدی")
        cls.translator = make_user("translator", groups=["Translator (fa)"], is_staff=True)
        cls.en_translator = make_user("en-translator", groups=["Translator (en)"], is_staff=True)

    def change_url(self, obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])

    def open_form(self, user, obj):
        self.client.force_login(user)
        response = self.client.get(self.change_url(obj))
        self.assertEqual(response.status_code, 200)
        return form_values(response)

    def post_form(self, user, obj, data: dict, follow=True):
        self.client.force_login(user)
        return self.client.post(self.change_url(obj), data, follow=follow)
