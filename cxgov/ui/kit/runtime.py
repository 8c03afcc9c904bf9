"""The process-wide engine, the data versions that key the read caches, and the one cached read every page uses."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlmodel import Session, select

from cxgov.db import make_engine, session_scope
from cxgov.models import AuditHead
from cxgov.settings import Settings, get_settings

# "meetings": governance meetings, their agenda, attendance, decisions and actions.
AREAS = ("initiatives", "people", "reference", "kpis", "budget", "audit", "meetings")
READ_AREAS = ("initiatives", "budget", "people", "reference")  # what an initiative row is made of


def settings() -> Settings:
    return get_settings()


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    """One engine per database URL for the whole server process."""
    return _engine_for(settings().database_url)


@contextmanager
def read_session() -> Iterator[Session]:
    with session_scope(engine()) as session:
        yield session


class DataVersions:
    """A counter per area; cached reads take it as an argument, so a write makes only its area cold.

    Writes made through this server bump just their areas. Writes made by another app server (several
    servers share one PostgreSQL) are noticed through the audit head: every write moves it, so when it
    moved without this server knowing why, every area is stale.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._versions = dict.fromkeys(AREAS, 0)
        self._seen_head: int | None = None

    def get(self, area: str) -> int:
        return self._versions[area]

    def bump(self, *areas: str, sealed: tuple[int, int] | None = None) -> None:
        """`areas` changed here; `sealed` is the audit head before and after this server's write."""
        with self._lock:
            for area in areas:
                self._versions[area] += 1
            if sealed is not None and self._seen_head == sealed[0]:
                self._seen_head = sealed[1]

    def observe_head(self, head: int) -> None:
        """The audit head as read now: if it moved behind our back, another server wrote."""
        with self._lock:
            if self._seen_head is not None and head != self._seen_head:
                for area in self._versions:
                    self._versions[area] += 1
            self._seen_head = head


@st.cache_resource(show_spinner=False)
def _versions_for(url: str) -> DataVersions:
    return DataVersions()


def data_version(area: str) -> int:
    """The current version of `area`'s data in this server process (pass it to cached readers)."""
    return _versions_for(settings().database_url).get(area)


def data_changed(*areas: str, sealed: tuple[int, int] | None = None) -> None:
    """Tell every session of this server that `areas` changed (their cached reads become stale)."""
    _versions_for(settings().database_url).bump(*areas, "audit", sealed=sealed)


def notice_other_servers() -> None:
    """Once per page run: one primary-key read of the audit head catches writes made elsewhere."""
    with read_session() as session:
        head = session.exec(select(AuditHead.last_seq).where(AuditHead.id == 1)).one()
    _versions_for(settings().database_url).observe_head(head)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, versions: tuple[int, ...], url: str, params: dict, _query: Callable) -> pd.DataFrame:
    with read_session() as session:
        return _query(session, **params)


def read(query: Callable[..., pd.DataFrame], areas: Sequence[str] = READ_AREAS, **params) -> pd.DataFrame:
    """`query(session, **params)`, cached per query, parameters, data versions of `areas` and database URL."""
    versions = tuple(data_version(area) for area in areas)
    return _cached(f"{query.__module__}.{query.__qualname__}", versions, settings().database_url, params, _query=query)
