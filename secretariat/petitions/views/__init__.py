"""Petitions' pages, one module per topic; `secretariat/petitions/urls.py` wires them."""
