"""What an article's JSON-LD says of its notes and of the newsroom's corrections policy (schema.org)."""

from datetime import datetime

from django.urls import reverse
from django.utils import translation

from core.structured_data import absolute, iso_datetime


def policy_url(request, language: str) -> str:
    with translation.override(language):
        return absolute(request, reverse("corrections:policy"))


def extend_news_article(request, article, data: dict, *, language: str) -> None:
    """
    Add the article's corrections (`correction`: CorrectionComment items), its last change (`dateModified`, the
    newest note's time when later) and the corrections policy (`publishingPrinciples`, and `correctionsPolicy`
    on the publisher, a NewsMediaOrganization).
    """
    policy = policy_url(request, language)
    data["publishingPrinciples"] = policy
    if isinstance(data.get("publisher"), dict):
        data["publisher"] = {**data["publisher"], "correctionsPolicy": policy}
    notes = list(article.notes.all()) if article.pk else []
    corrections = []
    for note in notes:
        if note.is_correcting():
            text, written_in = note.shown_in(language)
            corrections.append(
                {
                    "@type": "CorrectionComment",
                    "text": text,
                    "datePublished": iso_datetime(note.noted_at),
                    "inLanguage": written_in,  # the other language's until it is translated
                }
            )
    if corrections:
        data["correction"] = corrections
    if notes:
        newest = max(note.noted_at for note in notes)
        modified = data.get("dateModified")
        if not modified or newest > datetime.fromisoformat(modified):
            data["dateModified"] = iso_datetime(newest)
