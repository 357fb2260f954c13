"""Data models: SQLAlchemy tables, frozen domain types, the engine, migrations and queries."""
