"""Running the extractor over a corpus: tasks, engines (local, Dask), cache, version."""
