// The Python examples' naive recursive fib: how many calls it makes. Kept free of imports so worker
// bundles stay small (workers start faster).

/** Largest n whose fib call tree stays within the 10 000-task limit. */
export const FIB_MAX_N = 18;

/** Number of calls made by the naive recursive fib(n): 1 + calls(n-1) + calls(n-2). */
export function fibCalls(n: number): number {
  let a = 1; // calls(0)
  let b = 1; // calls(1)
  if (n <= 1) return 1;
  for (let i = 2; i <= n; i++) [a, b] = [b, 1 + a + b];
  return b;
}
