"""Reporter privacy (举报人保密) on every endpoint that returns a clue, for every role, and the
commission's reveal with a reason (audited, shown to the dispatching office only)."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from platform_testkit import DRAFT, Api, Login
from sqlalchemy import select

from cityplatform.models import AuditEntry, Clue
from desktop.domain.reporter_privacy import REPORTER_REVEALED
from desktop.domain.validators import mask_name, mask_phone

NAME, PHONE = "欧阳秘密", "13912340000"
"""A reporter no seeded clue has, so that its text in an answer can only be this clue's."""
MASKED_NAME, MASKED_PHONE = mask_name(NAME), mask_phone(PHONE)

LEAD, ASSISTING, DEPARTMENT, REGISTRAR = "320706001", "320706002", "320706901", "320706003"

VIEWERS = {
    "xinhai": True,  # the lead unit's head (callback)
    "xinhaijb": True,  # the lead unit's clerk (callback)
    "haizhou": True,  # the dispatching office (海州区攻坚办 owns the clue)
    "u320706002h": False,  # an assisting township
    "hzhb": False,  # an assisting department
    "u320706003h": False,  # the township that registered it, not its lead
    "u320706003j": False,  # … and that township's clerk
    "hzjw": False,  # the county's discipline commission
    "u320700800s": False,  # the city's discipline commission
    "city": False,  # the city office, which does not dispatch this clue
    "admin": False,  # an administrator
}
"""Every role that sees the clue → whether it gets the reporter unmasked."""


@dataclass(frozen=True)
class Setup:
    """The clue under test and who made it."""

    code: str
    registrar: Login
    register_action: dict[str, Any]
    county: Login
    dispatch_action: dict[str, Any]


def _setup(api: Api) -> Setup:
    """A clue with a known reporter, registered by one township, dispatched by the county to
    新海街道 with an assisting township and department."""
    registrar, county = api.login("u320706003h"), api.login("haizhou")
    draft = {**DRAFT, "reporter_name": NAME, "reporter_phone": PHONE, "township_code": REGISTRAR}
    register = registrar.action("register", f"临20261127-{uuid.uuid4().hex[:8].upper()}", draft)
    (registered,) = api.push(registrar, register)
    assert registered["status"] == "applied", registered
    code = registered["clue_code"]
    dispatch = county.action(
        "dispatch", code, {"lead_unit": LEAD, "assisting_units": [ASSISTING, DEPARTMENT]}
    )
    (dispatched,) = api.push(county, dispatch)
    assert dispatched["status"] == "applied", dispatched
    return Setup(code, registrar, register, county, dispatch)


def assert_reporter(text: str, unmasked: bool) -> None:
    """The raw JSON of a clue object holds the reporter in full, or nowhere but masked."""
    if unmasked:
        assert NAME in text and PHONE in text
    else:
        assert NAME not in text and PHONE not in text
        assert MASKED_NAME in text and MASKED_PHONE in text


def pulled_clue(api: Api, login: Login, code: str) -> dict[str, Any]:
    """The clue object of `code` in `login`'s feed, read from the raw pages."""
    found: dict[str, Any] | None = None
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor:
            params["cursor"] = cursor
        response = api.client.get("/api/v1/pull", params=params, headers=login.headers)
        assert response.status_code == 200, response.text
        page = json.loads(response.text)
        for change in page["changes"]:
            if change["kind"] == "clue" and change["clue"]["code"] == code:
                found = change["clue"]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert found is not None, f"{login.username} does not get {code}"
    return found


def raw(document: Any) -> str:
    """A JSON value as text (non-ASCII kept, as the platform sends it)."""
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("username", sorted(VIEWERS))
def test_the_reporter_reaches_only_the_lead_unit_and_the_dispatching_office(
    api: Api, username: str
) -> None:
    made = _setup(api)
    unmasked = VIEWERS[username]
    login = api.login(username)
    # GET /pull: the clue's fields and every history entry's details
    pulled = pulled_clue(api, login, made.code)
    assert_reporter(raw(pulled), unmasked)
    (registered,) = [e for e in pulled["events"] if e["action"] == "register"]
    assert registered["details"]["reporter_phone"] == (PHONE if unmasked else MASKED_PHONE)
    assert registered["details"]["reporter_name"] == (NAME if unmasked else MASKED_NAME)
    assert pulled["reporter_name"] == (NAME if unmasked else MASKED_NAME)
    # POST /push, a refused action: the answer carries the clue as it stands
    (refused,) = api.push(login, login.action("urge", made.code, {}))
    assert refused["status"] == "rejected" and refused["code"] != "out_of_scope", refused
    assert refused["clue"]["code"] == made.code
    assert_reporter(raw(refused["clue"]), unmasked)


@pytest.mark.parametrize(
    ("who", "unmasked"), [("registrar", False), ("county", True)], ids=["township", "office"]
)
def test_push_answers_that_carry_the_clue_are_masked_alike(
    api: Api, who: str, unmasked: bool
) -> None:
    made = _setup(api)
    login, action = (
        (made.registrar, made.register_action)
        if who == "registrar"
        else (made.county, made.dispatch_action)
    )
    (again,) = api.push(login, action)  # the same action once more: answered duplicate
    assert again["status"] == "duplicate", again
    assert_reporter(raw(again["clue"]), unmasked)


def test_the_register_answer_is_masked_for_a_township_and_not_for_the_office(api: Api) -> None:
    township, county = api.login("u320706003h"), api.login("haizhou")
    draft = {**DRAFT, "reporter_name": NAME, "reporter_phone": PHONE}
    for login, unmasked in ((township, False), (county, True)):
        provisional = f"临20261127-{uuid.uuid4().hex[:8].upper()}"
        (answer,) = api.push(login, login.action("register", provisional, draft))
        assert answer["status"] == "applied"
        assert_reporter(raw(answer["clue"]), unmasked)


