"""Serving the app to browsers (textual-serve) with the project's own page and static files."""
