"""Plain-Python domain model: no database, no Qt."""
