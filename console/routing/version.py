"""Version stamp of the cold-start routing engine.

Bump ``ENGINE_VERSION`` whenever a change can alter a proposal for the same text and catalog, so
that every stored suggestion names the code that made it.
"""

from __future__ import annotations

# 1.1: bm25_weight 0.25 → 0.35; 1.2: a run of ASCII letters is one gram;
# 1.3: a variant key straddling two words is left as written (三天|燃气 is not a misspelt 天燃气);
# 1.4: similarity to example requests per item (exemplars.json), station and bare-name place rules,
#      suggestion/medical/entrapment/typhoon urgency rules, more buck-passing phrases.
ENGINE_VERSION = "cold-1.4"


def model_version(catalog_version: str, learned_version: str | None = None) -> str:
    """The version string recorded with each proposal: catalog, engine and learned model (if any)."""
    parts = [f"catalog:{catalog_version}", f"engine:{ENGINE_VERSION}"]
    if learned_version:
        parts.append(f"learned:{learned_version}")
    return "+".join(parts)
