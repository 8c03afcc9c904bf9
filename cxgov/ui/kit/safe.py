"""User text is shown as text: Streamlit renders markdown (links, images) in most elements, so escape it."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")  # '&': entities would be decoded, not shown
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"
# GitHub-flavoured markdown links bare URLs and e-mail addresses *after* escapes are resolved, so escaping
# cannot stop it: an invisible word joiner inside "http:", "www." and "@" breaks the patterns it looks for.
_AUTOLINK_STARTS = re.compile(r"(?i)(?<=https)(?=\\:)|(?<=http)(?=\\:)|(?<=www)(?=\\\.)|(?<=@)")
_WORD_JOINER = "\u2060"


def plain(text: object) -> str:
    """`text` with every markdown and HTML special character escaped, safe inside st.markdown/st.error."""
    if text is None:
        return ""
    escaped = _AUTOLINK_STARTS.sub(_WORD_JOINER, _MARKDOWN_SPECIALS.sub(r"\\\1", str(text)))
    # A right-to-left override would also reverse the app's own text after it: keep it inside an isolate.
    return f"{_ISOLATE}{escaped}{_POP_ISOLATE}" if _BIDI_CONTROLS.search(escaped) else escaped


def chart_text(text: object) -> str:
    """`text` for a plotly title, axis or legend: plotly reads <a href>, <b>, <br> in them as markup."""
    return "" if text is None else html.escape(str(text), quote=False)
