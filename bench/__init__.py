"""Benchmarks: scripts that print timings (``python -m bench.<name>``); speed targets live here, not in tests."""
