"""One subpackage per document family; each ``__init__.py`` holds the family's Extractor.

A family reads its layouts with the toolkit (``loaders/toolkit``), after the
statement layer (``loaders/statements``); it imports only those, the models,
the ontology and the errors, never another family. Each is registered by one
line in ``loaders/registry.py``.
"""
