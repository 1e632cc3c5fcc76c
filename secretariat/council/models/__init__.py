"""City council affairs: the council's structure, questions (質詢), data requests (索資) and liaison."""

from secretariat.council.models.structure import Caucus, Councillor, Session, SessionKind, Term

__all__ = ["Caucus", "Councillor", "Session", "SessionKind", "Term"]
