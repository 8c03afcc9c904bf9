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
    "enum.statusmove.cancel": {"en": "Cancel", "nl": "Stoppen"},
    "enum.signinmode.local": {"en": "Local account", "nl": "Lokaal account"},
    "enum.signinmode.sso": {"en": "Company sign-in", "nl": "Bedrijfsaccount"},
}
