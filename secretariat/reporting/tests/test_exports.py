"""ODT (ODF 1.2, Noto CJK fonts, the seed's tables), PDF from that ODT by LibreOffice, DOCX, standalone HTML,
and the command's formats and refusals."""

import io
import json
import shutil
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from docx import Document as DocxDocument
from odfdo import Document as OdfDocument

from secretariat.core.roc import Period
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.render.docx import render_docx
from secretariat.reporting.report.render.html import render_html
from secretariat.reporting.report.render.odt import render_odt, render_pdf
from secretariat.reporting.report.render.text import no_records_text
from tests.files import pdf_text

H2 = Period(112, 2)
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def odt_tables(package: bytes) -> list[list[list[str]]]:
    document = OdfDocument(io.BytesIO(package))
    return [[[cell.text_content for cell in row.traverse()] for row in table.traverse()]
            for table in document.body.get_tables()]


def test_the_odt_declares_odf_1_2_and_uses_the_cjk_fonts(db, counters_registered):
    package = render_odt(report_compose(period=H2))

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert archive.namelist()[0] == "mimetype"
        content, styles = archive.read("content.xml"), archive.read("styles.xml")
    assert b'office:version="1.2"' in content
    assert b'office:version="1.2"' in styles
    assert b'style:font-name-asian="Noto Serif CJK TC"' in styles
    assert b'style:num-format="1"' not in styles.split(b"</text:outline-style>")[0]  # 壹、一 are in the text


def test_the_odt_has_the_title_page_headings_and_the_months_table(db, counters_registered):
    package = render_odt(report_compose(period=H2))

    text = OdfDocument(io.BytesIO(package)).body.text_recursive
    assert "臺北市政府秘書處工作報告" in text
    assert "112年下半年" in text
    assert "（一）綜合諮詢服務" in text
    header, tax, _land, total = odt_tables(package)[0]
    assert header == ["類別", "7月", "8月", "9月", "10月", "11月", "12月", "總計"]
    assert tax == ["稅務", "40", "50", "60", "55", "45", "30", "280"]
    assert total[0] == "總計"
    assert total[-1] == "340"


@needs_office
def test_the_pdf_is_the_odt_converted_and_holds_the_report(db, counters_registered):
    pdf = render_pdf(report_compose(period=H2))

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "臺北市政府秘書處工作報告" in text
    assert "綜合諮詢服務統計表" in text
    assert "FontFile" in pdf.decode("latin-1")  # the fonts are embedded


def test_the_docx_opens_with_python_docx_and_has_the_same_tree(db, counters_registered):
    document = DocxDocument(io.BytesIO(render_docx(report_compose(period=H2))))

    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "臺北市政府秘書處工作報告"
    assert "壹、112年下半年重要業務執行成果" in texts
    assert "參、結語" in texts
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells][:2] == ["類別", "7月"]
    assert [cell.text for cell in table.rows[-1].cells][-1] == "340"


def test_the_html_is_standalone_and_printable(db, counters_registered):
    page = render_html(report_compose(period=H2))

    assert page.startswith("<!doctype html>")
    assert "<style>" in page
    assert "@page" in page
    assert "<script" not in page
    assert "http" not in page.split("<body>")[0]  # no CDN, nothing to fetch
    assert '<td class="num">280</td>' in page
    assert "/counters/enquiries/" not in page  # a file read away from the platform carries no dead links


def test_a_period_without_records_says_so_and_every_format_is_written(db):
    report = report_compose(period=Period(90, 1), prose={})

    assert not report.has_records
    with translation.override("zh-hant"):
        assert no_records_text() in render_html(report)
    assert render_odt(report)
    assert render_docx(report)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("work_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_the_command_writes_binary_formats_to_a_file(db, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"

    run("--period", "112H2", "--format", fmt, "--output", str(target))

    assert zipfile.is_zipfile(target)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("fmt", ["odt", "pdf", "docx"])
def test_a_binary_format_is_not_written_to_standard_output(db, fmt):
    with pytest.raises(CommandError, match=fmt.upper()):
        run("--period", "112H2", "--format", fmt, "--output", "-")


def test_html_goes_to_standard_output(db):
    out, _err = run("--period", "112H2", "--format", "html")

    assert out.startswith("<!doctype html>")


def test_json_figures_carry_their_link(db, counters_registered):
    out, _err = run("--period", "112H2", "--format", "json")

    data = json.loads(out)
    counters = data["sections"][1]["children"][5]["children"][0]
    figure = counters["blocks"][0]["figures"][0]
    assert figure["link"] == "/counters/enquiries/?period=112H2"
    assert figure["record_count"] == 340
    assert figure["period"] == "112H2"
    assert data["has_records"] is True
