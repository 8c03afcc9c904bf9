"""Texts of the demo portfolio offer and the demo load."""

TEXTS = {
    "demo.offer.text": {
        "en": "Explore cxgov with the demo portfolio of Voltera, a fictional Dutch electronics retailer: 40 CX "
        "initiatives across the six disciplines, 18 KPIs with three years of monthly readings, budgets, "
        "expenses and check-ins.",
        "nl": "Verken cxgov met het demoportfolio van Voltera, een fictieve Nederlandse elektronicaretailer: 40 "
        "CX-initiatieven in de zes disciplines, 18 KPI's met drie jaar maandmetingen, budgetten, uitgaven "
        "en voortgangsupdates.",
    },
    "demo.offer.button": {"en": "Load the demo portfolio", "nl": "Laad het demoportfolio"},
    "demo.offer.loading": {"en": "Loading the demo portfolio…", "nl": "Het demoportfolio wordt geladen…"},
    "demo.offer.loaded": {
        "en": "Demo portfolio loaded: {initiatives} initiatives, {rows} rows.",
        "nl": "Demoportfolio geladen: {initiatives} initiatieven, {rows} rijen.",
    },
    "demo.offer.cli": {
        "en": "An admin can load the demo portfolio here, or from the command line:",
        "nl": "Een beheerder kan het demoportfolio hier laden, of vanaf de opdrachtregel:",
    },
    "demo.error.not_empty": {
        "en": "The database already holds {count} initiatives; the demo portfolio is only loaded into an empty "
        "portfolio. Use a new database for the demo.",
        "nl": "De database bevat al {count} initiatieven; het demoportfolio wordt alleen in een leeg portfolio "
        "geladen. Gebruik een nieuwe database voor de demo.",
    },
}
