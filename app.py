"""cxgov's Streamlit script: page config, the app frame, and st.navigation over app_pages/.

Served through serve.py (`streamlit run serve.py`), which adds the sign-in cookie route; AppTest and
`streamlit run app.py` run this script directly.
"""

import streamlit as st

from cxgov.ui.frame.shell import check_database, identify, navigation, render_sidebar
from cxgov.ui.kit.date_fields import localise_date_placeholders

# An emoji icon, not ":material/…:": Streamlit fetches a material favicon from fonts.gstatic.com on every visit,
# a request to a foreign host; an emoji is drawn locally as an inline SVG.
st.set_page_config(page_title="cxgov", page_icon="🧭", layout="wide")
check_database()
identify()  # who acts, before the page list: a shared link to a page for some roles survives a refresh
# The page is resolved from the URL before sign-in may stop the run, so a shared link survives signing in.
page = navigation()
render_sidebar()
localise_date_placeholders()
page.run()
