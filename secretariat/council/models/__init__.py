"""City council affairs: the council's structure, questions (質詢), data requests (索資) and liaison."""

from secretariat.council.models.liaison import Briefing, LiaisonOfficer, Training
from secretariat.council.models.questions import Question, QuestionKind, ReviewDecision, ReviewMeeting
from secretariat.council.models.requests import DataRequest, DataRequestPart, Urgency
from secretariat.council.models.structure import Caucus, Councillor, Session, SessionKind, Term

__all__ = [
    "Briefing",
    "Caucus",
    "Councillor",
    "DataRequest",
    "DataRequestPart",
    "LiaisonOfficer",
    "Question",
    "QuestionKind",
    "ReviewDecision",
    "ReviewMeeting",
    "Session",
    "SessionKind",
    "Term",
    "Training",
    "Urgency",
]
