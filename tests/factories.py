"""Small builders for the objects the stories in our tests need."""

import io
from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Byline, Section, Tag
from authors.models import Author
from series.models import Series

_numbers = count(1)

ENGLISH_BODY = (
    "<h2>What changed</h2><p>The reservoir behind the old dam has fallen for the third year running, "
    "and the farmers downstream are changing what they plant.</p>"
)
PERSIAN_BODY = (
    "<h2>چه تغییر کرد</h2><p>آب مخزن پشت سد قدیمی برای سومین سال پیاپی پایین رفته است و کشاورزان "
    "پایین‌دست آنچه می‌کارند را تغییر می‌دهند.</p>"
)


def make_author(**fields) -> Author:
    number = next(_numbers)
    fields.setdefault("name_en", f"Author {number}")
    fields.setdefault("name_fa", f"نویسنده {number}")
    return Author.objects.create(**fields)


def make_section(**fields) -> Section:
    number = next(_numbers)
    fields.setdefault("name_en", f"Section {number}")
    fields.setdefault("name_fa", f"بخش {number}")
    return Section.objects.create(**fields)


def make_tag(**fields) -> Tag:
    number = next(_numbers)
    fields.setdefault("name_en", f"Tag {number}")
    fields.setdefault("name_fa", f"برچسب {number}")
    return Tag.objects.create(**fields)


def make_series(**fields) -> Series:
    number = next(_numbers)
    fields.setdefault("title_en", f"Series {number}")
    fields.setdefault("title_fa", f"مجموعه {number}")
    return Series.objects.create(**fields)


def make_article(
    *, authors=None, tags=(), languages=("en", "fa"), published_ago=timedelta(days=1), **fields
) -> Article:
    """Create an article written in the given languages, published `published_ago` before now (None: a draft)."""
    number = next(_numbers)
    if "en" in languages:
        fields.setdefault("headline_en", f"Rivers in retreat, part {number}")
        fields.setdefault("standfirst_en", "Why the water table keeps falling.")
        fields.setdefault("body_en", ENGLISH_BODY)
    if "fa" in languages:
        fields.setdefault("headline_fa", f"رودهایی که عقب می‌نشینند {number}")
        fields.setdefault("standfirst_fa", "چرا سطح آب زیرزمینی پایین‌تر می‌رود.")
        fields.setdefault("body_fa", PERSIAN_BODY)
    if "section" not in fields:
        fields["section"] = make_section()
    if published_ago is not None:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("publish_at", timezone.now() - published_ago)
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors if authors is not None else [make_author()]):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    return article


def make_pictured_article(**fields) -> Article:
    """Create an article with an image (`image=`) and run the queued tasks, which make its renditions."""
    from tests.tasks import run_queued_tasks  # the worker's loop: imported only by the tests that need it

    article = make_article(**fields)
    run_queued_tasks()
    article.refresh_from_db()
    return article


def make_user(username: str, *, groups=(), **fields):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=username, password="a-long-test-password", **fields)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def image_upload(name="picture.jpg", size=(800, 500), format="JPEG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{format.lower()}")
