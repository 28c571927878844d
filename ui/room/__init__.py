"""The window's side of a room of workstations on one database: the NOTIFY listener thread, the
connection state and its offline banner, the workstation session (heartbeats, dead-workstation sweep),
actions sent with request ids and retried across connection faults, reconciliation, and the conflict
dialog that offers to redo an action on the fresh state."""
