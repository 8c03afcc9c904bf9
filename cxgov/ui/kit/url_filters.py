"""Filters kept in the URL, so a filtered page can be shared: each filter starts from its URL parameter (codes
and ids, the same in every language) and what is chosen is written back, leaving out what is not chosen."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from cxgov.ui.kit.text import labelled, tr


class UrlFilters:
    """The URL-backed filter widgets of one page; widget keys are `{prefix}_{param}`."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def key(self, param: str) -> str:
        return f"{self.prefix}_{param}"

    def start_from_url(self, param: str, options: list, default=None) -> None:
        """On first show, start a filter from the URL; an unknown value starts at `default`."""
        if self.key(param) not in st.session_state:
            wanted = st.query_params.get(param)
            st.session_state[self.key(param)] = next((o for o in options if str(o) == wanted), default)

    def pick(self, text_key: str, param: str, options: list, fmt: Callable, column) -> object:
        """A select box with "All" (None) first."""
        self.start_from_url(param, options)
        # "All" twice: as the placeholder of the unset filter (None is not selected then) and as its option.
        return column.selectbox(
            tr(text_key),
            [None, *options],
            key=self.key(param),
            placeholder=tr("common.all"),
            format_func=labelled({None: tr("common.all")} | {o: fmt(o) for o in options}),
        )

    def search(self, text_key: str, hint_key: str, param: str = "q") -> str:
        if self.key(param) not in st.session_state:
            st.session_state[self.key(param)] = st.query_params.get(param, "")
        return st.text_input(tr(text_key), key=self.key(param), placeholder=tr(hint_key)) or ""

    @staticmethod
    def share(values: dict[str, object]) -> None:
        """Write the chosen filters into the URL; leave out what is not chosen, to keep the link short."""
        for param, value in values.items():
            if value in (None, "", False):
                st.query_params.pop(param, None)
            elif st.query_params.get(param) != str(value):
                st.query_params[param] = str(value)
