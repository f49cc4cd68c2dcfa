"""Write the small real data files the tests read (run once; the outputs are committed).

Each file imitates what planners receive from agencies: a CGCS2000 Gauss-Kruger projection,
12-digit statistical codes, names without the 市 suffix or in pinyin variants.
Run: .venv/bin/python tests/data/make_data.py
"""

from pathlib import Path

import geopandas as gpd
import shapely

from geodata.boundaries.active import cities

HERE = Path(__file__).resolve().parent

PINYIN = {
    "140100": "Taiyuan City",
    "140200": "Datong Shi",
    "140300": "Yangquan Shi",
    "140400": "Changzhi",
    "140500": "JINCHENG",
    "140600": "shuozhou",
    "140700": "Jinzhong City",
    "140800": "Yuncheng",
    "140900": "Xinzhou",
    "141000": "Linfen",
    "141100": "Lvliang",
}


def main() -> None:
    layer = cities("shanxi").gdf
    simple = layer.copy()
    simple["geometry"] = shapely.coverage_simplify(layer.geometry.values, 0.02)
    # 1. CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547), 12-digit codes, names without 市
    agency = gpd.GeoDataFrame(
        {
            "QHDM": [code + "000000" for code in simple["adcode"]],
            "QHMC": [name.removesuffix("市") for name in simple["name_zh"]],
        },
        geometry=simple.geometry.values,
        crs="EPSG:4326",
    ).to_crs("EPSG:4547")
    agency.to_file(HERE / "shanxi_cities_4547.geojson", driver="GeoJSON")
    # 2. pinyin names only, WGS-84
    pinyin = gpd.GeoDataFrame(
        {"NAME": [PINYIN[code] for code in simple["adcode"]]},
        geometry=simple.geometry.values,
        crs="EPSG:4326",
    )
    pinyin.to_file(HERE / "shanxi_cities_pinyin.geojson", driver="GeoJSON")


if __name__ == "__main__":
    main()
