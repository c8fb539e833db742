#!/usr/bin/env python3
"""Writes questions built to be expensive to score, in the format of `phobien eval answer --questions`.

    bench/long_questions.py CORPUS.json > /tmp/long-questions.json
    build/phobien eval answer --corpus CORPUS.json --questions /tmp/long-questions.json

Three questions of up to 3,990 characters (the API takes 4,000), each repeated ten times: the
corpus's most frequent distinct words (the longest posting lists), its next 2,000 most frequent
words onwards, and one common word repeated. Their "gold" articles are made up: only the
throughput line means anything. docs/benchmarks.md, "Scoring a long question".
"""
import collections
import json
import re
import sys


def words_of(value, counts):
    if isinstance(value, str):
        counts.update(re.findall(r"\w+", value.lower()))
    elif isinstance(value, dict):
        for v in value.values():
            words_of(v, counts)
    elif isinstance(value, list):
        for v in value:
            words_of(v, counts)


def up_to_limit(words, limit=3990):
    text = ""
    for w in words:
        if len(text) + len(w) + 1 > limit:
            break
        text += w + " "
    return text.strip()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    counts = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        words_of(json.load(f), counts)
    ranked = [w for w, _ in counts.most_common()]
    texts = [up_to_limit(ranked), up_to_limit(ranked[2000:]), up_to_limit(["của"] * 2000)]
    questions = [{"question_id": f"long-{i}", "question_type": "Tự luận", "text": t,
                  "relevant_articles": [{"law_id": "none", "article_id": "1"}], "answer": ""}
                 for i, t in enumerate(texts)]
    json.dump(questions * 10, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
