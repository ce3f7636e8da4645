"""Where briefing keeps its config, themes, state and cache (platformdirs); config.yaml; safe writes.

No Textual import here: the CLI's text commands use it too.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

import platformdirs

from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import describe_os_error, suggest
from briefing.format.text import one_line

if TYPE_CHECKING:  # imported where a config file is read: without one, no YAML is parsed
    import yaml

    from briefing.user.yaml_fields import Reporter

APP_NAME = "briefing"
CONFIG_NAME = "config.yaml"
# Every key config.yaml may hold, with what it means (docs/config.md says more).
CONFIG_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "theme": "theme name, as listed by `briefing themes`",
        "mouse": "true or false: whether the app uses the mouse",
        "clipboard": "true or false: whether y and Y copy to the terminal's clipboard (OSC 52)",
        "keys": "key rebindings: binding id -> key or list of keys",
        "briefings": "the folder of your briefings, shown by the library key",
    }
)
_KEY = re.compile(r"^[^\s,]+$")
_DEFAULTS = "the file is ignored: using defaults"
NOTICES_SHOWN = 3  # settings problems shown one notice each; the rest are counted in one more
MAX_PROBLEMS = 1000  # in config.yaml; past that a file is not a config anyone means


class Config(NamedTuple):
    """The user's settings, with defaults for everything config.yaml leaves out."""

    theme: str | None = None  # None: the remembered or the default theme
    mouse: bool = True
    clipboard: bool = True  # y and Y send what they copy to the terminal (OSC 52)
    keys: Mapping[str, str] = MappingProxyType({})  # binding id -> "key,key"
    briefings: Path | None = None  # None: default_briefings_dir()

    @property
    def briefings_dir(self) -> Path:
        return self.briefings if self.briefings is not None else default_briefings_dir()


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def themes_dir() -> Path:
    return config_dir() / "themes"


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def default_briefings_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "briefings"


def load_config(
    path: Path | None = None,
    *,
    known_bindings: Collection[str] | Callable[[], Collection[str]] | None = None,
    known_themes: Collection[str] | None = None,
) -> tuple[Config, list[Diagnostic]]:
    """Read config.yaml; return the settings and every problem found, located.

    A key with a bad value keeps its default and the rest still apply; a file
    that is not a YAML mapping is ignored as a whole (and never rewritten).
    ``known_bindings`` and ``known_themes``, when given, are the binding ids
    ``keys`` may name and the themes ``theme`` may name; ``known_bindings`` may
    be a function giving them, called only if the file has ``keys``.
    """
    path = config_path() if path is None else path
    try:
        # A stat only, following a symlink as opening would; read_bytes opens regular files only.
        os.stat(path)
    except FileNotFoundError:
        return Config(), []
    except OSError as error:  # a folder without permission (EACCES), a file as the folder, a name too long
        return Config(), [_unreadable(path, error)]
    from briefing.user.yaml_fields import NotAMapping, Reporter, read_mapping

    try:
        root = read_mapping(path, str(path), "config file")
    except NotAMapping as error:
        d = error.diagnostic
        ignored = Diagnostic(d.path, d.line, d.column, d.message, hint=_DEFAULTS)
        return Config(), [ignored]
    if root is None:
        return Config(), []
    reporter = Reporter(str(path))
    values: dict[str, object] = {}
    try:
        for key, key_node, value_node in reporter.entries(root, ""):
            _within_budget(reporter, key_node)
            if key == "theme":
                values[key] = _theme_name(reporter, value_node, known_themes)
            elif key in ("mouse", "clipboard"):
                values[key] = reporter.boolean(value_node, key)
            elif key == "keys":
                known = known_bindings() if callable(known_bindings) else known_bindings
                values[key] = _keys(reporter, value_node, known)
            elif key == "briefings":
                values[key] = _folder(reporter, value_node, path.parent)
            else:
                reporter.unknown_key(key, key_node, key, "config.yaml", CONFIG_KEYS)
    except _TooManyProblems as stop:
        message = f"stopped checking after {MAX_PROBLEMS:,} problems"
        reporter.report(stop.node, "", message, hint="the rest of the file is ignored: fix these first")
    chosen = {k: v for k, v in values.items() if v is not None}
    return Config(**chosen), reporter.diagnostics  # type: ignore[arg-type]


