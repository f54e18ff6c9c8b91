"""Write schemas/field_labels.json: the bundled standards' field labels as the catalogue ranking reads them.

Run it after changing a bundled standard, schemas/synonyms.json or the way labels are read
(capnum_desktop/core/schemas/matching.py): ``python schemas/tools/build_field_labels.py``. A standard the
file no longer fits is read from its texts anyway (slower, same result); the test
tests/core/schemas/test_stored_field_labels.py fails until the file is made again (issue 18).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from capnum_desktop.core.schemas.catalogue import list_schemas, schema_for_scoring  # noqa: E402
from capnum_desktop.core.schemas.matching import FIELD_LABELS_FILE, build_stored_field_labels  # noqa: E402


def main() -> None:
    schemas = [schema_for_scoring(entry.id) for entry in list_schemas() if entry.origin == "bundled"]
    data = build_stored_field_labels(schemas)
    path = ROOT / "schemas" / FIELD_LABELS_FILE
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{path}: {len(data['schemas'])} standards")


if __name__ == "__main__":
    main()
