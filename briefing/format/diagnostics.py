"""Diagnostics: one located problem in a file, formatted like a compiler's."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.format.text import one_line


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a file: where it is, what it is, and how to fix it."""

    path: str  # file name as given by the user
    line: int  # 1-based; 0 when the problem has no position (e.g. a missing file)
    column: int  # 1-based; 0 when unknown
    message: str
    severity: str = "error"  # "error" | "warning"
    key_path: str = ""  # e.g. "events[3].evidence[0].quote"
    hint: str | None = None  # e.g. "did you mean 'title'?"

    def __post_init__(self) -> None:
        # The one gate: keys, tags, values and file names quoted in a message come
        # from files, so every field is made safe for a terminal once, here.
        for name in ("path", "message", "key_path", "hint"):
            text = getattr(self, name)
            if text is not None:
                object.__setattr__(self, name, one_line(text))

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.key_path:
            text += f" (at {self.key_path})"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class BriefingError(Exception):
    """The project's one error type for files that cannot be used.

    Carries every diagnostic found, so callers can show them all at once.
    """

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        self.path = path
        self.diagnostics = diagnostics
        first = diagnostics[0].format() if diagnostics else f"{path}: error"
        super().__init__(first)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]
