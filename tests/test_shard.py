from __future__ import annotations

import subprocess
import sys

from pipeline.shard import shard_zone

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


def test_a_shard_keeps_its_new_strings_until_the_vocabulary_is_warm(nlp):
    cold = len(nlp.vocab.strings) + 1_000
    with shard_zone(nlp, zones_from=cold):
        nlp("Zyxqwert Plonkovic said so.")
    assert "Zyxqwert" in nlp.vocab.strings
    with shard_zone(nlp, zones_from=len(nlp.vocab.strings)):
        nlp("Vrumblestick Oquendorf said so.")
    assert "Vrumblestick" not in nlp.vocab.strings
