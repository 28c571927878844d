"""The room's analytics (issue 9, headless): hot spots and incidents, recurrence after closing (回潮), the
week's top problems, and the suggestions digest. Each result is an immutable value that can also be written
as an Excel sheet; the supervisors' views build on these functions."""
