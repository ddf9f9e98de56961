"""Benchmarks: ``python -m bench`` (national scale); other scripts in this package measure single features."""
