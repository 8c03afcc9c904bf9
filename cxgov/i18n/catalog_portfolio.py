"""Leadership texts: the portfolio overview, the six discipline pages and the governance board."""

TEXTS = {
    # Portfolio overview
    "portfolio.subtitle": {
        "en": "The CX programme at a glance: where the work is, whether it is on track and why, and what it costs.",
        "nl": "Het CX-programma in één oogopslag: waar het werk zit, of het op koers ligt en waarom, en wat het kost.",
    },
    "portfolio.empty.title": {"en": "Welcome to cxgov", "nl": "Welkom bij cxgov"},
    "portfolio.empty.body": {
        "en": "cxgov keeps every customer-experience initiative in one place, from spontaneous quick fixes to "
        "programme-wide projects, across the six CX disciplines.  \nLeaders see what runs, whether it is on "
        "track and why, what it costs and which KPIs move; the governance board sees what needs a decision.",
        "nl": "cxgov brengt elk klantbelevingsinitiatief samen op één plek, van spontane snelle verbeteringen tot "
        "programmabrede projecten, over de zes CX-disciplines.  \nLeiders zien wat er loopt, of het op koers "
        "ligt en waarom, wat het kost en welke KPI's bewegen; de governance-board ziet waarover besloten moet "
        "worden.",
    },
    "portfolio.metric.open": {"en": "Open initiatives", "nl": "Lopende initiatieven"},
    "portfolio.metric.open_help": {
        "en": "Initiatives not completed, rejected or cancelled (proposals included).",
        "nl": "Initiatieven die niet afgerond, afgewezen of gestopt zijn (voorstellen meegeteld).",
    },
    "portfolio.metric.red": {"en": "Red", "nl": "Rood"},
    "portfolio.metric.amber": {"en": "Amber", "nl": "Oranje"},
    "portfolio.metric.health_help": {
        "en": "Open initiatives whose latest check-in reports this health.",
        "nl": "Lopende initiatieven waarvan de laatste voortgangsupdate deze status meldt.",
    },
    "portfolio.metric.planned": {"en": "Budget planned", "nl": "Budget gepland"},
    "portfolio.metric.actual": {"en": "Spent", "nl": "Uitgegeven"},
    "portfolio.metric.variance_help": {
        "en": "Sum of all expenses; the change shows the variance (spent − planned).",
        "nl": "Som van alle uitgaven; de afwijking toont het verschil (uitgegeven − gepland).",
    },
    "portfolio.no_update": {"en": "No update", "nl": "Geen update"},
    "portfolio.chart.by_discipline": {
        "en": "Initiatives by discipline and status",
        "nl": "Initiatieven per discipline en status",
    },
    "portfolio.chart.by_health": {
        "en": "Open initiatives by reported health",
        "nl": "Lopende initiatieven naar gemelde status",
    },
    "portfolio.chart.budget": {
        "en": "Budget planned vs spent per discipline",
        "nl": "Budget gepland vs uitgegeven per discipline",
    },
    "portfolio.axis.initiatives": {"en": "Initiatives", "nl": "Initiatieven"},
    "portfolio.axis.amount": {"en": "Amount (€)", "nl": "Bedrag (€)"},
    "portfolio.planned": {"en": "Planned", "nl": "Gepland"},
    "portfolio.actual": {"en": "Spent", "nl": "Uitgegeven"},
    "portfolio.attention.header": {
        "en": "Needs attention: red and amber initiatives",
        "nl": "Aandacht nodig: rode en oranje initiatieven",
    },
    "portfolio.attention.none": {
        "en": "No open initiative is reported red or amber.",
        "nl": "Geen enkel lopend initiatief staat op rood of oranje.",
    },
    "portfolio.col.title": {"en": "Initiative", "nl": "Initiatief"},
    "portfolio.col.discipline": {"en": "Discipline", "nl": "Discipline"},
    "portfolio.col.owner": {"en": "Owner", "nl": "Eigenaar"},
    "portfolio.col.owning_department": {"en": "Department", "nl": "Afdeling"},
    "portfolio.col.requesting_department": {"en": "Requested by", "nl": "Aangevraagd door"},
    "portfolio.col.status": {"en": "Status", "nl": "Status"},
    "portfolio.col.phase": {"en": "PDCA phase", "nl": "PDCA-fase"},
    "portfolio.col.lane": {"en": "Lane", "nl": "Spoor"},
    "portfolio.col.health": {"en": "Health", "nl": "Stoplicht"},
    "portfolio.col.reason": {"en": "Reason", "nl": "Reden"},
    "portfolio.col.reported_on": {"en": "Reported on", "nl": "Gemeld op"},
    "portfolio.col.progress": {"en": "Progress", "nl": "Voortgang"},
    "portfolio.col.planned": {"en": "Planned", "nl": "Gepland"},
    "portfolio.col.actual": {"en": "Spent", "nl": "Uitgegeven"},
    "portfolio.col.start": {"en": "Start", "nl": "Start"},
    "portfolio.col.target": {"en": "Target date", "nl": "Streefdatum"},
    "portfolio.col.proposed_on": {"en": "Proposed on", "nl": "Voorgesteld op"},
    # Discipline pages (descriptions after Manning & Bodine, Outside In, 2012: the six CX disciplines)
    "discipline.strategy.about": {
        "en": "Define the desired customer experience, aligned with the company and brand strategy: a master plan "
        "with principles, choices, priorities, actions and KPIs, communicated throughout the organisation.",
        "nl": "Bepaal de gewenste klantbeleving, in lijn met de bedrijfs- en merkstrategie: een masterplan met "
        "principes, keuzes, prioriteiten, acties en KPI's, dat intern breed wordt gecommuniceerd.",
    },
    "discipline.customer_understanding.about": {
        "en": "Insight beyond generic market research: personas, customer journeys, jobs to be done, conversations, "
        "observation and (online) data, with the insights shared across the organisation.",
        "nl": "Inzicht dat verder gaat dan algemeen marktonderzoek: persona's, klantreizen, jobs to be done, "
        "gesprekken, observatie en (online) data, en die inzichten gedeeld in de hele organisatie.",
    },
    "discipline.design.about": {
        "en": "Design the desired experience from the outside in: design thinking, journey mapping and moments of "
        "truth, lean-startup style, from idea to test to production to scale.",
        "nl": "Ontwerp de gewenste beleving van buiten naar binnen: design thinking, klantreizen in kaart brengen en "
        "moments of truth, in lean-startup-stijl: van idee via test en productie naar opschalen.",
    },
    "discipline.measurement.about": {
        "en": "A KPI set (CSAT/KTV, employee satisfaction/MTV, CES, NPS, …) used in a continuous plan-do-check-act "
        "learning cycle, combined with business KPIs (revenue growth, profit growth, market share, retention) "
        "to see whether better CX leads to better financial results.",
        "nl": "Een KPI-set (CSAT/KTV, medewerkertevredenheid/MTV, CES, NPS, …) in een doorlopende "
        "plan-do-check-act-leercyclus, gecombineerd met bedrijfs-KPI's (omzetgroei, winstgroei, "
        "marktaandeel, klantbehoud) om te zien of een betere klantbeleving tot betere financiële resultaten "
        "leidt.",
    },
    "discipline.governance.about": {
        "en": "Consistent working agreements for strategic projects and small improvement actions: decisions, "
        "priorities and the allocation of people, means and budgets, steered from the top with an overview "
        "of every improvement initiative running, the spontaneous ones included.",
        "nl": "Eenduidige werkafspraken voor strategische projecten en kleine verbeteracties: besluiten, "
        "prioriteiten en de inzet van mensen, middelen en budgetten, vanuit de top gestuurd met overzicht "
        "over elk lopend verbeterinitiatief, ook de spontane.",
    },
    "discipline.culture.about": {
        "en": "Shared values (customer-centricity, openness, trust, collaboration, empathy, solution focus, "
        "entrepreneurship), with hiring, appraisal and rewards aligned to them and communication to all "
        "stakeholders about ambitions, course and results. Employee and customer experience reinforce each "
        "other.",
        "nl": "Gedeelde waarden (klantgerichtheid, openheid, vertrouwen, samenwerking, empathie, "
        "oplossingsgerichtheid, ondernemerschap), met werving, beoordeling en beloning daarop afgestemd en "
        "communicatie met alle belanghebbenden over ambities, koers en resultaten. Medewerkers- en "
        "klantbeleving versterken elkaar.",
    },
    "discipline.initiatives.header": {"en": "Initiatives", "nl": "Initiatieven"},
    "discipline.initiatives.none": {
        "en": "No initiatives in this discipline yet. Anyone can propose one from the initiatives list.",
        "nl": "Nog geen initiatieven in deze discipline. Iedereen kan er een voorstellen via de initiatievenlijst.",
    },
    "discipline.initiatives.shown.2": {
        "en": "{shown} of {total} initiatives shown.",
        "nl": "{shown} van {total} initiatieven getoond.",
    },
    "discipline.initiatives.shown.1": {
        "en": "{shown} of 1 initiative shown.",
        "nl": "{shown} van 1 initiatief getoond.",
    },
    "discipline.filter.status": {"en": "Status", "nl": "Status"},
    "discipline.filter.phase": {"en": "PDCA phase", "nl": "PDCA-fase"},
    "discipline.filter.health": {"en": "Health", "nl": "Stoplicht"},
    "discipline.filter.lane": {"en": "Lane", "nl": "Spoor"},
    "discipline.filter.owner": {"en": "Owner", "nl": "Eigenaar"},
    "discipline.kpis.header": {"en": "KPIs", "nl": "KPI's"},
    "discipline.kpis.none": {
        "en": "No KPIs belong to this discipline or its initiatives yet.",
        "nl": "Er horen nog geen KPI's bij deze discipline of haar initiatieven.",
    },
    "discipline.kpi.col.name": {"en": "KPI", "nl": "KPI"},
    "discipline.kpi.col.kind": {"en": "Kind", "nl": "Soort"},
    "discipline.kpi.col.latest": {"en": "Latest value", "nl": "Laatste waarde"},
    "discipline.kpi.col.unit": {"en": "Unit", "nl": "Eenheid"},
    "discipline.kpi.col.period": {"en": "Period", "nl": "Periode"},
    "discipline.kpi.col.previous_year": {"en": "A year earlier", "nl": "Een jaar eerder"},
    "discipline.kpi.col.sample_size": {"en": "n", "nl": "n"},
    "discipline.kpi.col.direction": {"en": "Direction", "nl": "Richting"},
    "discipline.kpi.col.initiatives": {"en": "Linked initiatives", "nl": "Gekoppelde initiatieven"},
    "discipline.kpi.choose": {"en": "Trend of", "nl": "Verloop van"},
    "discipline.kpi.trend_title": {
        "en": "{name}: monthly readings, last {months} months",
        "nl": "{name}: maandelijkse metingen, laatste {months} maanden",
    },
    "discipline.kpi.no_readings": {"en": "No readings in this period yet.", "nl": "Nog geen metingen in deze periode."},
    # Governance board
    "board.subtitle": {
        "en": "What needs a decision at the next governance meeting, straight from the data.",
        "nl": "Waarover het volgende governance-overleg moet besluiten, rechtstreeks uit de data.",
    },
    "board.proposals.header": {
        "en": "Proposals awaiting approval ({n})",
        "nl": "Voorstellen die wachten op goedkeuring ({n})",
    },
    "board.proposals.help": {
        "en": "Oldest proposal first: approve, reject or ask for more information.",
        "nl": "Oudste voorstel eerst: goedkeuren, afwijzen of om meer informatie vragen.",
    },
    "board.red.header": {"en": "Red initiatives ({n})", "nl": "Rode initiatieven ({n})"},
    "board.red.help": {
        "en": "Open initiatives whose latest check-in is red, longest-standing first: help, re-plan or stop?",
        "nl": "Lopende initiatieven met een rode laatste voortgangsupdate, langst lopende eerst: helpen, "
        "herplannen of stoppen?",
    },
    "board.on_hold.header": {"en": "On hold ({n})", "nl": "Gepauzeerd ({n})"},
    "board.on_hold.help": {
        "en": "Paused initiatives: resume, re-plan or cancel?",
        "nl": "Gepauzeerde initiatieven: hervatten, herplannen of stoppen?",
    },
    "board.overdue.header": {"en": "Overdue ({n})", "nl": "Over de streefdatum ({n})"},
    "board.overdue.help": {
        "en": "Past their target date and not closed, most overdue first: a new date, or close them?",
        "nl": "Streefdatum verstreken en niet afgesloten, meest verlopen eerst: een nieuwe datum, of afsluiten?",
    },
    "board.none": {"en": "Nothing here.", "nl": "Niets te bespreken."},
}
