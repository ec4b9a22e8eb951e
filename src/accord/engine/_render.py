"""Render an item into the chat messages sent to the target."""

from __future__ import annotations

from accord.suites import Item
from accord.targets import GenerationParams

__all__ = ["RENDER_VERSION", "render"]

#: Bumped whenever rendering changes, so cached responses to old renderings are not reused.
RENDER_VERSION = 1


def render(item: Item, params: GenerationParams) -> list[dict[str, str]]:
    """Messages for ``item``: one system turn (target's system prompt, then the item's),
    the conversation, and any documents appended to the last user turn."""
    systems = [params.system_prompt] if params.system_prompt else []
    turns: list[dict[str, str]] = []
    for m in item.messages:
        if m.role == "system":
            systems.append(m.content)
        else:
            turns.append({"role": m.role, "content": m.content})
    if item.documents:
        last_user = max(i for i, t in enumerate(turns) if t["role"] == "user")
        blocks = [turns[last_user]["content"]]
        for d in item.documents:
            title = f' title="{d.title}"' if d.title else ""
            blocks.append(f'<document kind="{d.kind}"{title}>\n{d.content}\n</document>')
        turns[last_user] = {"role": "user", "content": "\n\n".join(blocks)}
    if systems:
        return [{"role": "system", "content": "\n\n".join(systems)}, *turns]
    return turns
