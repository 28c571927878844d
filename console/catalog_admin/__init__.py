"""Duty-list administration (issue 9, headless): versioned edits, diffs, the Excel round trip, the impact
preview of a new version and checks on the list. No Qt; the admin window builds on these functions."""
