"""Pausing Python's cycle collector while bulk-building acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector (references, names and tuples form no cycles); restore it after.

    What was built is then handed to the oldest generation at once (`gc.freeze()` then `gc.unfreeze()`,
    two list splices), so the first young collection after the pause does not walk every object built
    in it: on a long page that walk took a tenth of the parse. Skipped when the program froze objects
    itself, as that would unfreeze them. Cyclic garbage moved along is still found by a full collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
