"""The consistency kind: a name or term spelled more than one way."""
