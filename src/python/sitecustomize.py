"""Loads CoreScope's tracer into every interpreter of a traced run (multiprocessing's spawn and
forkserver children start fresh interpreters, which run this from PYTHONPATH), then runs the
sitecustomize this one shadows, if the machine has one."""

import os
import sys

if os.environ.get("CORESCOPE_TRACE_SOCK"):
    import corescope_tracer

    corescope_tracer.init(root=str(os.getppid()) == os.environ.get("CORESCOPE_ENGINE_PID"))


def _chain():
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    rest = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


_chain()
