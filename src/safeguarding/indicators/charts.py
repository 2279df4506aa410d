"""Charts for notebooks and reports (needs the ``plot`` extra: matplotlib).

* [`funnel_plot`][] -- areas' proportions against their denominators, with
  the 95% and 99.8% control limits around the baseline (OHID's funnel method),
  so that an area outside the funnel stands out as more than chance;
* [`trend_chart`][] -- an indicator's values over periods with their
  confidence intervals, against a target and its baseline.

Both draw with matplotlib's non-interactive Agg backend, write an image file
(the format follows the file's suffix, PNG by default) and return its path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safeguarding._validate import check_int
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.statistics import proportion_funnel_limits

if TYPE_CHECKING:
    from safeguarding.indicators.catalogue import Target
    from safeguarding.indicators.definitions import IndicatorValue

__all__ = ["funnel_plot", "trend_chart"]

_CURVE_POINTS = 200


def _pyplot() -> Any:  # noqa: ANN401 - matplotlib is optional and untyped here
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional dependency

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415 - optional dependency
    except ImportError as exc:  # pragma: no cover - the test environment has matplotlib
        msg = "charts need matplotlib: pip install 'safeguarding[plot]'"
        raise ImportError(msg) from exc
    return plt


def funnel_plot(
    areas: Sequence[tuple[str, int, int]],
    path: str | Path,
    *,
    baseline: float | None = None,
    title: str = "",
    percent: bool = True,
) -> Path:
    """Draw a funnel plot of proportions and save it to *path*.

    Each area is ``(label, numerator, denominator)``. The baseline is the
    pooled proportion of all areas unless given. The control limits at each
    denominator are OHID's
    ([`proportion_funnel_limits`][safeguarding.indicators.statistics.proportion_funnel_limits]).

    Args:
        areas: The areas to plot; at least one, each with a denominator of at least 1.
        path: Where to write the image.
        baseline: The baseline proportion (0 to 1); pooled by default.
        title: The chart title.
        percent: Show the axis as percentages (otherwise proportions).

    Returns:
        The path written.

    Raises:
        InvalidInputError: no areas, or an area with bad counts.
    """
    if not areas:
        raise InvalidInputError("areas", "must hold at least one area")
    for index, (_label, numerator, denominator) in enumerate(areas):
        check_int(f"areas[{index}].denominator", denominator, minimum=1)
        check_int(f"areas[{index}].numerator", numerator, minimum=0)
        if numerator > denominator:
            raise InvalidInputError(f"areas[{index}].numerator", "must not exceed the denominator")
    pooled = sum(a[1] for a in areas) / sum(a[2] for a in areas)
    centre = pooled if baseline is None else baseline
    scale = 100.0 if percent else 1.0
    largest = max(a[2] for a in areas)
    step = max(1, largest * 11 // 10 // _CURVE_POINTS)
    xs = list(range(1, largest * 11 // 10 + 2, step))
    limits = [proportion_funnel_limits(n, baseline=centre) for n in xs]

    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 5), dpi=100)
    axes.plot(xs, [lim.upper_998 * scale for lim in limits], color="#b2182b", lw=1, label="99.8%")
    axes.plot(xs, [lim.lower_998 * scale for lim in limits], color="#b2182b", lw=1)
    axes.plot(
        xs, [lim.upper_95 * scale for lim in limits], color="#ef8a62", lw=1, ls="--", label="95%"
    )
    axes.plot(xs, [lim.lower_95 * scale for lim in limits], color="#ef8a62", lw=1, ls="--")
    axes.axhline(centre * scale, color="#444444", lw=1, label="baseline")
    for label, numerator, denominator in areas:
        axes.scatter(denominator, numerator / denominator * scale, color="#2166ac", zorder=3)
        axes.annotate(label, (denominator, numerator / denominator * scale), fontsize=8,
                      xytext=(4, 4), textcoords="offset points")  # fmt: skip
    axes.set_xlabel("denominator")
    axes.set_ylabel("%" if percent else "proportion")
    axes.set_title(title)
    axes.legend(loc="upper right", fontsize=8)
    out = Path(path)
    figure.savefig(out)
    plt.close(figure)
    return out


def trend_chart(
    values: Sequence[IndicatorValue],
    path: str | Path,
    *,
    target: Target | None = None,
    title: str = "",
) -> Path:
    """Draw an indicator's values over periods, with intervals and a target, and save it.

    Values without a value (``z``) are left out of the line. A target draws
    its baseline and target as horizontal lines.

    Args:
        values: The indicator's values in period order (at least one).
        path: Where to write the image.
        target: Optionally the target to draw.
        title: The chart title (the indicator's title by default).

    Returns:
        The path written.

    Raises:
        InvalidInputError: no values, or values of different indicators.
    """
    if not values:
        raise InvalidInputError("values", "must hold at least one value")
    if len({value.key for value in values}) != 1:
        raise InvalidInputError("values", "must all be of the same indicator")
    shown = [value for value in values if value.value is not None and value.interval is not None]
    labels = [value.period.label for value in shown]
    points = [float(value.value) for value in shown if value.value is not None]
    lower = [p - v.interval.lower for p, v in zip(points, shown, strict=True) if v.interval]
    upper = [v.interval.upper - p for p, v in zip(points, shown, strict=True) if v.interval]

    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 5), dpi=100)
    axes.errorbar(labels, points, yerr=[lower, upper], fmt="-o", color="#2166ac", capsize=4,
                  label="value (95% interval)")  # fmt: skip
    if target is not None:
        axes.axhline(
            target.baseline, color="#999999", ls=":", label=f"baseline {target.baseline_period}"
        )
        if target.target is not None:
            axes.axhline(
                target.target, color="#1a9850", ls="--", label=f"target {target.target_period}"
            )
    axes.set_title(title or values[0].title)
    axes.legend(loc="best", fontsize=8)
    out = Path(path)
    figure.savefig(out)
    plt.close(figure)
    return out
