"""Bulk work beyond one process: ``ray_ingest`` runs ingest on a Ray cluster (``pip install 'newsweave[ray]'``).

See ``docs/scale.md`` for how to run it and the capacity plan.
"""

from newsweave.scale.ray_engine import BulkReport, ray_ingest

__all__ = ["BulkReport", "ray_ingest"]
