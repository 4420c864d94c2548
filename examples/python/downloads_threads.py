"""Four downloads, one thread each: the threads wait on the network together.

The URL comes from the environment variable CORESCOPE_DOWNLOAD_URL (CoreScope points it at its
own local download server) or from the first argument. Waiting for a socket releases the GIL, so
the four waits overlap even though only one thread can run Python at a time.
"""
import os
import sys
import threading
import time
import urllib.request

SITES = ["site-1", "site-2", "site-3", "site-4"]


def base_url():
    if len(sys.argv) > 1:
        return sys.argv[1]
    url = os.environ.get("CORESCOPE_DOWNLOAD_URL")
    if not url:
        sys.exit("give a base URL: CORESCOPE_DOWNLOAD_URL=http://host:port or an argument")
    return url


def download(url, sizes, index):
    with urllib.request.urlopen(url, timeout=30) as response:
        sizes[index] = len(response.read())


def main():
    base = base_url().rstrip("/")
    sizes = [0] * len(SITES)
    threads = [
        threading.Thread(target=download, args=(f"{base}/{site}?kib=256", sizes, i), name=f"download {site}")
        for i, site in enumerate(SITES)
    ]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"downloaded {sum(sizes)} bytes from {len(SITES)} sites in {time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main()
