"""fib(10) as asyncio tasks, pausing with `await asyncio.sleep`: the fix.

While one task waits, the loop runs the others, so the pauses of a whole level of the call tree
overlap: the run takes about 10 pauses (the depth of the tree), not 177.
"""
import asyncio
import time

calls = 0


async def fib(n):
    global calls
    calls += 1
    await asyncio.sleep(0.1)  # hands the loop to the other tasks
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
