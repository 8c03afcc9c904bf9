"""The link table (cxgov.ui.kit.link_table): a link opens its page in the same session, and nothing else does."""

import re
from types import SimpleNamespace

import pytest

from cxgov.i18n import t
from cxgov.models import Role
from cxgov.ui.kit import link_table
from cxgov.ui.kit.safe import plain
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page

# Ways a script inserts markup: the component must write user text with textContent only.
HTML_SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|"
    r"\beval\(|new Function|srcdoc"
)


def test_the_component_never_inserts_text_as_html():
    script = (link_table.ASSETS / "link_table.js").read_text(encoding="utf-8")
    assert not HTML_SINKS.findall(script)
    assert "textContent" in script and 'setAttribute("href"' in script


def _clicked(monkeypatch, target):
    """The browser reports a plain click (or Enter) on the link to `target`."""
    monkeypatch.setattr(link_table, "_mount", lambda **_: SimpleNamespace(open=target))


@pytest.fixture
def listed(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    return url, manager, add_initiative(engine, owner_id=manager, title="Callback pilot")


def test_a_click_opens_the_initiative_in_the_same_session(monkeypatch, listed):
    url, manager, initiative = listed
    _clicked(monkeypatch, f"initiative?id={initiative}")
    at = open_page(monkeypatch, url, "initiatives", acting=manager)
    assert not at.exception, at.exception
    assert at.title[0].value == "Callback pilot"  # the initiative's page, in this run's session
    assert at.query_params["id"] == str(initiative)
    signed_in = plain(t("accounts.signed_in_as", name="Mila Manager", role=t("enum.role.manager")))
    assert signed_in in [m.value for m in at.sidebar.markdown]  # the same person still acting


@pytest.mark.parametrize(
    "target", ["initiative?id=999999", "initiative-form?id=1", "javascript:alert(1)", "", None, ["initiative?id=1"]]
)
def test_only_a_target_the_table_links_to_is_opened(monkeypatch, listed, target):
    url, manager, _ = listed
    _clicked(monkeypatch, target)
    at = open_page(monkeypatch, url, "initiatives", acting=manager)
    assert not at.exception, at.exception
    assert at.title[0].value == "Initiatives"
