"""Admin: the PowerPoint template board packs are drawn in — the one in use, an upload, back to the default."""

from cxgov.ui.admin.pack_template import render_pack_template

render_pack_template()
