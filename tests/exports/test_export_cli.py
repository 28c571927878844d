"""``dispatch-console export …`` for scheduled runs: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli.export_cmd import main
from tests.exports.conftest import Scripted


def url(s: Scripted) -> str:
    return s.ctx.db.url


def test_export_handover_by_shift_start(scripted: Scripted, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.xlsx"
    code = main(["--db", url(scripted), "export", "handover", "--shift", "2026-11-24T08:00", "--out", str(out),
                 "--as", "sup.wang"])
    assert code == 0, capsys.readouterr().err
    assert out.exists() and "SHA-256" in capsys.readouterr().out


def test_export_report(scripted: Scripted, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["--db", url(scripted), "export", "report", "--from", "2026-11-23", "--to", "2026-11-24",
                 "--by", "category", "--out", str(out)]) == 0
    assert out.exists()


@pytest.mark.parametrize(("argv", "message"), [
    (["handover", "--shift", "2026-11-24T08:30"], "不是班次起点"),
    (["handover", "--shift", "tomorrow"], "时间格式"),
    (["handover", "--shift", "2026-11-24T08:00", "--as", "nobody"], "不存在"),
    (["report", "--from", "2026-11-24", "--to", "2026-11-01", "--by", "unit"], "早于"),
    (["report", "--from", "2026/11/01", "--to", "2026-11-02", "--by", "unit"], "YYYY-MM-DD"),
    (["report", "--from", "2026-11-01", "--by", "unit"], "同时给出"),
    (["report", "--by", "unit"], "--period"),
])
def test_bad_input_exits_2_with_a_message(scripted: Scripted, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          argv: list[str], message: str) -> None:
    out = tmp_path / "x.xlsx"
    code = main(["--db", url(scripted), "export", *argv, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not out.exists()


def test_output_must_be_xlsx(scripted: Scripted, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url(scripted), "export", "handover", "--out", str(tmp_path / "h.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
