"""cxgov: a CX governance cockpit (domain code; no Streamlit outside cxgov.ui)."""
