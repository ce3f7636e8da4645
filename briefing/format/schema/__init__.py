"""The JSON Schema of the briefing format, generated from the format's declaration in briefing.model."""
