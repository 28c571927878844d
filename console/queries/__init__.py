"""Read-side queries for the window and the CLI: they return immutable rows, never ORM instances.

No Qt here. Every function takes the ``Database`` (or a ``ServiceContext``) and runs on the caller's
thread — in the window that is the single DB worker thread, never the GUI thread.
"""
