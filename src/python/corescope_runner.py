"""Runs one user script under CoreScope's tracer, like `python3 SCRIPT.py ARGS...`.

Usage: python3 corescope_runner.py SCRIPT [ARGS...]. The tracer is already loaded (sitecustomize
on PYTHONPATH); this makes it the root of the run, then runs the script with runpy as __main__
(so multiprocessing's spawn children find the script as their main module). A script that raises
ends with one line naming the exception type, message and file:line; a syntax error is one line.
"""

import os
import sys

import corescope_tracer as tracer


def _script_error(exc):
    if isinstance(exc, SyntaxError):
        where = ""
        if exc.filename:
            where = " at %s:%s" % (os.path.basename(exc.filename), exc.lineno or "?")
        return "SyntaxError: %s%s" % (exc.msg or "invalid syntax", where)
    return tracer.describe(exc, exc.__traceback__)


def _join_threads():
    import threading

    main = threading.main_thread()
    for t in threading.enumerate():
        if t is not main and not t.daemon and t.is_alive():
            t.join()


def main():
    tracer.init(root=True)
    if len(sys.argv) < 2:
        sys.stderr.write("usage: corescope_runner.py SCRIPT [ARGS...]\n")
        return 2
    script = os.path.abspath(sys.argv[1])
    sys.argv = [script] + sys.argv[2:]
    sys.path[0] = os.path.dirname(script)
    import runpy

    tracer.emit(["ready", tracer._now(), "main"])
    status, reason = "completed", None
    try:
        runpy.run_path(script, run_name="__main__")
        _join_threads()
    except SystemExit as exc:
        code = exc.code
        if code not in (None, 0):
            status = "failed"
            reason = code if isinstance(code, str) else "the script exited with status %s" % code
    except BaseException as exc:  # the user's script may raise anything, KeyboardInterrupt too
        status, reason = "failed", _script_error(exc)
        import traceback

        traceback.print_exception(exc)
    tracer.emit_always(["end", tracer._now(), status, reason])
    tracer.flush()
    sys.stdout.flush()
    return 0 if status == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
