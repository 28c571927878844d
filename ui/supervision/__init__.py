"""The supervisor's panels and the citizen loop: extension approvals, the arbitration queue, bulk
reassignment, reminders and supervision notices, shift workload, return counts per unit, ratings,
reopening, duplicates and merges."""
