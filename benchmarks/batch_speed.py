"""Batch speed: the sample corpus replicated to 10,000 files in a temporary folder, through
`tapsyrma batch` with --jobs 1 and with all cores, next to plain `tapsyrma parse` run once per
file (a new process each, as a shell loop over an archive would) in the same run.

    python benchmarks/batch_speed.py [--files 10000] [--parse-files 200]

Prints files/s and MB/s of each run, the CPU seconds it spent per file over all its processes
(a figure that holds when other work on the machine slows the wall clock: the load average at the
start of each run is printed too) and the peak memory of its whole process tree (the sum of RSS
over the parent and its workers, which counts pages the forked workers share once per process,
and the sum of PSS, which splits them). Memory is also measured on a tenth of the
corpus: flat memory means the same peak at 1,000 and at 10,000 files. The one-process-per-file
reference runs on the first --parse-files files only and is extrapolated to the whole corpus (the
output says so). The corpus is copies of the 52 samples: per-word caches of the parser are warmer
than on an archive of distinct acts.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from tapsyrma.app.batch import default_jobs
from tapsyrma.corpora import data_path

BATCH = [sys.executable, "-m", "tapsyrma.app.cli", "batch"]
PARSE = [sys.executable, "-m", "tapsyrma.app.cli", "parse"]
FILES_PER_FOLDER = 500
SAMPLE_EVERY = 0.2


def build_corpus(root: Path, count: int) -> list[Path]:
    samples = sorted(data_path("samples").glob("*.txt"))
    files = []
    for index in range(count):
        sample = samples[index % len(samples)]
        folder = root / f"{index // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{index:05d}-{sample.name}"
        shutil.copyfile(sample, target)
        files.append(target)
    return files


def measure(command: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS sum and peak PSS sum (bytes) of the command's process
    tree. CPU seconds count every process of the tree (each is waited for by its parent), so they
    hold even when other work on the machine slows the wall clock."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        rss = pss = 0
        try:
            for member in [process, *process.children(recursive=True)]:
                memory = member.memory_full_info()
                rss += memory.rss
                pss += memory.pss
        except psutil.Error:
            pass  # a worker ended between the listing and the reading
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[-6:])} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    return seconds, _children_cpu() - cpu_before, peak_rss, peak_pss


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", type=int, default=10_000, help="files in the replicated corpus")
    options.add_argument("--parse-files", type=int, default=200, help="files for the one-process-per-file reference")
    args = options.parse_args()
    cores = default_jobs()
    with tempfile.TemporaryDirectory(prefix="tapsyrma-batch-") as temporary:
        root = Path(temporary)
        files = build_corpus(root / "corpus", args.files)
        size = sum(path.stat().st_size for path in files)
        folders = sorted((root / "corpus").iterdir())
        tenth = folders[: max(1, len(folders) // 10)]
        tenth_files = sum(1 for folder in tenth for _ in folder.iterdir())
        tenth_size = sum(path.stat().st_size for folder in tenth for path in folder.iterdir())
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB (copies of the samples), {cores} cores, {os.uname().sysname}")
        print(f"{'run':58} {'files':>6} {'seconds':>8} {'files/s':>8} {'MB/s':>6} {'CPU s/file':>10} "
              f"{'peak RSS MB':>12} {'peak PSS MB':>12} {'load':>5}")

        def report(name: str, count: int, megabytes: float, seconds: float, cpu: float, rss: int, pss: int, load: float) -> None:
            memory = f"{rss / 2**20:>12.0f} {pss / 2**20:>12.0f}" if rss else f"{'-':>12} {'-':>12}"
            print(f"{name:58} {count:>6} {seconds:>8.1f} {count / seconds:>8.1f} {megabytes / seconds:>6.2f} "
                  f"{cpu / count:>10.3f} {memory} {load:>5.1f}", flush=True)

        rates = {}
        for jobs in (1, cores):
            load = os.getloadavg()[0]
            seconds, cpu, rss, pss = measure([*BATCH, str(root / "corpus"), "-o", str(root / f"out-{jobs}"), "--jobs", str(jobs)])
            rates[jobs] = len(files) / seconds
            report(f"tapsyrma batch --jobs {jobs}", len(files), size / 1e6, seconds, cpu, rss, pss, load)
        load = os.getloadavg()[0]
        seconds, cpu, rss, pss = measure([*BATCH, *map(str, tenth), "-o", str(root / "out-tenth"), "--jobs", str(cores)])
        report(f"tapsyrma batch --jobs {cores}, first tenth (memory flatness)", tenth_files, tenth_size / 1e6, seconds, cpu, rss, pss, load)

        subset = files[: args.parse_files]
        subset_size = sum(path.stat().st_size for path in subset)
        load = os.getloadavg()[0]
        cpu_before = _children_cpu()
        started = time.perf_counter()
        for path in subset:
            parsed = subprocess.run([*PARSE, str(path), "--format", "json", "-o", str(root / "act.json")], check=False, capture_output=True)
            if parsed.returncode:
                raise SystemExit(f"tapsyrma parse {path} failed: {parsed.stderr.decode()}")
        seconds = time.perf_counter() - started
        report(f"tapsyrma parse, a process per file ({len(subset)} files)", len(subset), subset_size / 1e6, seconds,
               _children_cpu() - cpu_before, 0, 0, load)
        whole = seconds / len(subset) * len(files)
        print(f"  extrapolated to {len(files)} files: {whole:,.0f} s ({whole / 3600:.1f} h) — measured on {len(subset)}, not run on all")
        print(f"batch --jobs {cores} is {rates[cores] / (len(subset) / seconds):.0f}x the files/s of a process per file; "
              f"--jobs {cores} is {rates[cores] / rates[1]:.2f}x --jobs 1")


if __name__ == "__main__":
    main()
