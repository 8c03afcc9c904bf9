"""SQLModel tables and enums; importing this package registers every table on SQLModel.metadata."""

from cxgov.models.accounts import LocalAccount, SignInSession, SsoIdentity
from cxgov.models.audit import AuditEvent, AuditHead
from cxgov.models.board_pack import BoardPack, BoardPackSection, PackTemplate
from cxgov.models.budget import BudgetLine, Expense
from cxgov.models.enums import *  # noqa: F403
from cxgov.models.governance import ActionItem, AgendaItem, BoardAsk, Decision, Meeting, MeetingMember
from cxgov.models.initiatives import (
    CheckIn,
    Initiative,
    InitiativeDependency,
    InitiativeMember,
    InitiativeTerm,
    Milestone,
    PdcaCycle,
    PhaseTransition,
    PlanAction,
    Risk,
    StatusTransition,
)
from cxgov.models.kpis import InitiativeKpi, Kpi, KpiReading
from cxgov.models.measurement import InitiativeSegment, KpiFigure, KpiTarget, SurveyImport, SurveyResponse
from cxgov.models.organisation import Department, Person, StrategicObjective, TaxonomyTerm

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AuditEvent",
    "AuditHead",
    "BoardAsk",
    "BoardPack",
    "BoardPackSection",
    "BudgetLine",
    "CheckIn",
    "Decision",
    "Department",
    "Expense",
    "Initiative",
    "InitiativeDependency",
    "InitiativeKpi",
    "InitiativeMember",
    "InitiativeSegment",
    "InitiativeTerm",
    "Kpi",
    "KpiFigure",
    "KpiReading",
    "KpiTarget",
    "LocalAccount",
    "Meeting",
    "MeetingMember",
    "Milestone",
    "PackTemplate",
    "PdcaCycle",
    "Person",
    "PhaseTransition",
    "PlanAction",
    "Risk",
    "SignInSession",
    "SsoIdentity",
    "StatusTransition",
    "StrategicObjective",
    "SurveyImport",
    "SurveyResponse",
    "TaxonomyTerm",
]
