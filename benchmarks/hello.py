"""The baseline for first paint: the smallest Textual app, one line of text.

python3 benchmarks/hello.py
"""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world")


if __name__ == "__main__":
    Hello().run()
