"""The same two coroutines wrapped in tasks: both sleeps run on the event loop at once.

The waits overlap, so the run takes about as long as the longer one (2 s), not the sum.
"""
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what, flush=True)


async def main():
    first = asyncio.create_task(say_after(1, "hello"), name="say_after(1, 'hello')")
    second = asyncio.create_task(say_after(2, "world"), name="say_after(2, 'world')")
    print(f"started at {time.strftime('%X')}", flush=True)
    await first
    await second
    print(f"finished at {time.strftime('%X')}", flush=True)


if __name__ == "__main__":
    began = time.perf_counter()
    asyncio.run(main())
    print(f"took {time.perf_counter() - began:.2f} s")