def test_the_office_that_takes_a_clue_over_gets_the_reporter(api: Api) -> None:
    made = _setup(api)
    city = api.login("city")
    assert_reporter(raw(pulled_clue(api, city, made.code)), unmasked=False)
    (taken,) = api.push(
        city, city.action("take_over", made.code, {"reason": "群众反复举报，市级督办"})
    )
    assert taken["status"] == "applied", taken
    assert_reporter(raw(pulled_clue(api, city, made.code)), unmasked=True)
    county = api.login("haizhou")
    assert_reporter(raw(pulled_clue(api, county, made.code)), unmasked=False)


# ------------------------------------------------------------------------- the reveal


def reveal(api: Api, login: Login, code: str, body: Any) -> Any:
    """POST the reveal; the response."""
    return api.client.post(
        f"/api/v1/clues/{code}/reporter-reveal", json=body, headers=login.headers
    )


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "  看看 "}, {"reason": 5}])
def test_a_reveal_without_a_proper_reason_is_refused_naming_the_field(api: Api, body: Any) -> None:
    made = _setup(api)
    response = reveal(api, api.login("hzjw"), made.code, body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "reason"
    assert NAME not in response.text and PHONE not in response.text


@pytest.mark.parametrize("username", ["xinhai", "haizhou", "u320706002h", "city", "admin"])
def test_only_the_commission_may_reveal(api: Api, username: str) -> None:
    made = _setup(api)
    response = reveal(api, api.login(username), made.code, {"reason": "核查信访举报办理情况"})
    assert response.status_code == 403, response.text
    assert NAME not in response.text and PHONE not in response.text


def test_a_reveal_outside_the_commission_area_is_refused(api: Api, platform_db: Any) -> None:
    with platform_db.read() as session:
        elsewhere = session.scalar(
            select(Clue.code).where(Clue.county_code != "320706", Clue.reporter_phone != "")
        )
    assert elsewhere is not None
    response = reveal(api, api.login("hzjw"), elsewhere, {"reason": "核查信访举报办理情况"})
    assert response.status_code == 404, response.text
    missing = reveal(api, api.login("hzjw"), "LYG2026999999", {"reason": "核查信访举报办理情况"})
    assert missing.status_code == 404


def test_a_reveal_is_answered_audited_and_shown_to_the_dispatching_office(
    api: Api, platform_db: Any, caplog: pytest.LogCaptureFixture
) -> None:
    made = _setup(api)
    commission = api.login("hzjw")
    reason = "核查该线索办理中是否存在敷衍应付问题，需向举报人了解情况"
    with caplog.at_level(logging.DEBUG):
        response = reveal(api, commission, made.code, {"reason": reason})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert (answer["clue_code"], answer["reporter_name"], answer["reporter_phone"]) == (
        made.code,
        NAME,
        PHONE,
    )
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert NAME not in logged and PHONE not in logged
    with platform_db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "reporter.reveal")
        ).all()
    assert [(e.username, json.loads(e.details)) for e in entries] == [
        ("hzjw", {"clue_code": made.code, "reason": reason})
    ]
    assert all(NAME not in e.details and PHONE not in e.details for e in entries)
    # the history entry: the office and the commission see it, without the reporter
    for login in (made.county, commission):
        clue = pulled_clue(api, login, made.code)
        (entry,) = [e for e in clue["events"] if e["action"] == REPORTER_REVEALED]
        assert (entry["username"], entry["unit_code"], entry["note"]) == (
            "hzjw",
            "320706800",
            reason,
        )
        assert NAME not in raw(entry) and PHONE not in raw(entry)
    # the commission's own feed still carries the reporter masked
    assert_reporter(raw(pulled_clue(api, commission, made.code)), unmasked=False)
    # units working on the clue, and other offices, do not see who looked
    for username in ("xinhai", "u320706002h", "hzhb", "u320706003h", "city", "admin"):
        clue = pulled_clue(api, api.login(username), made.code)
        assert REPORTER_REVEALED not in raw(clue), username


def test_a_reveal_reaches_the_office_through_the_feed(api: Api) -> None:
    """The reveal is a change of the clue: an office that already pulled gets it next time."""
    made = _setup(api)
    county = api.login("haizhou")
    _, cursor = api.pull_all(county)
    response = reveal(api, api.login("hzjw"), made.code, {"reason": "了解举报人诉求是否已满足"})
    assert response.status_code == 200
    changes, _ = api.pull_all(county, cursor)
    assert [c["clue"]["code"] for c in changes if c["kind"] == "clue"] == [made.code]
    (event,) = [e for e in changes[0]["clue"]["events"] if e["action"] == REPORTER_REVEALED]
    assert event["note"] == "了解举报人诉求是否已满足"


def test_the_migration_makes_every_client_pull_again_under_the_new_masking(
    api: Api, platform_db: Any
) -> None:
    """Stores filled before the masking changed held reporters unmasked that they must not
    keep: the upgrade moves every scope epoch on, so each client's next pull starts over."""
    from alembic import command

    from cityplatform.migrate import alembic_config, upgrade_if_needed

    commission = api.login("hzjw")
    _, cursor = api.pull_all(commission)
    config = alembic_config()
    with platform_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")  # back to before 0010_reporter_reveals
    assert upgrade_if_needed(platform_db.engine)
    response = api.client.get("/api/v1/pull", params={"cursor": cursor}, headers=commission.headers)
    assert response.status_code == 410, response.text
    assert response.json()["error"]["code"] == "reset_required"
