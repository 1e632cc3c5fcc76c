"""The media office's records, one module per topic; each topic's models are imported here so Django
finds them."""
