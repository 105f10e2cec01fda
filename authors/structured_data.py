"""What an author's page says of them to search engines (JSON-LD; see core/structured_data.py)."""

from core.structured_data import absolute


def person(request, author, *, same_as: bool = False) -> dict:
    data = {"@type": "Person", "name": author.name, "url": absolute(request, author.get_absolute_url())}
    if author.job_title:
        data["jobTitle"] = author.job_title
    if same_as:
        links = [url for _network, url in author.social_links()]
        if links:
            data["sameAs"] = links
        if author.avatar:
            data["image"] = absolute(request, author.avatar.url)
        if author.bio:
            data["description"] = author.bio
    return data
