"""Step 1, Open: any spreadsheet a bureau really has -> a :class:`~capnum_desktop.core.table.Table`.

Public names: :class:`ReadOptions`, :func:`read_table`, :func:`list_sheets`. Everything else in this
package is detail (format sniffing, encoding, delimiter, header and footer detection, readers).
"""

from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.io.reader import list_sheets, read_table

__all__ = ["ReadOptions", "list_sheets", "read_table"]
