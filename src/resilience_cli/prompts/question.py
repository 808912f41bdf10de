"""One question on the screen, with the same keys everywhere.

Every question of the check-in (and of what follows it: the safety
question, a follow-up) is one of three kinds, all drawn by `ask`:

- a choice: the key shown beside an answer gives that answer at once;
  the arrow keys and Enter work too.
- a typed answer (a number, two numbers, a line of text), ended with Enter.
- a tick list: the keys shown tick and untick; Enter when done.

And on every one: Enter alone skips (on an amended day, keeps the earlier
answer), `s` skips a choice, Backspace goes back to the question before
(with the answer given there chosen, so Enter keeps it), Ctrl-C cancels. A
key that answers nothing says at once which keys do. A tick line ("d [ ]
upsetting dreams about work") can sit under a typed answer or a tick list:
its key ticks it and the question stays.

Many people type an answer and then Enter, whatever the question. So an
Enter pressed straight after a one-key answer, as the next question's first
key, confirms that answer: it does not skip the next question. Enter alone
still skips everywhere else (press it twice to skip the question after a
one-key answer).

We draw the question ourselves, rather than with questionary, for three
things questionary does not do: an answer on one key, going back, and
breaking every line between words at any width (prompt_toolkit breaks a long
line wherever the edge falls, mid-word).
"""

from __future__ import annotations

import textwrap
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from prompt_toolkit.application import Application, get_app, get_app_session
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.bindings.basic import load_basic_bindings
from prompt_toolkit.key_binding.bindings.emacs import load_emacs_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.processors import BeforeInput

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _
from resilience_cli.model import CLEAR


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


# What a question returns besides an answer.
SKIP = "skip"  # skipped: Enter alone or `s` (on an amended day: keep the earlier answer)
BACK = _Marker("BACK")  # Backspace: the question before, please
# CLEAR: on an amended day, set this answer back to skipped (the record knows it).

SKIP_KEY, CLEAR_KEY = "s", "c"
# ask()'s default words for skipping: "skipped" once answered, "skip" as the row.
SAID = _Marker("SAID")

# The inputs (one a terminal) whose last question was answered by a single
# key: on the next question an Enter as the first key confirms that answer.
# Kept per input, so one session's keys never reach another's questions.
_ANSWERED_BY_ONE_KEY: weakref.WeakSet[Any] = weakref.WeakSet()


def end_of_run() -> None:
    """The run is over: an Enter in the next one confirms nothing of this one's."""
    _ANSWERED_BY_ONE_KEY.clear()


def one_line(text: str) -> str:
    """Pasted lines as one line: a one-line answer shows all of what it holds."""
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@dataclass(frozen=True)
class Option:
    """One answer of a choice, or one item of a tick list, with its key."""

    key: str
    title: str
    value: Any
    also: str = ""  # a second key that works too, shown beside the first ("0/n  no")

    @property
    def keys(self) -> str:
        return f"{self.key}/{self.also}" if self.also else self.key


@dataclass
class Tick:
    """A yes/no that rides on another question: its key ticks or unticks it."""

    key: str
    title: str
    checked: bool = False


@dataclass
class _State:
    pointer: int = 0
    checked: set[int] = field(default_factory=set)
    error: str = ""
    answered: str | None = None  # the words shown once answered


