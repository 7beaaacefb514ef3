"""Shared test settings for core: Hypothesis keeps no example database (no files in the tree) and
applies no per-example deadline (timing-based flakiness on busy machines)."""

from hypothesis import settings

settings.register_profile("core", database=None, deadline=None)
settings.load_profile("core")
