"""A pytest plugin that writes one TAP line per test to the file named by
CT_TAP_FILE, so that automake's TAP driver (tests/python.sh) counts Python
tests one by one, like the Check suites' test cases."""

import os

_out = None
_prefix = ""


def pytest_configure(config):
    global _out, _prefix
    path = os.environ.get("CT_TAP_FILE")
    if path:
        _out = open(path, "w", buffering=1)
        _prefix = os.environ.get("CT_TAP_PREFIX", "")


def _line(ok, report, directive=""):
    name = _prefix + report.nodeid.replace("#", "%23")
    _out.write("%s - %s%s\n" % ("ok" if ok else "not ok", name, directive))


def pytest_runtest_logreport(report):
    if _out is None:
        return
    xfail = hasattr(report, "wasxfail")
    if report.when == "setup":
        if report.skipped and not xfail:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
            _line(True, report, " # SKIP " + str(reason).replace("\n", " "))
        elif report.failed:
            _line(False, report, " (setup)")
    elif report.when == "call":
        if xfail:
            # An expected failure is TAP's TODO: "not ok ... # TODO" is XFAIL, "ok # TODO" XPASS.
            _line(not report.skipped, report, " # TODO " + str(report.wasxfail).replace("\n", " "))
        elif report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
            _line(True, report, " # SKIP " + str(reason).replace("\n", " "))
        else:
            _line(report.passed, report)
    elif report.when == "teardown" and report.failed:
        _line(False, report, " (teardown)")


def pytest_unconfigure(config):
    global _out
    if _out is not None:
        _out.close()
        _out = None
