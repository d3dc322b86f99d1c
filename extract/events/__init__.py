"""Temporal mentions -> one document's events: filters, candidate rows, one row per event."""
