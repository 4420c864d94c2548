"""Four equal pure-Python computations, one after another on the main thread.

The baseline for cpu_threads.py and cpu_processes.py.
"""
import time

ROUNDS = 5_000_000  # about 0.25 s of pure Python on a typical core
JOBS = 4


def crunch(rounds):
    total = 0
    for i in range(rounds):
        total += i * i
    return total


if __name__ == "__main__":
    began = time.perf_counter()
    results = [crunch(ROUNDS) for _ in range(JOBS)]
    print(f"{JOBS} computations in {time.perf_counter() - began:.2f} s")
