"""Texts of the meeting services: planning a meeting and its invitations, attendance, the status moves, the
agenda and its backlog, and the owner's ask of the board (Dutch: vergadering, agenda, notulen, voorzitter)."""

TEXTS = {
    "entity.meeting_member": {"en": "Meeting member", "nl": "Deelnemer aan de vergadering"},
    "entity.board_ask": {"en": "Ask of the board", "nl": "Vraag aan de board"},
    "meeting.error.time_zone_missing": {
        "en": "must say its time zone (e.g. 10:00 Europe/Amsterdam)",
        "nl": "moet een tijdzone hebben (bijv. 10:00 Europe/Amsterdam)",
    },
    "meeting.error.not_a_moment": {"en": "is not a date and time", "nl": "is geen datum en tijd"},
    "meeting.error.quarter_format": {"en": "must be written like 2026-Q4", "nl": "moet geschreven zijn als 2026-Q4"},
    "meeting.error.listed_twice": {"en": "names someone twice", "nl": "noemt iemand twee keer"},
    "meeting.error.member_and_guest": {
        "en": "names someone who is also a member: a person is a member or a guest",
        "nl": "noemt iemand die ook lid is: iemand is lid of gast",
    },
    "meeting.error.pre_read_after_meeting": {
        "en": "must be on or before the day of the meeting",
        "nl": "moet op of voor de dag van de vergadering liggen",
    },
    "meeting.error.not_invited": {
        "en": "names people who are not invited to this meeting (ids {ids})",
        "nl": "noemt mensen die niet voor deze vergadering zijn uitgenodigd (ids {ids})",
    },
    "meeting.error.not_now": {
        "en": "This cannot be done while the meeting is {status}.",
        "nl": "Dit kan niet zolang de vergadering de status {status} heeft.",
    },
    "meeting.error.move": {
        "en": "A meeting that is {status} cannot become {to}.",
        "nl": "Een vergadering met status {status} kan niet naar {to}.",
    },
    "meeting.error.agenda_empty": {
        "en": "The agenda has no planned items yet: add or propose items before publishing it.",
        "nl": "De agenda heeft nog geen geplande punten: voeg punten toe of stel de agenda voor, en publiceer dan.",
    },
    "meeting.error.attendance_missing": {
        "en": "Record the attendance of every member before closing the meeting.",
        "nl": "Leg de aanwezigheid van elk lid vast voordat je de vergadering afsluit.",
    },
    "meeting.error.already_followed": {
        "en": "The next meeting of this series is already planned (meeting {id}).",
        "nl": "De volgende vergadering van deze reeks is al gepland (vergadering {id}).",
    },
    "meeting.error.series_ends": {
        "en": "The next meeting would fall after the year 2100.",
        "nl": "De volgende vergadering zou na het jaar 2100 vallen.",
    },
    "agenda.error.section_by_proposal": {
        "en": "sections come from the proposed agenda; add a topic, an initiative or a KPI",
        "nl": "onderdelen komen uit de voorgestelde agenda; voeg een onderwerp, initiatief of KPI toe",
    },
    "agenda.error.not_in_backlog": {
        "en": "is not an item of the agenda backlog of an earlier meeting of this body",
        "nl": "is geen punt van de agendabacklog van een eerdere vergadering van dit orgaan",
    },
    "agenda.error.already_taken_up": {
        "en": "was already taken up again (agenda item {id})",
        "nl": "is al opnieuw geagendeerd (agendapunt {id})",
    },
    "agenda.error.order_not_the_agenda": {
        "en": "must name every item on the agenda once, and nothing else",
        "nl": "moet elk punt van de agenda één keer noemen, en niets anders",
    },
    "agenda.error.not_planned": {
        "en": "Only a planned item can be taken off the agenda; this one is {status}.",
        "nl": "Alleen een gepland punt kan van de agenda; dit punt is {status}.",
    },
    "agenda.error.removed": {
        "en": "This item was taken off the agenda; add it again from the backlog to change it.",
        "nl": "Dit punt is van de agenda gehaald; agendeer het opnieuw vanuit de backlog om het te wijzigen.",
    },
    "agenda.error.remove_is_its_own_action": {
        "en": "take an item off the agenda with Remove",
        "nl": "haal een punt van de agenda met Verwijderen",
    },
    "agenda.error.planned_after_meeting": {
        "en": "the meeting is held: an item was discussed or not reached",
        "nl": "de vergadering is gehouden: een punt is besproken of niet aan bod gekomen",
    },
    "agenda.error.taken_up": {
        "en": "A later meeting took this item up again (agenda item {id}); it stays as it was.",
        "nl": "Een latere vergadering heeft dit punt opnieuw geagendeerd (agendapunt {id}); het blijft zoals het was.",
    },
    "board_ask.error.too_late": {
        "en": "The pre-read deadline of this meeting has passed: raise the ask with the secretary.",
        "nl": "De deadline voor de vergaderstukken van deze vergadering is verstreken: leg de vraag bij de secretaris.",
    },
    "meeting.error.has_record": {
        "en": "Decisions or actions are recorded at this meeting: its body, time, chair and people stay as they were.",
        "nl": "Bij deze vergadering zijn besluiten of actiepunten vastgelegd: orgaan, tijd, voorzitter en deelnemers blijven zoals ze waren.",
    },
    "meeting.error.no_members": {
        "en": "invite at least one member: the quorum is a share of the members",
        "nl": "nodig minstens één lid uit: het quorum is een deel van de leden",
    },
}
