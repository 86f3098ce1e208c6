"""Jinja templates of the web pages (a package so that they install with it)."""
