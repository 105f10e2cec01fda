"""The structured-data check itself: what it lets through and what it refuses, so a passing page means something."""

from django.test import SimpleTestCase

from tests.schema_org import vocabulary_problems

ARTICLE = {
    "@context": "https://schema.org",
    "@type": "AnalysisNewsArticle",
    "headline": "Where the water went",
    "datePublished": "2026-03-01T09:00:00+00:00",
    "dateModified": "2026-03-02T09:00:00+00:00",
    "author": [{"@type": "Person", "name": "Maryam Karimi", "url": "https://example.org/en/authors/maryam/"}],
    "image": ["https://example.org/media/a.jpg"],
    "correction": [{"@type": "CorrectionComment", "text": "The dam's height was 90 m.", "datePublished": "2026-03-02"}],
    "publishingPrinciples": "https://example.org/en/corrections-policy/",
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "Newsroom",
        "correctionsPolicy": "https://example.org/en/corrections-policy/",
        "logo": {"@type": "ImageObject", "url": "https://example.org/static/logo.png"},
    },
}


class SchemaOrgVocabularyTests(SimpleTestCase):
    def test_an_analysis_with_its_corrections_and_publisher_is_all_schema_org(self):
        self.assertEqual(vocabulary_problems(ARTICLE), [])

    def test_a_misspelt_type_is_named(self):
        problems = vocabulary_problems({**ARTICLE, "@type": "AnalysisArticle"})
        self.assertIn("$: 'AnalysisArticle' is not a schema.org type", problems)

    def test_a_property_of_another_type_is_named_with_the_type_it_belongs_to(self):
        problems = vocabulary_problems({**ARTICLE, "correctionsPolicy": "https://example.org/policy/"})
        self.assertEqual(
            problems,
            ["$.correctionsPolicy: AnalysisNewsArticle has no property 'correctionsPolicy' "
             "(it belongs to NewsMediaOrganization, Organization)"],
        )  # fmt: skip

    def test_an_unknown_property_and_a_wrong_kind_of_value_are_named(self):
        problems = vocabulary_problems(
            {**ARTICLE, "readingTime": "9 min", "author": [{"@type": "Place", "name": "Tehran"}]}
        )
        self.assertIn("$.readingTime: 'readingTime' is not a schema.org property", problems)
        self.assertIn("$.author[0]: a Place where 'author' takes Organization, Person", problems)

    def test_a_document_without_the_schema_org_context_is_refused(self):
        self.assertIn(
            "@context is None, not https://schema.org", vocabulary_problems({"@type": "WebSite", "name": "x"})
        )
