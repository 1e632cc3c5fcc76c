"""Number formats of the work report.

Large numbers put 萬 (and 億) groups before a comma group and keep the leading zeros of the lower
group: 4,580,441 → `458萬0,441`, 22,173 → `2萬2,173`; below ten thousand the usual `1,389`.
Percentages follow the seed: truncated to one decimal (2,981/25,154 = 11.85% → `11.8%`), with
round-half-up available as a site setting (`numbers.percent_rounding`).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

TRUNCATE = "truncate"
HALF_UP = "half_up"
ROUNDING_MODES = {TRUNCATE: ROUND_DOWN, HALF_UP: ROUND_HALF_UP}


def _group_of_four(value: int, *, padded: bool) -> str:
    """0–9999 with a thousands comma; `padded` keeps leading zeros (0441 → `0,441`)."""
    if not padded:
        return f"{value:,}"
    digits = f"{value:04d}"
    return f"{digits[0]},{digits[1:]}"


def format_large(value: int) -> str:
    """The seed's style: `458萬0,441`, `2萬2,173`, `1萬3,100`, `1,389`, `1億2,345萬6,789`."""
    if value < 0:
        return "-" + format_large(-value)
    if value < 10_000:
        return f"{value:,}"
    yi, rest = divmod(value, 100_000_000)
    wan, units = divmod(rest, 10_000)
    low = _group_of_four(units, padded=True)
    if not yi:
        return f"{wan:,}萬{low}"
    return f"{yi:,}億{_group_of_four(wan, padded=True)}萬{low}"


def percentage(numerator: int | Decimal, denominator: int | Decimal, *, decimals: int = 1,
               mode: str = TRUNCATE) -> Decimal:
    """numerator/denominator as a percentage cut to `decimals` places by `mode`."""
    if mode not in ROUNDING_MODES:
        raise ValidationFailed(_("Unknown rounding mode “%(mode)s”."), code="invalid_rounding",
                               params={"mode": mode})
    if not denominator:
        raise ValidationFailed(_("A percentage of zero records cannot be computed."), code="zero_denominator")
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUNDING_MODES[mode])


def format_percent(numerator: int | Decimal, denominator: int | Decimal, *, decimals: int = 1,
                   mode: str = TRUNCATE) -> str:
    """`11.8%`; a whole number is written without decimals (`100%`), as the seed does."""
    value = percentage(numerator, denominator, decimals=decimals, mode=mode)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"
