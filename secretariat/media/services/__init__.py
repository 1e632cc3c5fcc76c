"""The media office: one module per topic."""
