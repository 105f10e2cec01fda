"""
Counts kept per language for the reader's lists (home, each section, each tag), so that a list page does not
count a whole archive on every uncached request (a COUNT over a million rows took about half a second).

PostgreSQL only (on SQLite the lists count as before): a table `articles_listcount`, kept by triggers in the
same transaction as every change, so a count is right the moment the change commits. It counts, per
language, the articles whose status is published (scheduled ones included) and that are written in it
(headline and body filled, as core.models.written_in); a reader's count subtracts the few scheduled ones
still in the future (articles/views.py, ReaderListMixin). A TRUNCATE of the articles (a test database being
flushed) empties it. The languages are those published when this migration was written: a language added
later needs a migration that rebuilds the triggers and the counts.
"""

from django.db import migrations

LANGUAGES = ("en", "fa")

TABLE = """
CREATE TABLE articles_listcount (
    scope varchar(10) NOT NULL,
    object_id bigint NOT NULL,
    language varchar(10) NOT NULL,
    articles bigint NOT NULL,
    PRIMARY KEY (scope, object_id, language)
);

CREATE FUNCTION articles_listcount_add(p_scope text, p_object bigint, p_language text, p_delta integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO articles_listcount AS kept (scope, object_id, language, articles)
    VALUES (p_scope, p_object, p_language, p_delta)
    ON CONFLICT (scope, object_id, language) DO UPDATE SET articles = kept.articles + EXCLUDED.articles;
$$;

CREATE FUNCTION articles_listcount_listed(p_status text, p_publish_at timestamptz, p_headline text, p_body text)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT p_status = 'published' AND p_publish_at IS NOT NULL
        AND coalesce(p_headline, '') <> '' AND coalesce(p_body, '') <> '';
$$;

CREATE FUNCTION articles_listcount_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_listcount;
    RETURN NULL;
END;
$$;
"""


def article_trigger() -> str:
    """An article's change moves it in or out of its lists: home, its section (old and new), its tags."""
    steps = []
    for language in LANGUAGES:
        was = (
            f"(TG_OP <> 'INSERT' AND articles_listcount_listed(OLD.status, OLD.publish_at, "
            f"OLD.headline_{language}, OLD.body_{language}))"
        )
        now = (
            f"(TG_OP <> 'DELETE' AND articles_listcount_listed(NEW.status, NEW.publish_at, "
            f"NEW.headline_{language}, NEW.body_{language}))"
        )
        steps.append(f"""
    was := {was};
    listed := {now};
    IF was AND listed AND OLD.section_id = NEW.section_id THEN
        NULL;  -- still listed in the same places
    ELSE
        IF was THEN
            PERFORM articles_listcount_add('home', 0, '{language}', -1);
            PERFORM articles_listcount_add('section', OLD.section_id, '{language}', -1);
        END IF;
        IF listed THEN
            PERFORM articles_listcount_add('home', 0, '{language}', 1);
            PERFORM articles_listcount_add('section', NEW.section_id, '{language}', 1);
        END IF;
        IF was <> listed THEN
            FOR topic IN SELECT tag_id FROM articles_article_tags WHERE article_id = OLD.id ORDER BY tag_id LOOP
                PERFORM articles_listcount_add('tag', topic, '{language}', CASE WHEN listed THEN 1 ELSE -1 END);
            END LOOP;
        END IF;
    END IF;""")
    return f"""
CREATE FUNCTION articles_listcount_article() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was boolean;
    listed boolean;
    topic bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        OLD := NEW;  -- a new article has no tags yet; OLD.id below names it
    END IF;
    IF TG_OP = 'DELETE' THEN
        NEW := OLD;
    END IF;
    {"".join(steps)}
    RETURN NULL;
END;
$$;
"""


def tag_trigger() -> str:
    """A tag put on or taken off a listed article moves it in or out of that tag's list."""
    steps = []
    for language in LANGUAGES:
        steps.append(f"""
    IF TG_OP IN ('DELETE', 'UPDATE') AND EXISTS (
        SELECT 1 FROM articles_article WHERE id = OLD.article_id
        AND articles_listcount_listed(status, publish_at, headline_{language}, body_{language})
    ) THEN
        PERFORM articles_listcount_add('tag', OLD.tag_id, '{language}', -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM articles_article WHERE id = NEW.article_id
        AND articles_listcount_listed(status, publish_at, headline_{language}, body_{language})
    ) THEN
        PERFORM articles_listcount_add('tag', NEW.tag_id, '{language}', 1);
    END IF;""")
    return f"""
CREATE FUNCTION articles_listcount_tagging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {"".join(steps)}
    RETURN NULL;
END;
$$;
"""


TRIGGERS = """
CREATE TRIGGER articles_listcount_article AFTER INSERT OR UPDATE OR DELETE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_listcount_article();
CREATE TRIGGER articles_listcount_tagging AFTER INSERT OR UPDATE OR DELETE ON articles_article_tags
    FOR EACH ROW EXECUTE FUNCTION articles_listcount_tagging();
CREATE TRIGGER articles_listcount_truncated AFTER TRUNCATE ON articles_article
    FOR EACH STATEMENT EXECUTE FUNCTION articles_listcount_truncated();
"""


def fill() -> str:
    """Count the articles already there."""
    parts = []
    for language in LANGUAGES:
        listed = f"articles_listcount_listed(a.status, a.publish_at, a.headline_{language}, a.body_{language})"
        parts.append(f"""
INSERT INTO articles_listcount (scope, object_id, language, articles)
    SELECT 'home', 0, '{language}', count(*) FROM articles_article a WHERE {listed};
INSERT INTO articles_listcount (scope, object_id, language, articles)
    SELECT 'section', a.section_id, '{language}', count(*) FROM articles_article a WHERE {listed} GROUP BY a.section_id;
INSERT INTO articles_listcount (scope, object_id, language, articles)
    SELECT 'tag', t.tag_id, '{language}', count(*) FROM articles_article_tags t
    JOIN articles_article a ON a.id = t.article_id WHERE {listed} GROUP BY t.tag_id;""")
    return "".join(parts)


DROP = """
DROP TRIGGER IF EXISTS articles_listcount_truncated ON articles_article;
DROP TRIGGER IF EXISTS articles_listcount_tagging ON articles_article_tags;
DROP TRIGGER IF EXISTS articles_listcount_article ON articles_article;
DROP FUNCTION IF EXISTS articles_listcount_tagging();
DROP FUNCTION IF EXISTS articles_listcount_article();
DROP FUNCTION IF EXISTS articles_listcount_truncated();
DROP FUNCTION IF EXISTS articles_listcount_listed(text, timestamptz, text, text);
DROP FUNCTION IF EXISTS articles_listcount_add(text, bigint, text, integer);
DROP TABLE IF EXISTS articles_listcount;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (TABLE, article_trigger(), tag_trigger(), TRIGGERS, fill()):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_indexes_for_a_large_archive")]

    operations = [migrations.RunPython(create, drop)]
