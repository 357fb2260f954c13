"""The portfolio read from the store, and the positions derived into it: the SQL that feeds
portfolio/'s pure computations (a layer above it, below the services, the sync, the trading and
the CSV import, which all read it)."""
