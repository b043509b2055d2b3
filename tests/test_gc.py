import gc
import weakref

import pytest

from myobib._gc import gc_paused


class Node:
    """A tracked object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def collector():
    """The cycle collector as the tests find it, restored after each."""
    enabled = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if not enabled:
        gc.disable()


def test_the_collector_is_paused_inside_and_restored_after(collector):
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_what_was_built_is_not_left_for_a_young_collection(collector):
    gc.collect()
    with gc_paused():
        built = [Node() for _ in range(50_000)]
    young = gc.get_objects(generation=0)
    assert gc.get_count()[0] < 1_000
    assert not any(obj is built[0] for obj in young)
    assert any(obj is built[0] for obj in gc.get_objects(generation=2))


def test_cyclic_garbage_built_in_the_pause_is_still_collected(collector):
    with gc_paused():
        first, second = Node(), Node()
        first.other, second.other = second, first
        watch = weakref.ref(first)
        del first, second
    assert watch() is not None  # a cycle: only the collector frees it
    gc.collect()
    assert watch() is None


def test_objects_the_program_froze_stay_frozen(collector):
    gc.freeze()
    frozen = gc.get_freeze_count()
    with gc_paused():
        Node()
    assert gc.get_freeze_count() == frozen
