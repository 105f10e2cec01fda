"""
The article form's "Take down" and "Restore" pages (ArticleAdmin.get_urls): what an editor with the publish
permission fills in and confirms; articles/services.py makes the change. Anyone else is refused on the
server (403), whatever they post.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES
from core.roles import can_publish, language_name

from . import services
from .models import Article


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=services.TAKEDOWN_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why it is taken down (a court order, a safety risk…). Kept in the history; readers never see it."),
        error_messages={"required": _("Give the reason for the takedown: it is kept in the history.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            self.fields[f"notice_{code}"] = forms.CharField(
                label=_("Notice for readers (%(language)s)") % {"language": language_name(code)},
                required=False,
                max_length=services.TAKEDOWN_TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code, "dir": "rtl" if code == "fa" else "ltr"}),
                help_text=_(
                    "Optional: a legal notice shown instead of the short standard one on this language's page."
                ),
            )

    def notices(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"notice_{code}", "") for code in LANGUAGE_CODES}


def _article(model_admin, request, pk) -> Article:
    article = get_object_or_404(Article.objects.without_search_index(), pk=pk)
    if not model_admin.has_view_permission(request, article):
        raise Http404
    if not can_publish(request.user):
        raise PermissionDenied
    return article


def _change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _page(model_admin, request, article, template, **context):
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            **context,
        },
    )


def _report(request, transition) -> None:
    if transition.done:
        messages.success(request, str(transition.outcome.label))
    elif transition.outcome == services.Outcome.REFUSED:
        messages.error(request, str(transition.reason))
    else:
        messages.warning(request, str(transition.reason))


def takedown_view(model_admin, request, pk):
    """Ask for the reason and the optional notices; on a valid POST, take the article down."""
    article = _article(model_admin, request, pk)
    if article.is_taken_down():
        messages.warning(request, gettext("It is already taken down: nothing was changed."))
        return HttpResponseRedirect(_change_url(article))
    form = TakedownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        transition = services.take_down_article(
            article=article, by=request.user, reason=form.cleaned_data["reason"], legal_notice=form.notices()
        )
        _report(request, transition)
        return HttpResponseRedirect(_change_url(article))
    notice_fields = [form[f"notice_{code}"] for code in LANGUAGE_CODES]
    return _page(model_admin, request, article, "admin/articles/article/takedown.html",
                 title=gettext("Take down “%(article)s”") % {"article": article}, form=form,
                 notice_fields=notice_fields)  # fmt: skip


def restore_view(model_admin, request, pk):
    """Confirm, then (POST) give a taken-down article back to readers."""
    article = _article(model_admin, request, pk)
    if request.method == "POST":
        _report(request, services.restore_article(article=article, by=request.user))
        return HttpResponseRedirect(_change_url(article))
    if not article.is_taken_down():
        messages.warning(request, gettext("Only a taken-down article can be restored."))
        return HttpResponseRedirect(_change_url(article))
    return _page(model_admin, request, article, "admin/articles/article/restore.html",
                 title=gettext("Restore “%(article)s”") % {"article": article})  # fmt: skip
