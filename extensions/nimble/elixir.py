"""A safe reader (and printer) for the Elixir literal subset NimblePublisher headers use.

NimblePublisher *evaluates* a post's header as Elixir code. This module never evaluates
anything: it recognises literals only (maps, lists, keyword lists, tuples, strings and
heredocs, the ``~s``/``~S``/``~w``/``~W``/``~c`` sigils, atoms, numbers, booleans, ``nil``,
and the ``~D``/``~N``/``~U``/``~T`` date and time sigils) and reports anything else
(interpolation, calls, variables, module attributes, operators) as a located
:class:`LiteralError` without returning a partial value.

Pure functions only: :func:`parse_literal` and :func:`to_elixir`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re

from .model import Atom, Charlist, EList, EMap, ETuple, Problem, Value

__all__ = ["LiteralError", "parse_literal", "to_elixir"]


class LiteralError(ValueError):
    """The text is not a supported Elixir literal. ``line``/``column`` are 1-based."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.code = code
        self.message = message
        self.line = line
        self.column = column

    @property
    def problem(self) -> Problem:
        """The same error as data."""
        return Problem(self.code, self.message, self.line, self.column)


_IDENT = re.compile(r"[^\W\d][\w@]*[?!]?")
_NUMBER = re.compile(
    r"""-?(?:
        0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*
      | 0o[0-7]+(?:_[0-7]+)*
      | 0b[01]+(?:_[01]+)*
      | (?P<int>[0-9]+(?:_[0-9]+)*)(?P<frac>\.[0-9]+(?:_[0-9]+)*(?:[eE][+-]?[0-9]+)?)?
    )""",
    re.VERBOSE,
)
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "d": "\x7f",
    "e": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "s": " ",
    "t": "\t",
    "v": "\v",
}
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">", "|": "|", '"': '"', "'": "'", "/": "/"}
_OPERATOR_CHARS = set("+-*/<>=|&!^.~\\@?")
_SPECIAL = {"true": True, "false": False, "nil": None}

MAX_DEPTH = 32  # deeper nesting is refused (as front matter's; Python's stack is not endless)
MAX_NUMBER_CHARS = 40  # longer numbers are refused (Python will not print a 5,000-digit int)

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?"
_SIGIL_D = re.compile(_DATE)
_SIGIL_N = re.compile(_DATE + r"[T ]" + _TIME)
_SIGIL_U = re.compile(_DATE + r"[T ]" + _TIME + r"(Z|[+-]\d{2}:?\d{2})")
_SIGIL_T = re.compile(_TIME)


def parse_literal(text: str, *, first_line: int = 1) -> Value:
    """Read ``text`` as exactly one Elixir literal (comments and whitespace around it allowed).

    ``first_line`` is the file line ``text`` starts on, so errors point into the file.
    Raises :class:`LiteralError`; never returns a partial result.
    """
    return _Parser(text, first_line).parse_document()


