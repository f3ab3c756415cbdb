"""Print recall and false-alarm rate of the text rules on tests/trust/corpus.yml, with every miss.

Usage: python scripts/trust_report.py   (exit status 1 when a target is missed)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from antarkerja.tools.trust import evaluate, print_report  # noqa: E402

if __name__ == "__main__":
    report = evaluate(ROOT)
    print_report(report)
    sys.exit(0 if report.meets_targets else 1)
