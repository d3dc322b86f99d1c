"""The events table as a contract between the extractor (writer) and the app (reader)."""