class _Parser:
    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.pos = 0
        self.first_line = first_line
        self.depth = 0
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]

    # -- locations and errors -------------------------------------------------------------

    def where(self, pos: int) -> tuple[int, int]:
        index = bisect.bisect_left(self.newlines, pos)
        start = self.newlines[index - 1] + 1 if index else 0
        return self.first_line + index, pos - start + 1

    def error(self, code: str, message: str, pos: int | None = None) -> LiteralError:
        line, column = self.where(self.pos if pos is None else pos)
        return LiteralError(code, message, line, column)

    def describe_here(self) -> str:
        if self.pos >= len(self.text):
            return "the end of the header"
        snippet = self.text[self.pos : self.pos + 12].split("\n", 1)[0]
        return f"`{snippet}`"

    def unexpected(self, expected: str) -> LiteralError:
        char = self.peek()
        if char and char in _OPERATOR_CHARS:
            match = re.match(r"[+\-*/<>=|&!^.~\\@?]+", self.text[self.pos :])
            op = match.group(0) if match else char
            return self.error("unsupported", f"operator `{op}` is not supported (only literals)")
        return self.error("syntax", f"expected {expected}, found {self.describe_here()}")

    # -- low-level scanning -----------------------------------------------------------------

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def skip_space(self) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\r\n\f\v\ufeff":
                self.pos += 1
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    # -- grammar ------------------------------------------------------------------------------

    def parse_document(self) -> Value:
        self.skip_space()
        if self.pos >= len(self.text):
            raise self.error("empty", "the header is empty: expected a literal")
        value = self.parse_value()
        self.skip_space()
        if self.pos < len(self.text):
            raise self.unexpected("the end of the header")
        return value

    def parse_value(self) -> Value:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error("limit", f"values nested more than {MAX_DEPTH} levels deep")
        try:
            return self._parse_value()
        finally:
            self.depth -= 1

    def _parse_value(self) -> Value:
        char = self.peek()
        if char == "%":
            if self.peek(1) == "{":
                return self.parse_map()
            raise self.error("unsupported", "structs and `%` forms are not supported")
        if char == "{":
            return self.parse_tuple()
        if char == "[":
            return self.parse_list()
        if char == '"':
            return self.parse_string('"')
        if char == "'":
            return Charlist(self.parse_string("'"))
        if char == ":":
            return self.parse_atom()
        if char == "~":
            return self.parse_sigil()
        if char.isdigit() or (char == "-" and self.peek(1).isdigit()):
            return self.parse_number()
        if char == "@":
            raise self.error("unsupported", "module attributes (`@name`) are not supported")
        if char == "?":
            raise self.error("unsupported", "character literals (`?a`) are not supported")
        match = _IDENT.match(self.text, self.pos)
        if match:
            name = match.group(0)
            after = match.end()
            if name in _SPECIAL and not self._ident_continues(after):
                self.pos = after
                return _SPECIAL[name]
            start = self.pos
            if self.text.startswith(":", after):
                raise self.error(
                    "syntax", f"a keyword key `{name}:` must be followed by a space", start
                )
            self.pos = after
            self.skip_space()
            if self.peek() in ("(", ".") or name[0].isupper():
                kind = "function calls and module names are"
            elif name in ("fn", "do", "case", "if", "cond", "with", "for", "quote"):
                kind = "code blocks are"
            else:
                kind = "variables and function calls are"
            raise self.error(
                "unsupported", f"`{name}`: {kind} not supported (only literals)", start
            )
        if not char:
            raise self.error("syntax", "expected a value, found the end of the header")
        raise self.unexpected("a value")

    def _ident_continues(self, index: int) -> bool:
        return index < len(self.text) and self.text[index] in "(."

    # -- containers ---------------------------------------------------------------------------

    def parse_items(
        self, close: str, what: str, arrows: bool, opening: int | None = None
    ) -> list[tuple[str, Value, Value]]:
        """Items up to ``close``: ("value", v, None), ("kw", Atom, v) or ("pair", k, v)."""
        opening = self.pos if opening is None else opening
        self.pos += 1  # the opening bracket (after "%" for a map)
        items: list[tuple[str, Value, Value]] = []
        seen_keyword = False
        while True:
            self.skip_space()
            if self.peek() == close:
                self.pos += 1
                return items
            if not self.peek():
                raise self.error(
                    "unterminated", f"unterminated {what}: no closing `{close}`", opening
                )
            item_pos = self.pos
            key = self.try_keyword_key()
            if key is not None:
                self.skip_space()
                items.append(("kw", key, self.parse_value()))
                seen_keyword = True
            else:
                value = self.parse_value()
                self.skip_space()
                if self.startswith("=>"):
                    if not arrows:
                        raise self.error("syntax", f"`=>` is only allowed in maps, not in a {what}")
                    if seen_keyword:
                        raise self.error(
                            "syntax", "`key => value` pairs must come before `key: value` pairs"
                        )
                    self.pos += 2
                    self.skip_space()
                    items.append(("pair", value, self.parse_value()))
                else:
                    if arrows:
                        raise self.error("syntax", "expected `=>` or `key:` in a map", item_pos)
                    if seen_keyword:
                        raise self.error(
                            "syntax", f"keyword pairs must come last in a {what}", item_pos
                        )
                    items.append(("value", value, None))
            self.skip_space()
            if self.peek() == ",":
                self.pos += 1
                continue
            if self.peek() == close:
                continue
            if not self.peek():
                raise self.error(
                    "unterminated", f"unterminated {what}: no closing `{close}`", opening
                )
            raise self.unexpected(f"`,` or `{close}`")

    def try_keyword_key(self) -> Atom | None:
        """A ``name:`` or ``"quoted":`` keyword key (followed by whitespace), else None."""
        match = _IDENT.match(self.text, self.pos)
        if match and self._is_key_colon(match.end()):
            self.pos = match.end() + 1
            return Atom(match.group(0))
        char = self.peek()
        if char in ('"', "'") and not self.startswith(char * 3):
            start = self.pos
            name = self.parse_string(char)
            if self._is_key_colon(self.pos):
                self.pos += 1
                return Atom(name)
            self.pos = start
        return None

    def _is_key_colon(self, index: int) -> bool:
        text = self.text
        return text.startswith(":", index) and (
            index + 1 == len(text) or text[index + 1] in " \t\r\n"
        )

    def parse_map(self) -> EMap:
        start = self.pos
        self.pos += 1  # "%"; parse_items skips "{"
        pairs: list[tuple[Value, Value]] = []
        for _kind, key, value in self.parse_items("}", "map", arrows=True, opening=start):
            pairs.append((key, value))
        return EMap(tuple(pairs))

    def parse_list(self) -> EList:
        items: list[Value] = []
        for kind, first, second in self.parse_items("]", "list", arrows=False):
            items.append(ETuple((first, second)) if kind == "kw" else first)
        return EList(tuple(items))

    def parse_tuple(self) -> ETuple:
        items: list[Value] = []
        keywords: list[Value] = []
        for kind, first, second in self.parse_items("}", "tuple", arrows=False):
            if kind == "kw":
                keywords.append(ETuple((first, second)))
            else:
                items.append(first)
        if keywords:
            items.append(EList(tuple(keywords)))
        return ETuple(tuple(items))

    # -- atoms and numbers -------------------------------------------------------------------

    def parse_atom(self) -> Value:
        start = self.pos
        self.pos += 1
        char = self.peek()
        if char in ('"', "'"):
            name = self.parse_string(char)
        else:
            match = _IDENT.match(self.text, self.pos)
            if not match:
                raise self.error(
                    "unsupported", 'only `:name` and `:"quoted"` atoms are supported', start
                )
            name = match.group(0)
            self.pos = match.end()
        if name in _SPECIAL:
            return _SPECIAL[name]
        return Atom(name)

    def parse_number(self) -> int | float:
        start = self.pos
        match = _NUMBER.match(self.text, self.pos)
        if not match:
            raise self.error("syntax", "malformed number")
        self.pos = match.end()
        after = self.peek()
        if after and (after.isalnum() or after == "_"):
            raise self.error(
                "syntax", f"malformed number `{self.text[start : self.pos + 1]}`", start
            )
        literal = match.group(0).replace("_", "")
        if len(literal) > MAX_NUMBER_CHARS:
            raise self.error(
                "limit",
                f"a number of {len(literal):,} characters (limit {MAX_NUMBER_CHARS}); "
                "write it as a string",
                start,
            )
        sign = -1 if literal.startswith("-") else 1
        digits = literal.lstrip("-")
        for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
            if digits.startswith(prefix):
                return sign * int(digits[2:], base)
        if match.group("frac"):
            value = float(literal)
            if math.isinf(value):
                raise self.error("syntax", "float out of range", start)
            return value
        return int(literal)

    # -- strings ------------------------------------------------------------------------------

    def parse_string(self, quote: str) -> str:
        """``"..."``, ``'...'`` or a heredoc (``\"\"\"``/``'''``), escapes processed."""
        if self.startswith(quote * 3):
            return self.read_heredoc(quote * 3, escapes=True)
        start = self.pos
        self.pos += 1
        raw = self.read_raw(quote, start, "string")
        return self.unescape(raw, start + 1)

    def read_raw(self, close: str, start: int, what: str) -> str:
        """Text up to ``close`` (not included; ``self.pos`` moves past it).

        A backslash keeps the next character from closing the text; both stay in the result.
        """
        text = self.text
        index = self.pos
        while index < len(text):
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == close:
                raw = text[self.pos : index]
                self.pos = index + 1
                return raw
            index += 1
        raise self.error("unterminated", f"unterminated {what}: no closing `{close}`", start)

    def read_heredoc(self, delimiter: str, *, escapes: bool) -> str:
        start = self.pos
        self.pos += 3
        line_end = self.text.find("\n", self.pos)
        rest = self.text[self.pos : len(self.text) if line_end < 0 else line_end]
        if rest.strip():
            raise self.error(
                "syntax", f"a heredoc's opening `{delimiter}` must end its line", start
            )
        if line_end < 0:
            raise self.error(
                "unterminated", f"unterminated heredoc: no closing `{delimiter}`", start
            )
        content_start = line_end + 1
        index = content_start
        lines: list[tuple[int, str]] = []
        while True:
            end = self.text.find("\n", index)
            line = self.text[index : len(self.text) if end < 0 else end]
            stripped = line.lstrip(" \t")
            if stripped.startswith(delimiter):
                indent = len(line) - len(stripped)
                self.pos = index + indent + 3
                break
            lines.append((index, line[:-1] if line.endswith("\r") else line))
            if end < 0:
                raise self.error(
                    "unterminated", f"unterminated heredoc: no closing `{delimiter}`", start
                )
            index = end + 1
        joined = []
        for _, line in lines:
            cut = 0
            while cut < indent and cut < len(line) and line[cut] in " \t":
                cut += 1
            joined.append(line[cut:] + "\n")
        content = "".join(joined)
        # Escapes are processed after the indentation is stripped, as Elixir does; a
        # backslash at the end of a line then joins it with the next one.
        return self.unescape(content, content_start) if escapes else content

    def unescape(self, raw: str, origin: int) -> str:
        """Process escapes and refuse interpolation. ``origin`` locates ``raw`` for errors."""
        out: list[str] = []
        index = 0
        length = len(raw)
        while index < length:
            char = raw[index]
            if char == "#" and raw.startswith("#{", index):
                raise self.error(
                    "unsupported",
                    "string interpolation `#{...}` is not supported (it would run code)",
                    self._origin_pos(raw, origin, index),
                )
            if char == "\r" and raw.startswith("\r\n", index):
                index += 1
                continue
            if char != "\\":
                out.append(char)
                index += 1
                continue
            if index + 1 >= length:
                out.append("\\")
                index += 1
                continue
            code = raw[index + 1]
            index += 2
            if code in _ESCAPES:
                out.append(_ESCAPES[code])
            elif code == "\n":
                pass  # line continuation
            elif code == "\r" and raw.startswith("\n", index):
                index += 1
            elif code == "x":
                match = re.match(r"\{([0-9A-Fa-f]{1,2})\}|([0-9A-Fa-f]{1,2})", raw[index:])
                if not match:
                    raise self.error(
                        "syntax", "`\\x` needs hex digits", self._origin_pos(raw, origin, index - 2)
                    )
                value = int(match.group(1) or match.group(2), 16)
                if value > 0x7F:
                    raise self.error(
                        "syntax",
                        "`\\x` escapes above 7F make invalid UTF-8; use `\\u{...}`",
                        self._origin_pos(raw, origin, index - 2),
                    )
                out.append(chr(value))
                index += match.end()
            elif code == "u":
                match = re.match(r"\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{4})", raw[index:])
                if not match:
                    raise self.error(
                        "syntax",
                        "`\\u` needs four hex digits or `{hex}`",
                        self._origin_pos(raw, origin, index - 2),
                    )
                value = int(match.group(1) or match.group(2), 16)
                if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                    raise self.error(
                        "syntax",
                        f"`\\u` escape {value:X} is not a Unicode scalar value",
                        self._origin_pos(raw, origin, index - 2),
                    )
                out.append(chr(value))
                index += match.end()
            else:
                out.append(code)
        return "".join(out)

    def _origin_pos(self, raw: str, origin: int, index: int) -> int:
        # ``raw`` is a verbatim slice of the text for strings and sigils; for heredocs it
        # may have lost indentation, so fall back to the start when the slice differs.
        if self.text.startswith(raw[:index], origin):
            return origin + index
        return origin

    # -- sigils -------------------------------------------------------------------------------

    def parse_sigil(self) -> Value:
        start = self.pos
        letter = self.peek(1)
        if not letter.isalpha():
            raise self.unexpected("a value")
        self.pos += 2
        if letter not in "sSwWcCDNUT":
            raise self.error("unsupported", f"the sigil ~{letter} is not supported", start)
        opener = self.peek()
        if opener in ('"', "'") and self.startswith(opener * 3):
            raw = self.read_heredoc(opener * 3, escapes=False)
            origin = -1
        elif opener in _CLOSERS:
            self.pos += 1
            origin = self.pos
            raw = self.read_raw(_CLOSERS[opener], start, f"sigil ~{letter}")
        else:
            raise self.error("syntax", f"~{letter} must be followed by a delimiter", start)
        modifiers_match = re.compile(r"[a-zA-Z]*").match(self.text, self.pos)
        modifiers = modifiers_match.group(0) if modifiers_match else ""
        self.pos += len(modifiers)
        if letter.islower():
            text = self.unescape(raw, origin if origin >= 0 else start)
        else:
            text = raw
        if letter in "wW":
            if modifiers not in ("", "a", "s", "c"):
                raise self.error("syntax", f"~{letter} accepts one of the modifiers a, s, c", start)
            words = text.split()
            if modifiers == "a":
                return EList(tuple(_SPECIAL[w] if w in _SPECIAL else Atom(w) for w in words))
            if modifiers == "c":
                return EList(tuple(Charlist(w) for w in words))
            return EList(tuple(words))
        if modifiers:
            raise self.error("syntax", f"~{letter} takes no modifiers", start)
        if letter in "sS":
            return text
        if letter in "cC":
            return Charlist(text)
        return self.parse_calendar(letter, text, start)

    def parse_calendar(self, letter: str, text: str, start: int) -> Value:
        shown = f"~{letter}[{text}]"
        pattern = {"D": _SIGIL_D, "N": _SIGIL_N, "U": _SIGIL_U, "T": _SIGIL_T}[letter]
        match = pattern.fullmatch(text)
        if not match:
            raise self.error("date", f"invalid {shown}: not in ISO 8601 form", start)
        parts = match.groups()
        try:
            if letter == "D":
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            if letter == "T":
                return dt.time(*_time_parts(parts[0:4]))
            date = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            clock = dt.time(*_time_parts(parts[3:7]))
            value = dt.datetime.combine(date, clock)
            if letter == "U":
                offset = parts[7]
                if offset not in ("Z", "+00:00", "+0000", "-00:00", "-0000"):
                    raise ValueError("~U needs a UTC time (Z)")
                value = value.replace(tzinfo=dt.UTC)
            return value
        except ValueError as exc:
            raise self.error("date", f"invalid {shown}: {exc}", start) from None


