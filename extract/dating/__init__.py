"""Sentences -> temporal mentions: the rule table, its resolvers, tense, and narrative time."""
