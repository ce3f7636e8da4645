"""Non-interactive output: terminal text, Markdown, JSON, HTML."""
