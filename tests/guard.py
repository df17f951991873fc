"""A watchdog for tests of inputs that once hung: the test body runs in a forked child, and a
child that does not finish in time is killed, so the test fails instead of hanging the suite."""

from __future__ import annotations

import functools
import multiprocessing
import queue
import traceback


def _child(fn, args, kwargs, results):
    try:
        fn(*args, **kwargs)
        results.put(None)
    except BaseException:  # everything goes back to the parent, which fails the test
        results.put(traceback.format_exc())


def within(seconds: float):
    """Run the decorated test in a forked child; fail it when the child raises (with the
    child's traceback) or runs longer than ``seconds``."""

    def decorate(test):
        @functools.wraps(test)
        def guarded(*args, **kwargs):
            context = multiprocessing.get_context("fork")
            results = context.Queue()
            child = context.Process(target=_child, args=(test, args, kwargs, results))
            child.start()
            try:  # read before joining: a child blocks on exit until its result is read
                failure = results.get(timeout=seconds)
            except queue.Empty:
                child.kill()
                raise AssertionError(f"did not finish within {seconds:g} s") from None
            finally:
                child.join(5)
            if failure is not None:
                raise AssertionError(f"failed in the guarded child:\n{failure}")

        return guarded

    return decorate
