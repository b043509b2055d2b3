"""The data model: drafts sealed into frozen instances."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from myobib.model import (
    Date,
    Name,
    NameDraft,
    Occurrence,
    OccurrenceDraft,
    Reference,
    ReferenceDraft,
    sealed,
)

PAIRS = [(Name, NameDraft), (Occurrence, OccurrenceDraft), (Reference, ReferenceDraft)]


@pytest.mark.parametrize(("frozen", "draft"), PAIRS)
def test_a_draft_has_the_fields_and_defaults_of_its_frozen_class(frozen, draft):
    def shape(cls):
        return [(f.name, f.default, f.default_factory) for f in dataclasses.fields(cls)]

    assert shape(draft) == shape(frozen)
    assert draft.__slots__ == frozen.__slots__


def _reference(build):
    where = ("seed.txt", 3, 5, "text", 1)
    occurrence = sealed(OccurrenceDraft(*where)) if build else Occurrence(*where)
    name = sealed(NameDraft("Lundberg", "IE")) if build else Name("Lundberg", "IE")
    fields = dict(title="A title", author=(name,), issued=Date(2017, 5), volume="76", provenance=(occurrence,))
    return sealed(ReferenceDraft(**fields)) if build else Reference(**fields)


def test_a_sealed_reference_is_an_ordinary_frozen_reference():
    built, plain = _reference(True), _reference(False)
    assert type(built) is Reference and type(built.author[0]) is Name and type(built.provenance[0]) is Occurrence
    assert built == plain and built.to_csl() == plain.to_csl()
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.title = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.author[0].family = "changed"
    assert hash(built.author[0]) == hash(plain.author[0])
    assert hash(built.provenance[0]) == hash(plain.provenance[0])
    assert pickle.loads(pickle.dumps(built)) == plain
    assert copy.copy(built) == plain and copy.deepcopy(built) == plain
    assert built.replace(title="Other").title == "Other" and built.title == "A title"


def test_sealed_references_do_not_share_default_mutables():
    first, second = sealed(ReferenceDraft()), sealed(ReferenceDraft())
    assert first.extra == {} and first.extra is not second.extra
