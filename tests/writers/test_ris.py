"""The RIS writer, checked by reading its output back."""

from __future__ import annotations

import myobib
from myobib import Bibliography, Date, Name, Reference
from myobib.readers import ris as reader
from myobib.writers import ris as writer

# The model fields RIS has a tag for.
CARRIED = ("type", "id", "title", "author", "et_al", "editor", "container_title", "container_title_short", "issued",
           "accessed", "volume", "issue", "page", "number", "DOI", "PMID", "PMCID", "URL", "ISSN", "ISBN", "publisher",
           "publisher_place", "edition", "collection_title", "genre", "event_title", "language", "note")  # fmt: skip


def carried(ref: Reference) -> dict[str, object]:
    return {name: getattr(ref, name) for name in CARRIED}


def full_reference(**changes) -> Reference:
    ref = Reference(
        id="lundberg2017",
        title="2017 EULAR/ACR classification criteria",
        author=(Name(family="Lundberg", given="IE"), Name(family="van der Berg", given="J", suffix="Jr"),
                Name(literal="International Myositis Group")),
        container_title="Arthritis & Rheumatology",
        container_title_short="Arthritis Rheumatol",
        issued=Date(2017, 12, 5),
        volume="69",
        issue="12 Suppl 2",
        page="2271-2282",
        number="e123",
        DOI="10.1002/art.40320",
        PMID="29106061",
        PMCID="PMC5846474",
        URL="https://example.org/a?b=1&c=%20",
        ISSN="2326-5191",
        publisher="Wiley",
        note="Epub 2017 Oct 27\nErratum in: Arthritis Rheumatol. 2018",
        language="eng",
        editor=(Name("Engel", "AG"),),
        extra={"abstract": "Background.", "keyword": "myositis, criteria"},
    )  # fmt: skip
    return ref.replace(**changes)


def test_round_trip_keeps_every_field_ris_carries():
    bib = Bibliography([full_reference()])
    back = reader.loads(writer.dumps(bib), "back.ris")
    assert carried(back[0]) == carried(bib[0])
    assert back[0].supplement == "2"
    for key in ("abstract", "keyword"):
        assert back[0].extra[key] == bib[0].extra[key]
    assert (back[0].language, back[0].editor) == (bib[0].language, bib[0].editor)


def test_record_shape():
    text = writer.dumps(Bibliography([full_reference()]))
    lines = text.splitlines()
    assert lines[0] == "TY  - JOUR" and lines[-2] == "ER  - " and lines[-1] == ""
    assert "AU  - Lundberg, I. E." in lines and "AU  - van der Berg, J., Jr" in lines
    assert "AU  - International Myositis Group" in lines
    assert ["SP  - 2271", "EP  - 2282"] == [line for line in lines if line[:2] in ("SP", "EP")]
    assert "DA  - 2017/12/05/" in lines and "PY  - 2017/12/05/" in lines
    assert ["T2  - Arthritis & Rheumatology", "J2  - Arthritis Rheumatol", "JO  - Arthritis Rheumatol"] == [
        line for line in lines if line[:2] in ("T2", "J2", "JO")
    ]
    assert [line for line in lines if line.startswith("N1")] == ["N1  - Epub 2017 Oct 27",
                                                                 "N1  - Erratum in: Arthritis Rheumatol. 2018"]


def test_dates_seasons_and_literals_round_trip():
    for issued in (Date(2007, literal="2007 Spring"), Date(literal="in press"), Date(2016, 11, literal="2016 Nov-Dec"),
                   Date(2019)):
        back = reader.loads(writer.dumps(Bibliography([Reference(title="T", issued=issued)])))
        assert back[0].issued == issued


def test_types_round_trip():
    for csl_type in ("article-journal", "book", "chapter", "paper-conference", "report", "thesis", "webpage"):
        back = reader.loads(writer.dumps(Bibliography([Reference(title="T", type=csl_type)])))
        assert back[0].type == csl_type


def test_unknown_ris_tags_are_written_back():
    source = "TY  - JOUR\nTI  - T\nM3  - Review\nY2  - 2020/01/01\nER  - \n"
    again = writer.dumps(reader.loads(source))
    assert "M3  - Review" in again and "Y2  - 2020/01/01" in again


def test_values_stay_on_one_line():
    ref = Reference(title="A title\nwith a break", note=None)
    text = writer.dumps(Bibliography([ref]))
    assert "TI  - A title with a break" in text
    assert reader.loads(text)[0].title == "A title with a break"


def test_seed_round_trips(seed_path):
    seed = myobib.load(seed_path)
    back = reader.loads(writer.dumps(seed))
    assert [carried(ref) for ref in back] == [carried(ref) for ref in seed]


def test_write_is_atomic_and_readable(tmp_path):
    path = writer.write(Bibliography([full_reference()]), tmp_path / "out" / "refs.ris")
    assert reader.read(path)[0].DOI == "10.1002/art.40320"
    assert [p.name for p in path.parent.iterdir()] == ["refs.ris"]


def test_a_cut_list_ends_with_et_al_and_reads_back_as_the_flag():
    ref = full_reference(et_al=True)
    lines = writer.dumps(Bibliography([ref])).splitlines()
    authors = [line for line in lines if line.startswith("AU")]
    assert authors[-1] == "AU  - et al." and len(authors) == len(ref.author) + 1
    back = reader.loads("\n".join(lines))[0]
    assert back.et_al and back.author == ref.author


def test_each_kind_round_trips_with_its_own_fields():
    kinds = {
        "book": dict(editor=(Name("Dumitru", "D"),), edition="2", publisher="Hanley & Belfus",
                     publisher_place="Philadelphia", ISBN="978-1-56053-433-4", collection_title="Series"),
        "chapter": dict(container_title="Electrodiagnostic medicine", editor=(Name("Amato", "AA"),), page="257-291",
                        publisher="Hanley & Belfus", publisher_place="Philadelphia", edition="2"),
        "report": dict(author=(Name(literal="World Health Organization"),), publisher="WHO", publisher_place="Geneva",
                       number="WHO/CDS/2002.1", genre="Technical report"),
        "webpage": dict(container_title="Myositis Association", URL="https://ex.org/a", accessed=Date(2025, 4, 10)),
        "thesis": dict(publisher="Universidade de São Paulo", genre="PhD thesis", publisher_place="São Paulo"),
        "paper-conference": dict(container_title="Proceedings", event_title="EULAR 2019", page="12-13"),
    }  # fmt: skip
    for kind, fields in kinds.items():
        ref = Reference(id="k", type=kind, title="T", issued=Date(2002), **fields)
        text = writer.dumps(Bibliography([ref]))
        assert text.startswith(f"TY  - {writer.TYPE_TO_RIS[kind]}\n")
        assert carried(reader.loads(text)[0]) == carried(ref), kind
    assert [writer.TYPE_TO_RIS[k] for k in kinds] == ["BOOK", "CHAP", "RPRT", "ELEC", "THES", "CPAPER"]
    assert reader.loads("TY  - GOVDOC\nTI  - T\nER  - \n")[0].type == "report"
    assert reader.loads("TY  - CONF\nTI  - T\nER  - \n")[0].type == "paper-conference"
