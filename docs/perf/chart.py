#!/usr/bin/env python3
"""Draws docs/perf/throughput.svg from docs/perf/runs.tsv: per build, each run's articles/s as a dot and the
median as a bar, next to the ratio to the pass-through ceiling; and docs/perf/latency.svg from docs/perf/latency.tsv:
p99 at 200 articles/s per setting against the 1 s target. Standard library only."""
import statistics
from pathlib import Path

here = Path(__file__).parent
runs = {}
for line in (here / "runs.tsv").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    build, _cmd, rate, _ceiling, ratio, _p50, p99, cpu = line.split("\t")
    runs.setdefault(build, []).append((float(rate), float(ratio), float(p99) / 1000, float(cpu)))

H, left, top, bar = 330, 40, 40, 80
panels = [("articles/s", 0, 650), ("ratio to the 3-hop ceiling", 1, 0.25), ("CPU ms/article", 3, 16)]
# Each panel as wide as its bars (one build every bar / 2 + 20 pixels), so that panels never overlap.
pw = max(306, 30 + len(runs) * (bar / 2 + 20) + 40)
W = round(left + pw * len(panels))
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       '<text x="10" y="20" font-size="13">wirestream bench, 2 cores: runs (dots), median (bar); ratio to the 3-hop ceiling;'
       ' warm = --articles 6000 --warmup 4000-6000 (from a56584a --prime 1000), warm-20000 = --warmup 20000, else cold --articles 3000</text>']
for p, (title, col, vmax) in enumerate(panels):
    x0 = left + p * pw
    base = H - 60
    out.append(f'<text x="{x0 + 10}" y="{top + 10}">{title}</text>')
    out.append(f'<line x1="{x0}" y1="{base}" x2="{x0 + pw - 20}" y2="{base}" stroke="black"/>')
    for b, (build, rs) in enumerate(runs.items()):
        values = [r[col] for r in rs]
        med = statistics.median(values)
        bx = x0 + 15 + b * (bar / 2 + 20)
        h = (base - top - 30) * med / vmax
        color = "#2f6f9f" if b == len(runs) - 1 else "#9aa9b8"
        out.append(f'<rect x="{bx}" y="{base - h}" width="{bar / 2}" height="{h}" fill="{color}"/>')
        out.append(f'<text x="{bx}" y="{base - h - 4}">{med:g}</text>')
        for n, part in enumerate(build.split(" ")):
            out.append(f'<text x="{bx}" y="{base + 14 + 12 * n}" font-size="10">{part}</text>')
        for v in values:
            out.append(f'<circle cx="{bx + bar / 4}" cy="{base - (base - top - 30) * v / vmax}" r="2.5" fill="black"/>')
out.append('</svg>')
(here / "throughput.svg").write_text("\n".join(out) + "\n")
print("wrote", here / "throughput.svg")

# Latency at a paced 200 articles/s: docs/perf/latency.tsv, p99 of each run (dots) and the median (bar) per setting,
# against the 1 s target.
settings = {}
for line in (here / "latency.tsv").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    _date, _build, setting, _cmd, _rate, p50, _p95, p99, _cores = line.split("\t")
    settings.setdefault(setting, []).append((float(p50) / 1000, float(p99) / 1000))

W, H, vmax = 960, 330, 8.0
base, plot = H - 70, H - 70 - top - 20
y = lambda v: base - plot * min(v, vmax) / vmax
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       '<text x="10" y="20" font-size="13">wirestream bench --rate 200, 2 cores: p99 latency (s) of each run (dots), median'
       ' (bar), median p50 (tick); red: the 1 s target; axis cut at 8 s</text>',
       f'<line x1="{left}" y1="{base}" x2="{W - 20}" y2="{base}" stroke="black"/>',
       f'<line x1="{left}" y1="{y(1)}" x2="{W - 20}" y2="{y(1)}" stroke="#c0392b" stroke-dasharray="4 3"/>',
       f'<text x="{left - 30}" y="{y(1) + 4}" fill="#c0392b">1 s</text>']
step = (W - left - 40) / max(1, len(settings))
for s, (setting, rs) in enumerate(settings.items()):
    bx = left + 20 + s * step
    med99 = statistics.median(r[1] for r in rs)
    med50 = statistics.median(r[0] for r in rs)
    out.append(f'<rect x="{bx}" y="{y(med99)}" width="{bar / 2}" height="{base - y(med99)}" fill="#9aa9b8"/>')
    out.append(f'<text x="{bx}" y="{y(med99) - 4}">{med99:.2f}</text>')
    out.append(f'<line x1="{bx - 4}" y1="{y(med50)}" x2="{bx + bar / 2 + 4}" y2="{y(med50)}" stroke="#2f6f9f" stroke-width="2"/>')
    for v in (r[1] for r in rs):
        out.append(f'<circle cx="{bx + bar / 4}" cy="{y(v)}" r="2.5" fill="black"/>')
    for n, part in enumerate(setting.split(", ")):
        out.append(f'<text x="{bx - 10}" y="{base + 14 + 12 * n}" font-size="10">{part}</text>')
out.append('</svg>')
(here / "latency.svg").write_text("\n".join(out) + "\n")
print("wrote", here / "latency.svg")
