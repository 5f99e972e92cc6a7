"""Document families: one subpackage each, its ``__init__`` holding the Extractor, one module per layout.

A family never imports another family; it builds on the shared layers
(``loaders.models``, ``loaders.common``, ``loaders.textparse``,
``loaders.statements``) and is registered in ``loaders/registry.py``.
"""
