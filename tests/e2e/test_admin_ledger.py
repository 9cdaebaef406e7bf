"""A person signs in to the admin in a real browser and sees exactly the tasks they may see."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.testing import Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.click("input[type=submit]")


def test_office_sees_every_task_and_liaison_only_their_own(live_server: Any, page: Any, cast: Cast) -> None:
    cast.task("发改委的任务", unit=cast.ndrc)
    cast.task("农业局的任务", unit=cast.agri)

    sign_in(page, live_server.url, "olga")
    page.goto(f"{live_server.url}/admin/ledger/task/")
    body = page.inner_text("#result_list")
    assert "发改委的任务" in body and "农业局的任务" in body
    page.click("#logout-form button")

    sign_in(page, live_server.url, "carol")
    page.goto(f"{live_server.url}/admin/ledger/task/")
    body = page.inner_text("#result_list")
    assert "农业局的任务" in body and "发改委的任务" not in body
    # The task of another unit does not open by URL either.
    other = cast.ndrc.lead_tasks.get().pk
    response = page.goto(f"{live_server.url}/admin/ledger/task/{other}/change/")
    assert response.status != 200 or "发改委的任务" not in page.content()
