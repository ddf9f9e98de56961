"""The docstring examples of the extractor modules run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "numbers",
    "sentences",
    "periods",
    "document",
    "indicators",
    "classify",
    "regions",
    "model",
    "extractor",
    "corrections",
    "normalize",
    "tables",
    "text_rows",
    "repeats",
    "respective",
    "source_url",
    "shares",
    "own_exit",
    "aided",
    "lists",
    "wholes",
    "cell_lines",
    "two_level_headers",
    "cited_plans",
    "own_region",
    "not_figures",
    "reading",
    "clause_subjects",
    "schedules",
    "quotes",
    "scopes",
    "progress_measures",
    "document_numbers",
    "added_targets",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"etl.extract.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
