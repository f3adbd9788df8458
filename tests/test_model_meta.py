from __future__ import annotations

import json
import sys

import pytest

from pipeline.model_meta import ModelNotFound, find_model

META = {"lang": "en", "name": "news_tiny", "version": "1.2.3"}


def test_a_package_is_found_by_its_meta_without_being_imported(tmp_path, monkeypatch):
    package = tmp_path / "en_news_tiny"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('imported')\n")
    (package / "meta.json").write_text(json.dumps(META))
    monkeypatch.syspath_prepend(str(tmp_path))

    model = find_model("en_news_tiny")

    assert (model.name, model.id) == ("en_news_tiny", "en_news_tiny-1.2.3")
    assert "en_news_tiny" not in sys.modules


def test_a_pipeline_folder_is_found_by_its_meta(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps(META))
    assert find_model(str(tmp_path)).id == "en_news_tiny-1.2.3"


@pytest.mark.parametrize("name", ["no_such_model", "no.such.model", "./no/such/folder"])
def test_a_missing_model_is_a_setup_error(name):
    with pytest.raises(ModelNotFound, match=r"no.such"):
        find_model(name)
