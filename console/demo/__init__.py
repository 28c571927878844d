"""Demo data: staff accounts, a realistic bulk history, and a live simulated stream."""
