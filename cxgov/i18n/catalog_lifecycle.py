"""The lifecycle: status moves (approve, reject, ask for more information, hold, resume, complete, cancel)."""

TEXTS = {
    "enum.statusmove.approve": {"en": "Approve", "nl": "Goedkeuren"},
    "enum.statusmove.reject": {"en": "Reject", "nl": "Afwijzen"},
    "enum.statusmove.ask_info": {"en": "Ask for more information", "nl": "Meer informatie vragen"},
    "enum.statusmove.answer_info": {"en": "Answer the question", "nl": "Vraag beantwoorden"},
    "enum.statusmove.hold": {"en": "Put on hold", "nl": "Pauzeren"},
    "enum.statusmove.resume": {"en": "Resume", "nl": "Hervatten"},
    "enum.statusmove.start": {"en": "Start work", "nl": "Werk starten"},
    "enum.statusmove.complete": {"en": "Complete", "nl": "Afronden"},
    "enum.statusmove.cancel": {"en": "Cancel the initiative", "nl": "Initiatief stoppen"},
    "enum.signinmode.local": {"en": "Local account", "nl": "Lokaal account"},
    "enum.signinmode.sso": {"en": "Company sign-in", "nl": "Bedrijfsaccount"},
    "action.answer_question": {
        "en": "answer questions about this proposal",
        "nl": "vragen over dit voorstel beantwoorden",
    },
    "lifecycle.error.not_from_status": {
        "en": "“{move}” is not possible for an initiative with status {status}",
        "nl": "‘{move}’ kan niet bij een initiatief met status {status}",
    },
    "lifecycle.error.question_open": {
        "en": "a question to the owner is still waiting for an answer",
        "nl": "er staat nog een vraag aan de eigenaar open",
    },
    "lifecycle.error.no_question": {
        "en": "there is no open question to answer",
        "nl": "er is geen openstaande vraag om te beantwoorden",
    },
    "lifecycle.error.status_by_move": {
        "en": "changes only through its moves on the initiative page (approve, reject, ask for more information, "
        "put on hold, resume, cancel; Plan → Do and the Act decision in the PDCA record), each with its right "
        "and a recorded reason",
        "nl": "verandert alleen via de stappen op de initiatiefpagina (goedkeuren, afwijzen, meer informatie vragen, "
        "pauzeren, hervatten, stoppen; Plan → Do en het Act-besluit in het PDCA-verslag), elk met het "
        "recht daarvoor en een vastgelegde reden",
    },
    "lifecycle.field.reason": {"en": "Reason (recorded)", "nl": "Reden (wordt vastgelegd)"},
    "lifecycle.field.question": {
        "en": "Your question to the owner (recorded)",
        "nl": "Je vraag aan de eigenaar (wordt vastgelegd)",
    },
    "lifecycle.field.answer": {"en": "Your answer (recorded)", "nl": "Je antwoord (wordt vastgelegd)"},
    "lifecycle.waiting.ask_info": {
        "en": "**Waiting for the owner's answer.** {who} asked on {day}: {text}",
        "nl": "**Wacht op het antwoord van de eigenaar.** {who} vroeg op {day}: {text}",
    },
    "lifecycle.waiting.answer_info": {
        "en": "**Waiting for a decision.** {who} answered on {day}: {text}",
        "nl": "**Wacht op een besluit.** {who} antwoordde op {day}: {text}",
    },
    "lifecycle.confirm.approve": {"en": "Approve (fund) “{title}”?", "nl": "“{title}” goedkeuren (financieren)?"},
    "lifecycle.confirm.reject": {"en": "Reject “{title}”?", "nl": "“{title}” afwijzen?"},
    "lifecycle.confirm.ask_info": {
        "en": "Ask the owner of “{title}” for more information",
        "nl": "De eigenaar van “{title}” om meer informatie vragen",
    },
    "lifecycle.confirm.answer_info": {
        "en": "Answer the question about “{title}”",
        "nl": "De vraag over “{title}” beantwoorden",
    },
    "lifecycle.confirm.hold": {"en": "Put “{title}” on hold?", "nl": "“{title}” pauzeren?"},
    "lifecycle.confirm.resume": {"en": "Resume “{title}”?", "nl": "“{title}” hervatten?"},
    "lifecycle.confirm.cancel": {
        "en": "Cancel “{title}”? Its work stops; its history stays.",
        "nl": "“{title}” stoppen? Het werk stopt; de geschiedenis blijft bewaard.",
    },
    "lifecycle.done.approve": {
        "en": "Approved: the work can start (Plan → Do).",
        "nl": "Goedgekeurd: het werk kan beginnen (Plan → Do).",
    },
    "lifecycle.done.reject": {"en": "Rejected.", "nl": "Afgewezen."},
    "lifecycle.done.ask_info": {
        "en": "Question sent: it is on the owner's My work.",
        "nl": "Vraag gesteld: die staat bij de eigenaar onder Mijn werk.",
    },
    "lifecycle.done.answer_info": {
        "en": "Answer recorded: the proposal waits for a decision again.",
        "nl": "Antwoord vastgelegd: het voorstel wacht weer op een besluit.",
    },
    "lifecycle.done.hold": {"en": "Put on hold.", "nl": "Gepauzeerd."},
    "lifecycle.done.resume": {"en": "Resumed: {status}.", "nl": "Hervat: {status}."},
    "lifecycle.done.cancel": {"en": "Cancelled.", "nl": "Gestopt."},
    "lifecycle.history": {"en": "Status history ({n})", "nl": "Statusgeschiedenis ({n})"},
    "lifecycle.col.moved_at": {"en": "When", "nl": "Wanneer"},
    "lifecycle.col.move": {"en": "Move", "nl": "Stap"},
    "lifecycle.col.status": {"en": "Status", "nl": "Status"},
    "lifecycle.col.moved_by": {"en": "By", "nl": "Door"},
    "lifecycle.col.reason": {"en": "Reason, question or answer", "nl": "Reden, vraag of antwoord"},
    "lifecycle.no_moves": {
        "en": "No status move is open to you on this initiative.",
        "nl": "Er is geen statusstap die jij op dit initiatief kunt zetten.",
    },
    "lifecycle.moves_on_page": {
        "en": "The status is not edited here: it changes through its moves on the initiative page.",
        "nl": "De status wijzig je hier niet: die verandert via de stappen op de initiatiefpagina.",
    },
    "work.kind.info_requested": {"en": "Question about your proposal", "nl": "Vraag over je voorstel"},
    "lifecycle.latest": {
        "en": "Last status move: {move} — {who}, {day}: {text}",
        "nl": "Laatste statusstap: {move} — {who}, {day}: {text}",
    },
}
