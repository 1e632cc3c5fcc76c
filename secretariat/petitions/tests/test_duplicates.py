"""Likely duplicates: the same petitioner or very similar text, recent, earlier — and no personal data."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.db import transaction

from secretariat.cases.models import Case
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import at, take
from secretariat.petitions.access.personal_data import petitioner_key
from secretariat.petitions.models import Category, Petition
from secretariat.petitions.services.duplicates import SIMILAR_TEXT, bigrams, likely_duplicates, similarity

pytestmark = pytest.mark.django_db

# Sample letters behind the 0.6 threshold (see the duplicates module's docstring).
CROSSING = ("市長您好：我住在文山區興隆路二段，最近半年來興隆路二段與福興路口的紅綠燈秒數太短，行人綠燈只有十五秒，"
            "老人家和小孩根本來不及通過，上週還差點發生車禍。希望交通局能重新評估號誌時相，延長行人綠燈秒數，"
            "並在路口加裝行人倒數計時器。謝謝市長。")
CROSSING_RESENT = CROSSING + "上次陳情至今已經兩週，仍未見改善，請儘速處理。"
CROSSING_REWORDED = ("市長好，文山區興隆路二段和福興路口的行人綠燈只有十五秒，實在太短了，長輩跟小朋友都來不及過馬路，"
                     "上星期差一點就出車禍。請交通局重新檢討號誌，把行人綠燈延長，也加裝倒數計時器，謝謝。")
OTHER_CROSSING = ("市長您好：我住在中山區，南京東路二段與林森北路口的紅綠燈在上下班時間常常塞車，左轉車道太短，"
                  "車輛回堵到前一個路口，希望交通局能調整號誌時制並延長左轉車道，改善交通。謝謝市長。")
SIDEWALK = ("市長您好：我住在大安區，最近半年來和平東路的人行道上常有機車違規停放，行人只能走到車道上，非常危險，"
            "希望警察局與交通局加強取締，還給行人安全的步行空間。謝謝市長。")


@pytest.fixture
def traffic(reference_data) -> Category:
    return Category.objects.get_or_create(code="traffic-test", defaults={"name": "交通測試"})[0]


@pytest.fixture
def file(secretariat_clerk, traffic):
    """`file(subject, content, received=..., email=...)`: a petition registered by the clerk."""

    def make(subject: str, content: str, *, received: str = "2025-03-03", email: str = "", phone: str = "",
             category: Category | None = traffic, **fields: Any) -> Petition:
        with transaction.atomic():
            case = case_open(actor=secretariat_clerk, kind_code="petition", title=subject, received_at=at(received))
            return Petition.objects.create(
                case=case, channel="email", subject=subject, content=content,
                category=category,
                petitioner_name="陳小明" if email or phone else "", petitioner_email=email, petitioner_phone=phone,
                petitioner_key=petitioner_key(email, phone), **fields)

    return make


def test_a_letter_sent_again_by_the_same_petitioner_is_flagged(file):
    earlier = file("行人綠燈太短", CROSSING, email="ming@example.invalid", received="2025-03-03")
    later = file("請延長號誌秒數", SIDEWALK, email="Ming@Example.invalid", received="2025-03-20")
    hits = likely_duplicates(petition=later)
    assert [hit.reference for hit in hits] == [earlier.case.reference]
    assert hits[0].reason == "same_petitioner"


def test_the_same_petitioner_is_recognised_by_phone_in_either_form(file):
    earlier = file("行人綠燈太短", CROSSING, phone="0912-345-678")
    later = file("人行道機車", SIDEWALK, phone="+886 912 345 678", received="2025-03-10")
    assert [hit.case_id for hit in likely_duplicates(petition=later)] == [earlier.pk]


def test_a_copy_from_someone_else_is_flagged_as_similar_text(file):
    earlier = file("行人綠燈太短", CROSSING, email="a@example.invalid")
    later = file("行人綠燈太短，再次陳情", CROSSING_RESENT, email="b@example.invalid", received="2025-03-12")
    hits = likely_duplicates(petition=later)
    assert [hit.case_id for hit in hits] == [earlier.pk]
    assert hits[0].reason == "similar_text"
    assert hits[0].similarity >= SIMILAR_TEXT


def test_same_petitioner_and_similar_text_says_both(file):
    earlier = file("行人綠燈太短", CROSSING, email="a@example.invalid")
    later = file("行人綠燈太短", CROSSING_RESENT, email="a@example.invalid", received="2025-03-12")
    assert likely_duplicates(petition=later)[0].reason == "same_petitioner_similar_text"
    assert likely_duplicates(petition=later)[0].case_id == earlier.pk


def test_a_different_complaint_of_the_same_kind_is_not_flagged(file):
    file("南京林森路口塞車", OTHER_CROSSING, email="a@example.invalid")
    file("和平東路人行道機車", SIDEWALK, email="c@example.invalid")
    later = file("行人綠燈太短", CROSSING, email="b@example.invalid", received="2025-03-12")
    assert likely_duplicates(petition=later) == []


def test_only_earlier_petitions_of_the_window_count(file):
    file("行人綠燈太短", CROSSING, email="a@example.invalid", received="2024-11-01")  # over 90 days before
    middle = file("行人綠燈太短", CROSSING, email="a@example.invalid", received="2025-03-03")
    file("行人綠燈太短", CROSSING, email="a@example.invalid", received="2025-03-20")  # after
    assert likely_duplicates(petition=middle) == []
    assert likely_duplicates(petition=middle, days=200) != []


def test_similar_text_is_compared_within_the_category(file):
    file("行人綠燈太短", CROSSING, category=None)
    later = file("行人綠燈太短", CROSSING_RESENT, received="2025-03-12")
    assert likely_duplicates(petition=later) == []


def test_an_uncategorised_petition_is_compared_with_every_recent_one(file):
    earlier = file("行人綠燈太短", CROSSING)
    later = file("行人綠燈太短", CROSSING_RESENT, category=None, received="2025-03-12")
    assert [hit.case_id for hit in likely_duplicates(petition=later)] == [earlier.pk]


def test_a_merged_case_is_left_out_for_the_case_it_was_merged_into(file, secretariat_clerk):
    first = file("行人綠燈太短", CROSSING, received="2025-03-03")
    second = file("行人綠燈太短", CROSSING, received="2025-03-04")
    take(secretariat_clerk, Case.objects.get(pk=second.pk), "merge", on="2025-03-05", into=first.case.reference)
    third = file("行人綠燈太短", CROSSING, received="2025-03-06")
    assert [hit.case_id for hit in likely_duplicates(petition=third)] == [first.pk]


def test_at_most_limit_hits_most_similar_first(file):
    for day in range(1, 8):
        file("行人綠燈太短", CROSSING if day % 2 else CROSSING_RESENT, received=f"2025-03-0{day}")
    latest = file("行人綠燈太短", CROSSING, received="2025-03-09")
    hits = likely_duplicates(petition=latest, limit=3)
    assert len(hits) == 3
    assert [hit.similarity for hit in hits] == sorted((hit.similarity for hit in hits), reverse=True)


def test_a_hit_carries_no_personal_data(file):
    file("行人綠燈太短", CROSSING, email="ming@example.invalid", phone="0912345678",
         petitioner_address="臺北市文山區興隆路二段1號")
    later = file("再次陳情", SIDEWALK, email="ming@example.invalid", received="2025-03-10")
    hit = likely_duplicates(petition=later)[0]
    shown = " ".join(str(value) for value in dataclasses.asdict(hit).values())
    for personal in ("陳小明", "ming@example.invalid", "0912345678", "興隆路二段1號"):
        assert personal not in shown


def test_the_threshold_separates_copies_from_different_complaints():
    crossing = bigrams(CROSSING)
    assert similarity(crossing, bigrams(CROSSING_RESENT)) >= 0.85
    assert similarity(crossing, bigrams(CROSSING)) == pytest.approx(1.0)
    assert similarity(crossing, bigrams(CROSSING_REWORDED)) < SIMILAR_TEXT
    assert similarity(crossing, bigrams(OTHER_CROSSING)) < 0.4
    assert similarity(crossing, bigrams(SIDEWALK)) < 0.4
    assert similarity(bigrams("臺北"), bigrams("台北")) == pytest.approx(1.0)
