#!/usr/bin/env python3
"""Whole-program figures for unknot on the release build, written to bench/RESULTS.md.

Measures, each in a real pseudo-terminal:
  - timer accuracy: a routine run for real (3 minutes; --long for 30), every phase boundary's
    lateness read from UNKNOT_TRACE, its maximum and mean, and whether it grows over time;
  - CPU while counting down over 60 s, and peak resident memory (VmHWM);
  - time from launch to the first frame (the first drawn screen);
  - the history figures from `cargo bench --bench history`.
Peer terminal timers are measured the same way when they can be installed (--peers).

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
BIN = ROOT / "target" / "release" / "unknot"
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

    def hwm_kb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

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
    times = []
    for _ in range(launches):
        p = Pty(argv, env)
        p.pump(5, until=ready)
        if p.first_frame is not None:
            times.append(p.first_frame)
        p.stop()
    return statistics.median(times) if times else None


def measure_idle(argv, env, ready, settle, seconds):
    """First frame (median of 10 launches), CPU over `seconds` of counting down, peak memory."""
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
    rows = []
    for line in trace.read_text().splitlines():
        _, phase, _, due, seen = line.split()
        rows.append((int(phase), float(due), float(seen) - float(due)))
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


def peer(name, seconds):
    install, argv, start_keys = PEERS[name]
    if not shutil.which(argv[0]):
        subprocess.run(install, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not shutil.which(argv[0]):
        return None
    return measure_idle(argv, {"TERM": "xterm-256color"}, drawn,
                        lambda p: start_keys and p.keys(start_keys), seconds)


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {cpu}, Linux {os.uname().release}"


def history_bench():
    out = subprocess.run(["cargo", "bench", "--quiet", "--bench", "history"], cwd=ROOT,
                         capture_output=True, text=True).stdout
    return [l for l in out.splitlines() if l.startswith("|")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--long", action="store_true", help="a 30-minute accuracy run")
    parser.add_argument("--peers", action="store_true", help="also measure peer timers")
    parser.add_argument("--quick", action="store_true", help="15 s of idle, 1-minute accuracy")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    idle_seconds = 15 if args.quick else 60
    minutes = 1 if args.quick else (30 if args.long else 3)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        acc = accuracy(minutes, work)
        routine_file = work / "idle.ron"
        routine_file.write_text(routine(30))
        screened_data_dir(work / "data")
        first, cpu, hwm = measure_idle(
            unknot_args(work, routine_file), {"TERM": "xterm-256color"},
            drawn, unknot_settle, idle_seconds)
    rows = [("unknot", first, cpu, hwm)]
    if args.peers:
        for name in PEERS:
            got = peer(name, idle_seconds)
            if got:
                rows.append((name, *got))
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
        if cpu is None:
            lines.append(f"| {name} | n/a | n/a | n/a | exited at start: \"{hwm}\" |")
            continue
        shown = f"{first * 1000:.0f} ms" if first is not None else "n/a"
        ratio = lambda a, b: f"{a / b:.1f}x" if a is not None and b else "n/a"
        times = "" if name == "unknot" else \
            f"{ratio(first, u_first)}, {ratio(cpu, u_cpu)}, {ratio(hwm, u_hwm)}"
        lines.append(f"| {name} | {shown} | {cpu:.3f} % | {hwm / 1024:.1f} MB | {times} |")
    lines += ["", "Targets: first frame at most 25 ms, CPU at most 0.25 %, at most 15 MB.", "",
              "## History", "", "From `cargo bench --bench history`.", ""]
    lines += history_bench()
    lines.append("")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
