"""Named governance questions over the graph, and the runner for either backend."""
