from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.languages import LANGUAGE_CODES
from core.models import filled
from series.models import Series
from series.reading import series_in, series_parts

from . import structured_data
from .models import Article, Byline, Section, Tag
from .outline import outline

RELATED_COUNT = 3
SECTION_BLOCK_SIZE = 4
SECTION_WINDOW = 300
HOME_SERIES_COUNT = 4


def url_in(language: str, view_name: str, **kwargs) -> str | None:
    """Return a page's address in a language (None when it has no slug there)."""
    if not all(kwargs.values()):
        return None
    with translation.override(language):
        return reverse(view_name, kwargs=kwargs or None)


def page_suffix(page) -> str:
    """Return "?page=N" for the second and later pages of a list, which are pages of their own."""
    return f"?page={page.number}" if page is not None and page.number > 1 else ""


class ReaderPageMixin:
    """What every reader page's <head> needs: its canonical address and its versions in other languages."""

    def alternate_locations(self) -> dict[str, str]:
        """Return {language: path} for each language this page exists in (the current one included)."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        locations = self.alternate_locations()
        request = self.request
        alternates = [(code, request.build_absolute_uri(path)) for code, path in locations.items()]
        context.update(
            language=language,
            alternates=alternates if len(alternates) > 1 else [],
            x_default=dict(alternates).get(settings.LANGUAGE_CODE) or alternates[0][1] if alternates else "",
            other_language_urls={code: path for code, path in locations.items() if code != language},
            canonical_url=request.build_absolute_uri(locations[language] + page_suffix(context.get("page_obj"))),
        )
        return context


class ReaderListMixin(ReaderPageMixin):
    """A paginated list of the articles a reader of the active language may see, newest first."""

    paginate_by = 12
    context_object_name = "articles"

    def reader_articles(self):
        return Article.objects.published().available_in(get_language()).for_listing().as_teasers().newest_first()

    def collection_data(self, name, context) -> dict:
        articles = context["articles"]
        return structured_data.collection_page(
            self.request,
            name=name,
            canonical_url=context["canonical_url"],
            language=get_language(),
            items=[(article.headline, article.get_absolute_url()) for article in articles],
        )


class HomeView(ReaderListMixin, ListView):
    """The front page: the lead story, the latest articles, each section's newest, series in progress."""

    template_name = "articles/home.html"

    def get_queryset(self):
        return self.reader_articles()

    def alternate_locations(self):
        return {language: url_in(language, "articles:home") for language in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        articles = list(context["articles"])
        first_page = context["page_obj"].number == 1
        context.update(
            lead=articles[0] if first_page and articles else None,
            latest=articles[1:] if first_page else articles,
            section_blocks=self.section_blocks(language) if first_page else [],
            series_in_progress=self.series_in_progress(language) if first_page else [],
            structured_data=[structured_data.website(self.request, language=language)],
        )
        return context

    def section_blocks(self, language: str) -> list[tuple[Section, list[Article]]]:
        """Return each section with its newest few articles in this language, in three small queries.

        Only the newest few hundred articles are looked at, so the cost does not grow with the archive; a
        section with nothing among them has no block on the front page (it keeps its place in the navigation).
        """
        sections = list(Section.objects.filter(filled(f"slug_{language}")))
        recent = Article.objects.published().available_in(language).newest_first()
        chosen: dict[int, list[int]] = {}
        for pk, section_id in recent.values_list("pk", "section_id")[:SECTION_WINDOW]:
            picks = chosen.setdefault(section_id, [])
            if len(picks) < SECTION_BLOCK_SIZE:
                picks.append(pk)
        articles = Article.objects.as_teasers().in_bulk([pk for picks in chosen.values() for pk in picks])
        return [(section, [articles[pk] for pk in chosen[section.pk]]) for section in sections if section.pk in chosen]

    def series_in_progress(self, language: str) -> list[Series]:
        return list(series_in(language).order_by("-latest_part_at")[:HOME_SERIES_COUNT])


class SectionView(ReaderListMixin, ListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles().filter(section=self.section)

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "articles:section", slug=self.section.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section=self.section, current_section=self.section, **kwargs)
        home = reverse("articles:home")
        context["structured_data"] = [
            self.collection_data(self.section.name, context),
            structured_data.breadcrumbs(self.request, [(_("Home"), home), (self.section.name, self.request.path)]),
        ]
        return context


class TagView(ReaderListMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles().filter(tags=self.tag)

    def alternate_locations(self):
        return {
            language: location
            for language in LANGUAGE_CODES
            if (location := url_in(language, "articles:tag", slug=self.tag.slug_in(language)))
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        context["structured_data"] = [self.collection_data(self.tag.name, context)]
        return context


class ArticleView(ReaderPageMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("section", "series")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("author")),
                "tags",
            )
        )

    def get(self, request, *args, **kwargs):
        language = get_language()
        # Another article may have this slug in the other language: the one with it in this language wins.
        candidates = list(self.get_queryset().with_slug(kwargs["slug"]))
        article = next((c for c in candidates if c.slug_in(language) == kwargs["slug"]), None) or next(
            iter(candidates), None
        )
        if article is None or not article.available_languages():
            raise Http404("No such article")
        if not article.is_available_in(language):
            # Not written in this language: send the reader to a version that exists.
            return redirect(article.url_in(article.available_languages()[0]))
        if article.slug_in(language) != kwargs["slug"]:
            return redirect(article.url_in(language), permanent=True)
        self.object = article
        return self.render_to_response(self.get_context_data(object=article))

    def alternate_locations(self):
        return {language: self.object.url_in(language) for language in self.object.available_languages()}

    def related_articles(self, article, language: str) -> list[Article]:
        """Return the newest few articles sharing the article's series, section or a tag.

        Ordered by date alone so that the database walks its publication index and stops after a few rows,
        however large the archive; the series' own parts are listed in full in the series box.
        """
        tagged = Article.tags.through.objects.filter(tag__in=[tag.pk for tag in article.tags.all()]).values("article")
        condition = Q(section=article.section_id) | Q(pk__in=tagged)
        if article.series_id:
            condition |= Q(series=article.series_id)
        return list(
            Article.objects.published()
            .available_in(language)
            .exclude(pk=article.pk)
            .filter(condition)
            .for_listing()
            .as_teasers()
            .newest_first()[:RELATED_COUNT]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article, language, request = self.object, get_language(), self.request
        parts = series_parts(article.series, language, current=article) if article.series_id else []
        readable = [part for part in parts if part.url]
        here = next((index for index, part in enumerate(readable) if part.is_current), None)
        home = reverse("articles:home")
        context.update(
            outline=outline(article.body),
            authors=article.ordered_authors(),
            tags=list(article.tags.all()),
            series_parts=parts,
            previous_part=readable[here - 1] if here else None,
            next_part=readable[here + 1] if here is not None and here + 1 < len(readable) else None,
            related=self.related_articles(article, language),
            current_section=article.section,
            published_at=article.first_published_at or article.publish_at,
            structured_data=[
                structured_data.news_article(
                    request, article, canonical_url=context["canonical_url"], language=language
                ),
                structured_data.breadcrumbs(
                    request,
                    [
                        (_("Home"), home),
                        (article.section.name, article.section.get_absolute_url()),
                        (article.headline, request.path),
                    ],
                ),
            ],
        )
        return context
