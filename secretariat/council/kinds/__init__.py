"""The council's case kinds, one module per kind: `questions` (council questions) and `requests` (data
requests). Each module's `register_kind()` is called from the app's ready()."""
