from __future__ import annotations

import subprocess
import sys

#: Registers a report of the frozen objects at exit, then asks for the quick end: exit handlers
#: run last first, so the report sees what the interpreter's last collection would see.
QUICK_END = """
import atexit, gc
from pipeline.shard import end_without_last_collection
atexit.register(lambda: print("frozen" if gc.get_freeze_count() else "not frozen"))
end_without_last_collection()
"""


def test_a_process_that_loaded_the_model_ends_without_a_last_collection():
    run = subprocess.run(
        [sys.executable, "-c", QUICK_END], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip() == "frozen"
