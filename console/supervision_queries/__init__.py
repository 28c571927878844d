"""Read-side queries for the unit desk and the supervisor's panels (no Qt, caller's thread — the window's
DB worker): pending extensions, the arbitration queue, shift workload, return counts per unit, unit-scoped
views of a ticket, ticket look-up and duplicate candidates. Every function returns immutable rows."""
