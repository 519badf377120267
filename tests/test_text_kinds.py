"""The text kinds (pattern, substitution) and the scopes they look in."""
