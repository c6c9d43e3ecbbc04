#!/usr/bin/env python3
"""Whole-program figures for unknot on the release build, written to bench/RESULTS.md.

Measures, each in a real pseudo-terminal:
  - timer accuracy: a routine run for real (3 minutes; --long for 30), every phase boundary's
    lateness read from UNKNOT_TRACE, its maximum and mean, and whether it grows over time;
  - CPU while counting down over 60 s, and peak resident memory (VmHWM);
  - time from launch to the first frame (the first drawn screen);
  - with histories of 0, 10k, 73k, 100k and 1M events (made by bench/histories.py, never
    committed): the first frame of the home screen, of a routine and of the review, the time
    until the figures from the history are on screen, peak memory while counting, and the
    time and peak memory of exporting the history;
  - the history figures from `cargo bench --bench history`.
Peer terminal timers are measured the same way when they can be installed (--peers), launched
in turn with unknot, run by run, so that a busy moment of the machine falls on all of them; a
peer that cannot be installed is shown with the reason.

The release binary is built once and copied, and the copy is what is measured: building for
`cargo bench` cannot replace it meanwhile.

Usage: python3 bench/run.py [--long] [--peers] [--quick]
"""

import argparse
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = TARGET / "release" / "unknot"
sys.path.insert(0, str(ROOT / "bench"))
import histories  # noqa: E402
CLK_TCK = os.sysconf("SC_CLK_TCK")


def routine(minutes):
    """A minute a step: a 5 s lead-in, 25 s on one side, 5 s to switch, 25 s on the other."""
    steps = []
    for n in range(minutes):
        steps.append(
            f'(title: "Hold {n + 1}", kind: Stretch, sides: Each, seconds: 25, reps: 1, rest: 5, '
            f'instructions: ["Breathe."])'
        )
    return f'(title: "Bench", level: Gentle, lead_in: 5, steps: [{", ".join(steps)}])'


def screened_data_dir(path):
    """A data dir whose safety questions were answered today, so only one key is needed."""
    path.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    lines = [
        {"v": 1, "id": str(uuid.uuid4()), "at": now, "type": "safety", "check": "screening",
         "result": "clear"},
        {"v": 1, "id": str(uuid.uuid4()), "at": now, "type": "safety",
         "check": "massage_cautions", "result": "shown"},
    ]
    (path / "history.jsonl").write_text("".join(json.dumps(l) + "\n" for l in lines))


class Pty:
    """A program in a pseudo-terminal, its output drained so it never blocks."""

    def __init__(self, argv, env, rows=30, cols=100):
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env)
            os.execvp(argv[0], argv)
        import fcntl, struct, termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = b""
        self.first_frame = None

    def pump(self, seconds, until=None):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                self.output += chunk
                if self.first_frame is None and until and until(self.output):
                    self.first_frame = time.monotonic() - self.started
                    return True
        return True

    def keys(self, text):
        os.write(self.fd, text.encode())

    def cpu_seconds(self):
        """CPU time of every thread, to the nanosecond from schedstat where the kernel keeps it
        (clock ticks of 10 ms would make 0.05 % of a minute three ticks)."""
        try:
            total = 0
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            return total / 1e9
        except (OSError, ValueError, IndexError):
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def status_kb(self, field):
        """A memory figure (KiB) of /proc/PID/status: VmHWM, its peak; VmRSS, resident now."""
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def hwm_kb(self):
        return self.status_kb("VmHWM")

    def rss_kb(self):
        return self.status_kb("VmRSS")

    def exited(self):
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] != 0
        except ChildProcessError:
            return True

    def last_words(self):
        """Why a program gave up: its line that says error, else its first line of text."""
        text = ESCAPE.sub(b"", self.output).decode("utf-8", "replace")
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        said = [l for l in lines if l.lower().startswith("error")] or lines
        return textwrap.shorten(said[0], 100, placeholder=" ...") if said else "no output"

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def first_frame(argv, env, ready, launches=10):
    """Median time from launch to the first drawn screen, over several launches."""
    return first_frames({"one": (argv, env, ready)}, launches)["one"]


