"""Interactive HTML views of the oversight graph."""
