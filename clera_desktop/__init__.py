"""Clera Desktop: every brokerage account in one window."""

__version__ = "0.1.0"