def first_frames(programs, launches=10):
    """Median time to the first drawn screen of each program, launched in turn, run by run."""
    times = {name: [] for name in programs}
    for _ in range(launches):
        for name, (argv, env, ready) in programs.items():
            p = Pty(argv, env)
            p.pump(10, until=ready)
            if p.first_frame is not None:
                times[name].append(p.first_frame)
            p.stop()
    return {name: statistics.median(t) if t else None for name, t in times.items()}


def measure_idle(argv, env, ready, settle, seconds, first=None):
    """First frame (median of 10 launches, unless given), CPU over `seconds` of counting down,
    peak memory."""
    if first is None:
        first = first_frame(argv, env, ready)
    p = Pty(argv, env)
    p.pump(5, until=ready)
    settle(p)
    p.pump(2)
    cpu0, t0 = p.cpu_seconds(), time.monotonic()
    p.pump(seconds)
    if p.exited():
        return first, None, p.last_words()
    cpu = (p.cpu_seconds() - cpu0) / (time.monotonic() - t0) * 100
    hwm = p.hwm_kb()
    p.stop()
    return first, cpu, hwm


def unknot_args(work, routine_file):
    """As a person starts it, sound on: the device opens, or the terminal bell stands in."""
    return [str(BIN), "--config", str(work / "config.ron"), "--data-dir",
            str(work / "data"), "start", str(routine_file)]


def unknot_settle(p):
    p.keys("\r")      # no new symptoms
    time.sleep(0.3)
    p.keys("\x1b")    # skip the questions before


def accuracy(minutes, work):
    routine_file = work / f"accuracy-{minutes}.ron"
    routine_file.write_text(routine(minutes))
    screened_data_dir(work / "data")
    trace = work / "trace.txt"
    env = {"TERM": "xterm-256color", "UNKNOT_TRACE": str(trace)}
    p = Pty(unknot_args(work, routine_file), env)
    p.pump(3, until=lambda out: b"Any new symptoms" in out)
    unknot_settle(p)
    planned = minutes * 60.0
    p.pump(planned + 5)
    p.stop()
    rows, handed, synced = [], {}, {}
    for line in trace.read_text().splitlines():
        word, phase, *times = line.split()
        if word == "boundary":
            _, due, seen = times
            rows.append((int(phase), float(due), float(seen) - float(due)))
        elif word == "cue":
            handed.setdefault(int(phase), float(times[0]))
        elif word == "synced":
            synced.setdefault(int(phase), float(times[0]))
    due_of = {phase: due for phase, due, _ in rows[1:]}
    cue_late = [handed[p] - due_of[p] for p in handed if p in due_of]
    sync_late = [synced[p] - due_of[p] for p in synced if p in due_of]
    late = [r[2] for r in rows[1:]]
    due_min = [r[1] / 60000 for r in rows[1:]]
    half = len(late) // 2
    return {
        "slope_ms_per_min": statistics.linear_regression(due_min, late).slope,
        "boundaries": len(late),
        "max_ms": max(late),
        "mean_ms": statistics.mean(late),
        "first_half_mean_ms": statistics.mean(late[:half]),
        "second_half_mean_ms": statistics.mean(late[half:]),
        "span_s": rows[-1][1] / 1000,
        "cues": len(cue_late),
        "cue_max_ms": max(cue_late, default=float("nan")),
        "cue_median_ms": statistics.median(cue_late) if cue_late else float("nan"),
        "synced": len(sync_late),
        "sync_max_ms": max(sync_late, default=float("nan")),
        "sync_median_ms": statistics.median(sync_late) if sync_late else float("nan"),
    }


ESCAPE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOZc])")


def drawn(out):
    """Something visible has been drawn: a character that is neither a control sequence nor space."""
    return any(not chr(b).isspace() for b in ESCAPE.sub(b"", out) if b >= 0x20)


