"""The app around every page: startup checks, sign-in (local or SSO), the session, who is acting."""
