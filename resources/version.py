"""The version of cluedesk: one place, read by the three distributions' builds and by the client."""

VERSION = "0.1.0"
