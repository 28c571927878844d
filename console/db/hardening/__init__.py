"""PostgreSQL hardening for a room of workstations: one database login per staff member, no direct table
privileges for staff, reads through masked views, writes through ``SECURITY DEFINER`` functions that take
the actor from ``session_user``, row security for unit handlers. See ``docs/security.md``.

SQLite mode (one trusted workstation) does not use this package; the services enforce the same matrix.
"""
