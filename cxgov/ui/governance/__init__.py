"""The governance board's page."""
