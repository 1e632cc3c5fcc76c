"""The work-report engine: the data apps hand it (`sections`), the seed's outline (`outline`), where apps
register their sections (`registry`), the composer, the written places (`prose`), the comparison with the
previous period (`compare`), the formats (`exports`) and the renderers (`render/`)."""
