"""What both bench scripts print: the interpreter's facts plus their own figures, as JSON."""
import json
import multiprocessing
import os
import platform
import sys


def write_report(args, **figures):
    """Writes the report to args.json when given, else to standard output."""
    info = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "startMethod": multiprocessing.get_start_method(),
        "cpuCount": os.cpu_count(),
        "repeat": args.repeat,
        **figures,
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(info, f, indent=2)
    else:
        json.dump(info, sys.stdout, indent=2)
