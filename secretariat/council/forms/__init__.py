"""Forms of the council pages, one module per topic: they only read input; the services decide and write."""
