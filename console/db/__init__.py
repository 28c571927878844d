"""Persistence: schema, engine set-up, migrations, unit of work, repositories. Only services use it."""
