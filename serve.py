"""cxgov's web entry: the Streamlit app (app.py) and the sign-in cookie route (cxgov/auth/cookie_route.py) as one ASGI app.

`streamlit run serve.py` serves both (Streamlit finds `app` below and runs it with uvicorn); `make run`, the
production instructions and the browser tests start the app this way. Local accounts need the route to keep a
person signed in across tabs and refreshes.
"""

import streamlit as st
from streamlit import config

from cxgov.auth.cookie_route import sign_in_cookie_routes

app = st.App(
    "app.py",
    routes=sign_in_cookie_routes(
        cookie_secret=lambda: config.get_option("server.cookieSecret"),
        base_url_path=config.get_option("server.baseUrlPath"),
    ),
)
