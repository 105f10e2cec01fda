"""
Search benchmark: p50 and p95 latency of English and Persian queries over a generated corpus of articles.

    .venv/bin/python bench/search.py                  # 100,000 articles in newsroom_search_bench
    .venv/bin/python bench/search.py --articles 20000 --database postgres://postgres@127.0.0.1:5432/other
    .venv/bin/python bench/search.py --newest         # the same queries sorted newest first (?sort=newest)

The database is created (and migrated) if missing and filled once; later runs reuse the corpus. Articles are
bulk-created with vocabulary-based English and Persian text (Zipf-distributed words, a long tail of
generated names, Persian words written with and without ZWNJ and with Arabic letter forms), their search
text built with the same functions the site uses, and their vectors filled in bulk. Each query then goes
through exactly what the search page runs: the reader queryset, `search()` and its first page (with the
count, up to the limit), the bylines, and the English stems to mark.
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_search_bench"

ENGLISH_WORDS = """
government economy inflation prices budget parliament election minister policy sanctions oil gas exports
currency rial dollar market bank interest rates unemployment workers wages strike protest students university
women rights court judge law reform drought water river dam reservoir farmers wheat harvest climate heat dust
pollution air cities traffic housing rent mortgage construction earthquake emergency hospital doctors nurses
medicine vaccine health insurance pension retirement tax revenue deficit debt growth recession investment
trade China Russia Europe America neighbours Iraq Afghanistan refugees migration border security army navy
drones missiles nuclear talks agreement negotiations diplomats embassy visa tourism airline flights railway
internet censorship filtering platforms messaging startups technology software engineers exports carpets
saffron pistachios cinema film festival music concert theatre books publishers translation poetry novel
history archive museum heritage mosque bazaar merchants shops inflationary wages subsidies bread petrol
electricity blackouts power grid renewables solar wind factories steel cars automakers imports tariffs
customs smuggling corruption audit transparency journalists newspapers radio television satellite audience
survey poll turnout candidates campaign debate reformists conservatives coalition cabinet president mayor
council province villages rural urban schools teachers exams curriculum children families marriage births
population ageing youth sport football league wrestling olympics coach stadium fans women spectators
""".split()

ENGLISH_GLUE = "the a of and in to for on with as by that is was are were from at it its this has have".split()

PERSIAN_WORDS = """
می‌خواهند می‌گویند دولت اقتصاد تورم قیمت بودجه مجلس انتخابات وزیر سیاست تحریم نفت گاز صادرات ارز ریال دلار بازار بانک
سود بیکاری کارگران دستمزد اعتصاب اعتراض دانشجویان دانشگاه زنان حقوق دادگاه قاضی قانون اصلاحات خشکسالی
آب رودخانه سد مخزن کشاورزان گندم برداشت اقلیم گرما گردوغبار آلودگی هوا شهرها ترافیک مسکن اجاره وام
ساخت‌وساز زلزله اورژانس بیمارستان پزشکان پرستاران دارو واکسن سلامت بیمه مستمری بازنشستگی مالیات درآمد
کسری بدهی رشد رکود سرمایه‌گذاری تجارت چین روسیه اروپا آمریکا همسایگان عراق افغانستان پناهجویان مهاجرت
مرز امنیت ارتش نیروی پهپاد موشک هسته‌ای مذاکرات توافق دیپلمات‌ها سفارت ویزا گردشگری هواپیمایی پرواز
راه‌آهن اینترنت سانسور فیلترینگ پلتفرم‌ها پیام‌رسان استارتاپ‌ها فناوری نرم‌افزار مهندسان فرش زعفران
پسته سینما فیلم جشنواره موسیقی کنسرت تئاتر کتاب‌ها ناشران ترجمه شعر رمان تاریخ آرشیو موزه میراث مسجد
بازار تاجران مغازه‌ها یارانه نان بنزین برق خاموشی شبکه تجدیدپذیر خورشیدی باد کارخانه‌ها فولاد خودرو
خودروسازان واردات تعرفه گمرک قاچاق فساد حسابرسی شفافیت روزنامه‌نگاران روزنامه‌ها رادیو تلویزیون ماهواره
مخاطبان نظرسنجی مشارکت نامزدها کارزار مناظره اصلاح‌طلبان اصولگرایان ائتلاف کابینه رئیس‌جمهور شهردار
شورا استان روستاها روستایی شهری مدارس معلمان امتحانات برنامه کودکان خانواده‌ها ازدواج تولد جمعیت
سالمندی جوانان ورزش فوتبال لیگ کشتی المپیک مربی ورزشگاه هواداران تماشاگران می‌خواهند می‌گویند نمی‌دانند
""".split()

PERSIAN_GLUE = "و در به از که این با را برای آن است بود شد می‌شود یک هم تا بر".split()
# Arabic letter forms a Persian writer's keyboard sometimes produces, as in real submitted copy.
ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})

ENGLISH_SYLLABLES = "ka ra mi sa da vo ne ta zar bar gol nush far ha shi ran del pa".split()
PERSIAN_SYLLABLES = "کا را می سا دا وو نه تا زر بر گل نوش فر ها شی ران دل پا".split()

QUERIES = {
    "en": [
        "inflation",
        "drought reservoir",
        "nuclear talks",
        "women rights court",
        "saffron exports",
        '"interest rates"',
        "wheat harvest -climate",
        "earthquake hospital",
        "internet censorship",
        "karami",
        "football league fans",
        "parliament budget deficit",
    ],
    "fa": [
        "تورم",
        "خشکسالی سد",
        "مذاکرات هسته‌ای",
        "مذاکرات هسته ای",
        "حقوق زنان",
        "صادرات زعفران",
        "كشاورزان",
        "میخواهند",
        "می‌خواهند",
        "زلزله بیمارستان",
        "بیکاری جوانان",
        "فیلترینگ اینترنت",
    ],
}


def say(*parts, flush: bool = True) -> None:
    """Write a line of the report (the benchmark's output is its result)."""
    sys.stdout.write(" ".join(str(part) for part in parts) + "\n")
    if flush:
        sys.stdout.flush()


def zipf_weights(count: int) -> list[float]:
    return [1 / (rank + 1) for rank in range(count)]


class Writer:
    """
    Vocabulary-based sentences in one language. Each article is about one or two topics (slices of the
    topic vocabulary); besides glue words and names, its words come from those topics and from a long,
    Zipf-distributed tail of other words, so a topic word appears in some articles, not in all.
    """

    TOPICS = 16

    def __init__(self, rng: random.Random, words: list[str], glue: list[str], names: list[str], tail: list[str]):
        self.rng = rng
        size = len(words) // self.TOPICS
        self.topics = [words[index * size : (index + 1) * size] for index in range(self.TOPICS)]
        self.glue = glue
        self.names = names
        self.tail = tail
        self.tail_weights = list(itertools.accumulate(zipf_weights(len(tail))))
        self.about = self.topics[0]

    def start_article(self) -> None:
        self.about = [word for topic in self.rng.sample(self.topics, self.rng.choice((1, 2))) for word in topic]

    def sentence(self, length: int) -> str:
        out = []
        for _ in range(length):
            roll = self.rng.random()
            if roll < 0.4:
                out.append(self.rng.choice(self.glue))
            elif roll < 0.45:
                out.append(self.rng.choice(self.names))
            elif roll < 0.65:
                out.append(self.rng.choice(self.about))
            else:
                out.append(self.rng.choices(self.tail, cum_weights=self.tail_weights)[0])
        return " ".join(out).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence(self.rng.randint(10, 24)) for _ in range(self.rng.randint(3, 6)))


