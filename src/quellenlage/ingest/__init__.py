"""Ingest: reading articles from files, folders, URLs, feeds, corpora and web archives."""
