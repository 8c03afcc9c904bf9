"""The domain's pure rules: no database, no Streamlit; services and pages ask them."""