def _time_parts(parts: tuple[str | None, ...]) -> tuple[int, int, int, int]:
    hour, minute, second, fraction = parts
    micro = int((fraction or "").ljust(6, "0")) if fraction else 0
    return int(hour or 0), int(minute or 0), int(second or 0), micro


# -- printing ---------------------------------------------------------------------------------


def to_elixir(value: Value) -> str:
    """Print ``value`` as Elixir source that :func:`parse_literal` reads back as ``value``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "nil"
    if isinstance(value, str):
        return _quote(value, '"')
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, Atom):
        if _is_plain_atom(value.name):
            return ":" + value.name
        return ":" + _quote(value.name, '"')
    if isinstance(value, Charlist):
        return _quote(value.text, "'")
    if isinstance(value, EList):
        if value.is_keyword() and all(_is_plain_atom(i.items[0].name) for i in value.items):  # type: ignore[union-attr]
            return "[" + ", ".join(_keyword(item) for item in value.items) + "]"
        return "[" + ", ".join(to_elixir(item) for item in value.items) + "]"
    if isinstance(value, ETuple):
        return "{" + ", ".join(to_elixir(item) for item in value.items) + "}"
    if isinstance(value, EMap):
        parts = []
        for key, item in value.pairs:
            parts.append(f"{to_elixir(key)} => {to_elixir(item)}")
        return "%{" + ", ".join(parts) + "}"
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            utc = value.astimezone(dt.UTC).replace(tzinfo=None)
            return f"~U[{utc.isoformat(sep=' ')}Z]"
        return f"~N[{value.isoformat(sep=' ')}]"
    if isinstance(value, dt.date):
        return f"~D[{value.isoformat()}]"
    if isinstance(value, dt.time):
        return f"~T[{value.isoformat()}]"
    raise TypeError(f"not an Elixir literal value: {value!r}")


def _keyword(item: Value) -> str:
    assert isinstance(item, ETuple) and isinstance(item.items[0], Atom)
    return f"{item.items[0].name}: {to_elixir(item.items[1])}"


def _is_plain_atom(name: str) -> bool:
    return bool(_IDENT.fullmatch(name)) and name not in _SPECIAL


def _float(value: float) -> str:
    if math.isinf(value) or math.isnan(value):
        raise ValueError("Elixir has no literal for inf or nan")
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent.lstrip("+") if exponent else "")


def _quote(text: str, quote: str) -> str:
    out = [quote]
    for index, char in enumerate(text):
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "#" and text.startswith("#{", index):
            out.append("\\#")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\x{ord(char):02X}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            raise ValueError("a lone surrogate is not text Elixir can hold")
        else:
            out.append(char)
    out.append(quote)
    return "".join(out)
