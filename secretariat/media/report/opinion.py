"""壹、五、（二） 精進市政輿情蒐報及處理機制: the seed's two paragraphs, their figures computed for the period —
the digests sent to the agencies (when any were recorded) and the agencies' responses."""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.media.selectors.opinion import digests_in_period, responses_in_period
from secretariat.reporting.report.registry import register_section
from secretariat.reporting.report.sections import Figure, Paragraph, Section

PLACE = ("壹", "五", "二")



def opinion_section(period: Period) -> Section:
    digests = digests_in_period(period)
    first: list[str | Figure] = ["1、每日傳送市政輿情予本府各機關"]
    if digests:
        first += ["（", period.label, "計傳送輿情日報",
                  Figure.count(digests, label="傳送予各機關之輿情日報份數",
                               query=f"所涵蓋日期在{period.span_words}、至少傳送一機關之輿情日報",
                               period=period.code), "份）"]
    first.append("，並建立各通訊群組及通報機制，遇重大輿情事件，迅速、主動回報於群組，"
                 "並視事件所涉範圍、影響層面啟動應變機制。")
    responses = responses_in_period(period)
    count = Figure.count(responses, label="各機關回應市政輿情則數",
                         query=f"回應時間在{period.span_words}之機關輿情回應紀錄（含澄清稿、聲明、社群貼文等）",
                         period=period.code)
    second = ("2、本府各機關針對重要市政輿情適時回應，以利各界對實際情況瞭解，", period.label, "共計回應", count,
              "則。")
    return Section(outline=PLACE, blocks=(Paragraph(tuple(first)), Paragraph(second)))


def register() -> None:
    register_section(PLACE, opinion_section)
