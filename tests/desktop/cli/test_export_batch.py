"""``infra-atlas export --from FIGURES.csv``: many figures in one run, every row checked first."""

import os

from PIL import Image

from desktop.cli.export_batch import workers
from desktop.cli.main import main
from tests.pdfmeasure import page_text


def write_csv(path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_three_rows_write_three_files(tmp_path, capsys):
    (tmp_path / "figs").mkdir()
    sheet = write_csv(
        tmp_path / "figures.csv",
        "province,out,metric,dpi,region,lang\n"
        "shanxi,figs/shanxi.png,,50,,\n"
        "浙江,figs/zhejiang.svg,plan_items,,,\n"
        "140000,taiyuan.pdf,,,140100,en\n",
        encoding="utf-8-sig",  # Excel's "CSV UTF-8" starts with a BOM
    )
    assert main(["export", "--from", sheet]) == 0
    out = capsys.readouterr().out.splitlines()
    written = [tmp_path / "figs" / "shanxi.png", tmp_path / "figs" / "zhejiang.svg"]
    assert out[:2] == [f"wrote {p}" for p in written]
    assert out[2] == f"wrote {tmp_path / 'taiyuan.pdf'} (region report of 140100)"
    with Image.open(written[0]) as image:
        assert image.size == (585, 413)  # A4 landscape at the row's 50 dpi
    assert "<path" in written[1].read_text(encoding="utf-8")
    assert "Taiyuan" in " ".join(page_text(tmp_path / "taiyuan.pdf"))


def test_every_bad_row_is_listed_by_line_and_nothing_is_written(tmp_path, capsys):
    (tmp_path / "kept.png").write_bytes(b"keep me")
    sheet = write_csv(
        tmp_path / "figures.csv",
        "province,out,page\n"
        "shanxi,good.png,A4\n"
        "atlantis,a.png,A4\n"
        "\n"
        "zhejiang,b.png,A5\n"
        "shanxi,kept.png,\n"
        "shanxi,good.png,A3\n",
    )
    assert main(["export", "--from", sheet]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("figures.csv line 3: unknown province 'atlantis'")
    assert err[1].startswith("figures.csv line 5: page 'A5' is not one of A4, A3")
    assert err[2].startswith("figures.csv line 6: ") and "add --force" in err[2]
    assert err[3].startswith("figures.csv line 7: ") and "also written by line 2" in err[3]
    assert err[4] == (
        "error: 4 of 5 rows of figures.csv have problems (line 3, 5, 6, 7): nothing was "
        "written; correct them and run again"
    )
    assert len(err) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.csv", "kept.png"]
    assert (tmp_path / "kept.png").read_bytes() == b"keep me"


def test_two_bad_rows_of_three(tmp_path, capsys):
    sheet = write_csv(
        tmp_path / "figures.csv",
        "province,out,metric,region\n"
        "shanxi,ok.png,,\n"
        "shanxi,x.png,corridor_km,\n"
        "zhejiang,y.pdf,,140100\n",
    )
    assert main(["export", "--from", sheet]) == 2
    err = capsys.readouterr().err
    assert "figures.csv line 3: unknown metric 'corridor_km' for this layer" in err
    assert "figures.csv line 4: region 140100 is not a city or county of province 330000" in err
    assert err.strip().splitlines()[-1].startswith("error: 2 of 3 rows")
    assert not (tmp_path / "ok.png").exists()


def test_gb18030_sheet_and_the_command_lines_options_as_defaults(tmp_path, capsys):
    sheet = write_csv(
        tmp_path / "图表.csv",
        "province,out,dpi\n山西,山西.png,\n浙江省,浙江.png,60\n",
        encoding="gb18030",
    )
    assert main(["export", "--from", sheet, "--dpi", "50", "--orientation", "portrait"]) == 0
    with Image.open(tmp_path / "山西.png") as image:
        assert image.size == (413, 585)  # the command line's 50 dpi, portrait
    with Image.open(tmp_path / "浙江.png") as image:
        assert image.size == (496, 702)  # the row's 60 dpi: 210 x 297 mm
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_row_that_fails_while_writing_does_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "folder.png").mkdir()  # exists, so --force lets it through the check
    sheet = write_csv(
        tmp_path / "figures.csv",
        "province,out,dpi\nshanxi,folder.png,50\nzhejiang,zj.png,50\n",
    )
    assert main(["export", "--from", sheet, "--force"]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == f"wrote {tmp_path / 'zj.png'}"
    err = captured.err.strip().splitlines()
    assert err[0].startswith(f"figures.csv line 2: {tmp_path / 'folder.png'} was not written")
    assert err[-1] == (
        "error: 1 of 2 rows of figures.csv failed (line 2); the other files were written"
    )
    assert (tmp_path / "zj.png").is_file()


def test_sheet_problems_and_option_conflicts_are_one_error_line(tmp_path, capsys):
    def error(args) -> str:
        assert main(["export", *args]) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), lines
        return lines[0]

    bad = write_csv(tmp_path / "bad.csv", "province,out,colour\nshanxi,a.png,red\n")
    assert "line 1: unknown column 'colour'" in error(["--from", bad])
    empty = write_csv(tmp_path / "empty.csv", "province,out\n")
    assert "has no rows" in error(["--from", empty])
    headless = write_csv(tmp_path / "headless.csv", "shanxi,a.png\n")
    assert "line 1: no column province, out" in error(["--from", headless])
    missing = str(tmp_path / "missing.csv")
    assert "cannot read" in error(["--from", missing])
    both = ["--from", bad, "--out", str(tmp_path / "a.png")]
    assert "not allowed with argument" in error(both)
    assert "--province and --region are columns" in error(["--from", bad, "--province", "shanxi"])
    assert "one of the arguments --out --from is required" in error(["--province", "shanxi"])


def test_from_four_rows_the_figures_are_written_by_worker_processes(tmp_path, capsys):
    assert workers(3) == 1  # a few rows: this process
    assert workers(8) == min(len(os.sched_getaffinity(0)), 4)
    rows = "".join(f"{p},{p}-{i}.png,50\n" for i, p in enumerate(["shanxi", "zhejiang"] * 2))
    (tmp_path / "zhejiang-3.png").mkdir()  # exists, so --force lets it through the check
    sheet = write_csv(tmp_path / "figures.csv", "province,out,dpi\n" + rows)
    assert main(["export", "--from", sheet, "--force"]) == 1
    captured = capsys.readouterr()
    expected = [tmp_path / f"{p}-{i}.png" for i, p in enumerate(["shanxi", "zhejiang", "shanxi"])]
    assert captured.out.splitlines() == [f"wrote {p}" for p in expected]  # in the rows' order
    for path in expected:
        with Image.open(path) as image:
            assert image.size == (585, 413)
    assert captured.err.startswith(f"figures.csv line 5: {tmp_path / 'zhejiang-3.png'} was not")
