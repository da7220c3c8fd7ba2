"""Revealing a masked reporter: POST /clues/{code}/reporter-reveal, its request and answer."""

from __future__ import annotations

from pydantic import Field

from desktop.wire.base import Answer, ChinaTime, ClueCode, Request

REASON_WIRE_LIMIT = 2000
"""The longest reason the request carries (the rules' own limit is checked on its own)."""


class RevealRequest(Request):
    """Why a commission user needs the reporter of a clue (recorded, shown to the office)."""

    reason: str = Field(max_length=REASON_WIRE_LIMIT)


class RevealOut(Answer):
    """The reporter of a clue, unmasked, for the one user who recorded a reason."""

    clue_code: ClueCode
    reporter_name: str = ""
    reporter_phone: str = ""
    revealed_at: ChinaTime
