#!/usr/bin/env python3
"""Tweets for the compose test (docker/test/run-compose-test.sh) and the recount it checks answers against.

  tweets.py generate DIR --parts 3 --tweets 4000      writes DIR/part-1.jsonl ... : Twitter API v1.1 status
                                                      objects, one JSON a line (the `jsonl` format of produce)
  tweets.py check ANSWER.json FILE...                 exit 0 when ANSWER (compare-users --json --top all for
                                                      two users) equals the recount of FILE..., else prints
                                                      the first difference and exits 1

The recount follows docs/words.md for the texts generated here, written independently of the tokenizer:
lower-cased, URLs and @mentions dropped, hashtags kept with their '#', the few stopwords the generator
puts in ('the', 'and', 'of', 'to', 'is', 'rt', and '&amp;' which the tokenizer reads as 'amp') dropped.
Every other token the generator writes is a word of two or more letters.
"""
import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

USERS = ["alice", "bob", "carol", "dave", "erin", "frank"]
WORDS = ("kafka spark cassandra stream batch view merge lambda tweet word count cluster broker topic "
         "partition offset query chart server deploy volume backup compose schema recompute speed serving "
         "layer driver worker executor master replica token ingest pointer cut version exact lag window "
         "river mountain coffee garden music travel football weather summer winter city market").split()
HASHTAGS = ["#kafka", "#bigdata", "#lambda", "#coffee", "#news"]
STOPWORDS = ["the", "and", "of", "to", "is", "rt"]
FIRST_ID = 1_700_000_000_000_000_000


def tweet_text(rnd):
    parts = []
    for _ in range(rnd.randint(3, 12)):
        r = rnd.random()
        if r < 0.70:
            w = rnd.choice(WORDS)
            parts.append(w.capitalize() if rnd.random() < 0.2 else w)
        elif r < 0.78:
            parts.append(rnd.choice(STOPWORDS))
        elif r < 0.85:
            parts.append(rnd.choice(HASHTAGS))
        elif r < 0.91:
            parts.append("@" + rnd.choice(USERS))
        elif r < 0.96:
            parts.append("https://t.co/" + "".join(rnd.choice("abcdefXYZ0123456789") for _ in range(8)))
        else:
            parts.append("&amp;")
    return " ".join(parts)


def generate(out, parts, tweets, seed):
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    n = 0
    for p in range(1, parts + 1):
        with open(out / f"part-{p}.jsonl", "w", encoding="utf-8") as f:
            for _ in range(tweets):
                user = rnd.choice(USERS)
                screen_name = user.capitalize() if rnd.random() < 0.1 else user
                created = start + timedelta(seconds=37 * n)
                status = {
                    "id": FIRST_ID + n,
                    "id_str": str(FIRST_ID + n),
                    "created_at": created.strftime("%a %b %d %H:%M:%S +0000 %Y"),
                    "text": tweet_text(rnd),
                    "user": {"screen_name": screen_name},
                    "lang": "en",
                    "favorite_count": rnd.randint(0, 50),
                    "retweet_count": rnd.randint(0, 10),
                }
                f.write(json.dumps(status) + "\n")
                n += 1
    print(f"{n} tweets of {len(USERS)} users in {parts} files under {out}")


def words_of(text):
    out = []
    for token in text.split(" "):
        token = token.lower()
        if token.startswith("@") or token.startswith("https://") or token == "&amp;" or token in STOPWORDS:
            continue
        out.append(token)
    return out


def recount(files):
    """user -> (tweets, tokens, {word: count}), each tweet id once."""
    seen, users = set(), {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                status = json.loads(line)
                if status["id"] in seen:
                    continue
                seen.add(status["id"])
                u = users.setdefault(status["user"]["screen_name"].lower(), [0, 0, {}])
                u[0] += 1
                for w in words_of(status["text"]):
                    u[1] += 1
                    u[2][w] = u[2].get(w, 0) + 1
    return users


def check(answer_file, files):
    answer = json.loads(Path(answer_file).read_text(encoding="utf-8"))
    users = recount(files)
    names = [u["name"] for u in answer["users"]]
    for u in answer["users"]:
        want = users.get(u["name"])
        if want is None:
            return f"user {u['name']} is in no file"
        if (u["tweets"], u["words"]) != (want[0], want[1]):
            return f"{u['name']}: answered {u['tweets']} tweets / {u['words']} words, recount {want[0]} / {want[1]}"
    a, b = (users[n][2] for n in names)
    want = {w: [a[w], b[w]] for w in a.keys() & b.keys()}
    got = {w["word"]: w["counts"] for w in answer["words"]}
    if got != want:
        wrong = sorted(w for w in got.keys() | want.keys() if got.get(w) != want.get(w))
        return (f"{names[0]} vs {names[1]}: {len(wrong)} mutual words differ, e.g. "
                + ", ".join(f"{w} answered {got.get(w)} recount {want.get(w)}" for w in wrong[:3]))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("dir", type=Path)
    g.add_argument("--parts", type=int, default=3)
    g.add_argument("--tweets", type=int, default=4000, help="tweets per part")
    g.add_argument("--seed", type=int, default=17)
    c = sub.add_parser("check")
    c.add_argument("answer")
    c.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.cmd == "generate":
        generate(args.dir, args.parts, args.tweets, args.seed)
        return 0
    problem = check(args.answer, args.files)
    if problem:
        print(problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
