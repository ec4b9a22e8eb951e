"""Importers: turn datasets users already have (HarmBench, XSTest, BBQ, AdvBench, AILuminate,
any JSONL/CSV/Parquet table, a Hugging Face ``save_to_disk`` folder) into Accord JSONL suites.

Each layout's categories are mapped to the shared taxonomy by a documented table
(docs/importers.md); provenance (source dataset, source row id, original category) goes into
each item's ``meta``.
"""

from accord.suites.importers._build import ImportOptions, ImportReport, item_line
from accord.suites.importers._run import CATEGORY_TABLES, FORMATS, import_file, iter_items

__all__ = ["CATEGORY_TABLES", "FORMATS", "ImportOptions", "ImportReport", "import_file", "item_line", "iter_items"]
