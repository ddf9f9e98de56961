"""Throwaway servers shared by the tests and the benchmarks: the app on a free loopback port (``servers``) and a
PostgreSQL cluster in a temporary directory (``pg``). Imports nothing of the product; tests/ and bench/ import it."""
