"""The `luoshi` command as an operator meets it: real processes, a real data directory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from luoshi.data import demo_path

LUOSHI = [sys.executable, "-m", "luoshi"]


def run(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LUOSHI_DATA": str(data)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([*LUOSHI, *args], env=env, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"luoshi {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def data(tmp_path: Path) -> Path:
    if os.environ.get("DATABASE_URL"):
        pytest.skip("the CLI tests use the embedded default database")
    return tmp_path / "data"


def test_init_is_idempotent_and_creates_wal_sqlite(data: Path) -> None:
    first = run(data, "init")
    assert "database ready" in first.stdout
    run(data, "init")
    assert (data / "luoshi.sqlite3").exists()
    assert (data / "secret_key").stat().st_mode & 0o077 == 0
    import sqlite3

    mode = sqlite3.connect(data / "luoshi.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_org_import_createuser_and_audit(data: Path) -> None:
    run(data, "init", "-q")
    out = run(data, "org", "import", str(demo_path("units.csv"))).stdout
    assert "新增 11 个单位" in out
    again = run(data, "org", "import", str(demo_path("units.csv"))).stdout
    assert "新增 0 个单位" in again and "未变 11 个" in again
    run(
        data,
        "createuser",
        "li",
        "--name",
        "李联络",
        "--unit",
        "县发改局",
        "--role",
        "liaison",
        "--password",
        "x",
    )
    bad = run(data, "createuser", "wang", "--unit", "不存在的局", "--role", "liaison", check=False)
    assert bad.returncode != 0 and "unknown unit" in bad.stderr and "Traceback" not in bad.stderr
    assert "chain intact" in run(data, "audit", "verify").stdout


def test_org_import_refuses_a_bad_list_whole(data: Path, tmp_path: Path) -> None:
    run(data, "init", "-q")
    bad = tmp_path / "units.csv"
    bad.write_text("单位名称,上级单位,类型\n甲局,不存在的上级,部门\n乙局,,部门\n", encoding="utf-8")
    result = run(data, "org", "import", str(bad), check=False)
    assert result.returncode != 0
    assert "不存在的上级" in result.stderr and "Traceback" not in result.stderr
    dry = run(data, "org", "import", str(demo_path("units.csv")), "--dry-run").stdout
    assert "试运行" in dry and "新增 11 个单位" in dry
    assert (
        "新增 11 个单位" in run(data, "org", "import", str(demo_path("units.csv"))).stdout
    )  # dry run wrote nothing
    missing = run(data, "org", "import", str(tmp_path / "nope.xlsx"), check=False)
    assert missing.returncode != 0 and "文件不存在" in missing.stderr and "Traceback" not in missing.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_answers_with_admin_and_static_files(data: Path) -> None:
    run(data, "init", "-q")
    port = free_port()
    env = {**os.environ, "LUOSHI_DATA": str(data)}
    server = subprocess.Popen(
        [*LUOSHI, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{base}/admin/login/", timeout=10) as login:
                    assert login.status == 200
                    assert "csrfmiddlewaretoken" in login.read().decode()
                break
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.1)
        else:
            raise AssertionError("server did not answer")
        with urllib.request.urlopen(f"{base}/static/admin/css/base.css", timeout=10) as css:
            assert css.status == 200
            assert len(css.read()) > 1000
    finally:
        server.terminate()
        server.wait(timeout=10)
