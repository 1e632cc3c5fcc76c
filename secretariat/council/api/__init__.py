"""The council's JSON API, mounted at /api/v1/council/: one sub-router per topic, one line each."""

from ninja import Router

from secretariat.council.api.liaison import router as liaison_router
from secretariat.council.api.questions import router as questions_router
from secretariat.council.api.requests import router as requests_router
from secretariat.council.api.structure import router as structure_router

router = Router(tags=["council"])
router.add_router("/", structure_router)
router.add_router("/", liaison_router)
router.add_router("/", requests_router)
router.add_router("/", questions_router)
