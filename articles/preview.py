"""
The staff preview's pieces shared by its two views (ArticleAdmin): the saved article, and the form as it is now.

The preview of a form posts the form itself (new article or unsaved edits) and writes nothing: the admin
validates it like a save would, then this module turns the valid form and its byline rows into an article
that is never saved, its relations answered from memory, so that the page's one context builder
(`views.article_page_context`) and the reader's template render it unchanged. The admin also runs it in a
transaction that is always rolled back, in case anything on the way were ever to write.

An image chosen in the form but not saved has no renditions yet. Making them would write nine files for a
glance, so the preview shows one column-sized WebP copy, upright and without metadata as renditions are,
kept in the pending folder of `core.kept_uploads` (not a data: URL: a 5 MB photo inlined in the page, and
the templates name files by storage name); `clear_pending_uploads` deletes it with the other kept files a
day later. An image the form kept across an earlier validation error is read, never consumed.
"""

import io
import posixpath

from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from PIL import Image, ImageOps, UnidentifiedImageError

from core.kept_uploads import keep
from core.renditions import WEBP_QUALITY, WIDTHS
from core.text import localise_digits

from .models import Article, Byline

# Previews are for the people who may see them, now: no browser, proxy or search engine keeps one.
PREVIEW_HEADERS = {
    "Cache-Control": "private, no-cache, no-store, must-revalidate, max-age=0",
    "X-Robots-Tag": "noindex, nofollow",
}
# A new article has no primary key, and Django's related managers refuse to work without one, even when
# every row they would return is already in memory. No row has this one (keys start at 1).
UNSAVED_PK = 0


def preview_response(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """Render a preview page, never stored and never indexed."""
    response = render(request, template, context)
    for header, value in PREVIEW_HEADERS.items():
        response[header] = value
    return response


def article_from_form(form, byline_rows: list[Byline] | None, *, author=None) -> Article:
    """
    Return the article a valid admin form would save, with its bylines and tags as posted, without saving it.

    `byline_rows` are the posted bylines (None: keep the stored ones, when the form has none or someone else
    changed them); `author` is the writing author whose byline a save would add (ArticleAdmin.save_related).
    """
    article = form.save(commit=False)
    article.derive_fields()
    if "image" in form.changed_data:
        article.image_renditions = unsaved_image_renditions(form.cleaned_data.get("image"))
    if article.pk is None:
        article.pk = UNSAVED_PK
        byline_rows = byline_rows or []
    if byline_rows is not None:
        if author is not None and all(row.author_id != author.pk for row in byline_rows):
            byline_rows = [*byline_rows, Byline(article=article, author=author, position=len(byline_rows))]
        answer_from_memory(article, "bylines", byline_rows)
    if "tags" in form.cleaned_data:
        answer_from_memory(article, "tags", list(form.cleaned_data["tags"]))
    elif article.pk == UNSAVED_PK:
        answer_from_memory(article, "tags", [])
    return article


def posted_bylines(formset) -> list[Byline]:
    """Return the byline rows of a valid formset as a save would leave them: not deleted, in their order."""
    rows = [
        (form.cleaned_data.get("position") or 0, index, form.instance)
        for index, form in enumerate(formset.forms)
        if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
    ]
    return [byline for _position, _index, byline in sorted(rows, key=lambda row: row[:2])]


def answer_from_memory(instance, relation: str, objects: list) -> None:
    """Make `instance.<relation>.all()` return these objects with no query, as a prefetch would have left it."""
    queryset = getattr(instance, relation).none()
    # What prefetch_related_objects() stores: Django offers no public way to prefetch objects already in hand.
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset


def unsaved_image_renditions(upload) -> dict:
    """
    Return a manifest of one file for an image chosen in the form but not saved (see the module's note), or
    an empty one when the image was cleared, cannot be read, or the storage refused the copy.
    """
    if not upload:
        return {}
    try:
        upload.seek(0)
        with Image.open(upload) as original:
            image = ImageOps.exif_transpose(original)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        return {}
    finally:
        upload.seek(0)
    if image.width > WIDTHS[-1]:
        image = image.resize((WIDTHS[-1], round(image.height * WIDTHS[-1] / image.width)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    stem = posixpath.splitext(posixpath.basename(upload.name or ""))[0] or "image"
    kept = keep(ContentFile(buffer.getvalue(), name=f"{stem}-preview.webp"))
    if kept is None:
        return {}
    entry = [image.width, image.height, kept.pending_name]
    # Every browser the site serves reads WebP; the "jpeg" list is the manifest's fallback <img>.
    return {"source": kept.pending_name, "width": image.width, "height": image.height,
            "webp": [entry], "jpeg": [entry], "og": entry}  # fmt: skip


def form_problems(form, formsets_with_inlines) -> list[str]:
    """Return what keeps the form from being saved, one plain sentence per problem, in the active language."""
    problems = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        problems += [labelled(label, message) for message in errors]
    language = get_language()
    for formset, inline in formsets_with_inlines:
        title = capfirst(inline.verbose_name)
        problems += [labelled(inline.verbose_name_plural, message) for message in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            row_title = gettext("%(row)s %(number)s") % {"row": title, "number": localise_digits(number, language)}
            for name, errors in row.errors.items():
                label = row.fields[name].label if name in row.fields else None
                place = gettext("%(row)s, %(field)s") % {"row": row_title, "field": label} if label else row_title
                problems += [labelled(place, message) for message in errors]
    return problems


def labelled(label, message) -> str:
    if not label:
        return str(message)
    return gettext("%(field)s: %(problem)s") % {"field": capfirst(label), "problem": message}
