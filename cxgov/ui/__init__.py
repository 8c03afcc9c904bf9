"""The only Streamlit-aware code in cxgov. Its folders mirror the navigation (cxgov/ui/navigation.py):
leadership, programs, disciplines, governance and admin hold one `render_…()` per page, which the thin scripts
under app_pages/ call; kit/ is what they share (the cached read, writes, flash, tables, texts), frame/ the app
around every page (sign-in, who is acting, the language switch).

Pages never open engines or sessions themselves (see docs/architecture.md, Layers).
"""
