"""The room's analytics in the window (issue 9): live hot spots for supervisors (clusters of tickets about one
place and problem, linkable as one incident), recurrence (回潮), the week's top problems and the suggestions
digest, each exportable to Excel. Built on ``console.analytics``."""
