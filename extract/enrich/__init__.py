"""Events -> descriptions: headlines, categories and actors."""
