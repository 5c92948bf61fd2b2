"""Places: place mentions found in an article and resolved against an offline GeoNames gazetteer."""

from newsweave.analyze.places.geocoder import Geocoder
from newsweave.analyze.places.resolution import Weights

__all__ = ["Geocoder", "Weights"]
