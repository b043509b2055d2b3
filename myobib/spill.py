"""Large lists on disk: `SpilledReferences`, a sequence of references kept in a temporary file.

A reader that has gathered more than `SPILL_AFTER` references moves them here, so a
200 MB export does not become gigabytes of Python objects: only each record's place in
the file and its citation key stay in memory. Dedupe, key assignment and the writers
take references one at a time from it, and derive new sequences that share the file.
The file is private to the process and removed when the last sequence using it is.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import io
import operator
import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from .model import Date, Name, Occurrence, Reference, new_keys

__all__ = ["SPILL_AFTER", "References", "SpilledReferences", "concat", "gather", "rebuild"]

SPILL_AFTER = 5_000
_FLUSH_BYTES = 1 << 20


def _dispatch_table() -> dict[type, Any]:
    """Pickle the model's classes as (class, field values): several times faster than the dataclass
    `__getstate__` that slotted frozen dataclasses get."""
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for cls in (Reference, Name, Date, Occurrence):
        values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
        table[cls] = functools.partial(_reduce, cls, values)
    return table


def _reduce(cls: type, values: Callable[[Any], tuple[Any, ...]], obj: Any) -> tuple[type, tuple[Any, ...]]:
    return cls, values(obj)


_DISPATCH = _dispatch_table()


class _SpillFile:
    """An append-only temporary file of pickled references, written through a small buffer."""

    def __init__(self) -> None:
        self._handle = tempfile.TemporaryFile(prefix="myobib-", suffix=".spill")
        self._pending = bytearray()
        self._flushed = 0
        self._buffer = io.BytesIO()
        self._pickler = pickle.Pickler(self._buffer, pickle.HIGHEST_PROTOCOL)
        self._pickler.dispatch_table = _DISPATCH

    def encode(self, ref: Reference) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._pickler.clear_memo()
        self._pickler.dump(ref)
        return self._buffer.getvalue()

    def append(self, data: bytes) -> int:
        offset = self._flushed + len(self._pending)
        self._pending += data
        if len(self._pending) >= _FLUSH_BYTES:
            self._flush()
        return offset

    def read(self, offset: int, length: int) -> bytes:
        if offset + length > self._flushed:
            self._flush()
        return os.pread(self._handle.fileno(), length, offset)

    def _flush(self) -> None:
        self._handle.write(self._pending)
        self._handle.flush()
        self._flushed += len(self._pending)
        self._pending.clear()


class SpilledReferences(Sequence[Reference]):
    """References in a temporary file; indexing and iterating load them one at a time."""

    def __init__(self, references: Iterable[Reference] = (), *, _file: _SpillFile | None = None) -> None:
        self._file = _file or _SpillFile()
        self._offsets = array("q")
        self._lengths = array("q")
        self.ids: list[str] = []  # each reference's citation key, readable without loading it
        for ref in references:
            self.append(ref)

    def append(self, ref: Reference) -> None:
        data = self._file.encode(ref)
        self._offsets.append(self._file.append(data))
        self._lengths.append(len(data))
        self.ids.append(ref.id)

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Reference: ...
    @overload
    def __getitem__(self, index: slice) -> SpilledReferences: ...
    def __getitem__(self, index: int | slice) -> Reference | SpilledReferences:
        if isinstance(index, slice):
            return self.derive(range(len(self))[index])
        return pickle.loads(self._file.read(self._offsets[index], self._lengths[index]))

    def __iter__(self) -> Iterator[Reference]:
        for index in range(len(self)):
            yield self[index]

    def token(self, index: int) -> int:
        """A number naming the stored record at `index`, the same in every sequence derived from this one."""
        return self._offsets[index]

    def keyed(self) -> SpilledReferences:
        """These references with unique citation keys, as `myobib.model.assign_keys` gives them."""
        changed = new_keys(self.ids, self.__getitem__)
        if not changed:
            return self
        items = (self[index].replace(id=changed[index]) if index in changed else index for index in range(len(self)))
        return self.derive(items)

    def derive(self, items: Iterable[int | Reference]) -> SpilledReferences:
        """A new sequence on the same file: an int takes this sequence's record at that index, a
        `Reference` is stored anew."""
        derived = SpilledReferences(_file=self._file)
        for item in items:
            if isinstance(item, Reference):
                derived.append(item)
            else:
                derived._offsets.append(self._offsets[item])
                derived._lengths.append(self._lengths[item])
                derived.ids.append(self.ids[item])
        return derived


References = list[Reference] | SpilledReferences


def gather(references: Iterable[Reference], spill_after: int | None = None) -> References:
    """The references as a list, or on disk once there are more than `spill_after` (default `SPILL_AFTER`)."""
    limit = SPILL_AFTER if spill_after is None else spill_after
    found: list[Reference] = []
    remaining = iter(references)
    for ref in remaining:
        found.append(ref)
        if len(found) > limit:
            return _spill_rest(found, remaining)
    return found


def _spill_rest(found: list[Reference], rest: Iterable[Reference]) -> SpilledReferences:
    spilled = SpilledReferences(found)
    found.clear()
    for ref in rest:
        spilled.append(ref)
    return spilled


def rebuild(references: References, items: Iterable[int | Reference]) -> References:
    """`items` (an index into `references`, or a new reference) as a sequence of the same kind."""
    if isinstance(references, SpilledReferences):
        return references.derive(items)
    return [item if isinstance(item, Reference) else references[item] for item in items]


def concat(parts: Sequence[References]) -> References:
    """The parts one after another: a list when they all are lists, else on disk."""
    if all(isinstance(part, list) for part in parts):
        return [ref for part in parts for ref in part]
    first = next(part for part in parts if isinstance(part, SpilledReferences))
    joined = SpilledReferences(_file=first._file)
    for part in parts:
        if isinstance(part, SpilledReferences) and part._file is first._file:
            joined._offsets.extend(part._offsets)
            joined._lengths.extend(part._lengths)
            joined.ids.extend(part.ids)
        else:
            for ref in part:
                joined.append(ref)
    return joined
