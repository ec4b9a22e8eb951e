"""The shared risk taxonomy (SRT v0.1): 24 stable ids every framework maps onto.

Ids are never reused. Names exist in English and Chinese so reports can use either.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CATEGORIES", "CATEGORY_IDS", "Category", "category"]


class Category(NamedTuple):
    id: str
    slug: str
    en: str
    zh: str


CATEGORIES: tuple[Category, ...] = (
    Category("SR-01", "cbrn_uplift", "CBRN weapons uplift", "化生放核武器助力"),
    Category("SR-02", "cyber_offense", "Cyber offence", "网络攻击"),
    Category("SR-03", "autonomous_replication", "Autonomous replication", "自主复制"),
    Category("SR-04", "power_seeking", "Power seeking, shutdown resistance", "权力寻求与抗拒关停"),
    Category("SR-05", "deception_of_overseers", "Deceiving overseers", "欺骗监督者"),
    Category("SR-06", "harmful_manipulation", "Harmful manipulation", "有害操纵"),
    Category("SR-07", "disinformation", "Disinformation", "虚假信息"),
    Category("SR-08", "violence_extremism", "Violence and extremism", "暴力与极端主义"),
    Category("SR-09", "hate_discrimination", "Hate and discrimination", "仇恨与歧视"),
    Category("SR-10", "sexual_content", "Sexual content", "色情内容"),
    Category("SR-11", "self_harm_wellbeing", "Self-harm and wellbeing", "自伤与身心健康"),
    Category("SR-12", "nonviolent_crime_fraud", "Fraud and non-violent crime", "诈骗与非暴力犯罪"),
    Category("SR-13", "privacy_data_leakage", "Privacy and data leakage", "隐私与数据泄露"),
    Category("SR-14", "ip_commercial", "IP and commercial violations", "知识产权与商业违规"),
    Category("SR-15", "personal_rights_defamation", "Defamation and personal rights", "诽谤与人格权"),
    Category("SR-16", "confabulation_reliability", "Reliability and accuracy", "可靠性与准确性"),
    Category("SR-17", "specialized_advice", "Unqualified specialised advice", "不当专业建议"),
    Category("SR-18", "jurisdictional_prohibited_content", "Jurisdiction-prohibited content", "特定法域禁止内容"),
    Category("SR-19", "model_security_robustness", "Prompt injection and robustness", "提示注入与鲁棒性"),
    Category("SR-20", "over_refusal", "Over-refusal", "过度拒绝"),
    Category("SR-21", "human_control_critical_decisions", "Human control of critical decisions", "人类对关键决策的控制"),
    Category("SR-22", "transparency_provenance", "Transparency and provenance", "透明度与来源标识"),
    Category("SR-23", "societal_environmental", "Societal and environmental", "社会与环境影响"),
    Category("SR-24", "governance_process", "Governance process", "治理流程"),
)

CATEGORY_IDS: frozenset[str] = frozenset(c.id for c in CATEGORIES)
_BY_ID = {c.id: c for c in CATEGORIES}


def category(cat_id: str) -> Category:
    """Look up a category by id; sub-ids (``SR-10.1``) resolve to their parent."""
    return _BY_ID[cat_id.split(".", 1)[0]]