def _width() -> int:
    try:
        return max(get_app().output.get_size().columns, 20)
    except Exception:  # noqa: BLE001 - no terminal: a sensible width
        return 80


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Lines broken between words, never inside one; a word longer than a line stays whole."""
    return textwrap.wrap(text, width=max(width - 1, 10), initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def question_lines(message: str, width: int) -> list[str]:
    """The question as drawn: '? ' and the words."""
    return _wrap(message, width, "? ", "  ")


def option_lines(key: str, title: str, width: int, mark: str = "") -> list[str]:
    """One answer under the question: 'key  words', continued under the words."""
    first = f"  {key}  {mark}"
    return _wrap(title, width, first, " " * len(first))


def ask(
    message: str,
    *,
    options: Sequence[Option] = (),
    many: bool = False,
    ticks: Sequence[Tick] = (),
    typed: Callable[[str], Any] | None = None,
    default_text: str = "",
    pointer: int | None = None,
    checked: Sequence[int] = (),
    hint: str = "",
    can_clear: bool = False,
    can_go_back: bool = False,
    skip_words: str | None = None,
    skip_title: str | None | _Marker = SAID,
    shown: Callable[[Any], str] | None = None,
) -> Any:
    """Draw one question and return its answer, SKIP, CLEAR or BACK. See the module's words.

    `skip_words`: what a skipped question says once answered ("skipped");
    `skip_title`: the skip row's words ("skip"), None for no skip row."""
    if skip_words is None:
        skip_words = _("ask.skipped")
    if skip_title is SAID:
        skip_title = _("ask.skip")
    rows = list(options)
    if not many and rows and skip_title is not None:
        rows.append(Option(SKIP_KEY, skip_title, SKIP))
    question = _Question(message, rows, many=many, ticks=ticks, typed=typed, default_text=default_text,
                         hint=hint, can_clear=can_clear, skip_words=skip_words, shown=shown)
    question.state.checked = set(checked)
    # A tick list starts at its top; a choice on the earlier answer, or else on skip (the last row).
    question.state.pointer = 0 if many else len(rows) - 1 if pointer is None else pointer
    return question.run(can_go_back=can_go_back)


