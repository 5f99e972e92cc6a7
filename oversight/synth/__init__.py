"""A deterministic synthetic national corpus of police-oversight papers, with its ground truth.

:func:`generate` writes, for up to the 43 territorial forces and four PEEL
rounds, the papers of every family the extractors read (PEEL reports,
progress papers, inspections-and-audits papers, agenda packs, registers) in
the layouts and with the conversion defects of the real papers, plus
``truth.json`` (the graph the documents state) and ``manifest.json``.
The benchmark (``bench/run.py``) measures extraction against that truth.

The modules: :mod:`~oversight.synth.world` decides what happened (findings,
statuses, lineage); one module per family writes it (:mod:`~oversight.synth.report`,
:mod:`~oversight.synth.progress`, :mod:`~oversight.synth.inspections`,
:mod:`~oversight.synth.minutes`, :mod:`~oversight.synth.register`), recording
each fact at the line that states it (:mod:`~oversight.synth.docs`);
:mod:`~oversight.synth.corpus` assembles and writes.
"""

from oversight.synth.corpus import MAX_FORCES, MAX_ROUNDS, Corpus, generate, render

__all__ = ["generate", "render", "Corpus", "MAX_FORCES", "MAX_ROUNDS"]
