"""Two coroutines awaited one after the other: the second starts only when the first is done.

The waits add up (1 s + 2 s = about 3 s). Compare with say_after_tasks.py.
"""
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what, flush=True)


async def main():
    print(f"started at {time.strftime('%X')}", flush=True)
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"finished at {time.strftime('%X')}", flush=True)


if __name__ == "__main__":
    began = time.perf_counter()
    asyncio.run(main())
    print(f"took {time.perf_counter() - began:.2f} s")
