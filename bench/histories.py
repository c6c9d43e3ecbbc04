"""Realistic histories of any length for the benchmark, made on the spot (never committed).

A day holds what a person who uses unknot daily leaves behind, about 20 events: the quick safety
check (the full questions every 30 days), a session of the floor sequence, the desk break or the
nerve glides (its questions before saved answer by answer, its steps, a check-in part-way, its
end and the questions after), on some days the morning after and a quick pain log. The last day
is yesterday, so the home screen has a streak and a last session to show.

Usage as a script: python3 bench/histories.py EVENTS FILE
"""

import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

ROUTINES = {
    "Gentle start": ["Pelvic tilts", "Knee rolls", "Roller on the outer thigh (optional)",
                     "Tennis ball under the glutes", None, "Roller under the hamstrings",
                     "Roller under the calves", "Calf stretch at the wall", "Knee to chest",
                     "Figure-4 stretch", "Glute bridges", "Cat-camel", "Rest and breathe", None],
    "Desk break": ["Seated pelvic tilts", "Seated hamstring stretch", "Seated figure-4 stretch",
                   "Ball on the wall (optional)", "Stand up and walk", None],
    "Nerve glides": ["Seated pelvic tilts", "Seated nerve slider", None, "Rest and breathe",
                     "Stand up and walk"],
}
AREAS = ["back", "buttock", "thigh", "calf", "foot"]
NOTES = ["felt looser after the ball", "sore this morning", "long drive yesterday",
         "better than last week", "tight hamstrings"]
# One offset all year, and one for the summer, as a clock that changes twice a year shows.
WINTER, SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def stamp(at):
    zone = SUMMER if 4 <= at.month <= 9 else WINTER
    local = at.astimezone(zone)
    return local.isoformat(timespec="milliseconds")


class Writer:
    def __init__(self, out, limit):
        self.out, self.limit, self.count = out, limit, 0

    def line(self, at, kind, **fields):
        if self.count >= self.limit:
            return
        record = {"v": 1, "id": str(uuid.UUID(int=random.getrandbits(128), version=4)),
                  "at": stamp(at), "type": kind}
        record.update(fields)
        self.out.write(json.dumps(record, separators=(",", ":")) + "\n")
        self.count += 1

    def full(self):
        return self.count >= self.limit


def form(w, at, session, moment, answers, after_step=None):
    """A form saved answer by answer: each line holds every answer so far."""
    form_id = str(uuid.UUID(int=random.getrandbits(128), version=4))
    so_far = {}
    for key, value in answers:
        so_far[key] = value
        fields = {"form": form_id, "moment": moment, **so_far}
        if session:
            fields["session"] = session
        if after_step:
            fields["after_step"] = after_step
        w.line(at, "check_in", **fields)
        at += timedelta(seconds=4)
    return at


def day(w, at, n, pain):
    if n % 30 == 0:
        w.line(at, "safety", check="screening", result="clear")
    else:
        w.line(at, "safety", check="quick_check", result="clear")
    if n == 0:
        w.line(at, "safety", check="massage_cautions", result="shown")
    routine = random.choice(list(ROUTINES))
    session = str(uuid.UUID(int=random.getrandbits(128), version=4))
    w.line(at, "session_started", session=session, routine=routine, routine_hash="0" * 64,
           planned_s=840.0)
    areas = sorted(random.sample(AREAS, random.randint(1, 2)), key=AREAS.index)
    at = form(w, at, session, "before", [("pain", pain), ("areas", areas),
                                         ("side", random.choice(["left", "right"])),
                                         ("numbness", random.random() < 0.2)])
    previous, elapsed = None, 0.0
    for step, title in enumerate(ROUTINES[routine]):
        if title is None:
            at = form(w, at, session, "during",
                      [("pain", max(0, pain - random.randint(0, 2))), ("areas", areas)],
                      after_step=previous)
            previous = None
            continue
        skipped = random.random() < 0.05
        actual = random.uniform(5, 30) if skipped else 60.0
        at += timedelta(seconds=actual)
        elapsed += actual
        w.line(at, "step_done", session=session, step=step, title=title, planned_s=60.0,
               actual_s=round(actual, 3), skipped=skipped)
        previous = title
    w.line(at, "session_ended", session=session, outcome="completed", elapsed_s=round(elapsed, 3))
    answers = [("pain", max(0, pain - random.randint(-1, 3))),
               ("felt", random.choice(["better", "same", "worse"]))]
    if random.random() < 0.1:
        answers.append(("note", random.choice(NOTES)))
    form(w, at, session, "after", answers)
    return session


def write(path, events, seed=7):
    """`events` lines of history into `path`, ending yesterday evening."""
    random.seed(seed)
    # About 19.7 events a day; days past yesterday stay on yesterday.
    days = max(1, round(events / 19.7))
    first = datetime.now(timezone.utc).replace(hour=7, minute=30, second=0, microsecond=0) \
        - timedelta(days=days)
    with open(path, "w") as out:
        w = Writer(out, events)
        n, pain = 0, 6
        while not w.full():
            at = first + timedelta(days=min(n, days - 1), minutes=random.randint(0, 120))
            last = day(w, at, n, pain)
            if random.random() < 0.3:
                w.line(at + timedelta(hours=20), "check_in", form=str(uuid.uuid4()),
                       session=last, moment="next_morning", pain=pain)
            if random.random() < 0.3:
                form(w, at + timedelta(hours=9), None, "log",
                     [("pain", pain), ("areas", ["buttock"])])
            pain = min(10, max(0, pain + random.choice([-1, 0, 0, 1])))
            n += 1
    return w.count


if __name__ == "__main__":
    print(write(sys.argv[2], int(sys.argv[1])), "events written to", sys.argv[2])
