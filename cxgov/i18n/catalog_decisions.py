"""Texts of the decisions register and the action items: why a decision or an action is refused, and the
meeting actions on My work."""

TEXTS = {
    "decisions.error.meeting_not_running": {
        "en": "Decisions are recorded once the meeting's agenda is published or the meeting is held; "
        "this meeting is {status}.",
        "nl": "Besluiten worden vastgelegd zodra de agenda van de vergadering is gepubliceerd of de vergadering is "
        "gehouden; deze vergadering is {status}.",
    },
    "decisions.error.item_of_other_meeting": {
        "en": "is not an item on this meeting's agenda",
        "nl": "staat niet op de agenda van deze vergadering",
    },
    "decisions.error.other_body": {
        "en": "belongs to another body ({body})",
        "nl": "hoort bij een ander gremium ({body})",
    },
    "decisions.error.already_superseded": {
        "en": "is no longer active: decision {by} already supersedes it",
        "nl": "is niet meer van kracht: besluit {by} vervangt het al",
    },
    "decisions.error.minutes_of_later_meeting": {
        "en": "is not an earlier meeting: minutes are approved at a later meeting",
        "nl": "is geen eerdere vergadering: notulen worden in een latere vergadering vastgesteld",
    },
    "decisions.error.minutes_not_held": {
        "en": "has no minutes to approve: that meeting is {status}",
        "nl": "heeft geen notulen om vast te stellen: die vergadering is {status}",
    },
    "decisions.error.approve_needs_proposal": {
        "en": "approve is a decision on a proposal; this initiative is {status} (record the decision as fund, "
        "resume or note instead)",
        "nl": "goedkeuren is een besluit over een voorstel; dit initiatief is {status} (leg het besluit vast als "
        "financieren, hervatten of kennisname)",
    },
    "decisions.error.reverses_what": {
        "en": "needs the decision it reverses",
        "nl": "vraagt om het besluit dat wordt teruggedraaid",
    },
    "decisions.error.target_needs_initiative": {
        "en": "needs the initiative whose target date it changes",
        "nl": "vraagt om het initiatief waarvan de streefdatum verandert",
    },
    "decisions.error.minutes_by_note": {
        "en": "minutes are approved by a decision of the kind note",
        "nl": "notulen worden vastgesteld met een besluit van het soort kennisname",
    },
    "actions.error.meeting_not_running": {
        "en": "Action items are given once the meeting's agenda is published or the meeting is held; "
        "this meeting is {status}.",
        "nl": "Actiepunten worden uitgedeeld zodra de agenda van de vergadering is gepubliceerd of de vergadering is "
        "gehouden; deze vergadering is {status}.",
    },
    "actions.error.closed": {
        "en": "This action item is already closed ({status}).",
        "nl": "Dit actiepunt is al afgesloten ({status}).",
    },
    "actions.error.outcome_open": {
        "en": "must be done or dropped",
        "nl": "moet gedaan of vervallen zijn",
    },
    "actions.error.drop_reason": {
        "en": "is required: say why the action is dropped",
        "nl": "is verplicht: zeg waarom het actiepunt vervalt",
    },
    "actions.error.closed_before_set": {
        "en": "cannot be before the action was given",
        "nl": "kan niet voor de dag liggen waarop het actiepunt werd uitgedeeld",
    },
    "actions.error.due_before_meeting": {
        "en": "cannot be before the meeting that gives the action",
        "nl": "kan niet voor de vergadering liggen die het actiepunt uitdeelt",
    },
    "actions.error.link_of_other_meeting": {
        "en": "belongs to another meeting",
        "nl": "hoort bij een andere vergadering",
    },
    "work.meeting_action.heading": {"en": "Action items from meetings", "nl": "Actiepunten uit vergaderingen"},
    "work.meeting_action.caption": {
        "en": "What a governance meeting asked of you, overdue or due within two weeks. Report it done here; the "
        "next meeting's follow-up shows it.",
        "nl": "Wat een governancevergadering van je vroeg, te laat of binnen twee weken. Meld het hier als gedaan; "
        "de opvolging in de volgende vergadering laat het zien.",
    },
    "work.meeting_action.col.action": {"en": "Action item", "nl": "Actiepunt"},
    "work.meeting_action.col.meeting": {"en": "Meeting", "nl": "Vergadering"},
    "work.meeting_action.col.initiative": {"en": "Initiative", "nl": "Initiatief"},
    "work.meeting_action.form": {"en": "Report an action item done", "nl": "Een actiepunt als gedaan melden"},
    "work.meeting_action.which": {"en": "Action item", "nl": "Actiepunt"},
    "work.meeting_action.note": {"en": "How it ended (optional)", "nl": "Hoe het is afgerond (optioneel)"},
    "work.meeting_action.closed_on": {"en": "Done on", "nl": "Gedaan op"},
    "work.meeting_action.mark_done": {"en": "Mark done", "nl": "Gedaan"},
    "work.meeting_action.done": {"en": "Action item marked done.", "nl": "Actiepunt als gedaan gemeld."},
    "decisions.error.later_decision": {
        "en": "A decision can only correct or reverse a decision taken at this meeting or an earlier one.",
        "nl": "Een besluit kan alleen een besluit van deze of een eerdere vergadering corrigeren of terugdraaien.",
    },
    "actions.error.overdue_stays_due": {
        "en": "the action is overdue: its due date stays (it counts in the say/do ratio); drop it with a reason if it is no longer needed",
        "nl": "het actiepunt is te laat: de uiterste datum blijft staan (die telt mee in de zeggen/doen-verhouding); laat het vervallen met een reden als het niet meer nodig is",
    },
    "actions.error.closed_long_ago": {
        "en": "may be at most {days} days ago: report an action done within a week of doing it",
        "nl": "mag hoogstens {days} dagen geleden zijn: meld een actiepunt gedaan binnen een week",
    },
    "decisions.error.kind_needs_initiative": {
        "en": "is required for this kind of decision ({kind}): say which initiative it is about",
        "nl": "is nodig bij dit soort besluit ({kind}): kies over welk initiatief het gaat",
    },
}
