"""Duty-list administration in the window (issue 9): the editor, its checks and impact preview, versions and
their diff, the Excel round trip. Built on ``console.catalog_admin``; admins only."""
