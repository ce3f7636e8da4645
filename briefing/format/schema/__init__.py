"""The JSON Schema of the briefing format, generated from briefing.format.spec."""
