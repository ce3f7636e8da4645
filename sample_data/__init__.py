"""The bundled sample briefing."""
