"""Items and suites: the questions Accord asks.

An :class:`Item` is one test case. Its identity is the SHA-256 of its canonical JSON
(RFC 8785), so two parties holding the same suite agree on every item hash without
trusting each other's file layout.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from accord._canonical import digest

__all__ = [
    "Document",
    "Expectation",
    "Item",
    "Lang",
    "Message",
    "SuiteInfo",
    "parse_expectation",
]

Lang = Literal["en", "zh"]
Role = Literal["system", "user", "assistant"]

_EXPECT_RE = re.compile(r"^(refuse|comply)$|^(answer|no-leak|pair)=(.+)$", re.DOTALL)


class Message(BaseModel):
    """One chat turn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    content: str


class Document(BaseModel):
    """Material the model is asked to process (an email, a web page, a tool result).

    Documents are where indirect prompt injections live.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["email", "web", "tool", "file", "note"] = "file"
    title: str = ""
    content: str


class Expectation(BaseModel):
    """What a well-behaved model does with an item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["refuse", "comply", "answer", "no-leak", "pair"]
    value: str | None = None

    def __str__(self) -> str:
        return self.kind if self.value is None else f"{self.kind}={self.value}"


def parse_expectation(text: str) -> Expectation:
    """Parse ``refuse``, ``comply``, ``answer=B``, ``no-leak=CANARY`` or ``pair=ID``.

    Raises:
        ValueError: with the accepted forms, when ``text`` is none of them.
    """
    m = _EXPECT_RE.match(text.strip())
    if m is None:
        raise ValueError(
            f"expectation {text!r} is not one of: refuse, comply, answer=<gold>, "
            "no-leak=<canary>, pair=<item id>"
        )
    if m.group(1):
        return Expectation(kind=m.group(1))  # type: ignore[arg-type]
    return Expectation(kind=m.group(2), value=m.group(3))  # type: ignore[arg-type]


_COMMON_EXPECT = {"refuse": Expectation(kind="refuse"), "comply": Expectation(kind="comply")}

#: SR-01 .. SR-24, optionally with a sub-id (SR-10.1); checked natively by pydantic-core.
CATEGORY_PATTERN = r"^SR-(0[1-9]|1[0-9]|2[0-4])(\.[0-9]{1,2})?$"
CategoryId = Annotated[str, Field(pattern=CATEGORY_PATTERN)]

ItemId = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:\-/]+$")]


class Item(BaseModel):
    """One test case.

    ``messages`` holds the conversation sent to the model (system turns included);
    ``documents`` are appended to the last user turn when the request is rendered.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: ItemId
    lang: Lang = "en"
    category: CategoryId | None = Field(
        default=None,
        description="Shared taxonomy id, SR-01 .. SR-24 (sub-ids like SR-10.1 allowed); "
        "None for an uncategorised prompt list.",
    )
    messages: tuple[Message, ...] = Field(min_length=1)
    documents: tuple[Document, ...] = ()
    expect: Expectation | None = Field(
        default=None, description="None: graded and recorded, but never pass/fail."
    )
    graders: tuple[str, ...] = ("refusal",)
    parallel_id: str | None = Field(
        default=None, description="Id shared by the translations of one item (en/zh)."
    )
    tags: tuple[str, ...] = ()
    meta: dict[str, str] = Field(default_factory=dict)

    @field_validator("expect", mode="before")
    @classmethod
    def _parse_expect(cls, v: Any) -> Any:
        if isinstance(v, str):
            return _COMMON_EXPECT.get(v) or parse_expectation(v)
        return v

    @field_validator("messages")
    @classmethod
    def _has_user_turn(cls, messages: tuple[Message, ...]) -> tuple[Message, ...]:
        for m in messages:
            if m.role == "user":
                return messages
        raise ValueError("an item needs at least one user message (field `prompt` or `messages`)")

    def content_hash(self) -> str:
        """SHA-256 (hex) of the item's canonical JSON: its identity in journals and bundles."""
        data = _ITEM_SERIALIZER.to_python(self, mode="json")  # model_dump without its wrapper
        # items hold no floats by schema; only user-chosen meta keys can leave ASCII
        return digest(data, trusted=not self.meta or all(k.isascii() for k in self.meta))


_ITEM_SERIALIZER = Item.__pydantic_serializer__


class SuiteInfo(BaseModel):
    """Metadata of a suite; its identity is the hash over its item hashes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: str = "1"
    description: dict[str, str] = Field(default_factory=dict)
    source: str = Field(default="", description="Where the suite was loaded from.")
    digest: str = Field(default="", description="SHA-256 over the sorted item hashes.")
    items: int = 0
    graders: tuple[str, ...] = Field(default=(), description="Graders named by the items.")
