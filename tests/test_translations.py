"""Every user-facing string has its Traditional Chinese translation, and the compiled catalogue in the
repository matches the source catalogue (a fresh clone needs no gettext tools)."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["zh_Hant", "en"])
def test_compiled_catalogue_matches_source(language):
    source = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    expected = {entry.msgid: _text(entry) for entry in source if _text(entry) and not entry.obsolete}
    assert {entry.msgid: _text(entry) for entry in compiled if entry.msgid} == expected


def test_every_string_has_a_chinese_translation():
    catalogue = polib.pofile(str(LOCALE / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    assert untranslated == []


def test_placeholders_survive_translation():
    catalogue = polib.pofile(str(LOCALE / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    broken = [entry.msgid for entry in catalogue
              if set(_placeholders(entry.msgid)) != set(_placeholders(_text(entry)))]
    assert broken == []


def test_chinese_is_the_default_language():
    with translation.override("zh-hant"):
        assert translation.gettext("Sign in") == "登入"


def _text(entry):
    """The translation; for a plural entry, its forms joined (Chinese has only one)."""
    if not entry.msgid_plural:
        return entry.msgstr
    forms = [entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural)]
    return "|".join(forms) if any(forms) else ""


def _placeholders(text):
    import re

    return re.findall(r"%\(\w+\)s", text)
