"""The board pack's fixtures: the demo portfolio with its draft meeting (tests/pack/demo_packs.py)."""

from tests.pack.demo_packs import demo, demo_on_both, demo_template  # noqa: F401
