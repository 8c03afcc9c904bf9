"""Admin → Board pack template in AppTest, on both databases: the template in use with its layouts and the file to
download, an upload checked before anything is stored (each refusal with the service's own message), the way back
to the default, a stored file changed behind cxgov's back, and the page not existing for anyone else."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.errors import DomainError
from cxgov.i18n import t
from cxgov.models import PackTemplate, Role
from cxgov.pack.template import check_template, default_template
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.pack_templates import upload_template
from cxgov.ui.kit.safe import plain
from cxgov.ui.navigation import page_file
from tests.admin_helpers import run
from tests.factories import add_person
from tests.hostile import CORPUS, fit
from tests.pack.templates import company_template, macro_enabled, rewritten, without_content_layout
from tests.pages.harness import open_page, texts
from tests.pages.test_hostile_rendering import assert_safe

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PAGE = "pack-template"


def _rows(engine) -> list[tuple[str, bool]]:
    with session_scope(engine) as session:
        return [
            (row.file_name, row.retired_at is None)
            for row in session.execute(sa.select(PackTemplate).order_by(PackTemplate.id)).scalars()
        ]


def _page(monkeypatch, url: str, who: int, lang: str = "en"):
    at = open_page(monkeypatch, url, PAGE, lang=lang, acting=who)
    assert not at.exception, at.exception
    return at


def _upload(at, name: str, data: bytes, mime: str = PPTX):
    [uploader] = at.file_uploader
    uploader.set_value((name, data, mime))
    at.run()
    at.button(key="pack_template_upload").click().run()
    assert not at.exception, at.exception
    return at


def _layout_lines(lang: str, title: str, content: str) -> list[str]:
    return [
        t("pack_template_page.layout_title", lang, name=plain(title)),
        t("pack_template_page.layout_content", lang, name=plain(content)),
    ]


@pytest.mark.parametrize(("role", "lang"), [(Role.ADMIN, "en"), (Role.PROGRAMME_OFFICE, "nl")])
def test_the_default_then_an_uploaded_template_is_shown_in_use_with_its_layouts(monkeypatch, db, downloads, role, lang):
    url, engine = db
    person = add_person(engine, role, name="Priya Ramdin")
    at = _page(monkeypatch, url, person, lang)
    shown = texts(at)
    assert at.title[0].value == t("entity.pack_template", lang)
    assert t("pack_template_page.default", lang) in shown
    assert all(line in shown for line in _layout_lines(lang, "Title Slide", "Title and Content"))
    assert downloads["cxgov-board-pack-template.pptx"]() == default_template()  # the default, to start from
    assert not [b for b in at.button if b.key == "pack_template_default"]  # nothing to go back from
    assert at.button(key="pack_template_upload").disabled  # no file chosen yet

    company = company_template()
    at = _upload(at, "Voltera huisstijl.pptx", company)
    shown = texts(at)
    assert t("pack_template_page.uploaded_done", lang, name=plain("Voltera huisstijl.pptx")) in shown
    assert _rows(engine) == [("Voltera huisstijl.pptx", True)]
    [line] = [m.value for m in at.markdown if "Voltera" in m.value]
    assert line.startswith(f"**{plain('Voltera huisstijl.pptx')}** · 0")  # a template of some kilobytes
    assert ("geüpload door Priya Ramdin op" if lang == "nl" else "uploaded by Priya Ramdin on") in line
    assert all(line in shown for line in _layout_lines(lang, "Titel", "Inhoud"))  # found by their placeholders
    assert downloads["Voltera huisstijl.pptx"]() == company
    assert [f.key for f in at.file_uploader] == ["pack_template_file.1"]  # a fresh, empty uploader
    assert at.file_uploader[0].value is None
    assert [b.key for b in at.button if b.key == "pack_template_default"] == ["pack_template_default"]


def test_the_upload_help_names_the_size_limit(monkeypatch, db):
    url, engine = db
    monkeypatch.setenv("CXGOV_PACK_TEMPLATE_MAX_MB", "7")
    at = _page(monkeypatch, url, add_person(engine, Role.ADMIN), "nl")
    [uploader] = at.file_uploader
    assert uploader.help.startswith("Hoogstens 7 MB (CXGOV_PACK_TEMPLATE_MAX_MB).")
    assert uploader.allowed_type == [".pptx"]


@pytest.mark.parametrize(
    ("refused", "key"),
    [
        pytest.param(macro_enabled, "pack.template.error.macros", id="macros under a .pptx name"),
        pytest.param(without_content_layout, "pack.template.error.no_layout", id="no title and content layout"),
        pytest.param(lambda: b"PK but not a zip at all", "pack.template.error.not_pptx", id="not a zip"),
        pytest.param(lambda: b"\0" * (1024 * 1024 + 1), "pack.template.error.too_large", id="over the limit"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_refused_upload_shows_the_services_message_and_stores_nothing(monkeypatch, db, refused, key, lang):
    url, engine = db
    monkeypatch.setenv("CXGOV_PACK_TEMPLATE_MAX_MB", "1")
    admin = add_person(engine, Role.ADMIN)
    run(engine, upload_template, admin, file_name="2026.pptx", data=company_template())
    at = _page(monkeypatch, url, admin, lang)
    data = refused()
    with pytest.raises(DomainError) as expected:
        check_template(data, "huisstijl.pptx")
    assert expected.value.key == key
    at = _upload(at, "huisstijl.pptx", data)
    assert [e.value for e in at.error] == [plain(expected.value.message(lang))]
    assert _rows(engine) == [("2026.pptx", True)]  # the one in use stays in use
    assert "2026" in next(m.value for m in at.markdown if "**" in m.value)
    assert at.file_uploader[0].key == "pack_template_file.0"  # the refused file stays chosen, to try again


def test_a_template_without_a_content_layout_is_refused_naming_its_layouts(monkeypatch, db):
    url, engine = db
    at = _upload(_page(monkeypatch, url, add_person(engine, Role.ADMIN)), "huisstijl.pptx", without_content_layout())
    [error] = [e.value for e in at.error]
    assert plain("layouts found: 'Title Slide' (title, subtitle), 'Title Only' (title), 'Blank'") in error
    assert _rows(engine) == []


def test_going_back_to_the_default_retires_the_upload(monkeypatch, db, downloads):
    url, engine = db
    admin = add_person(engine, Role.ADMIN)
    run(engine, upload_template, admin, file_name="2026.pptx", data=company_template())
    at = _page(monkeypatch, url, admin)
    at.button(key="pack_template_default").click().run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert t("pack_template_page.back_done") in shown and t("pack_template_page.default") in shown
    assert _rows(engine) == [("2026.pptx", False)]
    assert not [b for b in at.button if b.key == "pack_template_default"]
    assert downloads["cxgov-board-pack-template.pptx"]() == default_template()


def test_a_stored_template_changed_behind_cxgovs_back_is_named_and_can_be_replaced(monkeypatch, db):
    url, engine = db
    admin = add_person(engine, Role.ADMIN)
    template_id = run(engine, upload_template, admin, file_name="2026.pptx", data=default_template())
    with engine.begin() as connection:
        connection.execute(
            sa.update(PackTemplate).where(PackTemplate.id == template_id).values(content=company_template())
        )
    at = _page(monkeypatch, url, admin, "nl")
    assert [e.value for e in at.error] == [plain(t("pack.template.error.changed", "nl", name="2026.pptx"))]
    assert not at.download_button  # the doctored file is not handed out
    at.button(key="pack_template_default").click().run()
    assert not at.error and t("pack_template_page.default", "nl") in texts(at)


def test_the_page_shows_the_system_as_the_uploader_of_a_template_it_uploaded(monkeypatch, db):
    url, engine = db
    run(engine, upload_template, SYSTEM_ACTOR, file_name="2026.pptx", data=company_template())
    at = _page(monkeypatch, url, add_person(engine, Role.ADMIN))
    assert "uploaded by system on" in next(m.value for m in at.markdown if "2026" in m.value)


def test_file_names_and_layout_names_from_a_file_are_shown_as_text(monkeypatch, db):
    """A template's own name and its layouts' names are text a stranger chose: never markdown or HTML."""
    url, engine = db
    admin = add_person(engine, Role.ADMIN)
    for hostile in (h for h in CORPUS if h.markers):
        name = fit(hostile.text, 200)
        data = _renamed_layouts(company_template(), name)
        run(engine, upload_template, admin, file_name=f"{name}.pptx", data=data)
        stored_name = _rows(engine)[-1][0]  # without the folders and line breaks a browser's name may hold
        at = _page(monkeypatch, url, admin)
        assert_safe(at, hostile.key)
        shown = texts(at)
        assert plain(stored_name) in shown and plain(name) in shown, hostile.key  # shown escaped, not left out


def _renamed_layouts(data: bytes, name: str) -> bytes:
    """The template with its title and content layouts ('Titel', 'Inhoud') both named `name`."""

    def rename(old: str):
        return lambda xml: xml.replace(f'name="{old}"'.encode(), f"name={quoteattr(name)}".encode(), 1)

    return rewritten(
        data,
        {
            "ppt/slideLayouts/slideLayout1.xml": rename("Titel"),
            "ppt/slideLayouts/slideLayout2.xml": rename("Inhoud"),
        },
    )


@pytest.mark.parametrize("role", [Role.MANAGER, Role.LEADER, Role.ANALYST, Role.CONTRIBUTOR, Role.VIEWER])
def test_the_page_does_not_exist_for_anyone_else(monkeypatch, db, role):
    """Not found rather than forbidden, as the audit log: not in the sidebar, and no page behind its link."""
    url, engine = db
    at = open_page(monkeypatch, url, "portfolio", acting=add_person(engine, role))
    assert PAGE not in {str(info.get("url_pathname")) for info in at._registered_pages.values()}
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page_file(PAGE))
