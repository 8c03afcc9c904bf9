import streamlit as st

from cxgov.ui.text import tr

st.title(tr("x"))
