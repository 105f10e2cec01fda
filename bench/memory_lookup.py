"""
Translation-memory benchmark: how long the desk's lookups take for a 1,500-word article against a memory of
1,000,000 segments on PostgreSQL (issue 18 asks for at most 100 ms at the 95th percentile).

    .venv/bin/python bench/memory_lookup.py                 # newsroom_tm_bench, 1,000,000 segments
    .venv/bin/python bench/memory_lookup.py --segments 200000 --database postgres://postgres@127.0.0.1:5432/other

The database is created and migrated if missing and filled once with COPY; later runs reuse it. The memory is
what confirming generated articles would leave: per article a headline, a standfirst, subheadings, paragraphs of
three to six sentences, and each paragraph's sentences (the words from bench/search.py's vocabularies: topics,
glue words, names and a Zipf-distributed tail; Persian with and without ZWNJ and with Arabic letter forms), 60 %
English→Persian and 40 % Persian→English.

Each measured article has about 1,500 words: a quarter of its paragraphs are in the memory as they are, a sixth are
stored paragraphs with a word or two changed, the rest are new. One measurement is one call of
memory.matching.lookup() with all the article's pieces, as the desk screen makes it (headline, standfirst,
subheadings, paragraphs); a second series adds each paragraph's sentences. First, a calibration: the share of
edited pairs with a rapidfuzz ratio of 75 or more that share a fingerprint (memory.recording.anchors), that is,
that a lookup can find at all.
"""

import argparse
import hashlib
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import (  # noqa: E402
    ARABIC_FORMS,
    ENGLISH_GLUE,
    ENGLISH_SYLLABLES,
    ENGLISH_WORDS,
    PERSIAN_GLUE,
    PERSIAN_SYLLABLES,
    PERSIAN_WORDS,
    Writer,
    generated_names,
    prepare_database,
    say,
)

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_tm_bench"


def writers(rng: random.Random) -> dict[str, Writer]:
    english_names = generated_names(rng, ENGLISH_SYLLABLES, 400, capital=True)
    persian_names = generated_names(rng, PERSIAN_SYLLABLES, 400, capital=False)
    english_tail = generated_names(rng, ENGLISH_SYLLABLES + ["lo", "te", "qu", "bo"], 20000, capital=False, ending="")
    persian_tail = generated_names(rng, PERSIAN_SYLLABLES + ["لو", "ته", "قو", "بو"], 20000, capital=False, ending="")
    return {
        "en": Writer(rng, ENGLISH_WORDS, ENGLISH_GLUE, english_names, english_tail),
        "fa": Writer(rng, PERSIAN_WORDS, PERSIAN_GLUE, persian_names, persian_tail),
    }


def persian_variant(rng: random.Random, text: str) -> str:
    """Persian as different hands type it: Arabic letter forms, or ZWNJs left out."""
    roll = rng.random()
    if roll < 0.2:
        return text.translate(ARABIC_FORMS)
    if roll < 0.4:
        return text.replace("\u200c", "")
    return text


def source_article(writer: Writer, rng: random.Random, source: str) -> list[tuple[str, str, str]]:
    """Return (field, position, text) for an article's pieces and its paragraphs' sentences."""
    writer.start_article()
    pieces = [
        ("headline", "", writer.sentence(rng.randint(5, 10)).rstrip(".")),
        ("standfirst", "", writer.sentence(rng.randint(14, 24))),
    ]
    position = 0
    for _section in range(rng.randint(2, 4)):
        position += 1
        pieces.append(("body", str(position), writer.sentence(rng.randint(3, 6)).rstrip(".")))
        for _paragraph in range(rng.randint(2, 6)):
            position += 1
            sentences = [writer.sentence(rng.randint(10, 24)) for _ in range(rng.randint(3, 6))]
            pieces.append(("body", str(position), " ".join(sentences)))
            pieces += [("body", f"{position}.s{index}", text) for index, text in enumerate(sentences, start=1)]
    if source == "fa":
        pieces = [(field, place, persian_variant(rng, text)) for field, place, text in pieces]
    return pieces


