from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from .models import Article, Byline, Section, Tag


class ReaderArticlesMixin:
    """The articles a reader of the active language may see, newest first."""

    paginate_by = 12

    def reader_articles(self):
        return Article.objects.published().available_in(get_language()).for_listing().newest_first()


class HomeView(ReaderArticlesMixin, ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return self.reader_articles()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = Section.objects.all()
        return context


class SectionView(ReaderArticlesMixin, ListView):
    template_name = "articles/section_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.section = get_object_or_404(Section, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(ReaderArticlesMixin, ListView):
    template_name = "articles/tag_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, **{f"slug_{get_language()}": self.kwargs["slug"]})
        return self.reader_articles().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleView(DetailView):
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
        article = self.get_queryset().with_slug(kwargs["slug"]).first()
        if article is None or not article.available_languages():
            raise Http404("No such article")
        if not article.is_available_in(language):
            # Not written in this language: send the reader to a version that exists.
            return redirect(article.url_in(article.available_languages()[0]))
        if article.slug_in(language) != kwargs["slug"]:
            return redirect(article.url_in(language), permanent=True)
        self.object = article
        return self.render_to_response(self.get_context_data(object=article))
