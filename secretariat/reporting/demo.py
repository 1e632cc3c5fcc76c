"""The demo period's prose (112年下半年): the opening address, the outlook and the closing, written for the
demo in the report's register. Saved through the same service as the edit form, so each text has its
version and its audit row; a text already there is left as it is (idempotent)."""

from __future__ import annotations

from secretariat.core.changes import SYSTEM
from secretariat.core.roc import Period
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.prose import prose_place
from secretariat.reporting.services import prose_save

PERIOD = Period(112, 2)

TEXTS: dict[str, str] = {
    "front": "\n".join((
        "召集人、副召集人、各位議員女士、先生：",
        "今天承邀列席貴會定期大會，就本處業務執行情形提出報告，並請各位議員指教。",
        "本處身為市府的幕僚機關，協助府級長官推動市政，聯繫各機關協調合作，讓市府團隊發揮整體效能。",
        "以下謹就本處112年7月1日至12月31日（以下簡稱112年下半年）重要業務執行成果及未來工作展望"
        "提出報告。",
    )),
    "outlook-1": "本處將持續協助府級長官推動各項市政，並透過市政會議及主任秘書會報加強各機關橫向聯繫，"
                 "使市政資源運用更有效率。",
    "outlook-2": "本處將持續檢討文書及檔案作業規範，擴大電子化作業，提升公文處理及檔案管理效能。",
    "outlook-3": "本處將逐步改善市政大樓辦公環境及設施，兼顧節能與安全，營造友善的辦公場域。",
    "outlook-4": "本處將持續精進陳情案件處理及市民諮詢服務，縮短回應時間，提供更貼近民眾需求的服務。",
    "outlook-5": "本處將持續與媒體保持密切聯繫，即時說明市政措施，並運用多元管道傳遞市政訊息。",
    "outlook-6": "本處將持續做好議員質詢及索取資料之彙整與追蹤，促進府會良性溝通。",
    "outlook-7": "本處將持續推動城市交流，參與國際會議及活動，提升本市國際能見度。",
    "closing": "\n".join((
        "以上為本處近半年業務執行成果及未來工作方向，感謝貴會支持，本處同仁將持續努力，提供市民更好的服務。",
        "敬祝各位議員身體健康，萬事如意！",
    )),
}


def load() -> list[str]:
    present = set(ReportProse.objects.filter(period_code=PERIOD.code).values_list("place", flat=True))
    written = 0
    for slug, text in TEXTS.items():
        if slug in present:
            continue
        prose_save(actor=SYSTEM, period=PERIOD, place=prose_place(slug), text=text, version=0)
        written += 1
    return [f"{written} report texts for {PERIOD.code}"] if written else []
