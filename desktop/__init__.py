"""cluedesk: the county clue desk for the city pollution-supervision platform."""

from resources.version import VERSION as __version__

__all__ = ["__version__"]
