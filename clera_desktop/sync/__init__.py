"""Sync: providers -> the local store, idempotent, one transaction per account."""
