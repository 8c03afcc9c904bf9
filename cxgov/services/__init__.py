"""The write side: each service validates input → authorises the acting person (re-read in the
transaction) → checks the version the user saw → writes → queues audit events. The caller's
`session_scope(engine, write=True)` seals the audit chain and commits once.

Services are `verb_noun(*, session, actor, …)`; `actor` is a person id, or SYSTEM_ACTOR for the CLI.
"""
