"""Cached reads refresh after writes: this server's writes make only their area cold; writes made by
another app server (seen as a moved audit head) make every area cold."""

from cxgov.models import Role
from cxgov.ui.kit.runtime import DataVersions
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts


def test_own_writes_bump_their_area_only_and_foreign_writes_bump_all():
    versions = DataVersions()
    versions.observe_head(10)
    versions.bump("initiatives", sealed=(10, 12))  # our write moved the head 10 → 12
    versions.observe_head(12)
    assert (versions.get("initiatives"), versions.get("people")) == (1, 0)
    versions.observe_head(13)  # someone else wrote
    assert (versions.get("initiatives"), versions.get("people")) == (2, 1)


def test_a_write_by_another_server_shows_on_the_next_run_without_a_restart(monkeypatch, db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Noor Dekker")
    add_initiative(engine, owner_id=owner, title="Returns portal with QR drop-off")
    at = open_page(monkeypatch, url, "initiatives")
    assert "1 initiative" in texts(at)
    add_initiative(engine, owner_id=owner, title="WhatsApp service with order look-up")  # another server's write
    at.run()  # the caches are NOT cleared: only the audit head tells this server
    assert "2 initiatives" in texts(at)
