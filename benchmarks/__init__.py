"""Benchmarks: each path is measured against a floor measured in the same run (`python -m benchmarks`)."""
