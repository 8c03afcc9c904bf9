"""The programs pages: My work, the initiatives list, an initiative's page and form, bulk update, lessons."""
