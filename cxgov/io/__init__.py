"""Files in and out of cxgov: spreadsheet exports (export.py)."""
