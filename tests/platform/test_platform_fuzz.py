"""Fuzzing the platform's HTTP API from its own OpenAPI schema (issue 9).

schemathesis reads `/openapi.json` from the app and generates requests for every operation
it declares: its explicit boundary cases (the coverage phase: missing fields, wrong types,
limits, other methods) and MAX_EXAMPLES Hypothesis examples, valid and invalid, derandomized
so that every run sends the same requests. Every answer must be no 5xx, with a documented
status, the documented content type and a body matching the documented schema.

The requests carry real bearer tokens, so they reach the routes instead of stopping at the
401 of a missing token: every case is sent once as a township handler and once as the county
office (different scopes, both with data in the seeded database). Some generated bodies get
real values mixed in (a device id, a unit, a refresh token, a user name, a channel), so the
fuzzer also gets past the first check of push, number-blocks, intake, login and refresh, and
some get a NUL character in one of their strings (text PostgreSQL cannot store).

The logins a case may end are throwaway ones: logout always gets a fresh login of its own
(and is also sent without a token, identifying the login by refresh token), and the refresh
tokens and the user name handed to the fuzzer belong to accounts used nowhere else here, so
a logout, a reused refresh token or login throttling never touches the two fuzzing logins.

The module fuzzes a seeded database of its own (the fuzzer writes to it): SQLite, or the
PostgreSQL of CLUEDESK_TEST_POSTGRES when it is set. The last test checks that every
operation of `/openapi.json` was fuzzed, so a new endpoint cannot escape, and prints what the
run did (cases, requests and the statuses seen per operation).
"""

from __future__ import annotations

import itertools
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from platform_testkit import Api, Clock, make_client, pg_schema, postgres_base_url
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 50
"""Generated examples per operation, on top of schemathesis's explicit boundary cases."""

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

PROTOCOL = {"X-Cluedesk-Protocol": "1"}
PASSWORD = "demo1234"
SEEDED_CLUES = 300

TOWNSHIP = ("xinhai", "fuzz-township")
"""The handler of 新海街道 (unit 320706001) and the device of its fuzzing login."""
COUNTY = ("haizhou", "fuzz-county")
"""The dispatcher of 海州区攻坚办 (unit 320706) and the device of its fuzzing login."""
UNITS = ("320706001", "320706")
LOGIN_USER = "u320707001h"
"""The real account the login fuzzing may log in as, fail for and get throttled."""
REFRESH_USER = "u320707002h"
"""The account whose refresh tokens the refresh and logout fuzzing use up and revoke."""
LOGOUT_USER = "u320707003h"
"""The account each logout case logs in as first, to have a login to end."""
REFRESH_POOL = 4

LOGIN = "POST /api/v1/auth/login"
REFRESH = "POST /api/v1/auth/refresh"
LOGOUT = "POST /api/v1/auth/logout"
HEALTH = "GET /health"
WITHOUT_TOKEN = frozenset({LOGIN, REFRESH, HEALTH})
"""Operations that read no access token: one request per case is enough."""

INTAKE_VALID = {
    "channel": "hotline_12345",
    "received_at": "2026-11-27T09:00:00+08:00",
    "category": "air",
    "county_code": "320706",
}


@pytest.fixture(scope="module")
def fuzz_db_url(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path, now: datetime
) -> Iterator[str]:
    """A seeded database for this module alone: PostgreSQL when configured, else SQLite."""
    base = postgres_base_url()
    if base is None:
        path = tmp_path_factory.mktemp("fuzz-db") / "platform.sqlite3"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo

    with pg_schema(base, "fuzz") as url:
        seed_demo(url, SEEDED_CLUES, seed=7, now=now, hasher=FAST_HASHER)
        yield url


