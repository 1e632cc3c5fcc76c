"""Writes for city council affairs, one module per topic."""
