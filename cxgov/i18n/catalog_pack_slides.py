"""Texts of the board pack's slides that the blocks do not carry: the appendix's divider, and what a one-pager
leaves out."""

TEXTS = {
    "pack.slides.appendix": {"en": "Appendix", "nl": "Bijlagen"},
    "pack.slides.more": {"en": "+{n} more", "nl": "+{n} meer"},
}
