"""The ``dispatch-console`` command line (headless commands; the window is opened by ``ui.entry``)."""
