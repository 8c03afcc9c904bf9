"""The demo organisation: its content tables and the portfolio built from them at any size (loaded by
cxgov.services.demo)."""
