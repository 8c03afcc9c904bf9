"""Texts of the board pack's PDF: its properties, the appendix in its contents, its footer, and what an empty
table or chart says (its name and its contents' title are the files' own: pack.file.title, pack.file.contents)."""

TEXTS = {
    "pack.pdf.subject": {
        "en": "Board pack of {body} for the meeting of {starts}",
        "nl": "Vergaderstukken van {body} voor de vergadering van {starts}",
    },
    "pack.pdf.appendix": {"en": "Appendix", "nl": "Bijlagen"},
    "pack.pdf.page_of": {"en": "Page {n} of {total}", "nl": "Pagina {n} van {total}"},
    "pack.pdf.no_rows": {"en": "None.", "nl": "Geen."},
    "pack.pdf.no_figures": {"en": "No figures to chart.", "nl": "Geen cijfers om in een grafiek te tonen."},
    "pack.pdf.finishing": {"en": "Contents and page numbers", "nl": "Inhoudsopgave en paginanummers"},
}
