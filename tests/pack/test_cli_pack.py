"""`python -m cxgov pack`: a meeting's board pack as a file — the latest published version, a given one or a
draft — and every refusal with its message and exit code, never leaving a file or half of one behind."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from pptx import Presentation

from cxgov import cli as cli_module
from cxgov.db import session_scope
from cxgov.models import BoardPack, BoardPackSection, PackTemplate
from cxgov.pack.render import FORMATS, render_pack
from cxgov.pack.template import WIDE, default_template
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.pack_templates import upload_template
from tests.admin_helpers import run
from tests.audit_tampering import triggers_off
from tests.pack.demo_packs import latest, publish, workbook
from tests.pack.templates import A4, company_template, macro_enabled, without_content_layout


def packs_stored(demo) -> int:
    with session_scope(demo.engine) as session:
        return session.execute(sa.select(sa.func.count()).select_from(BoardPack)).scalar_one()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("code", sorted(FORMATS))
def test_the_latest_published_pack_in_every_format_available(demo, cli, tmp_path, monkeypatch, code):
    publish(demo, "nl")
    publish(demo, "en")
    stored = latest(demo)
    monkeypatch.chdir(tmp_path)
    exit_code, out, err = cli(demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", code)
    assert exit_code == 0, err
    written = tmp_path / f"board-pack-meeting-{demo.meeting_id}-v2.{code}"
    assert files_in(tmp_path) == [written.name]
    data = written.read_bytes()
    assert f"Wrote {written} ({len(data):,} bytes): version 2 of meeting {demo.meeting_id}" in out
    assert f"content hash (SHA-256): {stored.content_hash}" in out
    if code == "xlsx":  # the same pack gives the same file
        assert data == render_pack(stored.content, code)
    assert oct(written.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_given_version_to_a_given_file(demo, cli, tmp_path):
    publish(demo, "nl")
    publish(demo, "en")
    target = tmp_path / "pack.xlsx"
    target.write_bytes(b"an older file, replaced whole")
    exit_code, out, _ = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--version", "1", "--out", str(target)
    )
    assert exit_code == 0 and "version 1 of meeting" in out
    contents = workbook(target.read_bytes()).worksheets[0]
    assert contents.title == "Inhoud" and contents["B6"].value == "1"
    assert files_in(tmp_path) == ["pack.xlsx"]


def test_a_draft_is_read_from_the_live_data_and_not_stored(demo, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CXGOV_LANGUAGE", "nl")
    exit_code, out, err = cli(demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--draft")
    assert exit_code == 0, err
    assert "a draft (not published)" in out
    book = workbook((tmp_path / f"board-pack-meeting-{demo.meeting_id}-draft.xlsx").read_bytes())
    assert book.sheetnames[0] == "Inhoud"  # CXGOV_LANGUAGE
    assert book.worksheets[0]["B6"].value == "concept (niet gepubliceerd)"
    assert packs_stored(demo) == 0
    exit_code, *_ = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--draft", "--language", "en"
    )
    assert exit_code == 0
    assert workbook((tmp_path / f"board-pack-meeting-{demo.meeting_id}-draft.xlsx").read_bytes()).sheetnames[0] == (
        "Contents"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--meeting", "999", "--format", "xlsx"), "Meeting 999 was not found."),
        (("--meeting", "999", "--format", "xlsx", "--draft"), "Meeting 999 was not found."),
        (("--format", "docx"), "format docx is not available (available: "),
        (("--format", "xlsx", "--version", "9"), "has no board pack version 9 (published versions: 1)"),
        (("--format", "xlsx", "--language", "en"), "--language goes with --draft"),
        (("--format", "xlsx", "--template", "missing.pptx"), "--template missing.pptx: no such file"),
        (("--format", "xlsx", "--out", "no/such/folder/pack.xlsx"), "the folder no/such/folder does not exist"),
        (("--format", "xlsx", "--out", "."), "--out . is a folder"),
    ],
)
def test_refusals_leave_nothing_behind(demo, cli, tmp_path, monkeypatch, arguments, message):
    publish(demo, "nl")
    monkeypatch.chdir(tmp_path)
    if arguments[0] != "--meeting":
        arguments = ("--meeting", str(demo.meeting_id), *arguments)
    exit_code, out, err = cli(demo.url, "pack", *arguments)
    assert exit_code == 2 and message in err and out == ""
    assert files_in(tmp_path) == []


def test_a_meeting_without_a_published_pack(demo, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    exit_code, _, err = cli(demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx")
    assert exit_code == 2
    assert f"meeting {demo.meeting_id} has no published board pack: publish it first, or use --draft" in err
    assert files_in(tmp_path) == []


def test_draft_and_version_do_not_go_together(demo, cli, capsys):
    with pytest.raises(SystemExit) as exited:
        cli(demo.url, "pack", "--meeting", "1", "--format", "xlsx", "--draft", "--version", "1")
    assert exited.value.code == 2 and "not allowed with argument" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_file_and_no_part_of_the_new(demo, cli, tmp_path, monkeypatch):
    """The file is written beside its place and renamed: when the rename fails, the old file is as it was."""
    publish(demo, "nl")
    target = tmp_path / "pack.xlsx"
    target.write_bytes(b"the pack as sent last week")

    def refused(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli_module.os, "replace", refused)
    exit_code, _, err = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--out", str(target)
    )
    assert exit_code == 2 and f"cannot write {target}: Permission denied; nothing was written" in err
    assert target.read_bytes() == b"the pack as sent last week"
    assert files_in(tmp_path) == ["pack.xlsx"]


def test_an_unwritable_folder(demo, cli, tmp_path, monkeypatch):
    publish(demo, "nl")

    def refused(**where):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli_module.tempfile, "mkstemp", refused)
    exit_code, _, err = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--out", str(tmp_path / "p.xlsx")
    )
    assert exit_code == 2 and f"cannot write in {tmp_path}: Permission denied" in err
    assert files_in(tmp_path) == []


def test_a_pack_whose_hash_no_longer_matches_is_refused(demo_on_both, cli, tmp_path, monkeypatch):
    demo = demo_on_both
    publish(demo, "nl")
    stored = latest(demo)
    with triggers_off(demo.engine, table="board_pack_section") as connection:
        connection.execute(
            sa.update(BoardPackSection)
            .where(BoardPackSection.pack_id == stored.id, BoardPackSection.position == 1)
            .values(title="A cover that was not sent")
        )
    monkeypatch.chdir(tmp_path)
    exit_code, out, err = cli(demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx")
    assert exit_code == 1 and out == ""
    assert f"board pack version 1 of meeting {demo.meeting_id} (pack {stored.id}, hash {stored.content_hash})" in err
    assert "no longer matches its hash" in err
    assert files_in(tmp_path) == []


def test_the_published_pack_on_both_databases(demo_on_both, cli, tmp_path):
    demo = demo_on_both
    publish(demo, "en")
    target = tmp_path / "pack.xlsx"
    exit_code, out, err = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "xlsx", "--out", str(target)
    )
    assert exit_code == 0, err
    assert f"Wrote {target}" in out
    assert target.read_bytes() == render_pack(latest(demo).content, "xlsx")


def slide_size(path: Path) -> tuple[int, int]:
    deck = Presentation(io.BytesIO(path.read_bytes()))
    return deck.slide_width, deck.slide_height


@pytest.mark.parametrize(
    ("template", "message"),
    [
        pytest.param(macro_enabled, "contains macros (VBA); macros are not accepted", id="macros"),
        pytest.param(
            without_content_layout,
            "has no layout with a title and a content placeholder; layouts found: 'Title Slide' (title, subtitle)",
            id="no content layout",
        ),
        pytest.param(lambda: b"not a zip", "is not a PowerPoint presentation (.pptx)", id="not a zip"),
    ],
)
def test_a_template_refused_as_an_upload_would_be_is_refused_before_any_work(
    demo, cli, tmp_path, monkeypatch, template, message
):
    """Checked first: the meeting (999, not there) is not even looked up."""
    given = tmp_path / "templates" / "huisstijl.pptx"
    given.parent.mkdir()
    given.write_bytes(template())
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    exit_code, printed, err = cli(demo.url, "pack", "--meeting", "999", "--format", "pptx", "--template", str(given))
    assert exit_code == 2 and printed == ""
    assert err.startswith(f"error: --template {given}: 'huisstijl.pptx' {message}")
    assert err.endswith("; nothing was written.\n") and ".;" not in err
    assert files_in(out) == []


def test_the_template_uploaded_is_used_unless_one_is_given(demo_on_both, cli, tmp_path):
    demo = demo_on_both
    publish(demo, "en")
    exit_code, *_ = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "pptx", "--out", str(tmp_path / "before.pptx")
    )
    assert exit_code == 0 and slide_size(tmp_path / "before.pptx")[0] == WIDE  # cxgov's default, 16:9
    run(demo.engine, upload_template, SYSTEM_ACTOR, file_name="Voltera huisstijl.pptx", data=company_template())
    stored = tmp_path / "stored.pptx"
    exit_code, _, err = cli(
        demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "pptx", "--out", str(stored)
    )
    assert exit_code == 0, err
    assert slide_size(stored) == A4
    clean = tmp_path / "clean.pptx"
    clean.write_bytes(default_template())
    given = tmp_path / "given.pptx"
    exit_code, _, err = cli(
        demo.url,
        "pack",
        "--meeting",
        str(demo.meeting_id),
        "--format",
        "pptx",
        "--out",
        str(given),
        "--template",
        str(clean),
    )
    assert exit_code == 0, err
    assert slide_size(given)[0] == WIDE  # the file given, over the one stored


def test_a_stored_template_changed_behind_cxgovs_back_is_refused(demo, cli, tmp_path, monkeypatch):
    publish(demo, "en")
    template_id = run(demo.engine, upload_template, SYSTEM_ACTOR, file_name="2026.pptx", data=company_template())
    with demo.engine.begin() as connection:
        connection.execute(
            sa.update(PackTemplate).where(PackTemplate.id == template_id).values(content=default_template())
        )
    monkeypatch.chdir(tmp_path)
    exit_code, printed, err = cli(demo.url, "pack", "--meeting", str(demo.meeting_id), "--format", "pptx")
    assert exit_code == 2 and printed == ""
    assert err == (
        "error: The stored template '2026.pptx' is no longer the file that was uploaded (its SHA-256 differs). Upload "
        "the template again, or go back to the default; nothing was written.\n"
    )
    assert files_in(tmp_path) == []
