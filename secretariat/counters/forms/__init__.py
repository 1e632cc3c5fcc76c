"""Forms of the counters' pages, one module per topic. They only shape input; the services decide."""
