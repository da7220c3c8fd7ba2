"""Benchmarks of cluedesk, each measured beside its floor in the same run."""
