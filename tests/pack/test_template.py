"""The board pack's PowerPoint template: cxgov's clean 16:9 default, and the checks an upload passes — a PowerPoint
presentation without macros, within the size limit, no zip bomb, no link out of the file, and a layout to draw
sections on, found by its placeholders whatever the layouts are called."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from cxgov.errors import DomainError
from cxgov.pack.template import (
    MAX_PARTS,
    PRESENTATION_TYPE,
    NoContentLayout,
    check_template,
    default_template,
)
from cxgov.settings import SettingsError, default_of, get_settings, load_settings
from tests.pack.templates import company_template, default_with, macro_enabled, without_content_layout

MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"


@pytest.fixture
def limit_mb(monkeypatch):
    """CXGOV_PACK_TEMPLATE_MAX_MB set for one test (the settings are read again, and again after it)."""

    def set_limit(megabytes: int) -> None:
        monkeypatch.setenv("CXGOV_PACK_TEMPLATE_MAX_MB", str(megabytes))
        get_settings.cache_clear()

    yield set_limit
    get_settings.cache_clear()


def _refusal(data: bytes, name: str = "huisstijl.pptx") -> DomainError:
    with pytest.raises(DomainError) as refused:
        check_template(data, name)
    return refused.value


def test_the_default_is_a_clean_16_9_template_built_from_python_pptx():
    data = default_template()
    deck = Presentation(io.BytesIO(data))
    assert (deck.slide_width, deck.slide_height) == (12_192_000, 6_858_000)  # 13.333 × 7.5 in
    assert len(deck.slides) == 0
    title = deck.slide_master.placeholders.get(PP_PLACEHOLDER.TITLE)
    assert (title.left, title.width) == (609_600, 10_972_800)  # python-pptx's 0.5 in and 9 in, widened by 4/3
    for layout in deck.slide_layouts:
        assert all(p.left + p.width <= deck.slide_width for p in layout.placeholders), layout.name
    layouts = check_template(data, "default.pptx")
    assert layouts.content.slide_layout.name == "Title and Content"
    assert layouts.title.slide_layout.name == "Title Slide"
    assert default_template() is data  # built once


def test_layouts_are_found_by_their_placeholders_not_their_names():
    layouts = check_template(company_template(), "huisstijl.pptx")
    assert (layouts.content.slide_layout.name, layouts.title.slide_layout.name) == ("Inhoud", "Titel")
    assert layouts.content.slide_layout.placeholders.get(layouts.content.body).placeholder_format.type == (
        PP_PLACEHOLDER.OBJECT
    )


def test_a_template_without_a_title_and_content_layout_is_refused_naming_each_layout():
    refused = _refusal(without_content_layout())
    assert isinstance(refused, NoContentLayout)
    assert refused.message("en") == (
        "'huisstijl.pptx' has no layout with a title and a content placeholder; layouts found: "
        "'Title Slide' (title, subtitle), 'Title Only' (title), 'Blank' (no placeholders), "
        "'Foto' (title, picture), 'Title and Vertical Text' (title, vertical text)."
    )
    assert "'Foto' (titel, afbeelding)" in refused.message("nl")
    assert "'Title and Vertical Text' (titel, verticale tekst)" in refused.message("nl")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(macro_enabled(), id="pptm"),
        pytest.param(default_with({"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0 VBA"}), id="vbaProject part"),
        pytest.param(
            default_with(
                {
                    "[Content_Types].xml": lambda x: x.replace(
                        b"</Types>",
                        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                    )
                }
            ),
            id="vbaProject content type",
        ),
    ],
)
def test_macros_are_not_accepted(data):
    refused = _refusal(data)
    assert refused.key == "pack.template.error.macros"
    assert "macros are not accepted" in refused.message("en") and "macro's worden niet geaccepteerd" in refused.message(
        "nl"
    )


def test_an_external_link_is_refused_with_the_part_named_and_never_followed():
    link = (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="http://evil.example/logo.png" TargetMode="External"/></Relationships>'
    )
    refused = _refusal(default_with({MASTER_RELS: lambda x: x.replace(b"</Relationships>", link)}))
    assert refused.key == "pack.template.error.external"
    assert "(in ppt/slideMasters/slideMaster1.xml): 'http://evil.example/logo.png'" in refused.message("en")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"%PDF-1.7 not a presentation", id="not a zip"),
        pytest.param(default_with({"[Content_Types].xml": None}), id="no content types"),
        pytest.param(
            default_with(
                {
                    "[Content_Types].xml": lambda x: x.replace(
                        PRESENTATION_TYPE.encode(),
                        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    )
                }
            ),
            id="a Word document",
        ),
        pytest.param(
            default_with(
                {
                    "[Content_Types].xml": lambda x: x.replace(
                        b"presentationml.presentation.main", b"presentationml.template.main"
                    )
                }
            ),
            id="potx",
        ),
    ],
)
def test_anything_but_a_powerpoint_presentation_is_refused(data):
    refused = _refusal(data, "notulen.docx")
    assert refused.key == "pack.template.error.not_pptx"
    assert refused.message("en").startswith("'notulen.docx' is not a PowerPoint presentation (.pptx).")


def test_a_presentation_with_a_damaged_part_is_refused():
    refused = _refusal(default_with({"ppt/presentation.xml": b"<p:presentation"}))
    assert refused.key == "pack.template.error.unreadable"


def test_a_template_over_the_size_limit_is_refused_before_it_is_opened(limit_mb):
    limit_mb(1)
    refused = _refusal(b"\0" * (1024 * 1024 + 1))  # not even a zip: the size is checked first
    assert refused.key == "pack.template.error.too_large"
    assert refused.message("en") == (
        "'huisstijl.pptx' is 1.1 MB; a template may be at most 1 MB (CXGOV_PACK_TEMPLATE_MAX_MB)."
    )
    limit_mb(2)
    assert check_template(default_template(), "huisstijl.pptx")


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({"ppt/media/image9.png": b"\0" * (6 * 1024 * 1024)}, id="unpacks to 6 MB"),
        pytest.param({f"ppt/media/part{n}.xml": b"" for n in range(MAX_PARTS)}, id="too many parts"),
    ],
)
def test_a_zip_bomb_is_refused(limit_mb, extra):
    limit_mb(1)  # a template may unpack to five times the limit: 5 MB
    data = default_with(extra)
    assert len(data) < 1024 * 1024
    refused = _refusal(data)
    assert refused.key == "pack.template.error.zip_bomb"
    assert "unpacks to more than 5 MB (or into more than 5,000 parts)" in refused.message("en")


def test_the_size_limit_is_a_setting_with_bounds(monkeypatch):
    assert default_of("pack_template_max_mb") == 20
    monkeypatch.setenv("CXGOV_PACK_TEMPLATE_MAX_MB", "50")
    assert load_settings().pack_template_max_mb == 50
    for wrong in ("0", "201", "twenty"):
        monkeypatch.setenv("CXGOV_PACK_TEMPLATE_MAX_MB", wrong)
        with pytest.raises(SettingsError, match="CXGOV_PACK_TEMPLATE_MAX_MB"):
            load_settings()
