"""Who may do what in the media office, one module per topic: `press` (releases and the press office's
records), `opinion` (opinion monitoring and the agency scope of its items)."""
