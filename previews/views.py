from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.preview import preview_response
from articles.views import article_page_context, with_page_relations

from .tokens import link_for

# Why a preview address does not open, and what the partner is told: (status, heading, explanation).
REFUSALS = {
    "invalid": (404, _("This preview link is not valid"),
                _("The address may be incomplete: copy the whole link again, or ask the newsroom for a new one.")),
    "revoked": (410, _("This preview link has been withdrawn"),
                _("The newsroom has stopped this link. Ask them for a new one if you still need it.")),
    "expired": (410, _("This preview link has expired"),
                _("Preview links work for a limited time. Ask the newsroom for a new one if you still need it.")),
    "unavailable": (404, _("This preview is not available"),
                    _("The article is not available in this language any more. Ask the newsroom for a new link.")),
}  # fmt: skip


@require_safe
def preview_page(request: HttpRequest, token: str) -> HttpResponse:
    """
    Show a partner, signed in or not, an unpublished article as readers will see it, in the link's language,
    while the link works; say plainly why when it does not. Template: `previews/preview_page.html` (the
    reader's article page), or `previews/link_refused.html`. Never stored by a cache, never indexed.
    """
    link = link_for(token)
    if link is None:
        return refused(request, "invalid", get_language())
    language = link.language
    if link.is_revoked():
        return refused(request, "revoked", language)
    if link.is_expired():
        return refused(request, "expired", language)
    article = with_page_relations(Article.objects.without_search_index()).filter(pk=link.article_id).first()
    if article is None or not article.is_available_in(language):
        return refused(request, "unavailable", language)
    if article.is_published():
        return redirect(article.url_in(language))  # readers see it now: the preview is the page itself
    # Dated as readers will see it: from its scheduled time, else its embargo's end, else now (in memory only).
    article.publish_at = article.publish_at or article.embargo_until or timezone.now()
    with translation.override(language):
        context = article_page_context(article, language, request=request)
        context.update(object=article, language=language, link=link)
        response = preview_response(request, "previews/preview_page.html", context)
    response["Content-Language"] = language
    response["Referrer-Policy"] = "no-referrer"  # the address is the key: links out of the page never carry it
    return response


def refused(request: HttpRequest, reason: str, language: str) -> HttpResponse:
    status, heading, explanation = REFUSALS[reason]
    with translation.override(language):
        context = {"heading": heading, "explanation": explanation, "language": language}
        response = preview_response(request, "previews/link_refused.html", context)
    response.status_code = status
    response["Content-Language"] = language
    return response
