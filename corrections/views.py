"""The reader's corrections pages: every note, newest first, and the corrections policy, in each language."""

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from core.languages import LANGUAGE_CODES
from core.structured_data import collection_page
from core.views import ReaderPageMixin, url_in

from .models import ArticleNote, CorrectionsPolicy
from .templatetags.corrections_tags import ShownNote


class CorrectionsView(ReaderPageMixin, ListView):
    """
    Every note on the articles a reader of the language may see, newest first, each linking to its article.
    Template: `corrections/note_list.html`.
    """

    template_name = "corrections/note_list.html"
    context_object_name = "notes"
    paginate_by = 30
    page_cache_tags = ("corrections",)  # a note's save invalidates the list (ArticleNote.page_cache_stale_tags)

    def get_queryset(self):
        return ArticleNote.objects.on_published_articles().readable_in(get_language()).newest_first()

    def alternate_locations(self):
        return {language: url_in(language, "corrections:list") for language in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        shown = []
        for note in context["notes"]:
            text, written_in = note.shown_in(language)
            item = ShownNote(note, text, written_in, written_in != language)
            item.url = f"{note.article.url_in(language)}#note-{note.pk}"  # the slug: no body read to find it
            shown.append(item)
        context["shown_notes"] = shown
        context["structured_data"] = [
            collection_page(
                self.request,
                name=str(_("Corrections and updates")),
                canonical_url=context["canonical_url"],
                language=language,
                items=[(item.note.article.headline, item.url) for item in shown],
            )
        ]
        return context


class PolicyView(ReaderPageMixin, TemplateView):
    """The corrections policy as the editors wrote it, in the reader's language. Template: `corrections/policy.html`."""

    template_name = "corrections/policy.html"
    page_cache_tags = ("corrections-policy",)

    def alternate_locations(self):
        return {language: url_in(language, "corrections:policy") for language in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = CorrectionsPolicy.current()
        body, written_in = policy.shown_in(get_language()) if policy else ("", get_language())
        # Sanitised by shown_in() (and on save), with the allow-list article bodies pass through.
        context.update(policy=policy, policy_html=mark_safe(body), policy_language=written_in)  # noqa: S308
        return context
