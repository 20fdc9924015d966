"""What normalised search costs in the RFP list. Run: `python benchmarks/tui_search_bench.py` (prints
figures; asserts nothing).

The RFP rows of `core`, in Persian and in Russian, repeated 100 times (9,200 rows; the 100x benchmark
playbook has 17,400): the time to build every row's search key and to filter every row for a two-word
search, with `workbench.domain.search` (case-folding, Persian/Arabic letters and digits, ZWNJ, ё) next to
the baseline measured in the same run, the plain `str.lower()` keys and `in` tests it replaced. The
keys are built by the first search typed (RfpRow.search_haystack), not when the RFP tab loads.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.domain.resolve import resolve  # noqa: E402
from workbench.domain.search import matches, search_key, search_words  # noqa: E402
from workbench.loading.playbooks import load_playbook  # noqa: E402
from workbench.tui.widgets.rfp_table import rfp_rows  # noqa: E402

COPIES = 100
SEARCHES = {"fa": "سامانه مشتري", "ru": "система клиент"}
"""two words each, the Persian one typed with an Arabic ي"""


def best(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    pb = resolve(load_playbook("core").playbook, {})
    for lang, query in SEARCHES.items():
        texts = [f"{r.id}\n{r.text}\n{r.rationale}\n{r.acceptance}" for r in rfp_rows(pb, lang)] * COPIES
        lower = [t.lower() for t in texts]
        folded = [search_key(t) for t in texts]
        words_lower, words_folded = query.lower().split(), search_words(query)
        build_old = best(lambda texts=texts: [t.lower() for t in texts])
        build_new = best(lambda texts=texts: [search_key(t) for t in texts])
        find_old = best(lambda lower=lower, ws=words_lower: [k for k in lower if all(w in k for w in ws)])
        find_new = best(lambda folded=folded, ws=words_folded: [k for k in folded if matches(ws, k)])
        found_old = sum(all(w in k for w in words_lower) for k in lower)
        found_new = sum(matches(words_folded, k) for k in folded)
        print(f"{lang}: {len(texts):,} rows")
        print(
            f"  build keys   search_key {build_new * 1000:7.1f} ms"
            f"   baseline lower() {build_old * 1000:7.1f} ms"
        )
        print(
            f"  filter       search_key {find_new * 1000:7.1f} ms"
            f"   baseline lower() {find_old * 1000:7.1f} ms"
            f"   ({found_new:,} rows found, baseline {found_old:,})"
        )


if __name__ == "__main__":
    main()
