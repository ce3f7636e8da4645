"""A map of a briefing's places drawn with characters: no Textual, no Rich, no network."""
