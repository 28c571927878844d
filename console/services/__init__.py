"""Use cases: the only way to change state. Each call is one unit of work and returns a ``Changed``."""
