"""The Qt layer of Dispatch Console: application start, windows, table models, dialogs, controllers.

Widgets never touch the database: controllers (QObjects) await use cases and queries of ``console``
on the single DB worker thread (``ui.worker.DbWorker``) through qasync. Only immutable rows cross back.
"""
