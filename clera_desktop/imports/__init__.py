"""Bringing in what no provider has: activities and daily prices from CSV files."""
