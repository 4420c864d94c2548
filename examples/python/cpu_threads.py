"""The same four computations on a pool of two threads.

Only the thread holding the GIL may run Python, so the two threads take turns (every 5 ms) and
the run is no faster than cpu_sequential.py.
"""
import time
from concurrent.futures import ThreadPoolExecutor

ROUNDS = 5_000_000
JOBS = 4


def crunch(rounds):
    total = 0
    for i in range(rounds):
        total += i * i
    return total


if __name__ == "__main__":
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="cruncher") as pool:
        results = list(pool.map(crunch, [ROUNDS] * JOBS))
    print(f"{JOBS} computations on 2 threads in {time.perf_counter() - began:.2f} s")
