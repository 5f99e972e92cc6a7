"""Document families: one subpackage each, its ``__init__`` holding the extractor and one module per layout.

A family never imports another family; it reads the statement layer's facts
(:mod:`oversight.loaders.statements`) and refines or adds to them where its
layout is known.
"""