class _TooManyProblems(Exception):
    """Raised at the entry where config.yaml reached MAX_PROBLEMS: the check stops there."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _within_budget(reporter: Reporter, node: yaml.Node) -> None:
    # Each problem costs a "did you mean" search and a notice's text: a 1 MiB file of bad
    # keys took 13 s to check, all before the first screen.
    if len(reporter.diagnostics) >= MAX_PROBLEMS:
        raise _TooManyProblems(node)


def _unreadable(path: Path, error: OSError) -> Diagnostic:
    """The one-line reason config.yaml cannot even be looked at; the defaults apply."""
    if isinstance(error, NotADirectoryError):
        folder = next((p for p in path.parents if _is_file(p)), path.parent)
        reason = f"{folder} is a file, not a folder"
    else:
        reason = describe_os_error(error).removeprefix("cannot read: ")
    return Diagnostic(str(path), 0, 0, f"cannot read the config file: {reason}", hint="using defaults")


def _is_file(path: Path) -> bool:
    """Whether ``path`` is there and is not a folder (a stat only, never an open)."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _theme_name(reporter: Reporter, node: yaml.Node, known: Collection[str] | None) -> str | None:
    text = reporter.text(node, "theme")
    if text is None:
        return None
    name = text.strip()
    if not name or (known is not None and name not in known):
        message = f"no theme is called {name!r}" if name else "the theme name is empty"
        hint = (suggest(name, known) if known else None) or "`briefing themes` lists them"
        reporter.report(node, "theme", message, hint=hint)
        return None
    return name


def _keys(reporter: Reporter, node: yaml.Node, known: Collection[str] | None) -> Mapping[str, str] | None:
    import yaml

    keymap: dict[str, str] = {}
    for binding_id, id_node, value_node in reporter.entries(node, "keys"):
        _within_budget(reporter, id_node)
        where = f"keys.{binding_id}"
        before = len(reporter.diagnostics)
        if known is not None and binding_id not in known:
            hint = suggest(binding_id, known) or "docs/config.md lists the binding ids"
            reporter.report(id_node, where, f"no key binding has the id '{binding_id}'", hint=hint)
            continue
        items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        words: list[str] = []
        for item in items:
            text = reporter.text(item, where)
            if text is None:
                continue
            # A key name is shown in the key bar and help: nothing a terminal would act on.
            bad = [w.strip() for w in text.split(",") if not _KEY.match(w.strip()) or not w.isprintable()]
            if bad:
                reporter.report(
                    item,
                    where,
                    f"not a key: {bad[0]!r}",
                    hint="write keys as Textual names them: 'j', 'ctrl+p', 'f1', 'question_mark'",
                )
            words += [w.strip() for w in text.split(",")]
        if not items:
            reporter.report(value_node, where, "no key given")
        elif len(reporter.diagnostics) == before:
            keymap[binding_id] = ",".join(words)
    return MappingProxyType(keymap)


def _folder(reporter: Reporter, node: yaml.Node, base: Path) -> Path | None:
    text = reporter.text(node, "briefings")
    if text is None:
        return None
    if not text.strip():
        reporter.report(node, "briefings", "the folder is empty text")
        return None
    # "~" is the home folder; a relative path is relative to the config file's folder.
    return base / Path(text.strip()).expanduser()


