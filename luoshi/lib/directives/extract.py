"""From one read document to the contract's JSON shape (`luoshi.directives/1`).

The walk is one pass over `doc.sentences`: each sentence may open a heading (outline.py), may be
an item (items.py) with owners, due, recurrence and targets, or may report figures (figures.py).
Work-plan parentheses that name owners are collected per numbered paragraph and handed to every
item of that paragraph afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from luoshi.lib.deadlines import find_due, find_recurrence, find_year_statement
from luoshi.lib.directives.figures import find_figures, period_of
from luoshi.lib.directives.items import Demand, demand_of, kind_of
from luoshi.lib.directives.meta import find_date, find_speaker, find_title, salutation_end
from luoshi.lib.directives.outline import Heading, Outline, match_heading
from luoshi.lib.directives.owners import find_owners, has_own_subject, parenthesis_owners
from luoshi.lib.directives.targets import find_targets
from luoshi.lib.text import Document, Sentence

__all__ = ["SCHEMA", "extract"]

SCHEMA = "luoshi.directives/1"

_CHAIN_END = ("；", ";", "﹔")
_PAREN = re.compile(r"[(（](?:[^()（）]|[(（][^()（）]{1,20}[)）]){2,120}[)）]")
_PAREN_ROLE = re.compile(r"牵头|负责|配合|参与|单位[:：]|部门[:：]")
# A line of its own naming the bodies in charge (meeting minutes, work plans).
_LABEL_LINE = re.compile(r"^[(（]?(?:牵头单位|责任单位|责任部门|牵头部门|主办单位|承办单位)[:：]")
# Documents whose every numbered statement is a task: work plans, task breakdowns.
_PLAN_TITLE = re.compile(
    r"工作要点|实施方案|工作方案|行动方案|任务分工|责任分工|工作计划|任务清单|重点任务|责任清单"
)
_TITLE_YEAR = re.compile(r"(?P<y>20\d{2})年")
# Sections that report rather than ask: a work report's review, a notice's findings.
_REPORT_HEADING = re.compile(
    r"回顾|总体情况|基本情况|进展情况|完成情况|推进情况|督查情况|检查情况|开展情况|主要成效|工作成效|取得的成[效绩]"
    r"|存在的(?:主要)?问题|主要问题|问题(?:和|与|及)不足|发现的问题"
)
# A day named without a deadline word (`5月17日上午,区长…主持召开`) dates an event; it sets no deadline.
_BARE_DATE = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日$")
# A sender's signature on a line of its own, perhaps with its date, or the date alone: not a
# statement.
_SIGNATURE = re.compile(
    r"^(?:[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|办公室|委员会|领导小组|督查室|局|厅|委|办|中心|部|室)"
    r"(?:[\s\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日)?"
    r"|(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日)$"
)
# A line that is one parenthesis naming who leads and who assists, even when `；` splits it into
# several sentences: `（牵头单位：市公路事业发展中心；责任单位：各县区交通运输局）`.
_OWNER_LINE = re.compile(r"^[(（][^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*[)）][。;；]?$")
# Section labels that name a topic (`三、整改要求`, `（一）主要目标`): headings, not demands.
_TOPIC_LABEL = re.compile(r"^[^,，。;；:：]{0,8}(?:要求|任务|措施|目标|安排|重点|事项|问题|情况)[。]?$")
_TARGET_HEADING = re.compile(r"预期目标|主要目标|目标任务|发展目标|工作目标")
# Why a sentence was not taken as a demand, when that reason means it looks back.
_LOOK_BACK_REASONS = frozenset({"look-back", "reports", "continues a description"})


@dataclass
class _Item:
    sentence: Sentence
    section: Heading | None
    kind: str
    owners: list[str]
    due: dict[str, Any] | None
    recurrence: str | None
    targets: list[dict[str, Any]]
    own_subject: bool
    paragraph: int


@dataclass
class _Walk:
    doc: Document
    anchor: date | None
    year: int | None
    outline: Outline = field(default_factory=Outline)
    items: list[_Item] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    heading_owners: dict[str, list[str]] = field(default_factory=dict)
    head_end: int = 0  # where the speech starts: after the salutation, when there is one
    plan: bool = False  # a work plan: numbered statements are tasks


def _due(text: str, anchor: date | None, year: int | None) -> tuple[dict[str, Any] | None, bool]:
    due = find_due(text, anchor=anchor, year=year)
    if due is None or due.kind == "ongoing":
        return None, False
    if due.kind == "recurring":
        return {"text": due.text, "by": None}, True
    by = due.by.isoformat() if due.by else None
    return {"text": due.text, "by": by}, due.kind == "date"


def _paragraph_text(doc: Document, index: int) -> str:
    start, end = doc.paragraphs[index]
    return doc.text[start:end]


def _walk(walk: _Walk, title: str | None) -> None:
    doc = walk.doc
    chain_mood: bool | None = None  # mood of the sentence that opened the current `;` chain
    prev: Sentence | None = None
    periods: dict[int, str | None] = {}
    looked_back: set[int] = set()  # paragraphs looking back since their last demand
    owner_lines = {
        n
        for n, (start, end) in enumerate(doc.paragraphs)
        if _OWNER_LINE.match(doc.text[start:end].strip()) and _PAREN_ROLE.search(doc.text[start:end])
    }
    anchor_year = walk.anchor.year if walk.anchor else walk.year
    for index, sentence in enumerate(doc.sentences):
        text = sentence.text
        # A `;` chain runs on across line breaks: many pages break the line after each `;`.
        continues = prev is not None and prev.text.rstrip("”’」』)）》\"' ").endswith(_CHAIN_END)
        if not continues:
            chain_mood = None
        prev = sentence
        if sentence.start < walk.head_end or (title is not None and index < 12 and text.strip() == title):
            continue  # the headline, byline and salutation are not part of the speech
        if _SIGNATURE.match(text.strip()) or sentence.paragraph in owner_lines:
            continue
        due, concrete = _due(text, walk.anchor, walk.year)
        recurrence = find_recurrence(text)
        targets = find_targets(text)
        # A cadence, a concrete deadline or a bounded number (`不低于98%`, `以上`, `以内`) makes a
        # sentence a demand unless it looks back: work reports state targets without a modal verb.
        scheduled = (
            recurrence is not None
            or (concrete and due is not None and not _BARE_DATE.match(due["text"]))
            or any(t["op"] != "=" for t in targets)
        )
        match = match_heading(text)
        heading: Heading | None = None
        if match is not None:
            heading = walk.outline.add(match, sentence_index=index, start=sentence.start, end=sentence.end)
            owners = find_owners(match.title)
            if owners:
                walk.heading_owners[heading.id] = owners
            probe = ("要" + match.title) if match.family == "一要" else match.title
            content = text[: match.offset] + text[match.body :]
            # In a work plan a numbered `1.` line is itself the first statement of the item.
            demand = (
                Demand(False, "topic label")
                if _TOPIC_LABEL.match(match.title)
                else demand_of(
                    probe,
                    scheduled=scheduled,
                    plan=walk.plan and match.family in ("1.", "(1)"),
                    reporting=_in_report(walk.outline.open[:-1]),
                )
            )
        else:
            content = text
            # After a look-back in the same paragraph a number or a date no longer makes a
            # demand by itself (`粮食总产量达到38.2万吨` reports); a modal still does.
            looking_back = sentence.paragraph in looked_back
            demand = demand_of(
                text,
                chain_demand=chain_mood if continues else None,
                scheduled=scheduled,
                plan=(walk.plan and walk.outline.current is not None) or _in_targets(walk.outline.open),
                reporting=_in_report(walk.outline.open),
                looking_back=looking_back,
            )
            if demand.is_item:
                looked_back.discard(sentence.paragraph)
            elif demand.reason in _LOOK_BACK_REASONS:
                looked_back.add(sentence.paragraph)
        if not continues or chain_mood is None:
            # A chain takes the mood of its opener only when that opener asked or looked back;
            # a neutral opener (`新建学校6所,新增学位3600个;`) leaves each clause to itself.
            neutral = not demand.is_item and demand.reason not in _LOOK_BACK_REASONS
            chain_mood = None if neutral else demand.is_item
        if not demand.is_item:
            # a descriptive heading reports too: `（二）资金保障压力较大，…仍有2100万元资金缺口`
            if demand.reason != "topic label":
                if sentence.paragraph not in periods:
                    periods[sentence.paragraph] = period_of(
                        _paragraph_text(doc, sentence.paragraph), anchor_year
                    )
                for fig in find_figures(content, period=periods[sentence.paragraph]):
                    fig["span"] = _span(
                        doc, sentence.start + text.find(fig["text"]), len(fig["text"]), sentence
                    )
                    walk.figures.append(fig)
            continue
        if content != text:
            targets = find_targets(content)
        kind = kind_of(
            content, has_number=bool(targets), has_deadline=concrete, has_cadence=recurrence is not None
        )
        walk.items.append(
            _Item(
                sentence=sentence,
                section=walk.outline.current,
                kind=kind,
                owners=find_owners(content),
                due=due,
                recurrence=recurrence,
                targets=targets,
                own_subject=has_own_subject(content),
                paragraph=sentence.paragraph,
            )
        )


def _in_targets(sections: tuple[Heading, ...]) -> bool:
    """True under a heading that announces targets (`（一）主要预期目标`): what follows is asked for."""
    return any(_TARGET_HEADING.search(h.title) for h in sections)


def _in_report(sections: tuple[Heading, ...]) -> bool:
    """True when one of the open sections reports rather than asks (`一、2023年工作回顾`)."""
    return any(_REPORT_HEADING.search(h.title) for h in sections)


def _span(doc: Document, start: int, length: int, sentence: Sentence) -> list[int]:
    if start < sentence.start:  # the clause was not found verbatim: fall back to the sentence
        start, length = sentence.start, sentence.end - sentence.start
    s, e = doc.to_original(start, start + length)
    return [s, e]


def _unwrap(line: str) -> str:
    """A label line without its one outer parenthesis: `（责任单位:各镇（街道））` keeps `各镇（街道）`."""
    if line[:1] in "(（" and line[-1:] in ")）":
        return line[1:-1].strip()
    return line.lstrip("(（").strip()


def _parenthesis_owners(walk: _Walk) -> dict[str, list[str]]:
    """Owners (and a due text) named in work-plan parentheses, keyed by section id or paragraph."""
    doc = walk.doc
    found: dict[str, list[str]] = {}
    sections: dict[int, str] = {}
    for item in walk.items:
        sections.setdefault(item.paragraph, item.section.id if item.section else f"p{item.paragraph}")
    headings = walk.outline.headings
    for index, (start, end) in enumerate(doc.paragraphs):
        text = doc.text[start:end]
        spans: list[tuple[int, str]] = []
        if _LABEL_LINE.match(text):
            spans.append((0, "(" + _unwrap(text.strip()) + ")"))
        elif "(" in text or "（" in text:
            spans.extend((m.start(), m.group(0)) for m in _PAREN.finditer(text))
        for offset, inner in spans:
            if not _PAREN_ROLE.search(inner) and "、" not in inner:
                continue
            owners = parenthesis_owners(inner)
            if not owners:
                continue
            position = start + offset
            opened = [h for h in headings if h.start <= position]
            key = opened[-1].id if opened else sections.get(index, f"p{index}")
            found.setdefault(key, [])
            found[key].extend(o for o in owners if o not in found[key])
    return found


def _render(walk: _Walk, *, name: str, sha256: str, title: str | None, speaker: str | None) -> dict[str, Any]:
    doc = walk.doc
    paren = _parenthesis_owners(walk)
    items: list[dict[str, Any]] = []
    for n, item in enumerate(walk.items, start=1):
        owners = list(item.owners)
        key = item.section.id if item.section else f"p{item.paragraph}"
        if key in paren:
            # A work plan's parenthesis owns every item of its numbered paragraph, lead first.
            owners = paren[key] + [o for o in owners if o not in paren[key]]
        elif not owners and not item.own_subject and item.section is not None:
            owners = list(walk.heading_owners.get(item.section.id, []))
        s, e = doc.to_original(item.sentence.start, item.sentence.end)
        kind = item.kind
        if owners and kind == "principle" and key in paren:
            kind = "task"  # a work-plan item with named owners is assigned work
        items.append(
            {
                "id": f"i{n}",
                "section": item.section.id if item.section else None,
                "kind": kind,
                "text": item.sentence.text,
                "owners": owners,
                "due": item.due,
                "recurrence": item.recurrence,
                "targets": item.targets,
                "span": [s, e],
            }
        )
    outline = []
    for h in walk.outline.headings:
        s, e = doc.to_original(h.start, h.end)
        outline.append(
            {
                "id": h.id,
                "parent": h.parent,
                "level": h.level,
                "marker": h.marker,
                "title": h.title,
                "span": [s, e],
            }
        )
    return {
        "schema": SCHEMA,
        "source": {
            "name": name,
            "sha256": sha256,
            "chars": len(doc.original),
            "encoding": doc.encoding,
            "script": doc.script,
        },
        "meta": {
            "title": title,
            "speaker": speaker,
            "date": walk.anchor.isoformat() if walk.anchor else None,
        },
        "outline": outline,
        "items": items,
        "figures": walk.figures,
    }


def extract(doc: Document, *, name: str, sha256: str, date: date | None = None) -> dict[str, Any]:
    """Extract outline, items and figures from a read document, in the contract's JSON shape.

    `date` overrides the meeting date found in the text (deadlines resolve against it)."""
    title = find_title(doc.text)
    speaker = find_speaker(doc.text)
    anchor = date if date is not None else find_date(doc.text, doc.original)
    year = anchor.year if anchor else find_year_statement(doc.text)
    if year is None and title:
        # `2024年全市政务公开工作要点`: a plan or report names its year in the title
        m = _TITLE_YEAR.search(title)
        year = int(m.group("y")) if m else None
    plan = bool(title and _PLAN_TITLE.search(title))
    walk = _Walk(doc=doc, anchor=anchor, year=year, head_end=salutation_end(doc.text), plan=plan)
    _walk(walk, title)
    return _render(walk, name=name, sha256=sha256, title=title, speaker=speaker)
