"""Pages for city council affairs, one module per topic; `secretariat/council/urls.py` wires them."""