def generated_names(
    rng: random.Random, syllables: list[str], count: int, *, capital: bool, ending: str | None = None
) -> list[str]:
    names: set[str] = set()
    if ending is None:
        ending = "i" if capital else "ی"
    while len(names) < count:
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + ending
        names.add(name.capitalize() if capital else name)
    return sorted(names)


def prepare_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            say(f"created database {name}")


def generate(total: int, rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from articles.models import Article, Byline, Section
    from authors.models import Author
    from search.indexing import refresh_search_vectors, search_text

    existing = Article.objects.count()
    if existing >= total:
        say(f"corpus: {existing} articles already there")
        return
    english_names = generated_names(rng, ENGLISH_SYLLABLES, 400, capital=True)
    persian_names = generated_names(rng, PERSIAN_SYLLABLES, 400, capital=False)
    english_tail = generated_names(rng, ENGLISH_SYLLABLES + ["lo", "te", "qu", "bo"], 20000, capital=False, ending="")
    persian_tail = generated_names(rng, PERSIAN_SYLLABLES + ["لو", "ته", "قو", "بو"], 20000, capital=False, ending="")
    english = Writer(rng, ENGLISH_WORDS, ENGLISH_GLUE, english_names, english_tail)
    persian = Writer(rng, PERSIAN_WORDS, PERSIAN_GLUE, persian_names, persian_tail)
    sections = [
        Section.objects.get_or_create(slug_en=f"bench-{en.lower()}", defaults={"name_en": en, "name_fa": fa})[0]
        for en, fa in [("Economy", "اقتصاد"), ("Politics", "سیاست"), ("Society", "جامعه"), ("Culture", "فرهنگ"),
                       ("Environment", "محیط زیست"), ("World", "جهان"), ("Science", "علم"), ("Sport", "ورزش")]
    ]  # fmt: skip
    authors = [
        Author.objects.get_or_create(
            slug=f"bench-author-{number}",
            defaults={"name_en": f"{english_names[number]} {english_names[-number - 1]}",
                      "name_fa": f"{persian_names[number]} {persian_names[-number - 1]}"},
        )[0]
        for number in range(60)
    ]  # fmt: skip
    now = timezone.now()
    started = time.perf_counter()
    batch_size = 2000
    for start in range(existing, total, batch_size):
        articles, bylines = [], []
        for number in range(start, min(start + batch_size, total)):
            roll = rng.random()
            languages = ("en", "fa") if roll < 0.7 else ("en",) if roll < 0.9 else ("fa",)
            section = rng.choice(sections)
            byline = rng.sample(authors, rng.choice((1, 1, 1, 2)))
            article = Article(
                section=section,
                status=Article.Status.PUBLISHED if rng.random() < 0.95 else Article.Status.DRAFT,
                publish_at=now - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60)),
            )
            article.first_published_at = article.publish_at
            for language, writer in (("en", english), ("fa", persian)):
                if language not in languages:
                    continue
                writer.start_article()
                headline = writer.sentence(rng.randint(5, 10)).rstrip(".")
                standfirst = writer.sentence(rng.randint(14, 24))
                body = "".join(f"<p>{writer.paragraph()}</p>" for _ in range(rng.randint(3, 6)))
                if language == "fa" and rng.random() < 0.2:
                    body = body.translate(ARABIC_FORMS)
                if language == "fa" and rng.random() < 0.3:
                    body = body.replace("\u200c", "")
                setattr(article, f"headline_{language}", headline)
                setattr(article, f"slug_{language}", f"bench-{number}-{language}")
                setattr(article, f"standfirst_{language}", standfirst)
                setattr(article, f"body_{language}", body)
                related = [getattr(author, f"name_{language}") for author in byline]
                related.append(getattr(section, f"name_{language}"))
                setattr(
                    article,
                    f"search_text_{language}",
                    search_text(headline=headline, standfirst=standfirst, related=related, body_html=body),
                )
            articles.append(article)
            bylines.append(byline)
        with transaction.atomic():
            created = Article.objects.bulk_create(articles)
            Byline.objects.bulk_create(
                Byline(article=article, author=author, position=position)
                for article, byline in zip(created, bylines, strict=True)
                for position, author in enumerate(byline)
            )
            refresh_search_vectors(Article.objects.filter(pk__in=[article.pk for article in created]))
        done = start + len(articles)
        say(f"  {done:>7} articles  ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        # Every generated row was written twice (inserted, then given its vectors): compact the table as a
        # live site's autovacuum would, by reusing the space, over time.
        cursor.execute("VACUUM FULL ANALYZE articles_article")


def run_queries(rounds: int, niceness: int = 0, *, newest: bool = False) -> None:
    from django.db import connection, reset_queries
    from django.utils import translation

    from articles.models import Article
    from search.backends import marked_terms, search
    from search.query import Query
    from search.views import RESULTS_PER_PAGE

    if niceness:
        # This process and its database backend only: other work on a shared machine keeps running.
        backend = connection.cursor().connection.info.backend_pid
        for pid in (os.getpid(), backend):
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
        say(f"niceness {niceness} for this process and its PostgreSQL backend ({backend})")
    say(f"\nPostgreSQL {connection.cursor().connection.info.server_version}, "
          f"{Article.objects.count()} articles, {rounds} rounds per query{', newest first' if newest else ''} "
          "(reader queryset + search() + first page of 10 with its count + bylines + stems to mark)\n")  # fmt: skip
    timings: dict[str, list[float]] = {"en": [], "fa": []}
    for language, queries in QUERIES.items():
        translation.activate(language)
        for raw in queries:
            per_query = []
            for round_number in range(rounds + 1):
                started = time.perf_counter()
                query = Query.parse(raw, language)
                articles = Article.objects.published().available_in(language).for_listing()
                found = search(articles, query, language, newest=newest)
                page = found.page(1, RESULTS_PER_PAGE)
                results = list(page)
                marked_terms(query, language)
                elapsed = (time.perf_counter() - started) * 1000
                if round_number:  # the first round warms the cache
                    per_query.append(elapsed)
                reset_queries()
            timings[language].extend(per_query)
            top = results[0].headline[:40] if results else "-"
            median = statistics.median(per_query)
            matches = f"{page.limit:,}+" if page.capped else f"{page.found:,}"
            say(f"  {language}  {raw:<28} {matches:>7} matches  p50 {median:6.1f} ms  top: {top}")
    say()
    for language, values in [*timings.items(), ("all", timings["en"] + timings["fa"])]:
        values = sorted(values)
        p50 = statistics.median(values)
        p95 = values[int(round(0.95 * (len(values) - 1)))]
        say(f"{language:>4}: {len(values)} searches  p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {values[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--nice", type=int, default=0, help="CPU priority of the timed queries, e.g. -10 on a shared machine (root)"
    )
    parser.add_argument("--newest", action="store_true", help="sort the results newest first, not best first")
    options = parser.parse_args()
    if not options.database.startswith("postgres"):
        parser.error("the benchmark measures PostgreSQL full-text search: give a postgres:// URL")

    os.environ["DATABASE_URL"] = options.database
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    prepare_database(options.database)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    generate(options.articles, random.Random(options.seed))
    run_queries(options.rounds, options.nice, newest=options.newest)


if __name__ == "__main__":
    main()
