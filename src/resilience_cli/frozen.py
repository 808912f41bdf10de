"""Pure: small read-only values, as a frozen dataclass gives, without its start-up cost.

Creating a dataclass writes and compiles its methods as it is defined: 0.5 to
2 ms each, and the check-in imported about 30 of them before it could say
"Saved". A subclass of `Frozen` lists its fields as annotations, as a
dataclass does; defining one costs next to nothing. It gives what the values
on the check-in's path use: construction by position or keyword, defaults
(`Fresh(list)` for a new list each time), comparison and hashing by value,
a readable repr, `.replace(...)` for a changed copy, and no assignment
after construction. Types that are turned into rows with `asdict`, or are
copied with `dataclasses.replace` in many places, stay dataclasses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar


class Fresh:
    """A default made anew for each value (a dataclass's `default_factory`)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


class Frozen:
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The annotations in order (they are strings here: nothing is evaluated).
        names = tuple(n for n in cls.__dict__.get("__annotations__", {}) if not n.startswith("_"))
        cls._fields = (*cls._fields, *names)
        cls._defaults = {**cls._defaults, **{n: cls.__dict__[n] for n in names if n in cls.__dict__}}
        for name, default in cls._defaults.items():
            # dataclasses.field(...) means nothing here: say so at once, not with a wrong value later.
            if type(default).__module__ == "dataclasses":
                raise TypeError(f"{cls.__name__}.{name}: use Fresh(...) for a default made anew, not field()")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} values, not {len(args)}")
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in fields or name in values:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated {name!r}")
            values[name] = value
        for name in fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__} needs {name!r}")
                default = self._defaults[name]
                values[name] = default.make() if isinstance(default, Fresh) else default
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name}")

    def replace(self, **changes: Any) -> Any:
        """A copy with some values changed (what `dataclasses.replace` does)."""
        return type(self)(**{**self.__dict__, **changes})

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[n] for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={self.__dict__[n]!r}' for n in self._fields)})"
