"""cxgov entry point: page config, the app frame, and st.navigation over app_pages/."""
import streamlit as st

from cxgov.ui.frame import check_database, navigation, render_sidebar

st.set_page_config(page_title="cxgov", page_icon=":material/hub:", layout="wide")
check_database()
render_sidebar()
navigation().run()
