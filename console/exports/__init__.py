"""Shift handovers and Excel exports (issue 5).

Headless: no Qt. ``shifts`` knows the room's shift calendar; ``handover_gather`` reads what a handover
lists; ``handover_store`` saves and acknowledges handovers; ``handover_book`` and ``report_book`` write
workbooks with openpyxl in write-only (streaming) mode; ``service`` runs an export end to end (temporary
file, SHA-256, ``export_log`` row). Every writer takes a progress callback and a ``CancelToken``.
"""
