"""cxgov entry point: page config, the app frame, and st.navigation over app_pages/."""
import streamlit as st

from cxgov.ui.date_fields import localise_date_placeholders
from cxgov.ui.frame import check_database, navigation, render_sidebar

# An emoji icon, not ":material/…:": Streamlit fetches a material favicon from fonts.gstatic.com on every visit,
# a request to a foreign host (issue 3); an emoji is drawn locally as an inline SVG.
st.set_page_config(page_title="cxgov", page_icon="🧭", layout="wide")
check_database()
# The page is resolved from the URL before sign-in may stop the run, so a shared link survives signing in.
page = navigation()
render_sidebar()
localise_date_placeholders()
page.run()
