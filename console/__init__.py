"""Dispatch Console headless core: domain, services, persistence, reference data, CLI.

Never imports Qt, qasync or ``ui`` (enforced by ``tests/unit/test_import_boundaries.py``).
"""

__version__ = "0.1.0"
