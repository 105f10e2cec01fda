class UnicodeSlugConverter:
    """Match a slug that may hold Persian letters (Django's <slug:> is ASCII only)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
