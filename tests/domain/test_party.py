"""Parties of notices and cases: organisations, sole traders, natural persons; ID numbers."""

from __future__ import annotations

import pytest

from desktop.domain.id_numbers import id_check_char, validate_id_number
from desktop.domain.party import Party, PartyType, validate_party
from desktop.domain.validators import ValidationError

VALID_ID = "11010519491231002X"  # the standard's own example
FIRST17 = "32070619850312401"


def test_the_standards_example_is_valid() -> None:
    assert validate_id_number(VALID_ID) == VALID_ID
    assert validate_id_number(" 11010519491231002x ") == VALID_ID
    assert validate_id_number("１１０１０５１９４９１２３１００２Ｘ") == VALID_ID


def test_check_char_of_a_made_up_number() -> None:
    number = FIRST17 + id_check_char(FIRST17)
    assert validate_id_number(number) == number


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "不能为空"),
        ("1101051949123100", "应为18位，实际为16位"),
        ("11010519491231002Y", "第18位应为数字或X"),
        ("1101051949123A002X", "第14位应为数字"),
        ("110105194913310029", "出生日期 19491331 不是有效日期"),
        ("110105194902300023", "出生日期 19490230 不是有效日期"),
        ("110105194912310021", "校验位（第18位）应为“X”，实际为“1”"),
    ],
)
def test_bad_id_numbers_are_refused_at_their_field(text: str, said: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(text, "party.id_number")
    assert caught.value.field == "party.id_number"
    assert said in str(caught.value.message)


def test_an_organisation_needs_a_name_and_a_valid_credit_code_when_given() -> None:
    party = validate_party({"name": "连云港某化工有限公司", "legal_representative": "王某"})
    assert party.party_type is PartyType.ORGANISATION and party.person == "王某"
    with pytest.raises(ValidationError) as caught:
        validate_party({"name": "某公司", "credit_code": "91320700MA1234567X"})
    assert caught.value.field == "party.credit_code"
    with pytest.raises(ValidationError) as caught:
        validate_party({"party_type": "单位"})
    assert caught.value.field == "party.name"


def test_a_sole_trader_needs_its_operator_and_the_operators_id_number() -> None:
    raw = {"party_type": "个体工商户", "name": "海州区老王烧烤店", "operator": "王某某"}
    with pytest.raises(ValidationError) as caught:
        validate_party(raw)
    assert caught.value.field == "party.id_number"
    party = validate_party({**raw, "id_number": VALID_ID, "legal_representative": "ignored"})
    assert party.party_type is PartyType.SOLE_TRADER
    assert party.person == "王某某" and party.legal_representative == ""
    with pytest.raises(ValidationError) as caught:
        validate_party({**raw, "operator": "", "id_number": VALID_ID})
    assert caught.value.field == "party.operator"


def test_a_natural_person_needs_id_number_and_address() -> None:
    raw = {"party_type": "individual", "name": "李某", "id_number": VALID_ID}
    with pytest.raises(ValidationError) as caught:
        validate_party(raw, prefix="")
    assert caught.value.field == "address"
    party = validate_party({**raw, "address": "海州区新海街道某小区1号", "credit_code": "x"}, "")
    assert party.person == "李某" and party.credit_code == ""
    with pytest.raises(ValidationError) as caught:
        validate_party({**raw, "id_number": "110105194912310021", "address": "某地"})
    assert caught.value.field == "party.id_number"


def test_unknown_party_type_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_party({"party_type": "公司", "name": "甲"})
    assert caught.value.field == "party.party_type"


def test_round_trip() -> None:
    party = Party(PartyType.SOLE_TRADER, "老王烧烤店", "", VALID_ID, "海州区", "", "王某某")
    assert Party.from_dict(party.to_dict()) == party
    assert Party.from_dict({}) == Party()
