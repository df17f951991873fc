"""The values a figure allows and how a figure reads: shared by reconciliation, revisions, the
bottom line and what changed."""

from __future__ import annotations

TOLERANCE = 0.10  # an approximate total agrees within 10 %


def plausible_range(low, high, at_least, at_most, approximate):
    """The values a figure allows, for deciding whether sources disagree: a bound opens its
    side ("at least 95,000" and "up to 250,000" can both be true) and an approximate figure
    allows 10 % either way. Sources disagree when the largest low exceeds the smallest high."""
    slack = approximate.astype(float) * TOLERANCE
    lows = (low * (1 - slack)).where(~at_most, 0.0)
    highs = (high * (1 + slack)).where(~at_least, float("inf"))
    return lows, highs


def format_range(low: float, high: float) -> str:
    """Return "1,200" for one value, "1,100-1,200" for a range; decimals only if any."""

    def fmt(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"

    return fmt(low) if low == high else f"{fmt(low)}-{fmt(high)}"


def format_ranges(lows, highs) -> list[str]:
    """Return :func:`format_range` of each (low, high) pair, each distinct pair formatted once
    (a large corpus repeats its values many times over)."""
    done: dict[tuple[float, float], str] = {}
    out = []
    for pair in zip(lows, highs, strict=True):
        text = done.get(pair)
        if text is None:
            text = done[pair] = format_range(*pair)
        out.append(text)
    return out
