"""Read side of the review desk (人工复核台): the review card of one pending ticket, escalations to the
supervisor, the duty-list search index (keywords, code, pinyin initials), unit choices, and the quality
report with names. No Qt; every function that takes a database runs on the caller's thread (the
window's DB worker)."""
