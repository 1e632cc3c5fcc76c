"""Reads for city council affairs, one module per topic; every list is scoped to the reader."""
