"""The tamper-evident audit trail: every event row is sealed into one hash chain (``chain``), sealed by a
trigger on PostgreSQL and at commit on SQLite (``sqlite_seal``), and checked by ``verify``."""