PEERS = {
    # name: (install command, argv for a 30-minute countdown, keys that start the countdown)
    "termdown": (["pip", "install", "--quiet", "termdown"], ["termdown", "30m"], ""),
    "tclock": (["cargo", "install", "--quiet", "--locked", "clock-tui"],
               ["tclock", "timer", "-d", "30m"], ""),
    # 1.9.0: the newest release that builds with the Rust this was measured with.
    "timr-tui": (["cargo", "install", "--quiet", "--locked", "timr-tui", "--version", "1.9.0"],
                 ["timr-tui", "-m", "countdown", "-c", "30:00"], " "),
    "porsmo": (["cargo", "install", "--quiet", "--locked", "porsmo"],
               ["porsmo", "timer", "30m"], ""),
}


def install_peer(name):
    """None once the peer is there, else why it is not."""
    install, argv, _ = PEERS[name]
    if shutil.which(argv[0]):
        return None
    done = subprocess.run(install, capture_output=True, text=True)
    if shutil.which(argv[0]):
        return None
    said = [l.strip() for l in (done.stderr + done.stdout).splitlines() if l.strip()]
    errors = [l for l in said if "error" in l.lower()] or said or [f"exit {done.returncode}"]
    return "could not be installed: " + textwrap.shorten(errors[0], 100, placeholder=" ...")


def peer(name, seconds, first):
    _, argv, start_keys = PEERS[name]
    return measure_idle(argv, {"TERM": "xterm-256color"}, drawn,
                        lambda p: start_keys and p.keys(start_keys), seconds, first)


SIZES = [0, 10_000, 73_000, 100_000, 1_000_000]


def rss_of_child(argv, stdout):
    """Seconds and peak resident memory (KiB) of a command run to its end. GNU time reports the
    program's own peak; a child's ru_maxrss would count this script's memory from before exec."""
    timed = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t0 = time.monotonic()
    done = subprocess.run(timed + argv, stdout=stdout, stderr=subprocess.PIPE, text=True)
    took = time.monotonic() - t0
    kb = done.stderr.strip().splitlines()[-1] if timed and done.stderr.strip() else "0"
    return took, int(kb) if kb.isdigit() else 0


