from ninja import Router

from secretariat.counters.api.consultations import router as consultations_router
from secretariat.counters.api.enquiries import router as enquiries_router
from secretariat.counters.api.volunteers import router as volunteers_router

router = Router(tags=["counters"])
router.add_router("", enquiries_router)
router.add_router("", consultations_router)
router.add_router("", volunteers_router)