def fill(total: int, rng: random.Random) -> None:
    """COPY `total` segments into memory_segment (kept: later runs reuse them), then build the indexes."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from articles.models import Article
    from core.text import fold
    from memory.models import Segment
    from memory.recording import anchors

    existing = Segment.objects.count()
    if existing >= total:
        say(f"memory: {existing:,} segments already there")
        return
    Segment.objects.all().delete()
    content_type = ContentType.objects.get_for_model(Article).pk
    pen = writers(rng)
    pool = {language: [pen[language].sentence(rng.randint(8, 24)) for _ in range(5000)] for language in pen}
    started = time.perf_counter()
    with connection.cursor() as cursor:
        columns = (
            "source_language, target_language, source_text, target_text, folded, key, length, head, middle, tail, "
            "prefix, suffix, kind, content_type_id, object_id, field, position, title, recorded_at"
        )
        written, number = 0, 0
        with cursor.copy(f"COPY memory_segment ({columns}) FROM STDIN") as copy:
            while written < total:
                number += 1
                source = "en" if rng.random() < 0.6 else "fa"
                target = "fa" if source == "en" else "en"
                for field, position, text in source_article(pen[source], rng, source):
                    if written == total:
                        break
                    folded = fold(text)
                    key = hashlib.sha256("".join(folded.split()).encode()).hexdigest()
                    kind = "sentence" if ".s" in position else "field" if not position else "paragraph"
                    copy.write_row(
                        (source, target, text, rng.choice(pool[target]), folded, key, len(folded), *anchors(folded),
                         kind, content_type, number, field, position, f"Article {number}", "2026-12-04 12:00:00+00")
                    )  # fmt: skip
                    written += 1
                if number % 2000 == 0:
                    say(f"  {written:>9,} segments  ({time.perf_counter() - started:.0f} s)")
        cursor.execute("VACUUM ANALYZE memory_segment")
        say(f"copied {written:,} segments (indexes and statistics included) in {time.perf_counter() - started:.0f} s")


def edited(rng: random.Random, writer: Writer, text: str) -> str:
    """Change one or two words of a text, as a later article rewords a stock phrase."""
    words = text.split()
    for _ in range(rng.choice((1, 1, 2))):
        words[rng.randrange(len(words))] = writer.sentence(1).rstrip(".").lower()
    return " ".join(words)


def calibrate(rng: random.Random, pairs: int = 20000) -> None:
    """How many edited pairs with a ratio of 75 or more share a fingerprint, so that a lookup finds them at all."""
    from rapidfuzz import fuzz

    from core.text import fold
    from memory.matching import FUZZY_THRESHOLD, _marks
    from memory.recording import anchors, exact_key

    pen = writers(rng)
    for label, lengths in (("short texts (1-7 words)", (1, 7)), ("sentences and paragraphs", (8, 60))):
        kept = shared = 0
        for _ in range(pairs):
            language = rng.choice(("en", "fa"))
            text = pen[language].sentence(rng.randint(*lengths))
            other = edited(rng, pen[language], text)
            if language == "fa":
                other = persian_variant(rng, other)
            one, two = fold(text), fold(other)
            if fuzz.ratio(one, two) < FUZZY_THRESHOLD:
                continue
            kept += 1
            shared += bool(_marks(exact_key(one), anchors(one)) & _marks(exact_key(two), anchors(two)))
        say(f"calibration, {label}: of {kept:,} pairs edited in a word or two with ratio >= {FUZZY_THRESHOLD},")
        say(f"  {shared:,} ({100 * shared / kept:.1f} %) share a fingerprint (found by a lookup)")


def article_pieces(rng: random.Random, pen: dict[str, Writer], source: str):
    """
    A ~1,500-word article: its pieces as the desk looks them up, its paragraphs' sentences, its words, and the
    paragraphs that the memory holds (as they are or reworded).
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT source_text FROM memory_segment WHERE source_language = %s AND kind = 'paragraph' "
            "AND object_id = %s",
            [source, rng.randint(1, 5000)],
        )
        stored = [row[0] for row in cursor.fetchall()]
    writer = pen[source]
    writer.start_article()
    pieces = [writer.sentence(8).rstrip("."), writer.sentence(20)]
    sentences, known = [], []
    words = 28
    while words < 1500:
        if len(pieces) % 6 == 2:
            pieces.append(writer.sentence(5).rstrip("."))
            words += 5
            continue
        roll = rng.random()
        if stored and roll < 0.25:
            paragraph = rng.choice(stored)
            known.append(paragraph)
        elif stored and roll < 0.42:
            paragraph = edited(rng, writer, rng.choice(stored))
            known.append(paragraph)
        else:
            paragraph = " ".join(writer.sentence(rng.randint(10, 24)) for _ in range(rng.randint(3, 5)))
        pieces.append(paragraph)
        sentences += [part for part in paragraph.split(". ") if part]
        words += len(paragraph.split())
    return pieces, sentences, words, known


def measure(rng: random.Random, articles: int) -> None:
    from memory.matching import lookup

    pen = writers(rng)
    for source, target in (("en", "fa"), ("fa", "en")):
        for label, with_sentences in (("pieces (the desk screen)", False), ("pieces and sentences", True)):
            timings, counts, found, words_seen, recalled, expected = [], [], [], [], 0, 0
            for round_number in range(articles + 3):
                pieces, sentences, words, known = article_pieces(rng, pen, source)
                texts = pieces + sentences if with_sentences else pieces
                started = time.perf_counter()
                result = lookup(texts, source_language=source, target_language=target)
                elapsed = (time.perf_counter() - started) * 1000
                if round_number >= 3:  # the first three warm the caches
                    timings.append(elapsed)
                    counts.append(len(texts))
                    found.append(sum(1 for matches in result.values() if matches))
                    words_seen.append(words)
                    expected += len(known)
                    recalled += sum(1 for text in known if result.get(text))
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            say(
                f"{source}→{target} {label}: {len(timings)} articles of ~{statistics.mean(words_seen):,.0f} words, "
                f"{statistics.mean(counts):.0f} lookups each, {statistics.mean(found):.0f} with a match"
            )
            say(f"  per article: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
            say(f"  stored or reworded paragraphs found: {recalled} of {expected}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=40, help="articles measured per direction and series")
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    options = parser.parse_args()
    prepare_database(options.database)
    os.environ["DATABASE_URL"] = options.database
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", "memory", verbosity=0)  # and what it depends on (content types, users), nothing else
    rng = random.Random(18)
    fill(options.segments, rng)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(",")[0]
        cursor.execute("SELECT count(*), pg_size_pretty(pg_total_relation_size('memory_segment')) FROM memory_segment")
        count, size = cursor.fetchone()
    say(f"bench/memory_lookup.py, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs")
    say(f"{version}; memory_segment: {count:,} segments, {size} with indexes")
    calibrate(random.Random(75))
    measure(random.Random(1500), options.articles)


if __name__ == "__main__":
    main()
