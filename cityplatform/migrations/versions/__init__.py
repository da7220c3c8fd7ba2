"""Schema revisions of the platform database."""
