"""Chinese numerals as documents print them: money in capitals (大写金额) and in figures, and
small counts in lower-case numerals (十五日, 六十日).

The capitals follow the rules for filling in amounts of the 支付结算办法 (中国人民银行,
附件《正确填写票据和结算凭证的基本规定》): 壹贰叁肆伍陆柒捌玖 with 拾佰仟万亿, 壹拾 for a
leading ten; 整 after 元 (or after 角) when no smaller unit follows, never after 分; one 零 for
a run of zeros between two digits of a group of four; 零 after 元 when 角 is 0 and 分 is not,
and when the 元 digit is 0 and 角 is not (壹仟陆佰捌拾元零叁角贰分); a group's trailing zeros
are not read before the next group's 千 digit (壹拾万柒仟元整), its leading zeros are
(壹拾万零柒拾元整), as the rules' examples write them.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CAPITAL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")
"""The unit of each group of four digits, from the lowest; amounts stop below 10^16 yuan."""
LOWER_DIGITS = "零一二三四五六七八九"
LOWER_UNITS = ("", "十", "百", "千")

_CENT = Decimal("0.01")
_LIMIT = Decimal(10) ** (4 * len(GROUP_UNITS))


def _amount(value: Decimal | int | str) -> Decimal:
    """The amount as a Decimal of whole fen; ValueError for anything else."""
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"不是金额：{value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"不是金额：{value!r}")
    if amount < 0:
        raise ValueError(f"金额不能为负数：{value}")
    if amount != amount.quantize(_CENT):
        raise ValueError(f"金额最多精确到分（两位小数）：{value}")
    if amount >= _LIMIT:
        raise ValueError(f"金额过大：{value}")
    return amount.quantize(_CENT)


def _group(digits: str, units: tuple[str, ...], numerals: str, lead_ten: bool) -> str:
    """Up to four digits read: one 零 for a run of zeros before a digit, none at the end."""
    out: list[str] = []
    zero = False
    for i, digit in enumerate(digits):
        unit = units[len(digits) - 1 - i]
        if digit == "0":
            zero = bool(out) or zero
            continue
        if zero:
            out.append(numerals[0])
            zero = False
        if digit == "1" and unit == units[1] and not out and not lead_ten:
            out.append(unit)  # 十五, not 一十五 (lower case only)
        else:
            out.append(numerals[int(digit)] + unit)
    return "".join(out)


def _integer(number: int, units: tuple[str, ...], numerals: str, lead_ten: bool) -> str:
    """A whole number > 0 read by groups of four digits (万, 亿)."""
    text = str(number)
    head = len(text) % 4 or 4
    groups = [text[:head]] + [text[i : i + 4] for i in range(head, len(text), 4)]
    out: list[str] = []
    for index, group in enumerate(groups):
        unit = GROUP_UNITS[len(groups) - 1 - index]
        if int(group) == 0:
            continue
        if out and group[0] == "0":
            out.append(numerals[0])  # leading zeros of a group after a higher one: 壹亿零壹元
        first = index == 0
        out.append(_group(group.lstrip("0"), units, numerals, lead_ten or not first) + unit)
    return "".join(out)


def rmb_capitals(value: Decimal | int | str) -> str:
    """An amount of yuan in capitals: 123400 → 壹拾贰万叁仟肆佰元整, 0.5 → 伍角整."""
    amount = _amount(value)
    yuan = int(amount)
    fen = int((amount - yuan) * 100)
    jiao, fen = divmod(fen, 10)
    if yuan == 0 and jiao == 0 and fen == 0:
        return "零元整"
    out = ""
    if yuan:
        out = _integer(yuan, CAPITAL_UNITS, CAPITAL_DIGITS, True) + "元"
    if jiao:
        if yuan and yuan % 10 == 0:
            out += "零"  # the 元 digit is 0: 壹仟陆佰捌拾元零叁角
        out += CAPITAL_DIGITS[jiao] + "角"
    if fen:
        if yuan and not jiao:
            out += "零"  # 角 is 0: 叁佰贰拾伍元零肆分
        out += CAPITAL_DIGITS[fen] + "分"
    else:
        out += "整"
    return out


def rmb_figures(value: Decimal | int | str) -> str:
    """An amount in figures with the yuan sign, thousands grouped: ¥123,400.00."""
    return f"¥{_amount(value):,.2f}"


def rmb_text(value: Decimal | int | str) -> str:
    """An amount as a decision prints it: 人民币伍万元整（¥50,000.00）."""
    return f"人民币{rmb_capitals(value)}（{rmb_figures(value)}）"


def chinese_count(number: int) -> str:
    """A count in lower-case Chinese numerals, as periods are written: 15 → 十五, 60 → 六十,
    105 → 一百零五."""
    if number < 0:
        raise ValueError(f"不能为负数：{number}")
    if number == 0:
        return LOWER_DIGITS[0]
    return _integer(number, LOWER_UNITS, LOWER_DIGITS, False)
