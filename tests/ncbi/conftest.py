"""Fixtures of the NCBI tests: the stand-in (limits off unless a test turns them on), a client on it, fake time."""

from __future__ import annotations

import pytest

from myobib.ncbi.client import Ncbi
from tests.crossref.test_client import FakeTime
from tests.ncbi_server import NcbiStandIn


@pytest.fixture(scope="module")
def standin():
    with NcbiStandIn(enforce=False) as server:
        yield server


@pytest.fixture
def server(standin):
    standin.clear()
    return standin


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def make_client(server, fake_time):
    """Clients on the stand-in that never really wait (their sleeps go to `fake_time`)."""
    made = []

    def make(**options):
        options = {
            "base_url": server.url,
            "cache": False,
            "sleep": fake_time.sleep,
            "clock": fake_time.clock,
            "mailto": "tests@example.org",
            **options,
        }
        client = Ncbi(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
