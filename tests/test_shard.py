from __future__ import annotations

import subprocess
import sys

#: Objects made before and after `keep_out_of_collections`; at exit (handlers run last first)
#: it reports whether the collector still walks each of them.
FROZEN = """
import atexit, gc
from pipeline.shard import keep_out_of_collections

def walked(thing):
    return any(o is thing for o in gc.get_objects())

before = [[]]
atexit.register(lambda: print(walked(before), walked(after)))
keep_out_of_collections()
print(walked(before))
after = [[]]
"""


def test_the_loaded_objects_and_at_exit_all_objects_are_kept_out_of_collections():
    run = subprocess.run(
        [sys.executable, "-c", FROZEN], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.split() == ["False", "False", "False"]