def _strings(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The paths of the string values in a JSON value (the first two items of a list)."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            yield from _strings(item, (*path, index))


def _with_nul(value: Any, path: tuple[str | int, ...]) -> Any:
    """A copy of `value` with a NUL character in the string at `path` (if it has one)."""
    if not path:
        return f"{value[:1]}\x00{value[1:]}" if isinstance(value, str) else value
    key, rest = path[0], path[1:]
    if isinstance(value, dict) and key in value:
        return {**value, key: _with_nul(value[key], rest)}
    if isinstance(value, list) and isinstance(key, int) and key < len(value):
        return [_with_nul(item, rest) if i == key else item for i, item in enumerate(value)]
    return value


@dataclass
class Tally:
    """What the fuzzing did, per operation."""

    cases: Counter[str] = field(default_factory=Counter)
    requests: Counter[str] = field(default_factory=Counter)
    statuses: defaultdict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))

    def lines(self, declared: set[str]) -> list[str]:
        """A summary: totals, then each operation with the statuses it answered."""
        lines = [self.total()]
        for label in sorted(declared | set(self.cases)):
            seen = ", ".join(f"{s}×{n}" for s, n in sorted(self.statuses[label].items()))
            lines.append(
                f"  {label}: {self.cases[label]} cases, {self.requests[label]} requests"
                f" ({seen or 'none'})"
            )
        return lines

    def total(self) -> str:
        """The totals of the run."""
        return (
            f"platform fuzzing: {sum(self.cases.values())} cases generated, "
            f"{sum(self.requests.values())} requests sent, {len(self.cases)} operations"
        )


class FuzzPlatform:
    """The app under fuzzing, the logins the cases use and the tally of the run."""

    def __init__(self, client: TestClient, url: str) -> None:
        self.client = client
        self.api = Api(client, url)
        self.tally = Tally()
        self.logout_devices = itertools.count(1)
        self.township = self.api.login(*TOWNSHIP)
        self.county = self.api.login(*COUNTY)
        self.refresh_logins = [
            self.api.login(REFRESH_USER, f"fuzz-refresh-{n}") for n in range(1, REFRESH_POOL + 1)
        ]

    @property
    def app(self) -> Any:
        """The ASGI app."""
        return self.client.app

    def declared_operations(self) -> set[str]:
        """Every operation `/openapi.json` declares, read without schemathesis."""
        response = self.client.get("/openapi.json")
        assert response.status_code == 200, response.text
        paths: dict[str, dict[str, Any]] = response.json()["paths"]
        methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
        return {
            f"{method.upper()} {path}"
            for path, item in paths.items()
            for method in item
            if method in methods
        }

    def known_values(self, label: str, body: Any) -> st.SearchStrategy[Any]:
        """The generated body, the same with some real values, or with a NUL in a string."""
        if not isinstance(body, dict):
            return st.just(body)
        variants: list[dict[str, Any]] = []
        if label in ("POST /api/v1/push", "POST /api/v1/number-blocks"):
            for (_, device), unit in zip((TOWNSHIP, COUNTY), UNITS, strict=True):
                variants.append({**body, "device_id": device})
                if label == "POST /api/v1/number-blocks":
                    own = {**body, "device_id": device, "unit_code": unit}
                    variants += [own, {**own, "year": 2026, "size": 1}]
        elif label in (REFRESH, LOGOUT):
            for login in self.refresh_logins:
                token = login.tokens["refresh_token"]
                variants.append({**body, "refresh_token": token})
                variants.append({**body, "refresh_token": token, "device_id": login.device_id})
        elif label == LOGIN:
            variants.append({**body, "username": LOGIN_USER})
            variants.append({**body, "username": LOGIN_USER, "password": PASSWORD})
        elif label == "POST /api/v1/intake":
            variants.append({**body, **INTAKE_VALID})
            variants.append({**body, **INTAKE_VALID, "township_code": None, "priority": None})
        # The same with a NUL in one of its strings (PostgreSQL refuses to store one), then
        # the body as generated. The real values first: Hypothesis leans towards the first.
        with_nul = [_with_nul(variants[0] if variants else body, path) for path in _strings(body)]
        return st.sampled_from([*variants, *with_nul, body])

    def senders(self, label: str) -> list[dict[str, str]]:
        """The headers of each request a case is sent as."""
        if label == LOGOUT:
            own = self.api.login(LOGOUT_USER, f"fuzz-logout-{next(self.logout_devices)}")
            return [{**PROTOCOL, **own.headers}, dict(PROTOCOL)]
        if label in WITHOUT_TOKEN:
            return [{**PROTOCOL, **self.township.headers}]
        return [{**PROTOCOL, **login.headers} for login in (self.township, self.county)]

    def run(self, case: schemathesis.Case) -> None:
        """Send the case as each sender; every answer must pass every check."""
        label = case.operation.label
        self.tally.cases[label] += 1
        for headers in self.senders(label):
            response = case.call(headers=headers)
            self.tally.requests[label] += 1
            self.tally.statuses[label][response.status_code] += 1
            if response.status_code == 401 and label not in WITHOUT_TOKEN | {LOGOUT}:
                # The case may carry a token of its own or none (the schema declares the
                # bearer scheme, so the fuzzer tries those too): then 401 is right. But when
                # a fuzzing login itself no longer works, the rest of the run tests nothing.
                if not self.fuzzing_logins_work():
                    pytest.fail(f"a fuzzing login no longer works ({label}): {response.text}")
            case.validate_response(response, checks=CHECKS, headers=headers)

    def fuzzing_logins_work(self) -> bool:
        """Whether the two fuzzing logins still work."""
        return all(
            self.client.get("/api/v1/meta", headers={**PROTOCOL, **login.headers}).status_code
            == 200
            for login in (self.township, self.county)
        )


