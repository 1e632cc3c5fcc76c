"""The outline of the Secretariat's work report, in the seed's order (shared/seed, 112年下半年).

Each place is a key of outline numerals, ("壹", "三", "一") for 壹、三、（一）, and the seed's heading.
Where the seed gives a numbered item no heading of its own (四、府會事務 runs its items as sentences),
the heading here names the item's subject in the seed's words. `{period}` in a heading becomes the
period's label (`112年下半年`).
"""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.reporting.report.sections import OutlineKey

REPORT_TITLE = "臺北市政府秘書處工作報告"
FRONT = "前言"  # the opening address: written prose, not numbered


@dataclass(frozen=True)
class Place:
    key: OutlineKey
    heading: str

    @property
    def level(self) -> int:
        return len(self.key)

    @property
    def numbered(self) -> bool:
        return self.key != (FRONT,)

    def heading_for(self, period_label: str) -> str:
        return self.heading.replace("{period}", period_label)


def _places(*rows: tuple[str, str]) -> tuple[Place, ...]:
    return tuple(Place(tuple(key.split("/")), heading) for key, heading in rows)


OUTLINE: tuple[Place, ...] = _places(
    (FRONT, "前言"),
    ("壹", "{period}重要業務執行成果"),
    ("壹/一", "國際交流及城市外交"),
    ("壹/一/一", "積極參與國際交流活動"),
    ("壹/一/二", "活化本府國際及大陸事務人才"),
    ("壹/一/三", "召開本府國際事務委員會"),
    ("壹/一/四", "辦理大陸事務"),
    ("壹/二", "文書 e化及檔案管理"),
    ("壹/二/一", "運用 e化、提升作業效益"),
    ("壹/二/二", "檢討文書規範、以符實務運作"),
    ("壹/二/三", "完成文件智取系統整合、推動智取交換試辦"),
    ("壹/二/四", "督導檔案銷毀、紓緩庫房壓力"),
    ("壹/二/五", "優化本處資訊服務品質"),
    ("壹/二/六", "發行市府公報及年鑑"),
    ("壹/三", "議事業務及行政工作"),
    ("壹/三/一", "受理對市長陳情案件"),
    ("壹/三/二", "辦理會議工作"),
    ("壹/三/三", "精實公務車輛規模"),
    ("壹/四", "府會事務及議會互動"),
    ("壹/四/一", "紀錄市長施政報告及議員質詢議題"),
    ("壹/四/二", "議員索取資料"),
    ("壹/四/三", "綜理府會聯絡工作"),
    ("壹/四/四", "強化府會聯絡員職能"),
    ("壹/五", "媒體聯繫與新聞發布"),
    ("壹/五/一", "傳遞即時市政訊息、深化媒體聯繫與互動"),
    ("壹/五/二", "精進市政輿情蒐報及處理機制"),
    ("壹/五/三", "透過多元管道行銷市政"),
    ("壹/五/四", "辦理新聞聯繫實務研習班及座談會"),
    ("壹/六", "市民諮詢及志工服務"),
    ("壹/六/一", "綜合諮詢服務"),
    ("壹/六/二", "專業諮詢服務"),
    ("壹/六/三", "志工服務"),
    ("壹/七", "市政大樓管理及公共事務"),
    ("壹/七/一", "市有建物管理及西園、信義職舍之耐震補強工程"),
    ("壹/七/二", "市政大樓空間及附屬服務設施管理與活化"),
    ("壹/七/三", "落實市政大樓機電設備管理及加強節能工作"),
    ("壹/七/四", "提升市政大樓安全維護與防災應變能力"),
    ("貳", "本處未來工作展望"),
    ("貳/一", "佐理市政推動"),
    ("貳/二", "提升文檔效能"),
    ("貳/三", "優化辦公場域"),
    ("貳/四", "精進為民服務"),
    ("貳/五", "深化媒體聯繫"),
    ("貳/六", "增進府會和諧"),
    ("貳/七", "擴大國際交流"),
    ("參", "結語"),
)

_INDEX = {place.key: position for position, place in enumerate(OUTLINE)}


def normalise_key(key: OutlineKey | str) -> OutlineKey:
    """Accept ("壹", "三", "(一)"), ("壹", "三", "（一）") or "壹/三/一" for the same place."""
    parts = key.split("/") if isinstance(key, str) else list(key)
    return tuple(part.strip().strip("()（）、 ") for part in parts)


def place_for(key: OutlineKey | str) -> Place:
    """The outline place at `key`; a key the seed's outline does not have is a programming error."""
    normal = normalise_key(key)
    if normal not in _INDEX:
        raise KeyError(f"{'/'.join(normal)} is not a place in the work report's outline")
    return OUTLINE[_INDEX[normal]]


def position(key: OutlineKey) -> int:
    """Where a place comes in the report: sorting by this gives the seed's order."""
    return _INDEX[key]


def children(key: OutlineKey) -> list[Place]:
    return [place for place in OUTLINE if len(place.key) == len(key) + 1 and place.key[: len(key)] == key]


def top_level() -> list[Place]:
    return [place for place in OUTLINE if place.level == 1]


def numbering(place: Place) -> str:
    """How the report numbers a heading: 壹、 for the first level, 一、 for the second, （一） for the third."""
    if not place.numbered:
        return ""
    last = place.key[-1]
    return f"（{last}）" if place.level >= 3 else f"{last}、"
