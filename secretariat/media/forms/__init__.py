"""Forms of the media office's pages, one module per topic."""