@pytest.fixture(scope="module")
def fuzz(
    fuzz_db_url: str, tmp_path_factory: pytest.TempPathFactory, now: datetime
) -> Iterator[FuzzPlatform]:
    """The platform on the module's database (its clock stopped at NOW), logged in."""
    files = tmp_path_factory.mktemp("fuzz-files")
    with make_client(fuzz_db_url, files, Clock(now)) as client:
        platform = FuzzPlatform(client, fuzz_db_url)
        yield platform
        platform.app.state.platform.db.dispose()


@pytest.fixture(scope="module")
def platform_schema(fuzz: FuzzPlatform) -> schemathesis.BaseSchema:
    """The schema as the app serves it, with the real values the fuzzer mixes in."""
    loaded = schemathesis.openapi.from_asgi("/openapi.json", fuzz.app, config=schemathesis.Config())

    @loaded.hook
    def flatmap_body(context: schemathesis.HookContext, body: Any) -> st.SearchStrategy[Any]:
        assert context.operation is not None
        return fuzz.known_values(context.operation.label, body)

    return loaded


@pytest.fixture
def _node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32 reads `item._nodeid` to rename the item around each operation, and
    pytest 9.2 no longer has that attribute: give it one (the renaming is then cosmetic, each
    operation's subtest report names its operation anyway)."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("platform_schema")


@pytest.mark.usefixtures("_node_id_for_schemathesis")
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_platform_answers_fuzzed_requests_as_documented(
    case: schemathesis.Case, fuzz: FuzzPlatform
) -> None:
    fuzz.run(case)


def test_fuzzing_reached_every_declared_operation(
    fuzz: FuzzPlatform, capsys: pytest.CaptureFixture[str], record_property: Any
) -> None:
    """Runs after the fuzzing (file order): every operation of the schema was fuzzed."""
    tally = fuzz.tally
    declared = fuzz.declared_operations()
    lines = tally.lines(declared)
    with capsys.disabled():
        print(f"\n{lines[0]}")
    print("\n".join(lines))
    record_property("fuzz_cases", sum(tally.cases.values()))
    record_property("fuzz_requests", sum(tally.requests.values()))
    assert tally.cases, "the fuzz test has not run: run this module as a whole"
    assert set(tally.cases) == declared, "\n".join(lines)
    assert fuzz.fuzzing_logins_work(), "a fuzz case ended one of the fuzzing logins"
