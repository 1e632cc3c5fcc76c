from ninja import Router

router = Router(tags=["media"])

from secretariat.media.api.opinion import router as opinion_router  # noqa: E402

router.add_router("", opinion_router)

from secretariat.media.api.press import router as press_router  # noqa: E402

router.add_router("", press_router)
