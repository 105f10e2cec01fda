"""The article list in the admin keeps each request's state to itself: the admin object is shared by all of them."""

from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article
from desk import state
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article


def persian_state_of(html, headline: str) -> str:
    """Return the Persian translation state the list shows on the row of the article with this headline."""
    row = next(row for row in html.select("#result_list tbody tr") if headline in row.text)
    return row.select_one("td.field-language_fa").text.strip()


class ArticleListRequestStateTests(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.model_admin = admin.site.get_model_admin(Article)
        self.stale = make_article(headline_en="Stale Persian")
        state.confirm(self.stale, "fa", by=self.translator)
        self.stale.body_en = "<p>New facts the Persian does not have yet.</p>"
        self.stale.save()
        self.fresh = make_article(headline_en="Fresh Persian")

    def changelist_request(self, search: str):
        request = RequestFactory().get(reverse("admin:articles_article_changelist"), {"q": search})
        request.user = self.editor
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return request

    def test_two_interleaved_lists_each_show_their_own_rows_states(self):
        # Both lists are built before either is rendered, as two threads of one server may do.
        stale_list = self.model_admin.changelist_view(self.changelist_request("Stale"))
        fresh_list = self.model_admin.changelist_view(self.changelist_request("Fresh"))
        fresh_list.render()
        stale_list.render()
        self.assertEqual(persian_state_of(page(stale_list), "Stale Persian"), "outdated")
        self.assertEqual(persian_state_of(page(fresh_list), "Fresh Persian"), "up to date")

    def test_a_request_leaves_nothing_on_the_shared_admin(self):
        before = dict(vars(self.model_admin))
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertEqual(persian_state_of(page(response), "Stale Persian"), "outdated")
        self.assertEqual(vars(self.model_admin).keys(), before.keys())
        self.assertTrue(all(vars(self.model_admin)[name] is value for name, value in before.items()))
