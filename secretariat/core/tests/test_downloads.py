"""A table download goes out as an attachment under its own name and type."""

from secretariat.core.downloads import CONTENT_TYPES, Download


def test_a_download_is_sent_as_an_attachment_under_its_name():
    response = Download(b"a,b\r\n", CONTENT_TYPES["csv"], "table.csv").response()
    assert response.content == b"a,b\r\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="table.csv"'
