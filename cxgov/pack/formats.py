"""Every format of the board pack, imported so that each registers itself in cxgov.pack.render.FORMATS: where the
formats are offered (pages, the CLI), import this module first."""

from cxgov.pack import pdf, pptx, xlsx  # noqa: F401 (each registers its format)
