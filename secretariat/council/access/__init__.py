"""Who may do what in city council affairs, one module per topic (roles, not per-object grants)."""
