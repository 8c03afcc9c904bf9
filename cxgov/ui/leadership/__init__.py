"""The leadership pages: the portfolio overview and, on an empty database, the demo offer."""