@dataclass
class _Question:
    """One question being asked: what it offers, what has been pressed, how it is drawn."""

    message: str
    rows: list[Option]
    many: bool
    ticks: Sequence[Tick]
    typed: Callable[[str], Any] | None
    default_text: str
    hint: str
    can_clear: bool
    skip_words: str
    shown: Callable[[Any], str] | None
    state: _State = field(default_factory=_State)
    buffer: Buffer | None = None
    # True while an Enter would confirm the one-key answer of the question before.
    confirming: bool = False

    def __post_init__(self) -> None:
        if self.typed is not None:
            self.buffer = Buffer(multiline=False, document=None)
            if self.default_text:
                self.buffer.text = self.default_text
                self.buffer.cursor_position = len(self.default_text)
            self.buffer.on_text_changed += lambda _buffer: self.pressed()

    def pressed(self) -> None:
        """A key other than Enter came first: Enter no longer confirms the answer before."""
        self.confirming = False

    def confirmed(self) -> bool:
        """Whether this Enter confirms the one-key answer before (and so does nothing here)."""
        if self.confirming:
            self.confirming = False
            return True
        return False

    # -- answering ---------------------------------------------------------

    def finish(self, event: Any, value: Any, words: str, *, one_key: bool = False) -> None:
        self.state.answered = words
        self.state.error = ""
        if one_key:
            _ANSWERED_BY_ONE_KEY.add(event.app.input)
        else:
            _ANSWERED_BY_ONE_KEY.discard(event.app.input)
        event.app.exit(result=value)

    def keys_hint(self) -> str:
        """The one line a key that answers nothing brings up: the keys that do."""
        keys = [r.keys for r in self.rows] + [t.key for t in self.ticks]
        if self.can_clear and not self.many:
            keys.append(CLEAR_KEY)
        listed = (_("ask.keys.listed", keys=", ".join(keys[:-1]), last=keys[-1]) if len(keys) > 1
                  else "".join(keys))
        if self.many:
            return _("ask.keys.not_an_answer_then_enter", keys=listed)
        return _("ask.keys.not_an_answer", keys=listed)

    def said(self, row: Option) -> str:
        if row.value == SKIP:
            return self.skip_words
        if self.shown is not None:
            return self.shown(row.value)
        if type(row.value) is int and row.key == str(row.value):
            # A point on a scale, its key shown once beside its words: once answered, both.
            return f"{row.value}  {row.title}".rstrip()
        return row.title

    def tick_words(self) -> list[str]:
        return [t.title for t in self.ticks if t.checked]

    def with_ticks(self, words: str) -> str:
        return ", ".join([w for w in (words, *self.tick_words()) if w])

    # -- keys --------------------------------------------------------------

    def key_bindings(self, *, can_go_back: bool) -> KeyBindings:
        kb = KeyBindings()

        @kb.add(Keys.ControlC, eager=True)
        # The signal too (kill -INT, or Ctrl-C while the terminal was between two
        # questions): prompt_toolkit turns it into this key, which was bound to nothing.
        @kb.add(Keys.SIGINT, eager=True)
        def _cancel(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        for tick in self.ticks:
            @kb.add(tick.key, eager=True)
            def _tick(event: Any, tick: Tick = tick) -> None:
                self.pressed()
                tick.checked = not tick.checked

        if can_go_back:
            empty = Condition(lambda: self.buffer is None or not self.buffer.text)

            @kb.add(Keys.Backspace, filter=empty, eager=True)
            def _back(event: Any) -> None:
                self.finish(event, BACK, _("ask.back"))

        if self.typed is not None:
            self._bind_typed(kb)
        else:
            if self.many:
                self._bind_tick_list(kb)
            else:
                self._bind_choice(kb)
            self._bind_moves(kb)
        return kb

    def _bind_typed(self, kb: KeyBindings) -> None:
        @kb.add(Keys.Enter, eager=True)
        @kb.add(Keys.ControlJ, eager=True)  # Enter typed ahead, while the terminal was not yet raw
        def _enter_typed(event: Any) -> None:
            if self.confirmed():
                return
            text = self.buffer.text.strip()
            if not text:
                if self.can_clear and self.default_text:
                    self.finish(event, CLEAR, _("ask.cleared"))
                else:
                    # Skipped, with any tick still counted by the caller.
                    self.finish(event, SKIP, self.with_ticks("" if self.tick_words() else self.skip_words))
                return
            try:
                value = self.typed(text)
            except InvalidInput as exc:
                self.state.error = exc.message
                return
            self.finish(event, value, self.with_ticks((self.shown or str)(value)))

        @kb.add(Keys.BracketedPaste, eager=True)
        def _paste(event: Any) -> None:
            self.pressed()
            self.buffer.insert_text(one_line(event.data))

    def _bind_tick_list(self, kb: KeyBindings) -> None:
        state, rows = self.state, self.rows
        for i, row in enumerate(rows):
            @kb.add(row.key, eager=True)
            def _toggle(event: Any, i: int = i) -> None:
                self.pressed()
                state.error = ""
                state.checked ^= {i}
                state.pointer = i

        @kb.add(" ", eager=True)
        def _space(event: Any) -> None:
            self.pressed()
            state.checked ^= {state.pointer}

        @kb.add(Keys.Enter, eager=True)
        @kb.add(Keys.ControlJ, eager=True)  # Enter typed ahead, while the terminal was not yet raw
        def _enter_many(event: Any) -> None:
            if self.confirmed():
                return
            picked = [rows[i].value for i in sorted(state.checked)]
            if not picked and not self.tick_words():
                self.finish(event, SKIP, self.skip_words)
                return
            words = ", ".join(rows[i].title for i in sorted(state.checked))
            self.finish(event, picked, self.with_ticks(words))

    def _bind_choice(self, kb: KeyBindings) -> None:
        for row in self.rows:
            for key in filter(None, (row.key, row.also)):
                @kb.add(key, eager=True)
                def _pick(event: Any, row: Option = row) -> None:
                    self.finish(event, row.value, self.with_ticks(self.said(row)), one_key=True)

        if self.can_clear:
            @kb.add(CLEAR_KEY, eager=True)
            def _clear(event: Any) -> None:
                self.finish(event, CLEAR, _("ask.cleared"), one_key=True)

        @kb.add(Keys.Enter, eager=True)
        @kb.add(Keys.ControlJ, eager=True)  # Enter typed ahead, while the terminal was not yet raw
        def _enter_choice(event: Any) -> None:
            if self.confirmed():
                return
            row = self.rows[self.state.pointer]
            self.finish(event, row.value, self.with_ticks(self.said(row)))

    def _bind_moves(self, kb: KeyBindings) -> None:
        state, count = self.state, len(self.rows)

        @kb.add(Keys.Up, eager=True)
        def _up(event: Any) -> None:
            self.pressed()
            state.pointer = (state.pointer - 1) % count

        @kb.add(Keys.Down, eager=True)
        def _down(event: Any) -> None:
            self.pressed()
            state.pointer = (state.pointer + 1) % count

        @kb.add(Keys.Any)
        def _other(event: Any) -> None:
            """Any other key answers nothing, and says at once which keys do."""
            if event.data and event.data.isprintable():
                self.pressed()
                state.error = self.keys_hint()

    # -- drawing -----------------------------------------------------------

    def header(self) -> StyleAndTextTuples:
        width = _width()
        if self.state.answered is not None:
            return self._answered(width)
        out: StyleAndTextTuples = []
        for i, line in enumerate(question_lines(self.message, width)):
            out.append(("class:qmark" if i == 0 else "", line[:2]))
            out.append(("class:question", line[2:] + "\n"))
        key_width = max((len(r.keys) for r in self.rows), default=1)
        for i, row in enumerate(self.rows):
            here = i == self.state.pointer and self.typed is None
            mark = ("[x] " if i in self.state.checked else "[ ] ") if self.many else ""
            for line in option_lines(row.keys.ljust(key_width), row.title, width, mark):
                out.append(("class:highlighted" if here else "", ("»" if here else " ") + line[1:] + "\n"))
                here = False
        for tick in self.ticks:
            for line in option_lines(tick.key, tick.title, width, "[x] " if tick.checked else "[ ] "):
                out.append(("", line + "\n"))
        return out

    def _answered(self, width: int) -> StyleAndTextTuples:
        """Once answered, the question and its answer, as a record on the screen."""
        out: StyleAndTextTuples = []
        words = self.state.answered or ""
        lines = question_lines(self.message, width)
        same_line = len(lines[-1]) + 2 + len(words) < width
        for i, line in enumerate(lines):
            out.append(("class:qmark" if i == 0 else "", line[:2]))
            out.append(("class:question", line[2:]))
            if i < len(lines) - 1 or not same_line:
                out.append(("", "\n"))
        if same_line:
            out.append(("class:answer", "  " + words))
        else:
            out.append(("class:answer", "\n".join(_wrap(words, width, "  ", "  "))))
        return out

    def footer(self) -> StyleAndTextTuples:
        if self.state.answered is not None:
            return []
        width = _width()
        out: StyleAndTextTuples = []
        if self.state.error:
            for line in _wrap(self.state.error, width, "  ", "  "):
                out.append(("class:error fg:ansired", line + "\n"))  # not a message: a style
        if self.hint:
            for line in _wrap(f"({self.hint})", width, "  ", "  "):
                out.append(("class:instruction", line + "\n"))
        return out

    def run(self, *, can_go_back: bool) -> Any:
        from prompt_toolkit.layout import ConditionalContainer
        from questionary.constants import DEFAULT_STYLE

        asking = Condition(lambda: self.state.answered is None)
        parts: list[Any] = [Window(FormattedTextControl(self.header, show_cursor=False), dont_extend_height=True)]
        focus = None
        if self.buffer is not None:
            # Wrapped, not scrolled: a long answer is seen whole.
            focus = Window(BufferControl(self.buffer, input_processors=[BeforeInput("  > ")]),
                           wrap_lines=True, dont_extend_height=True)
            parts.append(ConditionalContainer(focus, filter=asking))
        parts.append(ConditionalContainer(Window(FormattedTextControl(self.footer, show_cursor=False),
                                                 dont_extend_height=True), filter=asking))
        kb = self.key_bindings(can_go_back=can_go_back)
        session_input = get_app_session().input
        self.confirming = session_input in _ANSWERED_BY_ONE_KEY
        _ANSWERED_BY_ONE_KEY.discard(session_input)
        bindings = [kb] if self.typed is None else [load_basic_bindings(), load_emacs_bindings(), kb]
        app: Application[Any] = Application(
            layout=Layout(HSplit(parts), focused_element=focus),
            key_bindings=merge_key_bindings(bindings),
            style=DEFAULT_STYLE,
            full_screen=False,
            erase_when_done=False,
            mouse_support=False,
        )
        return app.run()
