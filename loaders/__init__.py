"""Read papers and turn them into facts with provenance."""
