"""Recursive fib(10) with a 0.1 s pause in every call: 177 calls, one after another.

Every pause is paid in full, so the run takes about 177 x 0.1 s.
"""
import time

calls = 0


def fib(n):
    global calls
    calls += 1
    time.sleep(0.1)
    if n > 1:
        return fib(n - 1) + fib(n - 2)
    return n


if __name__ == "__main__":
    began = time.perf_counter()
    result = fib(10)
    print(f"fib(10) = {result} in {calls} calls, {time.perf_counter() - began:.2f} s")
