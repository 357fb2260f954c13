"""Valuation, aggregation, FX and history: pure functions over the store."""
