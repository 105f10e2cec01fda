"""
Load the demo newsroom: authors, sections, tags, a series and bilingual articles, plus demo users.

Idempotent: every object is found by its slug (or username) and brought up to date, so a second run
changes no counts. Images are drawn with Pillow; nothing is downloaded.
"""

import io
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.demo import ARTICLES, AUTHORS, SECTIONS, SERIES, TAGS
from articles.models import Article, ArticleType, Byline, Section, Tag
from articles.tasks import make_renditions_now
from authors.models import Author
from core import media, roles
from core.renditions import is_pending
from series.models import Series

# Demo-only accounts for trying the admin locally; the README lists them. Never deploy them.
DEMO_USERS = [
    # username, password, group, is_superuser
    ("editor", "newsroom-editor-demo", roles.EDITOR, False),
    ("author", "newsroom-author-demo", roles.AUTHOR, False),
    ("translator", "newsroom-translator-demo", roles.TRANSLATOR_GROUPS["fa"], False),
]


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def draw_picture(colours: tuple[str, str], size: tuple[int, int], seed: str) -> bytes:
    """Draw an abstract illustration: a diagonal gradient between two colours with a few soft shapes."""
    width, height = size
    start, end = (hex_to_rgb(colour) for colour in colours)
    gradient = Image.linear_gradient("L").rotate(45, expand=True).resize(size)
    image = Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), gradient)
    draw = ImageDraw.Draw(image, "RGBA")
    rng = random.Random(seed)
    for _ in range(6):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = (255, 255, 255, rng.randint(25, 70)) if rng.random() < 0.5 else (0, 0, 0, rng.randint(20, 50))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    for band in range(3):
        top = height * (0.55 + band * 0.12)
        draw.rectangle((0, top, width, top + height * 0.04), fill=(255, 255, 255, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def draw_avatar(colour: str, seed: str) -> bytes:
    """Draw a square avatar: the author's colour with a light circle and shoulders."""
    image = Image.new("RGB", (400, 400), hex_to_rgb(colour))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.ellipse((130, 70, 270, 210), fill=(255, 255, 255, 200))
    draw.ellipse((70, 230, 330, 490), fill=(255, 255, 255, 160))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Create or refresh the demo newsroom (authors, sections, tags, a series, articles and demo users)."

    def handle(self, *args, **options):
        # media.atomic: a failed run leaves neither rows nor the files made for them.
        with media.atomic():
            self.load_everything()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo newsroom ready: {Author.objects.count()} authors, {Section.objects.count()} sections, "
                f"{Tag.objects.count()} tags, {Series.objects.count()} series, {Article.objects.count()} articles."
            )
        )

    def load_everything(self) -> None:
        authors = {data["slug"]: self.load_author(data) for data in AUTHORS}
        sections = {
            data["slug_en"]: self.load_named(Section, data, position=index) for index, data in enumerate(SECTIONS)
        }
        tags = {data["slug_en"]: self.load_named(Tag, data) for data in TAGS}
        series = {data["slug_en"]: self.load_series(data) for data in SERIES}
        articles = [
            self.load_article(data, authors=authors, sections=sections, tags=tags, series=series) for data in ARTICLES
        ]
        # The pictures are made here rather than by the worker, so the demo shows them with no worker running;
        # the tasks the saves queued find them made and end at once.
        for article in articles:
            if is_pending(article.image_renditions):
                make_renditions_now(pk=article.pk, source=article.image.name)
        self.load_users(authors)

    def load_author(self, data: dict) -> Author:
        author, _created = Author.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name_en": data["name_en"],
                "name_fa": data["name_fa"],
                "job_title_en": data["job_title_en"],
                "job_title_fa": data["job_title_fa"],
                "bio_en": data["bio_en"],
                "bio_fa": data["bio_fa"],
                "email": data.get("email", ""),
                "website": data.get("website", ""),
                "x_handle": data.get("x", ""),
                "telegram": data.get("telegram", ""),
                "linkedin": data.get("linkedin", ""),
                "instagram": data.get("instagram", ""),
            },
        )
        if not author.avatar:
            author.avatar.save(f"{author.slug}.jpg", ContentFile(draw_avatar(data["colour"], author.slug)))
        return author

    def load_named(self, model, data: dict, **extra):
        obj, _created = model.objects.update_or_create(
            slug_en=data["slug_en"],
            defaults={"slug_fa": data["slug_fa"], "name_en": data["name_en"], "name_fa": data["name_fa"], **extra},
        )
        return obj

    def load_series(self, data: dict) -> Series:
        series, _created = Series.objects.update_or_create(
            slug_en=data["slug_en"],
            defaults={
                "slug_fa": data["slug_fa"],
                "title_en": data["title_en"],
                "title_fa": data["title_fa"],
                "description_en": data["description_en"],
                "description_fa": data["description_fa"],
            },
        )
        return series

    def load_article(self, data: dict, *, authors, sections, tags, series) -> Article:
        publish_at = timezone.now().replace(second=0, microsecond=0) - timedelta(days=data["days_ago"])
        fields = {
            "slug_fa": data["slug_fa"] or None,
            "section": sections[data["section"]],
            # The demo desk writes analysis unless a piece says otherwise (the types are migration 0015's).
            "article_type": ArticleType.objects.filter(slug_en=data.get("type", "analysis")).first(),
            "series": series[data["series"]] if data.get("series") else None,
            "part": data.get("part"),
            "status": data["status"],
            "publish_at": publish_at if data["status"] == Article.Status.PUBLISHED else None,
        }
        for language in ("en", "fa"):
            for name in ("headline", "standfirst", "body", "image_alt", "image_caption", "image_credit"):
                fields[f"{name}_{language}"] = data[f"{name}_{language}"]
        article = Article.objects.filter(slug_en=data["slug_en"]).first()
        if article is None:
            article = Article(slug_en=data["slug_en"], **fields)
        else:
            # Keep the publication moment of an existing demo article: re-running must not move it.
            fields.pop("publish_at")
            for name, value in fields.items():
                setattr(article, name, value)
        article.full_clean()
        article.save()
        article.tags.set([tags[slug] for slug in data["tags"]])
        for position, slug in enumerate(data["authors"]):
            Byline.objects.update_or_create(article=article, author=authors[slug], defaults={"position": position})
        article.bylines.exclude(author__slug__in=data["authors"]).delete()
        if not article.image:
            picture = draw_picture(data["colours"], (1600, 1000), data["slug_en"])
            article.image.save(f"{data['slug_en']}.jpg", ContentFile(picture))
        # The demo pretends each piece was written when it was published, so none reads as "Updated".
        written = article.publish_at or timezone.now()
        Article.objects.filter(pk=article.pk).update(created_at=written, updated_at=written)
        return article

    def load_users(self, authors: dict) -> None:
        User = get_user_model()
        self.stdout.write("Demo users (local use only):")
        for username, password, group_name, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
            user.is_staff = True
            user.is_superuser = is_superuser
            if created:
                user.set_password(password)
            user.save()
            group, _created = Group.objects.get_or_create(name=group_name)
            user.groups.add(group)
            self.stdout.write(f"  {username} / {password}  ({group_name})")
        # The demo author account writes as Maryam Karimi.
        Author.objects.filter(slug="maryam-karimi").update(user=User.objects.get(username="author"))
