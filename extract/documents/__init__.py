"""Corpus -> documents: where the documents are, and reading one (front matter, body)."""
