from __future__ import annotations

from pipeline import config


def test_the_code_digest_follows_lexicons_but_not_files_built_at_setup(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MODELS_DIR", tmp_path)
    (tmp_path / "words.txt").write_text("said\n", encoding="utf-8")
    (tmp_path / "units.joblib").write_bytes(b"first build")
    before = config.code_digest()

    (tmp_path / "units.joblib").write_bytes(b"second build, other bytes")
    assert config.code_digest() == before

    (tmp_path / "words.txt").write_text("said\ntold\n", encoding="utf-8")
    assert config.code_digest() != before
