"""Data for the archive: search stop words, function words for the language check."""
