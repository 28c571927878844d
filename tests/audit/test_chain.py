"""The payload rendering is unambiguous and the chain helpers agree with one another."""

from __future__ import annotations

from datetime import UTC, datetime

from console.audit.chain import GENESIS_HASH, NULL, epoch_micros, extend, field, link, payload, payload_tail


def test_fields_escape_separators_and_mark_null_unambiguously() -> None:
    assert field(None) == NULL == "\\N"
    assert field("\\N") == "\\\\N"          # the text "\N" is not NULL
    assert field("a|b") == "a\\|b" and field("a\\b") == "a\\\\b"
    assert field(0) == "0" and field("") == ""
    tails = {payload_tail(v) for v in (
        (1, 0, None, "a|b", "c", "x", None, None, "", "{}", None),
        (1, 0, None, "a", "b|c", "x", None, None, "", "{}", None),
        (1, 0, None, "a", "b", "x", "", None, "", "{}", None),
        (1, 0, None, "a", "b", "x", None, None, "\\N", "{}", None),
        (1, 0, None, "a", "b", "x", None, None, "", "{}", "\\N"))}
    assert len(tails) == 5


def test_extend_equals_linking_payloads_one_by_one() -> None:
    tails = [payload_tail((7, n, None, "王|分拨", "dispatcher", "note", None, None, "r\\", '{"a":1}', None))
             for n in range(3)]
    previous, expected = GENESIS_HASH, []
    for seq, (event_id, tail) in enumerate(zip((10, 11, 12), tails, strict=True), start=5):
        previous = link(previous, payload(seq, event_id, tail))
        expected.append((event_id, seq, previous))
    assert extend(4, GENESIS_HASH, 10, tails) == expected
    assert len(expected[-1][2]) == 64


def test_times_become_epoch_microseconds_from_every_rendering() -> None:
    aware = datetime(2026, 11, 24, 1, 0, 0, 123456, tzinfo=UTC)
    micros = int(aware.timestamp()) * 1_000_000 + 123456
    assert epoch_micros(aware) == epoch_micros("2026-11-24 01:00:00.123456") == epoch_micros(micros) == micros
    assert epoch_micros("2026-11-24 01:00:00") == micros - 123456
