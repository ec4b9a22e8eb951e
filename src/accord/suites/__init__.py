"""Suites and items: what Accord asks a model."""

from accord.suites._item import (
    Document,
    Expectation,
    Item,
    Lang,
    Message,
    SuiteInfo,
    parse_expectation,
)
from accord.suites._loader import Suite, builtin_suite_names, load_suite

__all__ = [
    "Document",
    "Expectation",
    "Item",
    "Lang",
    "Message",
    "Suite",
    "SuiteInfo",
    "builtin_suite_names",
    "load_suite",
    "parse_expectation",
]
