"""Demo council: invented councillors of the 14th term (names, districts and contacts are made up and
are not the real council's roster), two of them with portal accounts, a liaison officer in each agency,
the caucus briefings of the 2nd regular session and the 112年9月20日 liaison training."""

from __future__ import annotations

import datetime as dt

from secretariat.accounts.constants import Role
from secretariat.accounts.demo import DEMO_PASSWORD
from secretariat.accounts.models import Agency, User
from secretariat.accounts.services import user_create
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.council.models import Briefing, Caucus, Councillor, LiaisonOfficer, Term, Training
from secretariat.council.services import reference
from secretariat.council.services.liaison import briefing_record, officer_create, training_record

DISTRICTS = ["第一選舉區（北投區、士林區）", "第二選舉區（內湖區、南港區）", "第三選舉區（松山區、信義區）",
             "第四選舉區（中山區、大同區）", "第五選舉區（中正區、萬華區）", "第六選舉區（大安區、文山區）"]
# name, caucus short name (None: no caucus), district index. Invented for the demo.
COUNCILLORS: list[tuple[str, str | None, int]] = [
    ("鄭予安", "國民黨", 0), ("許沐晴", "民進黨", 0), ("沈柏岳", "國民黨", 1), ("柯芷瑜", "民進黨", 1),
    ("范承翰", "民眾黨", 1), ("溫若彤", "國民黨", 2), ("譚宥辰", "民進黨", 2), ("駱以棠", "國民黨", 3),
    ("甘靖雯", "民進黨", 3), ("章亦凡", "民眾黨", 3), ("龔書瑀", "國民黨", 4), ("侯品睿", "民進黨", 4),
    ("薛沛蓁", "無盟", 4), ("嚴定澄", "國民黨", 5), ("穆芳瑜", "民進黨", 5), ("戴澄心", None, 5),
]
# The first councillor uses the existing demo account "councillor"; this one gets an account of its own.
SECOND_PORTAL = ("councillor2", "許議員", "許沐晴")

OFFICER_SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周葉蘇"
OFFICER_GIVEN = ["怡君", "志明", "淑芬", "建宏", "雅婷", "俊傑", "美玲", "冠廷", "佳蓉", "家豪", "宜蓁", "承恩"]

BRIEFINGS: list[tuple[dt.date, str, str, list[str]]] = [
    (dt.date(2023, 9, 12), "國民黨", "113年度總預算案；公共運輸處組織規程修正草案", ["交通局", "財政局", "主計處"]),
    (dt.date(2023, 9, 13), "民進黨", "113年度總預算案；社會住宅興辦計畫", ["都發局", "財政局", "主計處"]),
    (dt.date(2023, 9, 14), "民眾黨", "113年度總預算案；長期照顧服務推動", ["社會局", "衛生局", "主計處"]),
    (dt.date(2023, 9, 15), "無盟", "113年度總預算案；市區道路人行環境改善", ["工務局", "交通局", "主計處"]),
]
TRAINING = (dt.date(2023, 9, 20), "府會聯絡員研習班", "市政大樓北區2樓會議室")


def load() -> list[str]:
    reference.load()
    term = Term.objects.get(number=reference.TERM_NUMBER)
    outcome: list[str] = []
    if not Councillor.objects.filter(term=term, name=COUNCILLORS[0][0]).exists():
        outcome.append(_councillors(term))
    if not LiaisonOfficer.objects.exists():
        outcome.append(_officers())
    if not Briefing.objects.filter(held_on=BRIEFINGS[0][0]).exists():
        outcome.append(_briefings(term))
    if not Training.objects.filter(held_on=TRAINING[0]).exists():
        outcome.append(_training())
    return outcome


def _councillors(term: Term) -> str:
    caucuses = {caucus.short_name: caucus for caucus in Caucus.objects.filter(term=term)}
    portals = {COUNCILLORS[0][0]: User.objects.filter(username="councillor", role=Role.COUNCILLOR).first()}
    second = User.objects.filter(username=SECOND_PORTAL[0]).first() or user_create(
        actor=SYSTEM, username=SECOND_PORTAL[0], password=DEMO_PASSWORD, display_name=SECOND_PORTAL[1],
        role=Role.COUNCILLOR, email=f"{SECOND_PORTAL[0]}@demo.invalid")
    portals[SECOND_PORTAL[2]] = second
    for number, (name, caucus, district) in enumerate(COUNCILLORS, start=1):
        councillor = Councillor.objects.create(
            term=term, name=name, caucus=caucuses.get(caucus) if caucus else None, district=DISTRICTS[district],
            phone=f"02-2729-{7700 + number:04d}", email=f"councillor{number:02d}@demo.invalid",
            office=f"議員研究室{number:02d}", user=portals.get(name))
        record_change(actor=SYSTEM, action="council.councillor_create", target=councillor,
                      after=snapshot(councillor, ["term", "name", "caucus", "district", "user"]))
    return f"{len(COUNCILLORS)} demo councillors (2 with portal accounts)"


def _officers() -> str:
    agencies = list(Agency.objects.filter(is_active=True).order_by("sort_order", "name"))
    liaison_user = User.objects.filter(username="liaison", role=Role.AGENCY_LIAISON).first()
    for index, agency in enumerate(agencies):
        user = liaison_user if liaison_user is not None and liaison_user.agency_id == agency.pk else None
        name = (user.display_name if user and user.display_name else
                OFFICER_SURNAMES[index % len(OFFICER_SURNAMES)] + OFFICER_GIVEN[index % len(OFFICER_GIVEN)])
        officer_create(actor=SYSTEM, agency=agency, name=name, title="府會聯絡員",
                       phone=f"02-2720-8889 分機 {6000 + index}", mobile=f"0900-000-{index:03d}",
                       email=f"liaison{index:02d}@demo.invalid", user=user)
    return f"{len(agencies)} demo liaison officers"


def _briefings(term: Term) -> str:
    caucuses = {caucus.short_name: caucus for caucus in Caucus.objects.filter(term=term)}
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    clerk = User.objects.filter(username="clerk").first()
    for held_on, caucus, topics, attending in BRIEFINGS:
        briefing_record(actor=clerk or SYSTEM, held_on=held_on, caucus=caucuses[caucus], topics=topics,
                        attending_users=[clerk] if clerk else [],
                        attending_agencies=[agencies[name] for name in attending if name in agencies],
                        attendees_note="市長、副秘書長")
    return f"{len(BRIEFINGS)} demo caucus briefings"


def _training() -> str:
    held_on, title, venue = TRAINING
    clerk = User.objects.filter(username="clerk").first()
    attendees = list(LiaisonOfficer.objects.filter(is_active=True))
    training_record(actor=clerk or SYSTEM, held_on=held_on, title=title, venue=venue, attendees=attendees)
    return f"the {held_on.isoformat()} liaison training ({len(attendees)} attendees)"


def logins() -> list[tuple[str, str, str]]:
    return [(SECOND_PORTAL[0], DEMO_PASSWORD, f"{SECOND_PORTAL[1]} · {Role(Role.COUNCILLOR).label}")]
