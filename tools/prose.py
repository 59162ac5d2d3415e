"""The README's prose figures, by the rules the before-stop hook judges them with.

    python tools/prose.py [FILE]    # FILE: README.rst beside tools/, by default

Code blocks and literal blocks are left out: a line that starts a
`.. code-block::` or ends in `::` is dropped, and so is every blank or
indented line after it. The rest is prose, joined into one line; a sentence
ends at `.`, `!` or `?` followed by a space, and only sentences of more than
two words count. The line count is the whole file's, as `wc -l` gives it.

Exit status 1 when a goal is missed: a mean over 18 words a sentence, more
than 10% of sentences over 30 words, more than 4,400 words of prose, or more
than 740 lines; 0 otherwise. (Until the stream, 3,600 words and 600 lines: its
section, its tutorial and its tests added some 700 words and 120 lines.)
"""
import argparse
import re
import statistics
from pathlib import Path


def prose(text):
    """The lines of `text` that are prose, not code or literal blocks."""
    kept, skip = [], False
    for line in text.split("\n"):
        if skip:
            if not line.strip() or line[:1] in " \t":
                continue
            skip = False
        if line.strip().startswith(".. code-block") or line.rstrip().endswith("::"):
            skip = True
            continue
        kept.append(line)
    return kept


def figures(text):
    words = re.sub(r"\s+", " ", "\n".join(prose(text)))
    lengths = [len(sentence.split()) for sentence in re.split(r"(?<=[.!?])\s+", words)
               if len(sentence.split()) > 2] or [0]
    return dict(words=len(words.split()), sentences=len(lengths),
                mean=statistics.mean(lengths),
                long=100 * sum(n > 30 for n in lengths) / len(lengths),
                lines=text.count("\n"))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?",
                        default=Path(__file__).resolve().parent.parent / "README.rst")
    args = parser.parse_args()
    found = figures(Path(args.file).read_text(encoding="utf-8"))
    rows = [  # figure, value, goal
        ("words of prose", f"{found['words']:,}", found["words"] <= 4400, "<= 4,400"),
        ("sentences", f"{found['sentences']:,}", None, ""),
        ("mean words a sentence", f"{found['mean']:.1f}", found["mean"] <= 18, "<= 18"),
        ("sentences over 30 words (%)", f"{found['long']:.0f}", found["long"] <= 10,
         "<= 10"),
        ("lines", f"{found['lines']:,}", found["lines"] <= 740, "<= 740"),
    ]
    print(f"{args.file}:")
    for name, value, met, goal in rows:
        verdict = "" if met is None else "met" if met else "NOT"
        print(f"  {name:30} {value:>7}  {goal:9} {verdict}")
    return 1 if False in [met for _, _, met, _ in rows] else 0


if __name__ == "__main__":
    raise SystemExit(main())
