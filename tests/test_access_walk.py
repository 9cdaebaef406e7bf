"""Every page for every role: who gets in, who is sent to sign in, who is refused.

Columns: anonymous, oscar (outsider), carol (农业局 liaison), alice (发改委 liaison), leo (leader
of 发改委), olga (supervision office).
"""

from __future__ import annotations

import pytest
from django.test import Client

from luoshi.ledger.models import Task
from luoshi.testing import Cast

ROLES = [None, "oscar", "carol", "alice", "leo", "olga"]

# 302: to the sign-in page; 403: refused; 200: shown. A task a person may not see is 302 back to
# the admin index with "doesn't exist" (Django admin's answer), never its content.
PAGES = {
    "task list": ("/admin/ledger/task/", [302, 200, 200, 200, 200, 200]),
    "ndrc task": ("/admin/ledger/task/{ndrc}/change/", [302, 302, 302, 200, 200, 200]),
    "agri task": ("/admin/ledger/task/{agri}/change/", [302, 302, 200, 302, 302, 200]),
    "event log": ("/admin/audit/event/", [302, 403, 403, 403, 403, 200]),
    "units": ("/admin/org/unit/", [302, 403, 403, 403, 403, 200]),
    "people": ("/admin/org/person/", [302, 403, 403, 403, 403, 200]),
    "add unit": ("/admin/org/unit/add/", [302, 403, 403, 403, 403, 403]),
}


@pytest.mark.parametrize("page", PAGES)
def test_status_codes_by_role(cast: Cast, page: str) -> None:
    ndrc = cast.task("发改委任务", unit=cast.ndrc)
    agri = cast.task("农业局任务", unit=cast.agri)
    url_template, expected = PAGES[page]
    url = url_template.format(ndrc=ndrc.pk, agri=agri.pk)
    got = []
    for role in ROLES:
        client = Client()
        if role:
            client.force_login(getattr(cast, role))
        response = client.get(url)
        got.append(response.status_code)
        if response.status_code == 200 and "change" in url:
            task = Task.objects.get(pk=int(url.split("/")[4]))
            assert task.title in response.content.decode()
    assert got == expected, f"{page}: {got}"


def test_task_list_shows_only_visible_titles(cast: Cast) -> None:
    cast.task("发改委任务", unit=cast.ndrc)
    cast.task("农业局任务", unit=cast.agri)
    client = Client()
    client.force_login(cast.carol)
    body = client.get("/admin/ledger/task/").content.decode()
    assert "农业局任务" in body and "发改委任务" not in body


def test_admin_edit_of_a_unit_lands_in_the_event_log(cast: Cast, admin_client: Client) -> None:
    from luoshi.audit.models import Event

    response = admin_client.post(
        f"/admin/org/unit/{cast.agri.pk}/change/",
        {
            "name": cast.agri.name,
            "short_name": "市农业局",
            "parent": cast.city.pk,
            "kind": "department",
            "peer_group": "市直部门",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    event = Event.objects.filter(kind="unit.admin_change").get()
    assert event.after == {"short_name": "市农业局"}
