"""The same four computations on multiprocessing.Pool(2): two processes, two GILs.

Each process has its own interpreter, so both compute at once on different cores; starting the
processes costs a little, visible at the start of the run.
"""
import multiprocessing
import time

ROUNDS = 5_000_000
JOBS = 4


def crunch(rounds):
    total = 0
    for i in range(rounds):
        total += i * i
    return total


if __name__ == "__main__":
    began = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        results = pool.map(crunch, [ROUNDS] * JOBS, chunksize=1)
    print(f"{JOBS} computations on 2 processes in {time.perf_counter() - began:.2f} s")
