"""The reference city platform: the sync service the county clients talk to."""
