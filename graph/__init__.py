"""Load, merge, store and validate the oversight graph."""
