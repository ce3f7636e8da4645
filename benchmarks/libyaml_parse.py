"""The baseline for validation: a bare libyaml parse of a file, nothing checked.

    python3 benchmarks/libyaml_parse.py [--no-gc] FILE

With --no-gc the cyclic garbage collector is off during the parse, as it is
while briefing loads a file: shown beside the plain parse so the table says
how much of the difference that alone makes.
"""

import gc
import sys

import yaml

if __name__ == "__main__":
    *options, path = sys.argv[1:]
    if "--no-gc" in options:
        gc.disable()
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
