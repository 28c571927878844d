"""The console's screen lock: idle lock, Ctrl+L, forced re-login at shift change, switch user.

``idle.py`` watches input anywhere in the application; ``page.py`` is the lock page; ``cover.py`` hides
and restores what the window shows; ``controller.py`` (``ScreenLock``) ties them to a main window."""
