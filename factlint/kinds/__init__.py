"""One module per kind; ``base`` holds what they share."""
