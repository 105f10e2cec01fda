"""
The hostile newsroom: every XSS payload typed by an editor into every text field, through the admin.

Each payload goes whole into every text field in both languages. A field holds several payloads at
once, packed up to its maximum length (a payload longer than the field is cut to fit, which is one
more piece of broken markup); so each model gets as many objects as its narrowest field needs chunks,
each made by a real POST of the admin's add form as an editor would submit it. The pages showing them
are rendered once per test class and inspected by the tests.
"""

import json
from dataclasses import dataclass, field

from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from core.text import without_control_characters
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.pages import TemporaryMediaMixin

from .markup import csp_nonce, read
from .payloads import packed

LANGUAGES = ("en", "fa")
# How many of a model's objects have their admin change form rendered and inspected.
CHANGE_FORMS = 8


@dataclass
class Rendered:
    url: str
    status: int
    content_type: str
    text: str
    nonce: str | None

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")


@dataclass
class Plan:
    """What goes into each text field: field name -> its values, one per object (cycled when shorter)."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)

    @property
    def objects(self) -> int:
        return max(len(values) for values in self.fields.values())

    def values_for(self, index: int) -> dict[str, str]:
        return {name: values[index % len(values)] for name, values in self.fields.items()}


def text_plan(limits: dict[str, int]) -> Plan:
    """Plan a model's text fields: {name: max length}; translated names get both languages, Persian reversed."""
    plan = Plan()
    for name, limit in limits.items():
        if name.endswith("*"):
            base = name[:-1]
            for language in LANGUAGES:
                plan.fields[f"{base}_{language}"] = packed(limit, reverse_order=language == "fa")
                plan.limits[f"{base}_{language}"] = limit
        else:
            plan.fields[name] = packed(limit)
            plan.limits[name] = limit
    return plan


class HostileAdminTestCase(TemporaryMediaMixin, NewsroomAdminTestCase):
    """Submits a model's plan through its admin add form, then renders and inspects the pages showing it."""

    model = None
    plan: Plan
    # Text sent as is, in every object's form (fields a test class needs besides the payloads).
    fixed: dict = {}

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.prepare()
        cls.editor_client = Client()
        cls.editor_client.force_login(cls.editor)
        opts = cls.model._meta
        add_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        blank = form_values(cls.editor_client.get(add_url))
        cls.submitted: list[tuple[int, dict[str, str]]] = []
        for index in range(cls.plan.objects):
            values = cls.plan.values_for(index)
            data = {**blank, **cls.form_extras(index), **{name: [value] for name, value in values.items()}}
            response = cls.editor_client.post(add_url, data)
            if response.status_code != 302:
                errors = [item.get_text(" ") for item in page(response).select(".errorlist, .errornote")]
                raise AssertionError(f"object {index} of {opts.model_name} was not saved: {errors}")
            # What was typed, as it is kept: control characters are dropped on save (a test of their own).
            kept = {name: without_control_characters(value) for name, value in values.items()}
            cls.submitted.append((cls.model._default_manager.latest("pk").pk, kept))
        cls.after_submission()
        cls.rendered = [cls.render(client, url) for client, url in cls.pages()]
        cls.problems = cls.inspect()
        cls.facts = cls.read_facts()

    # For subclasses -------------------------------------------------------------------------

    @classmethod
    def prepare(cls):
        """Create what the objects need (a section for articles, …) before the payloads go in."""

    @classmethod
    def form_extras(cls, index: int) -> dict[str, list[str]]:
        return {key: [value] for key, value in cls.fixed.items()}

    @classmethod
    def after_submission(cls):
        """Attach the new objects to what shows them (articles, bylines, …)."""

    @classmethod
    def pages(cls) -> list[tuple[Client, str]]:
        raise NotImplementedError

    @classmethod
    def read_facts(cls) -> dict:
        """Read, once, what the tests compare with what was typed (parsing every page per test is slow)."""
        return {}

    # Rendering and inspection ---------------------------------------------------------------

    @classmethod
    def objects(cls):
        return cls.model._default_manager.filter(pk__in=[pk for pk, _values in cls.submitted]).order_by("pk")

    @classmethod
    def reader_urls(cls, view_name: str, slug_field: str = "slug") -> list[str]:
        urls = []
        for obj in cls.objects():
            for language in LANGUAGES:
                slug = getattr(obj, f"{slug_field}_{language}", None) if slug_field == "slug" else None
                slug = slug or getattr(obj, slug_field)
                with translation.override(language):
                    urls.append(reverse(view_name, kwargs={"slug": slug}))
        return urls

    @classmethod
    def admin_urls(cls) -> list[str]:
        opts = cls.model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        first_version = Version.objects.get_for_object_reference(cls.model, cls.submitted[0][0]).last().pk
        return [
            changelist,
            f"{changelist}?p=2",
            f"{changelist}?q=alert",
            # Change forms show every field in one kind of widget: a sample of them, each with other payloads.
            *(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
                for pk, _ in cls.submitted[:: max(1, len(cls.submitted) // CHANGE_FORMS)]
            ),
            reverse("admin:index"),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[cls.submitted[0][0]]),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[cls.submitted[0][0], first_version]),
            reverse("desk:translate", args=[opts.app_label, opts.model_name, cls.submitted[1][0]]) + "?language=fa",
            reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[cls.submitted[-1][0]]),
        ]

    @classmethod
    def render(cls, client: Client, url: str) -> Rendered:
        response = client.get(url)
        translation.deactivate()
        content_type = response.headers.get("Content-Type", "")
        return Rendered(url, response.status_code, content_type, response.content.decode(), csp_nonce(response))

    @classmethod
    def inspect(cls) -> dict[str, list[str]]:
        """Read every HTML page once: collect its problems, and keep its text in cls.texts for the tests."""
        problems: dict[str, list[str]] = {}
        cls.texts = {}
        for rendered in cls.rendered:
            if rendered.is_html:
                found, cls.texts[rendered.url] = read(rendered.text, rendered.nonce)
                for kind, items in found.items():
                    problems.setdefault(kind, []).extend(f"{rendered.url}: {item}" for item in items)
        return problems

    # Shared assertions ----------------------------------------------------------------------

    def assertNoProblem(self, *kinds: str):
        found = {kind: self.problems.get(kind, [])[:8] for kind in kinds if self.problems.get(kind)}
        self.assertEqual(found, {}, json.dumps(found, indent=1, ensure_ascii=False))
