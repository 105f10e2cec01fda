"""The related-articles cards under an article: pictures as sharp as the card is wide, in both languages."""

from datetime import timedelta

from tests.factories import image_upload, make_article, make_pictured_article, make_section
from tests.pages import Page, ReaderTestCase, TemporaryMediaMixin

THREE_IN_A_ROW = "(min-width: 72rem) 22rem, (min-width: 45rem) calc(50vw - 3rem), calc(100vw - 2rem)"


def widths(srcset: str) -> list[int]:
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(",")]


class RelatedCardPictureTests(TemporaryMediaMixin, ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(name_en="Environment", name_fa="محیط زیست")
        cls.article = make_article(section=section, published_ago=timedelta(days=1))
        cls.related = [
            make_pictured_article(
                section=section, image=image_upload(size=(1600, 1000)), published_ago=timedelta(days=day)
            )
            for day in (2, 3, 4)
        ]

    def cards(self, language, article=None):
        response = self.client.get((article or self.article).url_in(language))
        self.assertEqual(response.status_code, 200)
        return Page(response).select(".related .item__image picture")

    def test_each_card_offers_every_width_up_to_a_wide_screens(self):
        for language in ("en", "fa"):
            with self.subTest(language):
                cards = self.cards(language)
                self.assertEqual(len(cards), 3)
                for picture in cards:
                    source, image = picture.select_one("source"), picture.select_one("img")
                    self.assertEqual(source["type"], "image/webp")
                    self.assertEqual(widths(source["srcset"]), [480, 800, 1200, 1600])
                    self.assertEqual(widths(image["srcset"]), [480, 800, 1200, 1600])
                    self.assertTrue(all(".jpg" in candidate for candidate in image["srcset"].split(",")))
                    self.assertEqual(image["loading"], "lazy", "the cards are below the article")

    def test_sizes_tell_the_browser_how_wide_the_card_is(self):
        # Three cards share a wide screen's row; below 45rem each spans the page, so no fixed thumbnail width.
        for picture in self.cards("fa"):
            for element in (picture.select_one("source"), picture.select_one("img")):
                self.assertEqual(element["sizes"], THREE_IN_A_ROW)

    def test_a_card_alone_in_its_row_asks_for_a_picture_as_wide_as_the_page(self):
        lonely = make_article(section=make_section(), published_ago=timedelta(hours=1))
        make_pictured_article(
            section=lonely.section, image=image_upload(size=(1600, 1000)), published_ago=timedelta(hours=2)
        )
        [picture] = self.cards("en", lonely)
        self.assertEqual(picture.select_one("img")["sizes"], "(min-width: 72rem) 68rem, calc(100vw - 2rem)")
        self.assertIn("1600w", picture.select_one("source")["srcset"])

    def test_lists_keep_their_small_thumbnails(self):
        response = self.client.get(self.article.section.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        source = Page(response).select(".item:not(.item--lead) .item__image picture source")[0]
        self.assertEqual(source["sizes"], "(min-width: 700px) 240px, 100vw")
        self.assertEqual(widths(source["srcset"]), [480, 800])
