"""Who is asked to do it: responsible bodies and roles named in a sentence.

An owner is the *subject* of a demand (`市政府督查室要…`, `市委将…`, `县区和各涉农部门要…`), a body
marked as leading (`请农业农村局牵头`, `由市发改委负责`), a body a demand is handed to
(`要求二级机构负责人和科股长抓…`), or the bodies a work plan names in a parenthesis
(`(市政府办公室、市发改委牵头,各部门按职责分工负责)`). A candidate counts only when it ends in a
body or role from the lexicon `bodies.txt` shipped beside this module, so 我们/大家/全市上下 and
ordinary nouns never pass. Bodies that only assign work or receive escalations (`对市委、市政府
部署任务`, `确需市长、副市长协调解决`, `报市委、市政府`) are not subjects and are left out: a subject
stands at the start of its clause, not after a preposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from luoshi.lib.directives.items import starts_with_action

__all__ = ["Lexicon", "find_owners", "has_own_subject", "lexicon", "parenthesis_owners", "split_bodies"]


@dataclass(frozen=True)
class Lexicon:
    """The body/role lexicon: suffixes, exact names and generic subjects."""

    suffixes: tuple[str, ...]  # longest first
    exact: frozenset[str]
    generic: frozenset[str]
    places: tuple[str, ...] = ()  # endings that name a place, not a body (城南片区)

    def names_body(self, phrase: str) -> bool:
        """True when `phrase` ends in a body or role (a trailing 们 and quotes are ignored)."""
        p = _bare(phrase)
        if not p or p in self.generic:
            return False
        if p in self.exact:
            return True
        # `各县市区`, `各园区`: 各 makes a set of bodies out of a place word
        return p.endswith(self.suffixes) and (not p.endswith(self.places) or p.startswith("各"))

    def is_generic(self, phrase: str) -> bool:
        """True for subjects that name nobody in particular (我们, 全市上下, 广大人民群众)."""
        p = _bare(phrase)
        return p in self.generic or p.startswith(("全市上下", "全县上下", "全镇上下", "全区上下"))


_PAREN_PART = re.compile(r"[(（][^()（）]*[)）]")


def _bare(phrase: str) -> str:
    # `各县(市、区)` is matched as 各县: the parenthesis only lists the kinds of county
    p = _PAREN_PART.sub("", phrase).strip().strip("“”\"'‘’「」")
    return p[:-1] if p.endswith("们") and len(p) > 2 else p


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load `bodies.txt` once per process."""
    text = resources.files("luoshi.lib.directives").joinpath("bodies.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"suffix": [], "exact": [], "generic": [], "place": []}
    current = "suffix"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    suffixes = tuple(sorted(set(sections["suffix"]), key=len, reverse=True))
    places = tuple(sections["place"])
    return Lexicon(suffixes, frozenset(sections["exact"]), frozenset(sections["generic"]), places)


# What may follow a subject: modal verbs, the adverbs that open a predicate, and the verbs of
# leading and assisting. Longer alternatives first.
_PREDICATE = (
    r"(?:也|都|均|还|亦)*(?:要|将|须|必须|应当|应|务必|需要|需|一定要|正在|牵头|负责|配合|会同|同步|积极|切实|认真"
    r"|全力|主动|进一步|带头|不断|严格|坚决|继续|依法|及时|立即|迅速|尽快|抓紧|全面|深入|大力|着力|持续|定期"
    r"|是(?=[^,，。]{0,16}(?:第一责任人|责任人|责任主体|第一责任))"
    r"|每年|每月|每季度|每周|每日|每天|实行|推行|按照|按|对照|结合|围绕|对标|更好|更加|在|于|以|抓|做|开展|组织|加强|履行|落实"
    r"|研究|制定|提出|承担|做好|抓好|推进|加快|统筹|完成|实施|建立|出台|编制|报送)"
)
# Words that open a clause without being part of its subject.
_LEAD_IN = re.compile(
    r"^(?:请|同时|另外|此外|并且|并|也|其中|下一步|当前|目前|今后|接下来|对此|为此|因此|首先|其次|再次|最后|特别是|尤其是"
    r"|重点是|关键是|具体来说|一方面|另一方面|总之|那么|而且|此后|届时|今年|明年|近期"
    r"|汛期|汛前|汛中|汛后|节前|节后|节日期间|假期|期间)[,，、]?"
)
# A subject never starts with a preposition or a verb: those clauses are about someone else.
_NOT_SUBJECT_START = re.compile(
    r"^(?:对|按照|按|在|从|把|将|以|为|向|经|确需|报|和|与|跟|同|围绕|针对|根据|通过|结合|坚持|要|让|使|由|被|给|比|如"
    r"|明确|要求|责成|激励|动员|会同|联合|会议"
    r"|加强|推进|推动|支持|鼓励|引导|督促|组织(?!部)|指导|帮助|协调|联系|服务(?!中心)|依托|发挥|突出|深入|大力|加快|积极|全力|切实"
    r"|持续|不断|认真|严格|扎实|着力|全面|坚决|统筹|充分|主动|进一步|做好|抓好|实施|落实|开展|建立|健全|完善|打造)"
)
# Split points, but never inside a parenthesis: `各县(市、区)` is one body.
_SPLIT = re.compile(r"(?:、|和|以及|及(?!其)|与|尤其是|特别是|或)(?![^()（）]*[)）])")
_CLAUSE = re.compile(r"[^,，;；:：。!！?？\n]+")
_PREDICATE_RE = re.compile(_PREDICATE)
_LEAD_WORDS = r"牵头|负责(?!人|同志)|会同|统筹|组织|主抓|总牵头|按程序|印发|办理|审核|报送|组织实施|约谈|予以|查处|依法|根据|按照"
_LEAD_VERB = re.compile(_LEAD_WORDS)
_LEADS = re.compile(rf"(?:请|由)(?=[^,，;；:：。的]{{2,30}}?(?:{_LEAD_WORDS}))")
# Bodies a demand is handed to (要求/责成…) or shared with (会同/联合…) own it too.
# (督促 is not among them: the body urged, `督促各施工单位…`, is supervised, not made responsible.)
_HANDED = re.compile(r"(?:要求|责成|明确|激励引导|动员|会同|联合|协同)")
_HANDED_FOLLOW = re.compile(rf"{_PREDICATE}|进行|以|$")
# `明确分管领导和责任科室` names who is designated, not who acts: 明确 hands work on only when an
# action follows (`明确单位主要负责人在大会上进行检讨`).
_DESIGNATED_FOLLOW = re.compile(rf"{_PREDICATE}|进行|以")
_SUBJECT_CHARS = re.compile(r"[^,，;；:：。!！?？的]{2,30}")
_AS_ROLE = re.compile(r"^作为(?P<subj>[^,，;；:：。的]{2,20})$")


def split_bodies(phrase: str) -> list[str]:
    """Split a list of bodies at 、/和/及/以及/与/尤其是/特别是 (never at 及其); drop generic ones."""
    lex = lexicon()
    parts = [p.strip().removeprefix("等").removesuffix("等") for p in _SPLIT.split(phrase)]
    # `市自然资源和规划局`, `工业和信息化局`: a 和 whose left side names no body is inside a name
    joined: list[str] = []
    glue = False  # the previous part ends in a 和 that belongs to a name
    for part, sep in zip(parts, [*_separators(phrase), ""], strict=True):
        if glue:
            part = joined.pop() + "和" + part
        joined.append(part)
        glue = sep == "和" and bool(part) and not _bare(part).endswith(lex.suffixes)
    parts = joined
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if part[:1] in '“"‘「' and part[-1:] in '”"’」':
            part = part[1:-1]
        if len(part) < 2 or lex.is_generic(part):
            continue
        out.append(part)
    return out


def _separators(phrase: str) -> list[str]:
    return [m.group(0) for m in _SPLIT.finditer(phrase)]


# Body names that open with a verb-like word (组织部, 建设局, 发展改革委): not an action.
_VERB_LIKE_BODY = re.compile(
    r"(?:组织|宣传|统战|建设|发展(?:和)?改革|规划|服务|招商|执法|审计|督查|考核|巡察|信访|应急管理|市场监管|生态环境"
    r"|政务服务|投资促进|综合执法|教育|卫生健康|交通运输|自然资源|住房和城乡建设|农业农村)"
    r"[\u4e00-\u9fff]{0,6}?(?:部|局|委|厅|办|室|中心|组|院|所|站|队)"
)
# Words that never sit inside a subject: verbs of perception and of making, question words.
# Nor do numbers and cadences (`6月底前全部完成`, `每周对在建小区开展…`).
_NOT_IN_SUBJECT = re.compile(
    r"哪|看一看|做到|能|让|使|被|(?<!一)把|(?<![其别])是|\d|每(?:周|年|月|天|日|季|星期)|底前|月底"
)


def _shortest_body(text: str, start: int, follow: re.Pattern[str]) -> str | None:
    """The shortest phrase text[start:e] naming a body that `follow` matches right after.

    A phrase that runs on into a longer role (`二级机构` + `负责人`) is not cut short."""
    lex = lexicon()
    limit = min(len(text), start + 30)
    span = _SUBJECT_CHARS.match(text, start)
    if span is None:
        return None
    limit = min(limit, span.end())
    for end in range(start + 2, limit + 1):
        if not follow.match(text, end):
            continue
        phrase = text[start:end]
        if not (lex.names_body(phrase) or lex.is_generic(phrase)) or _NOT_IN_SUBJECT.search(phrase):
            continue
        if any(text.startswith(s, end) and len(s) >= 2 for s in lex.suffixes):
            continue
        return phrase
    return None


def _subject_of(clause: str) -> str | None:
    lex = lexicon()
    body = _LEAD_IN.sub("", clause.strip(), count=1)
    m = _AS_ROLE.match(body)
    if m and lex.names_body(m.group("subj")):
        return m.group("subj")
    if _NOT_SUBJECT_START.match(body):
        return None
    if starts_with_action(body) and not _VERB_LIKE_BODY.match(body):
        return None
    return _shortest_body(body, 0, _PREDICATE_RE)


def _clauses(sentence: str) -> list[str]:
    return [m.group(0) for m in _CLAUSE.finditer(sentence)]


def has_own_subject(sentence: str) -> bool:
    """True when the sentence's first clause opens with a subject of its own (even 我们)."""
    return any(_subject_of(clause) is not None for clause in _clauses(sentence)[:2])


def _add(out: list[str], phrase: str) -> None:
    # A list such as `发改、财政等部门` names its bodies through its last member only.
    names = split_bodies(phrase)
    if not names or not lexicon().names_body(names[-1]):
        return
    out.extend(n for n in names if n not in out)


def find_owners(sentence: str) -> list[str]:
    """The bodies and roles a sentence makes responsible, leading body first, as written."""
    leads: list[str] = []
    others: list[str] = []
    escalation: list[str] = []
    for m in _LEADS.finditer(sentence):
        lead = _shortest_body(sentence, m.end(), _LEAD_VERB)
        if lead is None:
            continue
        # `…约谈后还不见起色的,由市委市政府主要领导约谈`: the body a sanction escalates to owns the
        # sentence only when nobody else is named in it.
        verb = _LEAD_VERB.match(sentence, m.end() + len(lead))
        _add(escalation if verb and verb.group(0) in _SANCTIONS else leads, lead)
    for clause in _clauses(sentence):
        subj = _subject_of(clause)
        if subj is not None and not lexicon().is_generic(subj):
            rest = clause[clause.find(subj) + len(subj) :]
            target = leads if rest.lstrip("也都均").startswith(("牵头", "负责牵头", "总牵头")) else others
            _add(target, subj)
        for m in _HANDED.finditer(clause):
            follow = _DESIGNATED_FOLLOW if m.group(0) == "明确" else _HANDED_FOLLOW
            handed = _shortest_body(clause, m.end(), follow)
            if handed is not None:
                _add(others, handed)
    out = list(leads)
    for name in others:
        if name not in out:
            out.append(name)
    if not out and not escalation:
        # `会议原则同意县财政局关于…的意见,会后修改完善后报…`: the proposer does the follow-up
        proposer = _PROPOSER.match(sentence)
        if proposer is not None:
            _add(out, proposer.group("body"))
    return out or escalation


_PROPOSER = re.compile(
    r"^会议(?:原则)?(?:同意|通过|批准)(?P<body>[^,，。;；《》“”]{2,30}?)(?:关于|提交|提出|报送|上报|起草|拟定)"
)


_SANCTIONS = frozenset({"约谈", "予以", "查处"})


# Work plans: `(市政府办公室、市发改委牵头,各部门按职责分工负责)`, `(责任单位:市住建局)`,
# `(责任单位:各镇(街道))` with one parenthesis nested inside.
_PAREN = re.compile(r"[(（](?P<inner>(?:[^()（）]|[(（][^()（）]{1,20}[)）]){2,120})[)）]")
_PAREN_LABEL = re.compile(r"(?:牵头单位|责任单位|配合单位|责任部门|牵头部门|协办单位|主办单位|承办单位)[:：]")
_PAREN_ROLE_WORDS = re.compile(r"(?:按职责分工|按职能|分别)?(?:负责|牵头|配合|参与|落实|共同推进|等)+$")
_PAREN_LEAD_WORD = re.compile(r"(?:总)?牵头(?:负责)?$")
_PAREN_SPLIT = re.compile(r"[,，;；。]")
_LIST_SPLIT = re.compile(r"、(?![^()（）]*[)）])")


def _paren_groups(part: str, part_leads: bool) -> list[tuple[bool, list[str]]]:
    """Bodies of one comma part, in groups that share a role word: `市住建局牵头、市财政局配合`
    gives (lead, [市住建局]), (other, [市财政局]); `市政府办公室、市发改委牵头` one lead group."""
    groups: list[tuple[bool, list[str]]] = []
    pending: list[str] = []
    for piece in _LIST_SPLIT.split(part):
        piece = piece.strip()
        stripped = _PAREN_ROLE_WORDS.sub("", piece).strip()
        if stripped != piece:  # a role word closes the group before it
            pending.append(stripped)
            groups.append((bool(_PAREN_LEAD_WORD.search(piece)) or part_leads, pending))
            pending = []
        else:
            pending.append(piece)
    if pending:
        groups.append((part_leads, pending))
    return groups


def parenthesis_owners(text: str) -> list[str]:
    """Owners named in a work-plan parenthesis within `text`, leading bodies first; [] if none.

    Only parentheses that name bodies count: dates `(2024年1月11日)`, page marks and editors'
    notes do not."""
    lex = lexicon()
    for m in _PAREN.finditer(text):
        inner = m.group("inner")
        if re.search(r"\d{4}年|第\d+/\d+页|责编|编辑|来源", inner):
            continue
        leads: list[str] = []
        others: list[str] = []
        for part in _PAREN_SPLIT.split(inner):
            part = part.strip()
            if not part or re.match(r"(?:完成)?时限|完成时间|时间节点", part):
                continue
            part_leads = part.startswith(("牵头单位", "责任单位", "主办单位"))
            part = _PAREN_LABEL.sub("", part)
            for is_lead, group in _paren_groups(part, part_leads):
                names = [n for n in split_bodies("、".join(group)) if n]
                if not names or not lex.names_body(names[-1]):
                    continue
                (leads if is_lead else others).extend(n for n in names if n not in leads + others)
        if leads or others:
            return leads + others
    return []
