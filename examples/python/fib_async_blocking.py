"""fib(10) as asyncio tasks, but each call pauses with the *blocking* time.sleep.

Every call becomes a task (create_task + gather), yet time.sleep holds the event loop: no other
task can run while one sleeps, so this is no faster than fib_sequential.py (a little slower).
"""
import asyncio
import time

calls = 0


async def fib(n):
    global calls
    calls += 1
    time.sleep(0.1)  # blocks the whole event loop
    if n > 1:
        left = asyncio.create_task(fib(n - 1), name=f"fib({n - 1})")
        right = asyncio.create_task(fib(n - 2), name=f"fib({n - 2})")
        await asyncio.gather(left, right)
        return left.result() + right.result()
    return n


async def main():
    return await asyncio.create_task(fib(10), name="fib(10)")


if __name__ == "__main__":
    began = time.perf_counter()
    result = asyncio.run(main())
    print(f"fib(10) = {result} in {calls} calls, {time.perf_counter() - began:.2f} s")
