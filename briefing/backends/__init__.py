"""Model backends. Remote endpoints need none: the ``openai`` client talks to them directly."""