def replaceable(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file writing ``path`` would replace, and what is there now (None: nothing yet).

    Only a regular file or a new name may be replaced. A symbolic link is followed
    only to an existing regular file, which is then written in place of the link's
    target (the link is kept); a link to a folder, a FIFO, a device or to nothing
    is refused, so a write can never land somewhere the link only hints at.
    Raises OSError, with a one-line ``strerror``, for anything else.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, None
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise FileNotFoundError(
                errno.ENOENT, "symbolic link to nothing: refusing to follow it", str(path)
            ) from None
        path = Path(os.path.realpath(path))
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory: refusing to replace it", str(path))
    if not stat.S_ISREG(info.st_mode):
        # Renaming over a FIFO or a device would replace it (as root, /dev/null itself).
        raise OSError(errno.EINVAL, "not a regular file: refusing to replace it", str(path))
    return path, info


def write_atomic(
    path: Path, data: str | bytes | Callable[[BinaryIO], None], *, durable: bool = True, private: bool = False
) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` so readers see the old file or the new one.

    ``data`` may also be a function that writes into the (seekable) file it is given,
    for what is too big to build in memory first.

    The temporary file sits beside the target so the final rename stays on one
    file system, which is what makes it atomic. ``durable`` waits for the disk
    before the rename, so a crash cannot leave the new name on unwritten data;
    caches skip that wait (a slow disk can take tens of milliseconds), since
    they check what they read and a damaged entry is only a miss.

    What may be replaced is ``replaceable()``'s rule. An existing file keeps its
    permission bits; a new one gets the usual 0666 less the umask, or 0600 when
    ``private`` (what the user read, and when, is theirs alone). The temporary
    file is removed on every way out (an error, KeyboardInterrupt).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data  # may raise: before any file exists
    path, existing = replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created by hand, not by mkstemp (always 0600): the kernel applies the umask to 0666,
    # with no thread-unsafe os.umask() call. O_NOFOLLOW: the name is ours, never a planted link.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = path.parent / f".{path.name[:200]}.{os.urandom(6).hex()}.tmp"
        try:
            fd = os.open(tmp, flags, 0o600 if private else 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(existing.st_mode) & 0o777)
            if callable(payload):
                payload(handle)
            else:
                handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def signals_as_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP end the program by SystemExit(128 + signal), not on the spot.

    Killed on the spot, a write_atomic in progress (`export -o`, a cache entry written as
    the reader starts) would leave its temporary file; as an exception, its cleanup runs.
    The exit code is the shell's usual one. The reader's own handlers take over once it runs.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only there can handlers be set
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signals = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    saved = {signum: signal.signal(signum, stop) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def print_paths() -> int:
    """`briefing paths`: where everything lives; config problems go to stderr."""
    config, problems = load_config()
    # The briefings folder is written in config.yaml: every path goes through the gate.
    print(f"config     {one_line(config_path())}")
    print(f"themes     {one_line(themes_dir())}")
    print(f"state      {one_line(state_dir())}")
    print(f"briefings  {one_line(config.briefings_dir)}")
    print(f"cache      {one_line(cache_dir())}")
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    return 0


def notices(problems: Sequence[Diagnostic], shown: int = NOTICES_SHOWN) -> list[str]:
    """What the reader shows of the problems with the user's files: one notice each for the
    first ``shown``, then one that counts the rest and names the commands that list them.

    A notice is a widget: thousands of them would hold back the first screen for a minute.
    """
    texts = [problem.format() for problem in problems[:shown]]
    rest = problems[shown:]
    if rest:
        config, themes = str(config_path()), str(themes_dir())
        commands = []
        if any(p.path == one_line(config) for p in rest):
            commands.append("`briefing paths`")  # prints config.yaml's problems
        if any(p.path.startswith(one_line(themes)) for p in rest):
            commands.append("`briefing themes`")  # prints the theme files' problems
        more = f"and {len(rest):,} more problem{'' if len(rest) == 1 else 's'} with your settings"
        texts.append(f"{more}: run {' and '.join(commands)} to see them" if commands else more)
    return texts
