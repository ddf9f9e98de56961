"""Benchmarks: scripts that print timings (``python -m bench.<name>``; ``python -m bench`` for national scale);
speed targets live here, not in tests."""
