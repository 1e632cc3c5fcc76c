"""The text form reads like the seed; the JSON form says where every figure came from."""

import json

import pytest
from django.utils import translation

from secretariat.core.roc import Period
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.registry import register_section, unregister_section
from secretariat.reporting.report.render.text import (
    display_width,
    not_recorded_text,
    render_json,
    render_text,
    table_lines,
)
from secretariat.reporting.report.sections import Column, Figure, Paragraph, Section, Table

H2 = Period(112, 2)
PAPER = ("壹", "二", "一")


def paper_section(period):
    boxes = Figure.count(22_173, label="紙張採購箱數", query="paper orders in the year", period=period.code)
    table = Table(
        caption="",
        columns=(Column("項次", numeric=True), Column("業務內容"), Column("全府績效", numeric=True), Column("比率")),
        rows=((1, "紙本來文採線上簽核", Figure.count(1_294_421, label="件", query="q", period=period.code), "99.8%"),
              (3, "紙張採購箱數", boxes, "撙節 11.8%")),
        notes=("註：府紙張採購箱數基準值：2萬5,154箱。",),
        source="paper orders and documents of the year",
        record_count=1_316_594,
    )
    return Section(outline=PAPER, blocks=(Paragraph(("紙張採購箱數", boxes, "箱。")), table))


@pytest.fixture
def paper_registered():
    register_section(PAPER, paper_section)
    yield
    unregister_section(PAPER, paper_section)


def test_headings_are_numbered_as_in_the_seed(db):
    text = render_text(report_compose(period=H2))

    assert text.startswith("臺北市政府秘書處工作報告\n")
    for heading in ("壹、112年下半年重要業務執行成果", "一、國際交流及城市外交", "（一）積極參與國際交流活動",
                    "三、議事業務及行政工作", "（一）受理對市長陳情案件", "貳、本處未來工作展望", "參、結語"):
        assert f"\n{heading}\n" in text


def test_a_place_not_recorded_says_so_in_the_text(db):
    text = render_text(report_compose(period=H2))

    with translation.override("zh-hant"):
        marker = not_recorded_text()
    section = text.split("（一）積極參與國際交流活動\n", 1)[1].split("（二）", 1)[0]
    assert marker in section
    assert not any(character.isdigit() for character in section)


def test_the_text_ends_with_the_list_of_what_is_not_recorded(db):
    text = render_text(report_compose(period=H2))

    assert "\n- 壹、一、（一）積極參與國際交流活動\n" in text
    assert text.split("\n- 參、結語")[0].rstrip().endswith("- 貳、七、擴大國際交流")  # in the unwritten list
    assert "- 壹、三、（一）受理對市長陳情案件" not in text


def test_paragraphs_are_indented_and_carry_the_computed_figures(db, paper_registered):
    text = render_text(report_compose(period=H2))

    assert "\n\u3000\u3000紙張採購箱數2萬2,173箱。\n" in text


def _end(line, text):
    """The display column where `text` ends in `line`."""
    return display_width(line[: line.index(text) + len(text)])


def test_table_columns_line_up_with_chinese_text(paper_registered):
    header, first, second, note = table_lines(paper_section(H2).blocks[1])

    assert _end(header, "全府績效") == _end(first, "129萬4,421") == _end(second, "2萬2,173")
    assert _end(header, "項次") == _end(first, "1") == _end(second, "3")
    assert display_width(first[: first.index("紙本")]) == display_width(header[: header.index("業務內容")])
    assert note == "註：府紙張採購箱數基準值：2萬5,154箱。"


def test_json_carries_each_figures_provenance(db, paper_registered):
    data = json.loads(render_json(report_compose(period=H2)))

    paper = data["sections"][1]["children"][1]["children"][0]
    assert paper["outline"] == ["壹", "二", "一"]
    assert paper["heading"] == "運用 e化、提升作業效益"
    paragraph, table = paper["blocks"]
    assert paragraph["text"] == "紙張採購箱數2萬2,173箱。"
    assert paragraph["figures"] == [{"value": 22173, "formatted": "2萬2,173", "label": "紙張採購箱數",
                                     "query": "paper orders in the year", "record_count": 22173,
                                     "period": "112H2", "link": None}]
    assert table["rows"][1][2]["value"] == 22173
    assert table["source"] == "paper orders and documents of the year"
    assert table["record_count"] == 1_316_594


def test_json_lists_the_coverage_of_the_outline(db):
    data = json.loads(render_json(report_compose(period=H2)))

    assert data["period"] == {"code": "112H2", "label": "112年下半年", "start": "2023-07-01", "end": "2023-12-31"}
    recorded = [item["outline"] for item in data["coverage"]["recorded"]]
    missing = [item["outline"] for item in data["coverage"]["not_recorded"]]
    assert ["壹", "三", "一"] in recorded
    assert ["壹", "一", "一"] in missing
    assert not set(map(tuple, recorded)) & set(map(tuple, missing))
