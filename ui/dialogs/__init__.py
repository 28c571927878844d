"""Dialogs of the window. Each is opened with ``open()`` and awaited by a controller (``ui.prompts``)."""
