"""Files in and out of cxgov: spreadsheet exports (export.py) and the reading of uploaded survey and readings
files (table_file.py, columns.py, dutch_values.py, redact.py, survey_presets.py), without a database."""
