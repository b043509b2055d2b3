"""Crossref: the HTTP client, record conversion, candidate matching and enrichment."""
