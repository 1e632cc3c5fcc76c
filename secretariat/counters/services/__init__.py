"""Writes for the citizen service counters, one module per topic."""
