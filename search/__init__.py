"""
Search: finding articles in English and Persian.

PostgreSQL has no Persian text-search configuration, so Persian is searched with the `simple` configuration
over text we normalise ourselves (`normalise`; English uses the `english` configuration, which stems).
Each article keeps, per language, a normalised `search_text_<lang>` laid out as three lines — headline,
then standfirst with the names of its authors, section and tags, then the body (`indexing`) — and on
PostgreSQL a weighted vector of those lines and a small ranking vector of the first two (`backends.postgres`).
SQLite searches the same text (`backends.sqlite`). A reader's words become a `query.Query`; `backends.search()`
finds the matches, `results.Results` pages through them in order, and `highlight` marks the words found.

The columns live on `articles.Article` (`SEARCH_INDEX_COLUMNS`); this app keeps them current through the
receivers `signals.connect()` attaches when the app is ready, so the content apps know nothing of search.
After a bulk import that bypassed save(), run `manage.py update_search_index`.
"""
