"""Urgency proposal: the item's default urgency adjusted by cues in the text.

Rules, first that applies:
0. a suggestion (the text opens with ``建议``) → normal: it proposes an improvement, it reports no
   incident to attend to (``很危险`` in a suggestion describes why, not what is happening now);
1. an explicit immediacy word (``紧急``, ``马上``, ``立即`` …) or a present, unhedged risk to
   life, safety or property (``被困``, ``漏气``, ``塌陷``, ``太危险`` …) → urgent;
2. a risk that is feared (``担心``/``怕`` … before it), past (``上次``, ``去年`` … before it) or
   precarious (``歪着``, ``松动``, ``隐患``) → fast, or the item's default if that is urgent;
3. time-critical evidence reaching 1 — an outage (``停水``, ``停电``, ``断网`` …, weight 1) or
   weaker cues (``尽快``, ``凌晨``, ``堵塞`` …, weight 0.5) — → fast, unless the default is urgent;
4. the item's default urgency (normal when there is no item).
A cue directly after a negation (``不``, ``没``, ``未``, ``无``) does not count.
"""

from __future__ import annotations

from console.domain.enums import Urgency
from console.routing.ranker import Hit

IMMEDIATE = ("紧急", "马上", "立即", "立刻", "赶紧", "救命", "快来", "十万火急", "危急", "随时可能")

RISK = (
    "太危险", "非常危险", "十分危险", "极其危险", "被困", "困着", "困在", "塌陷", "坍塌", "倒塌", "塌了",
    "爆了", "爆管", "爆裂", "爆炸", "泄漏", "泄露", "漏气", "燃气味", "冒烟", "着火", "起火", "火灾",
    "失火", "打火花", "触电", "漏电", "电线外露", "砸到", "砸伤", "砸坏", "砸中", "掉下来", "掉落",
    "滑落", "滑坡", "裂缝", "开裂", "走失", "失踪", "被骗", "骗了", "中毒", "呕吐", "头晕", "窒息",
    "溺水", "跳楼", "轻生", "打架", "拿刀", "持刀", "斗殴", "超载", "承重墙", "高空抛物", "往楼下扔",
    "制氧机", "抢救", "受伤", "流血", "危房", "救援", "倒伏", "压住",
    "心口痛", "胸口痛", "胸痛", "喘不过气", "喘不上气", "呼吸困难", "昏迷", "晕倒", "抽搐", "不省人事",
)

PRECARIOUS = ("危险", "歪着", "松动", "摇晃", "隐患", "快倒", "要倒", "悬空", "困人")

HEDGES = ("担心", "害怕", "怕", "会不会", "万一", "以免", "防止", "恐怕", "可能会", "容易", "如果")
PAST = ("上次", "上个", "上周", "去年", "以前", "之前", "曾经", "前年")
NEGATION = ("不", "没", "未", "无")
SUGGESTION_OPENINGS = ("建议", "我建议", "市民建议")

FAST_STRONG = (
    "停电", "停水", "停气", "断电", "断水", "断网", "没水", "没电", "来水", "恢复供电", "抢修", "冒水",
    "漫出", "冒出来", "淹", "内涝", "不亮", "截止", "快过年", "很急", "急着", "着急", "急需",
    "发炎", "高烧", "欺负", "霸凌", "遗失", "进不来",
    "台风要来", "台风来了", "台风快来", "台风预警", "暴雨预警",
)
FAST_WEAK = (
    "急", "尽快", "赶快", "快点", "两天了", "三天了", "几天了", "一周了", "发烧", "堵塞", "故障",
    "偷排", "臭气熏天", "凌晨", "天天", "连续", "推搡", "烧坏", "时间限制", "到期", "住院",
)


def _find(text: str, words: tuple[str, ...], weight: float = 1.0) -> list[Hit]:
    hits = []
    for word in words:
        at = text.find(word)
        while at >= 0 and at > 0 and text[at - 1] in NEGATION:
            at = text.find(word, at + 1)
        if at >= 0:
            hits.append(Hit(at, at + len(word), word, "urgency", weight))
    return hits


def _preceded(text: str, hit: Hit, markers: tuple[str, ...], window: int = 8) -> bool:
    before = text[max(0, hit.start - window) : hit.start]
    return any(m in before for m in markers)


def propose_urgency(text: str, default: Urgency | None) -> tuple[Urgency, str, list[Hit]]:
    """Urgency for normalised ``text`` given the item's default; returns (urgency, reason, cues)."""
    base = default or Urgency.NORMAL
    if text.lstrip().startswith(SUGGESTION_OPENINGS):
        return Urgency.NORMAL, "a suggestion", []
    immediate = _find(text, IMMEDIATE)
    if immediate:
        return Urgency.URGENT, f"immediacy word 「{immediate[0].phrase}」", immediate
    risks = _find(text, RISK)
    present = [h for h in risks if not _preceded(text, h, HEDGES) and not _preceded(text, h, PAST)]
    if present:
        return Urgency.URGENT, f"risk to life, safety or property 「{present[0].phrase}」", present
    milder = risks + _find(text, PRECARIOUS)
    if milder:
        if base is Urgency.URGENT:
            return base, "item default urgent; the risk is feared, past or precarious", milder
        return Urgency.FAST, f"feared, past or precarious risk 「{milder[0].phrase}」", milder
    fast = _find(text, FAST_STRONG) + _find(text, FAST_WEAK, 0.5)
    if sum(h.weight for h in fast) >= 1.0 and base is not Urgency.URGENT:
        return Urgency.FAST, f"time-critical 「{fast[0].phrase}」", fast
    return base, f"item default ({base.value})", []