def history_sizes(work, binary, sizes, launches):
    """First frames, the time until the history's figures show, peak memory while counting, and
    exports, with a history of each size."""
    rows = []
    for n in sizes:
        data = work / f"data-{n}"
        data.mkdir(parents=True, exist_ok=True)
        history = data / "history.jsonl"
        if n:
            histories.write(history, n)
        os.chmod(history, 0o600) if history.exists() else None
        env = {"TERM": "xterm-256color"}
        base = [str(binary), "--config", str(work / "config.ron"), "--data-dir", str(data)]
        start = base + ["start", "desk-break"]
        review = base + ["history"]
        # The first start reads the whole history and writes its derived files (`cache/`);
        # every later one reads them and the lines added since. Both are shown.
        shutil.rmtree(data / "cache", ignore_errors=True)
        first_start = first_frames({
            "home": (base, env, lambda o: b"Last session" in o or (not n and b"Gentle" in o)),
        }, 1)["home"]
        shutil.rmtree(data / "cache", ignore_errors=True)
        first_review = first_frames({
            "review": (review, env, lambda o: b"of " in o or b"No sessions" in o),
        }, 1)["review"]
        frames = first_frames({
            "home": (base, env, drawn),
            "start": (start, env, drawn),
            "review": (review, env, drawn),
        }, launches)
        # The figures: the home screen's last session, a routine's first question, the review's
        # list of sessions.
        filled = first_frames({
            "home": (base, env, lambda o: b"Last session" in o or (not n and b"Gentle" in o)),
            "start": (start, env, asked),
            "review": (review, env, lambda o: b"of " in o or b"No sessions" in o),
        }, max(3, launches // 3))
        # An empty history has no list to move in.
        keys = review_keys(review, env) if n else None
        # Sound on (the device opens, or fails to where there is none: its libraries load
        # either way), and muted from the start (the device is never opened).
        muted = work / "muted.ron"
        muted.write_text("(muted: true)\n")
        hwm = [counting_peak(binary, work / "config.ron", data, env),
               counting_peak(binary, muted, data, env)]
        after = after_the_review(base, env, data) if n else (None, None)
        # The copy it made written out first, not while the export runs; then the median of
        # three exports and the largest peak.
        os.sync()
        exports = [rss_of_child(base + ["history", "--format", "csv"], subprocess.DEVNULL)
                   for _ in range(3)]
        took = statistics.median(t for t, _ in exports)
        export_kb = max(kb for _, kb in exports)
        rows.append((n, frames, filled, (first_start, first_review), hwm, after, took, export_kb,
                     keys))
    return rows


def counting_peak(binary, config, data, env):
    """Peak resident memory (KiB) once a routine is counting down, on a copy of the data folder
    (each run saves its answers: the next would be asked other questions)."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data, copy)
        if not (copy / "history.jsonl").exists():
            # With no history the full safety questions come first: answered as already done.
            screened_data_dir(copy)
        return counted_peak([str(binary), "--config", str(config), "--data-dir", str(copy),
                             "start", "desk-break"], env)


def counted_peak(argv, env):
    """Peak memory once a routine started by `argv` counts down; `None` if it never does."""
    p = Pty(argv, env)
    p.pump(10, until=asked)
    hwm = p.hwm_kb() if counts_down(p) else None
    p.stop()
    return hwm


def counts_down(p):
    """Answers what comes before a routine (Enter to the morning after and the new-symptoms
    check, Esc to the questions before); whether it then counts down, a few seconds in."""
    for _ in range(6):
        seen = len(p.output)
        if b"left of" in p.output[-4000:]:
            break
        p.keys("\x1b" if b"Before you start" in p.output[-4000:] else "\r")
        p.pump(2, until=lambda o: len(o) > seen and (b"left of" in o[-4000:] or asked(o[seen:])))
    counting = b"left of" in p.output[-4000:]
    p.pump(3)
    return counting and not p.exited()


def after_the_review(base, env, data):
    """A run from the home screen with no derived files, as the first after an upgrade: the time
    from `h` to the review's list (the home screen's reading has built the review's derived
    file), then, the review closed and a routine started from the home screen, resident memory
    (VmRSS) while it counts down. On a copy of the data folder."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data, copy, ignore=shutil.ignore_patterns("cache"))
        p = Pty(base[:-1] + [str(copy)], env)
        p.pump(30, until=lambda o: b"Last session" in o)
        p.pump(0.3)
        seen, p.first_frame = len(p.output), None
        t0 = time.monotonic()
        p.keys("h")
        p.pump(30, until=lambda o: b"of " in o[seen:])
        listed = time.monotonic() - t0 if p.first_frame is not None else None
        p.pump(0.3)
        seen, p.first_frame = len(p.output), None
        p.keys("\x1b")
        p.pump(5, until=lambda o: b"Last session" in o[seen:])
        p.keys("\r")
        p.pump(10, until=asked)
        rss = p.rss_kb() if counts_down(p) else None
        p.stop()
        return listed, rss


def asked(out):
    """A routine's first question is on screen: the morning after, or the safety questions."""
    return b"symptoms" in out or b"questions" in out or b"The morning after" in out


def review_keys(argv, env, presses=20):
    """Median and longest time from a key on the review's session list (down, up, the next
    pane) to the start of the screen it changes."""
    p = Pty(argv, env)
    p.pump(15, until=lambda o: b"of " in o or b"No sessions" in o)
    time.sleep(0.3)
    p.pump(0.2)
    times = []
    for i in range(presses):
        seen = len(p.output)
        key = ["\x1b[B", "\x1b[A", "\t"][i % 3]
        t0 = time.monotonic()
        p.keys(key)
        end = t0 + 2
        while time.monotonic() < end and len(p.output) == seen:
            if select.select([p.fd], [], [], 0.05)[0]:
                p.output += os.read(p.fd, 65536)
        if len(p.output) > seen:
            times.append(time.monotonic() - t0)
        time.sleep(0.05)
        p.pump(0.05)
    p.stop()
    return (statistics.median(times), max(times)) if times else None


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {cpu}, Linux {os.uname().release}"


def history_bench():
    # Its own target folder: the bench build never touches the binary measured above.
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET / "bench"))
    out = subprocess.run(["cargo", "bench", "--quiet", "--bench", "history"], cwd=ROOT,
                         capture_output=True, text=True, env=env).stdout
    return [l for l in out.splitlines() if l.startswith("|")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--long", action="store_true", help="a 30-minute accuracy run")
    parser.add_argument("--peers", action="store_true", help="also measure peer timers")
    parser.add_argument("--quick", action="store_true", help="15 s of idle, 1-minute accuracy")
    args = parser.parse_args()
    global BIN
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    idle_seconds = 15 if args.quick else 60
    minutes = 1 if args.quick else (30 if args.long else 3)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # The copy is measured: a build meanwhile cannot replace it.
        shutil.copy(BIN, work / "unknot")
        BIN = work / "unknot"
        acc = accuracy(minutes, work)
        routine_file = work / "idle.ron"
        routine_file.write_text(routine(30))
        screened_data_dir(work / "data")
        programs = {"unknot": (unknot_args(work, routine_file), {"TERM": "xterm-256color"}, drawn)}
        missing = {}
        if args.peers:
            for name in PEERS:
                why = install_peer(name)
                if why:
                    missing[name] = why
                else:
                    programs[name] = (PEERS[name][1], {"TERM": "xterm-256color"}, drawn)
        firsts = first_frames(programs)
        # Each launch stopped at its first frame saved its safety question unanswered; a person
        # who starts a routine has answered today's.
        screened_data_dir(work / "data")
        first, cpu, hwm = measure_idle(
            unknot_args(work, routine_file), {"TERM": "xterm-256color"},
            lambda out: b"Any new symptoms" in out, unknot_settle, idle_seconds,
            firsts["unknot"])
        rows = [("unknot", first, cpu, hwm)]
        for name in PEERS:
            if name in programs:
                rows.append((name, *peer(name, idle_seconds, firsts[name])))
            elif name in missing:
                rows.append((name, None, None, missing[name]))
        sizes = history_sizes(work, BIN, SIZES,
                              3 if args.quick else 10)
    lines = [
        "# unknot benchmark results",
        "",
        f"Run {datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}; release build;",
        "`python3 bench/run.py` (add `--long` for a 30-minute accuracy run, `--peers` for other timers).",
        "",
        "## Timer accuracy",
        "",
        f"A routine of {minutes} minute(s) run for real in a pseudo-terminal; each phase boundary's",
        "lateness is when the app reached it minus when it was due (from `UNKNOT_TRACE`).",
        "",
        "| boundaries | span | max late | mean late | mean, first half | mean, second half | trend | target |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {acc['boundaries']} | {acc['span_s']:.0f} s | {acc['max_ms']:.2f} ms | {acc['mean_ms']:.2f} ms "
        f"| {acc['first_half_mean_ms']:.2f} ms | {acc['second_half_mean_ms']:.2f} ms "
        f"| {acc['slope_ms_per_min']:+.3f} ms/min | every boundary within 20 ms, no growth |",
        "",
        "The trend is the slope of lateness against time (least squares): growth would show as a",
        "slope well above zero.",
        "",
        "What a person hears and what is kept: from each boundary's due time to its cue being handed",
        "to the sound device (the terminal bell here, without one), and to its history line being",
        "written and synced to disk (`fsync`).",
        "",
        "| from the boundary to | boundaries | median | max | target |",
        "|---|---:|---:|---:|---|",
        f"| its cue handed to the sound device | {acc['cues']} | {acc['cue_median_ms']:.2f} ms "
        f"| {acc['cue_max_ms']:.2f} ms | within 20 ms |",
        f"| its history line synced | {acc['synced']} | {acc['sync_median_ms']:.2f} ms "
        f"| {acc['sync_max_ms']:.2f} ms | |",
        "",
        "## While counting down",
        "",
        f"CPU over {idle_seconds} s of a countdown, 100x30 terminal; first frame from launch (median of",
        "10 launches); peak resident memory.",
        "",
        "| program | first frame | CPU (one core) | VmHWM | its first frame, CPU, memory as multiples of unknot's |",
        "|---|---:|---:|---:|---|",
    ]
    _, u_first, u_cpu, u_hwm = rows[0]
    for name, first, cpu, hwm in rows:
        if cpu is None and isinstance(hwm, str) and hwm.startswith("could not"):
            lines.append(f"| {name} | n/a | n/a | n/a | {hwm} |")
            continue
        if cpu is None:
            lines.append(f"| {name} | n/a | n/a | n/a | exited at start: \"{hwm}\" |")
            continue
        shown = f"{first * 1000:.0f} ms" if first is not None else "n/a"
        ratio = lambda a, b: f"{a / b:.1f}x" if a is not None and b else "n/a"
        times = "" if name == "unknot" else \
            f"{ratio(first, u_first)}, {ratio(cpu, u_cpu)}, {ratio(hwm, u_hwm)}"
        lines.append(f"| {name} | {shown} | {cpu:.3f} % | {hwm / 1024:.1f} MB | {times} |")
    lines += ["", "Targets: first frame at most 25 ms, CPU at most 0.25 %, at most 15 MB.", "",
              "## With a history", "",
              "Histories made by `bench/histories.py` (20 events a day: sessions with steps and",
              "check-ins, quick logs, safety answers). First frame: median of launches, anything",
              "drawn. Figures: the home screen's last session, a routine's first question, the",
              "review's session list on screen; medians of launches after the first, which reads",
              "the whole history and writes its derived files (shown alone). Peak memory (VmHWM)",
              "while a routine counts down. After the review: a first run from the home screen with",
              "no derived files, the time from `h` to the review's list, then resident memory",
              "(VmRSS) while a routine started from the home screen counts down. CSV export: median",
              "of three, and the largest peak memory of the three.",
              f"Sound device: {'present (PULSE_SERVER)' if os.environ.get('PULSE_SERVER') else 'none'}.",
              "",
              "| events | home first frame | `start` first frame | review first frame | home figures | `start` questions | review list | home figures / review list, no derived files | review key, median / max | peak memory counting, sound on / muted | after the review: list, no derived files / memory counting | CSV export | its peak memory |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    ms = lambda t: f"{t * 1000:.0f} ms" if t is not None else "n/a"
    mib = lambda kb: f"{kb / 1024:.1f} MiB" if kb else "n/a"
    for n, frames, filled, first, hwm_kb, after, took, export_kb, keys in sizes:
        key = f"{keys[0] * 1000:.1f} / {keys[1] * 1000:.1f} ms" if keys else "n/a"
        lines.append(
            f"| {n} | {ms(frames['home'])} | {ms(frames['start'])} | {ms(frames['review'])} "
            f"| {ms(filled['home'])} | {ms(filled['start'])} | {ms(filled['review'])} "
            f"| {ms(first[0])} / {ms(first[1])} | {key} "
            f"| {mib(hwm_kb[0])} / {mib(hwm_kb[1])} | {ms(after[0])} / {mib(after[1])} | {ms(took)} "
            f"| {export_kb / 1024:.1f} MiB |")
    lines += ["",
              "## History", "", "From `cargo bench --bench history`.", ""]
    lines += history_bench()
    lines.append("")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
