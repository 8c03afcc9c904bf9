"""User text is shown as text: Streamlit renders markdown (links, images) in most elements, so escape it."""
from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: object) -> str:
    """`text` with every markdown and HTML special character escaped, safe inside st.markdown/st.error."""
    if text is None:
        return ""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
