"""The process-wide engine and data versions that key the read caches."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy import Engine
from sqlmodel import Session

from cxgov.db import make_engine, session_scope
from cxgov.settings import Settings, get_settings

AREAS = ("initiatives", "people", "reference", "kpis", "budget", "audit")


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


class _DataVersions:
    """A counter per area; cached reads take it as an argument, so a write makes only its area cold."""

    def __init__(self):
        self._lock = threading.Lock()
        self._versions = dict.fromkeys(AREAS, 0)

    def get(self, area: str) -> int:
        return self._versions[area]

    def bump(self, *areas: str) -> None:
        with self._lock:
            for area in areas:
                self._versions[area] += 1


@st.cache_resource(show_spinner=False)
def _versions_for(url: str) -> _DataVersions:
    return _DataVersions()


def data_version(area: str) -> int:
    """The current version of `area`'s data in this server process (pass it to cached readers)."""
    return _versions_for(settings().database_url).get(area)


def data_changed(*areas: str) -> None:
    """Tell every session of this server that `areas` changed (their cached reads become stale)."""
    _versions_for(settings().database_url).bump(*areas, "audit")
