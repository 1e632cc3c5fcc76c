"""The counters' pages, one module per topic."""
