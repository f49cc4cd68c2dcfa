"""A shared workspace's failures in Chinese for the window, English for the command line.

Real server (marked ``postgis``): a newer schema, a database without one, a read-only role.
"""

from __future__ import annotations

import pytest

from geodata.messages import message
from geodata.postgis.connection import ReadOnlyWorkspace, connect
from geodata.postgis.schema import SCHEMA_VERSION, SchemaMismatch, check_schema

pytestmark = pytest.mark.postgis
SHOWN = "dbname=atlas{x}%s<b>"


def test_a_newer_schema_is_said_in_chinese(newer_schema):
    with connect(newer_schema) as conn:
        with pytest.raises(SchemaMismatch) as caught:
            check_schema(conn, SHOWN)
    assert str(caught.value) == (
        f"the workspace {SHOWN} has schema version {SCHEMA_VERSION + 1}, newer than this Infra "
        f"Atlas reads ({SCHEMA_VERSION}): update Infra Atlas to use it"
    )
    assert message(caught.value, "zh") == (
        f"工作空间 {SHOWN} 的结构版本为 {SCHEMA_VERSION + 1}，比本版 Infra Atlas 能读取的版本"
        f"（{SCHEMA_VERSION}）更新：请更新 Infra Atlas 后再使用"
    )


def test_a_database_without_a_workspace_is_said_in_chinese(pg_database):
    with connect(pg_database) as conn, pytest.raises(SchemaMismatch) as caught:
        check_schema(conn, SHOWN)
    assert message(caught.value, "zh") == (
        f"数据库 {SHOWN} 中还没有 Infra Atlas 工作空间：请用 infra-atlas workspace --connect "
        f"'{SHOWN}' --init 创建"
    )


def test_a_read_only_role_is_said_in_chinese(pg_workspace, tmp_path, monkeypatch):
    from psycopg import conninfo

    from geodata.boundaries.pgstore import PostgisBoundaryStore
    from geodata.postgis.config import shown_dsn

    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    with connect(pg_workspace, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS atlas_i18n_reader")
        admin.execute("CREATE ROLE atlas_i18n_reader LOGIN")
        admin.execute("GRANT USAGE ON SCHEMA infra_atlas TO atlas_i18n_reader")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA infra_atlas TO atlas_i18n_reader")
    dsn = conninfo.make_conninfo(pg_workspace, user="atlas_i18n_reader")
    with pytest.raises(ReadOnlyWorkspace) as caught:
        PostgisBoundaryStore(dsn).activate(0)
    assert str(caught.value).startswith("could not restore the bundled boundaries: your database")
    assert message(caught.value, "zh") == (
        f"无法恢复内置边界：您的数据库角色对工作空间 {shown_dsn(dsn)} 只有读取权限；"
        "请向其管理员申请写入权限（浏览和导出仍可使用）"
    )
