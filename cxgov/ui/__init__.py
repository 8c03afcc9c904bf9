"""The only Streamlit-aware code in cxgov: cached engine and reads, who is acting, forms, error display.

Pages import from here and never open engines or sessions themselves (DESIGN.md §3, rule 1).
"""
