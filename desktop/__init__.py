"""cluedesk: the county clue desk for the city pollution-supervision platform."""

__version__ = "0.1.0"
